// Connect a channel's verdict in the merchant's words (ConnectChannelDialog::describe): each kind
// of trouble a connection test reports, with the channel's own answer kept beside it.
#include "channels/connectchanneldialog.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ChannelDesk::ConnectionProblem)

class TestConnectChannelDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void describe_data();
    void describe();
};

void TestConnectChannelDialog::describe_data()
{
    QTest::addColumn<ConnectionProblem>("problem");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("shopName");
    QTest::addColumn<QString>("expected");
    const QString said = u"the channel's words"_s;
    QTest::newRow("ok, named") << ConnectionProblem::None << 200 << u"Blue Mugs"_s
                               << u"Connected to Blue Mugs."_s;
    QTest::newRow("ok") << ConnectionProblem::None << 200 << QString()
                        << u"Connected: shop.example answered."_s;
    QTest::newRow("token") << ConnectionProblem::TokenRefused << 401 << QString()
                           << u"The token was refused (HTTP 401): "_s + said;
    QTest::newRow("dns") << ConnectionProblem::AddressNotFound << 0 << QString()
                         << u"The shop address shop.example could not be found (DNS): "_s + said;
    QTest::newRow("tls") << ConnectionProblem::Tls << 0 << QString()
                         << u"The secure connection to shop.example failed (TLS): "_s + said;
    QTest::newRow("timeout") << ConnectionProblem::Timeout << 0 << QString()
                             << u"No answer from shop.example in time: "_s + said;
    QTest::newRow("unreachable") << ConnectionProblem::Unreachable << 0 << QString()
                                 << u"shop.example could not be reached: "_s + said;
    QTest::newRow("not the api")
        << ConnectionProblem::NotAnApi << 404 << QString()
        << u"shop.example answers, but not as the channel's API there (HTTP 404): check the "
           "shop address. "_s +
            said;
    QTest::newRow("channel error") << ConnectionProblem::ChannelError << 503 << QString()
                                   << u"The channel said no (HTTP 503): "_s + said;
    QTest::newRow("bad answer") << ConnectionProblem::BadAnswer << 200 << QString()
                                << u"The channel's answer could not be read: "_s + said;
}

void TestConnectChannelDialog::describe()
{
    QFETCH(ConnectionProblem, problem);
    QFETCH(int, httpStatus);
    QFETCH(QString, shopName);
    QFETCH(QString, expected);
    ConnectionCheck check;
    check.problem = problem;
    check.failure = problem == ConnectionProblem::None ? FailureKind::None : FailureKind::Permanent;
    check.httpStatus = httpStatus;
    check.message = problem == ConnectionProblem::None ? QString() : u"the channel's words"_s;
    check.shopName = shopName;
    ChannelConfig config;
    config.baseUrl = QUrl(u"https://shop.example/"_s);
    QCOMPARE(ConnectChannelDialog::describe(check, config), expected);
}

QTEST_MAIN(TestConnectChannelDialog)
#include "tst_connectchanneldialog.moc"
