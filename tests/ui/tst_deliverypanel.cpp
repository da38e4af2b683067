// The Deliveries tab against the real core: signed WooCommerce webhooks reach the console's
// listener, the inbox keeps them, the order path gives each its outcome, and the tab shows them,
// filtered as `deliveries` filters; a refused one can be replayed, an applied one cannot.
#include "console/corebridge.h"
#include "deliveries/deliverymodel.h"
#include "deliveries/deliverypanel.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kSecret = "deliveries-secret";

QByteArray wooOrder(int id, const QJsonValue &quantity, const QString &sku)
{
    const QJsonObject order {{u"id"_s, id},
                             {u"status"_s, u"processing"_s},
                             {u"line_items"_s,
                              QJsonArray {QJsonObject {{u"id"_s, id * 10},
                                                       {u"product_id"_s, 93},
                                                       {u"quantity"_s, quantity},
                                                       {u"sku"_s, sku}}}}};
    return QJsonDocument(order).toJson(QJsonDocument::Compact);
}
} // namespace

class TestDeliveryPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refusedDeliveriesShowAndReplay();

private:
    int post(quint16 port, const QByteArray &body, const QByteArray &deliveryId);

    QNetworkAccessManager m_network;
};

int TestDeliveryPanel::post(quint16 port, const QByteArray &body, const QByteArray &deliveryId)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/webhooks/woo"_s.arg(port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("X-WC-Webhook-Topic", "order.created");
    request.setRawHeader("X-WC-Webhook-Delivery-ID", deliveryId);
    request.setRawHeader(
        "X-WC-Webhook-Signature",
        QMessageAuthenticationCode::hash(body, kSecret, QCryptographicHash::Sha256).toBase64());
    QNetworkReply *reply = m_network.post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10'000))
        return 0;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void TestDeliveryPanel::refusedDeliveriesShowAndReplay()
{
    QTemporaryDir dir;
    const QString location = dir.filePath(u"inventory.sqlite"_s);
    QString error;
    {
        auto db = Database::open(location, &error);
        QVERIFY2(db, qPrintable(error));
        StockImportRow row;
        row.sku = u"WOO-A"_s;
        row.available = 10;
        QVERIFY(SyncEngine(*db).importStock({row}, u"test"_s, u"seed"_s).ok());
    }
    qputenv("DELIVERIES_TEST_KEY", "ck_test");
    qputenv("DELIVERIES_TEST_SECRET", kSecret);
    // No listing is mapped: nothing is pushed, the shop's address is never called.
    const ChannelsConfigResult config = parseChannelsConfig(
        uR"({"listen": "127.0.0.1:0", "channels": [{"id": "woo", "type": "woocommerce",
             "base_url": "http://127.0.0.1:9/woo", "intake": "webhook",
             "credentials": {"consumer_key_env": "DELIVERIES_TEST_KEY",
                             "consumer_secret_env": "DELIVERIES_TEST_SECRET"},
             "webhook_secret_env": "DELIVERIES_TEST_SECRET"}]})"_s.toUtf8(),
        QProcessEnvironment::systemEnvironment());
    QVERIFY2(config.ok(), qPrintable(config.error));

    ConsoleWorker::Options options;
    options.databaseLocation = location;
    options.config = *config.config;
    options.listen = true;
    CoreBridge bridge(options);
    DeliveryPanel panel(&bridge);
    panel.resize(1000, 600);
    panel.show();
    DeliveryModel *model = panel.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy started(&bridge, &CoreBridge::started);
    QSignalSpy log(&bridge, &CoreBridge::logMessage);
    bridge.start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10'000);
    const quint16 port = quint16(started.first().first().value<ConsoleInfo>().port);
    QVERIFY(port != 0);

    // Applied, invalid (a quantity as text), unmatched (a SKU we do not hold): each answered 200.
    QCOMPARE(post(port, wooOrder(501, 2, u"WOO-A"_s), "d-501"), 200);
    QCOMPARE(post(port, wooOrder(502, u"2"_s, u"WOO-A"_s), "d-502"), 200);
    QCOMPARE(post(port, wooOrder(503, 1, u"NOT-OURS"_s), "d-503"), 200);
    const auto statusOf = [model](const QString &deliveryId) {
        for (const InboxEntry &e : model->rows()) {
            if (e.delivery.deliveryId == deliveryId)
                return deliveryStatusName(e.status);
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"d-501"_s), u"applied"_s, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"d-502"_s), u"invalid"_s, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"d-503"_s), u"unmatched"_s, 10'000);

    // Filtered by status, as `deliveries --status invalid`.
    auto *status = panel.findChild<QComboBox *>(u"deliveryStatusFilter"_s);
    QVERIFY(status);
    status->setCurrentIndex(status->findData(u"invalid"_s));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10'000);
    QCOMPARE(model->rowAt(0)->delivery.deliveryId, u"d-502"_s);

    // Selected: its body and reason below, and Replay offered.
    QTableView *view = panel.view();
    auto *replay = panel.findChild<QPushButton *>(u"replayDelivery"_s);
    QVERIFY(replay);
    QVERIFY(!replay->isEnabled());
    view->selectRow(0);
    QVERIFY(replay->isEnabled());
    const QString detail = panel.findChild<QPlainTextEdit *>(u"deliveryDetail"_s)->toPlainText();
    QVERIFY2(detail.contains(u"\"quantity\": \"2\""_s), qPrintable(detail));
    QVERIFY2(detail.contains(model->rowAt(0)->error), qPrintable(detail));

    // Replayed: back in the queue (it leaves this filtered list while pending), drained again,
    // and still invalid (nothing was fixed) with a newer outcome.
    const qint64 firstOutcome = model->rowAt(0)->appliedAtMs;
    QTest::qWait(5); // a later millisecond for the second outcome
    QTest::mouseClick(replay, Qt::LeftButton);
    const auto replayed = [&log] {
        return std::any_of(log.cbegin(), log.cend(), [](const QList<QVariant> &a) {
            return a.at(0).toString().contains(u"back in the queue"_s);
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(replayed(), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1 && model->rowAt(0)->appliedAtMs > firstOutcome,
                             10'000);
    QCOMPARE(statusOf(u"d-502"_s), u"invalid"_s);

    // An applied delivery cannot be replayed.
    status->setCurrentIndex(status->findData(u"applied"_s));
    QTRY_VERIFY_WITH_TIMEOUT(
        model->rowCount() == 1 && model->rowAt(0)->status == DeliveryStatus::Applied, 10'000);
    view->selectRow(0);
    QVERIFY(!replay->isEnabled());
}

QTEST_MAIN(TestDeliveryPanel)
#include "tst_deliverypanel.moc"
