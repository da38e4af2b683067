// "Test connection" (issue 15) against the simulators over loopback HTTP: each adapter's one
// read call (Shopify `shop { name }`, WooCommerce one product, eBay one inventory item, Amazon one
// listing) answers ok with the right credentials, and with the wrong ones, a wrong address, a
// name that does not resolve or TLS spoken to a plain server, says which problem it was, with
// the channel's own words.
#include "channels/connectiontester.h"
#include "fakechannelserver.h" // Test::Capture
#include "simfixture.h"

using namespace Qt::StringLiterals;
using namespace ChannelDesk;
using namespace ChannelDesk::Testing;

Q_DECLARE_METATYPE(ChannelDesk::ConnectionProblem)

class TestConnectionTester : public QObject, public SimFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void check_data();
    void check();

private:
    ChannelConfig config(const QString &channel) const;
};

ChannelConfig TestConnectionTester::config(const QString &channel) const
{
    static const QHash<QString, QString> types {{u"shop-us"_s, u"shopify"_s},
                                                {u"woo"_s, u"woocommerce"_s},
                                                {u"ebay"_s, u"ebay"_s},
                                                {u"amz"_s, u"amazon"_s}};
    return channelConfig(channel, types.value(channel));
}

void TestConnectionTester::check_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("change"); // what is wrong with the config
    QTest::addColumn<ConnectionProblem>("problem");
    QTest::addColumn<int>("httpStatus");
    for (const QString &channel : {u"shop-us"_s, u"woo"_s, u"ebay"_s, u"amz"_s}) {
        const QByteArray name = channel.toUtf8();
        QTest::addRow("%s ok", name.constData())
            << channel << QString() << ConnectionProblem::None << 200;
        QTest::addRow("%s wrong token", name.constData())
            << channel << u"token"_s << ConnectionProblem::TokenRefused << 401;
        QTest::addRow("%s wrong path", name.constData())
            << channel << u"path"_s << ConnectionProblem::NotAnApi << 404;
        QTest::addRow("%s no such host", name.constData())
            << channel << u"dns"_s << ConnectionProblem::AddressNotFound << 0;
        QTest::addRow("%s tls to a plain server", name.constData())
            << channel << u"tls"_s << ConnectionProblem::Tls << 0;
    }
}

void TestConnectionTester::check()
{
    QFETCH(QString, channel);
    QFETCH(QString, change);
    QFETCH(ConnectionProblem, problem);
    QFETCH(int, httpStatus);
    ChannelConfig c = config(channel);
    if (change == "token"_L1) {
        for (const QString &role :
             {u"token"_s, u"consumer_secret"_s, u"refresh_token"_s, u"lwa_client_secret"_s})
            c.credentials.insert(role, "wrong");
    } else if (change == "path"_L1) {
        c.baseUrl = QUrl(u"http://127.0.0.1:%1/nothing-here"_s.arg(m_port));
        c.lwaUrl = config(channel).lwaUrl; // Amazon: the token is fine, the API is not there
    } else if (change == "dns"_L1) {
        c.baseUrl = QUrl(u"http://no-such-shop.invalid/"_s);
        c.lwaUrl = c.baseUrl;
    } else if (change == "tls"_L1) {
        c.baseUrl = QUrl(u"https://127.0.0.1:%1/%2"_s.arg(m_port).arg(channel));
        c.lwaUrl = c.baseUrl;
    }
    ConnectionTester tester(*m_clock);
    Test::Capture<ConnectionCheck> answer;
    tester.test(c, answer.callback());
    QCOMPARE(answer.calls, 0); // never from inside the call
    QTRY_COMPARE_WITH_TIMEOUT(answer.calls, 1, 10'000);
    const ConnectionCheck &check = answer.value;
    QVERIFY2(check.problem == problem,
             qPrintable(u"%1 (HTTP %2): %3"_s.arg(connectionProblemName(check.problem))
                            .arg(check.httpStatus)
                            .arg(check.message)));
    QCOMPARE(check.ok(), problem == ConnectionProblem::None);
    if (problem == ConnectionProblem::None) {
        QCOMPARE(check.shopName, channel == "shop-us"_L1 ? u"Simulated shop shop-us"_s : QString());
        return;
    }
    QVERIFY2(!check.message.isEmpty(), "the channel's own words are kept");
    if (httpStatus != 0)
        QCOMPARE(check.httpStatus, httpStatus);
}

QTEST_GUILESS_MAIN(TestConnectionTester)
#include "tst_connectiontester.moc"
