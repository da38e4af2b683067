// The HTTP layer alone, with fake handlers: its routes, statuses and JSON errors, and the
// listener's limits, each one shown to hold (and each with a case that fails without it).
#include "rawhttpclient.h"
#include "server/httpapi.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <mutex>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 10'000;

struct Seen
{
    QString channel;
    ServerRequest request;
    int webhooks = 0;
};

} // namespace

class TestHttpApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routes_data();
    void routes();
    void webhookGetsTheRequestWhole();
    void bodyLimitIsCheckedBeforeTheBodyIsRead_data();
    void bodyLimitIsCheckedBeforeTheBodyIsRead();
    void bodyALittleOverTheLimitIsReadThenRefused();
    void oversizedHeadersAre431();
    void requestsInFlightAreCapped();
    void silentConnectionsAreClosedByTheTimeout();
    void connectionsPerAddressAreCapped();
    void connectionsAreCapped();
    void waitingRequestsAreAnsweredWhenTheServerGoes();

private:
    quint16 start(ListenerLimits limits = {});
    // What the webhook handler saw: it runs on the listener's thread.
    Seen seen() const
    {
        const std::lock_guard lock(m_mutex);
        return m_seen;
    }
    QList<HttpApi::JsonReply> held() const
    {
        const std::lock_guard lock(m_mutex);
        return m_held;
    }
    void hold(bool hold)
    {
        const std::lock_guard lock(m_mutex);
        m_hold = hold;
    }

    std::unique_ptr<HttpApi> m_api;
    mutable std::mutex m_mutex; // guards what the webhook handler writes
    Seen m_seen;
    QList<HttpApi::JsonReply> m_held; // webhook replies held back, when m_hold
    bool m_hold = false;
};

quint16 TestHttpApi::start(ListenerLimits limits)
{
    m_api.reset();
    m_seen = {};
    m_held.clear();
    m_hold = false;
    HttpApi::Handlers handlers;
    handlers.webhook = [this](const QString &channel, const ServerRequest &request,
                              const HttpApi::JsonReply &reply) {
        {
            const std::lock_guard lock(m_mutex);
            m_seen.channel = channel;
            m_seen.request = request;
            ++m_seen.webhooks;
            if (m_hold) {
                m_held.append(reply);
                return;
            }
        }
        reply(202, QJsonObject {{u"status"_s, u"accepted"_s}});
    };
    handlers.inventory = [](const QString &sku) -> Result<std::optional<QJsonObject>> {
        if (sku == "BROKEN"_L1)
            return Error {u"database is locked"_s};
        if (sku == "NOPE"_L1)
            return std::optional<QJsonObject>();
        return std::optional<QJsonObject>(QJsonObject {{u"sku"_s, sku}});
    };
    handlers.health = [] { return Result<QJsonObject>(QJsonObject {{u"status"_s, u"ok"_s}}); };
    handlers.metrics = [] { return QByteArray("channeldesk_up 1\n"); };
    m_api = std::make_unique<HttpApi>(handlers, limits);
    QString error;
    const quint16 port = m_api->listen(u"127.0.0.1"_s, 0, &error);
    if (port == 0)
        qFatal("cannot listen: %s", qPrintable(error));
    return port;
}

void TestHttpApi::routes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field"); // a field of the JSON answer
    QTest::addColumn<QString>("value");

    QTest::newRow("health") << "GET"_ba
                            << "/healthz"_ba << 200 << u"status"_s << u"ok"_s;
    QTest::newRow("inventory") << "GET"_ba
                               << "/v1/inventory/MUG-1"_ba << 200 << u"sku"_s << u"MUG-1"_s;
    QTest::newRow("inventory, encoded") << "GET"_ba
                                        << "/v1/inventory/A%20B"_ba << 200 << u"sku"_s << u"A B"_s;
    QTest::newRow("unknown SKU") << "GET"_ba
                                 << "/v1/inventory/NOPE"_ba << 404 << u"error"_s
                                 << u"unknown SKU \"NOPE\""_s;
    QTest::newRow("store fails") << "GET"_ba
                                 << "/v1/inventory/BROKEN"_ba << 503 << u"error"_s
                                 << u"database is locked"_s;
    QTest::newRow("webhook") << "POST"_ba
                             << "/webhooks/shop"_ba << 202 << u"status"_s << u"accepted"_s;
    QTest::newRow("GET webhook") << "GET"_ba
                                 << "/webhooks/shop"_ba << 405 << u"error"_s
                                 << u"method not allowed here; use POST"_s;
    QTest::newRow("POST health") << "POST"_ba
                                 << "/healthz"_ba << 405 << u"error"_s
                                 << u"method not allowed here; use GET"_s;
    QTest::newRow("DELETE inventory")
        << "DELETE"_ba
        << "/v1/inventory/MUG-1"_ba << 405 << u"error"_s << u"method not allowed here; use GET"_s;
    QTest::newRow("no route") << "GET"_ba
                              << "/nope"_ba << 404 << u"error"_s << QString();
    QTest::newRow("webhook without channel") << "POST"_ba
                                             << "/webhooks/"_ba << 404 << u"error"_s << QString();
    QTest::newRow("inventory, encoded slash")
        << "GET"_ba
        << "/v1/inventory/A%2FB"_ba << 200 << u"sku"_s << u"A/B"_s;
    QTest::newRow("query ignored") << "GET"_ba
                                   << "/healthz?verbose=1"_ba << 200 << u"status"_s << u"ok"_s;
    QTest::newRow("inventory, two segments")
        << "GET"_ba
        << "/v1/inventory/A/B"_ba << 404 << u"error"_s << QString();
}

void TestHttpApi::routes()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, value);
    RawHttpClient client(start());
    client.request(method, path);
    QTRY_VERIFY_WITH_TIMEOUT(client.answered(), kWaitMs);
    QCOMPARE(client.status(), status);
    QCOMPARE(client.header("content-type"), "application/json"_ba);
    const QJsonObject body = QJsonDocument::fromJson(client.body()).object();
    QVERIFY2(body.contains(field), client.body().constData());
    if (!value.isEmpty())
        QCOMPARE(body.value(field).toString(), value);
    if (status == 405)
        QVERIFY(!client.header("allow").isEmpty());
}

void TestHttpApi::webhookGetsTheRequestWhole()
{
    RawHttpClient client(start());
    const QByteArray body = R"({"id": 1, "line_items": []})";
    client.request("POST", "/webhooks/my%20shop", body,
                   {{"X-Shopify-Hmac-Sha256", "c2ln"}, {"X-Shopify-Topic", "orders/create"}});
    QTRY_VERIFY_WITH_TIMEOUT(client.answered(), kWaitMs);
    QCOMPARE(client.status(), 202);
    QCOMPARE(seen().channel, u"my shop"_s);
    QCOMPARE(seen().request.body, body);
    QCOMPARE(seen().request.method, "POST"_ba);
    QCOMPARE(seen().request.headers.value("x-shopify-hmac-sha256"), "c2ln"_ba);
    QCOMPARE(seen().request.headers.value("x-shopify-topic"), "orders/create"_ba);
    QCOMPARE(seen().request.peer, u"127.0.0.1"_s);

    // /metrics is Prometheus text, not JSON.
    client.reset();
    client.request("GET", "/metrics");
    QTRY_VERIFY_WITH_TIMEOUT(client.answered(), kWaitMs);
    QCOMPARE(client.status(), 200);
    QVERIFY(client.header("content-type").startsWith("text/plain"));
    QCOMPARE(client.body(), "channeldesk_up 1\n"_ba);
}

void TestHttpApi::bodyLimitIsCheckedBeforeTheBodyIsRead_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<int>("status");
    QTest::newRow("at the limit") << "Content-Length: 64\r\n"_ba << 202;
    QTest::newRow("over the limit, waiting for 100-continue")
        << "Content-Length: 65\r\nExpect: 100-continue\r\n"_ba << 413;
    QTest::newRow("far over the limit") << "Content-Length: 129\r\n"_ba << 413;
    QTest::newRow("200 MB") << "Content-Length: 209715200\r\n"_ba << 413;
    QTest::newRow("no length") << QByteArray() << 411;
    QTest::newRow("chunked") << "Transfer-Encoding: chunked\r\n"_ba << 411;
    QTest::newRow("not a number") << "Content-Length: lots\r\n"_ba << 400;
}

void TestHttpApi::bodyLimitIsCheckedBeforeTheBodyIsRead()
{
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    ListenerLimits limits;
    limits.maxBodyBytes = 64;
    RawHttpClient client(start(limits));
    // Only the headers are sent: a refusal comes before any of the body, or the test waits in
    // vain; an accepted one gets its 64 bytes afterwards.
    client.send("POST /webhooks/shop HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n");
    if (status == 202) {
        client.send(QByteArray(64, 'x'));
        QTRY_VERIFY_WITH_TIMEOUT(client.answered(), kWaitMs);
        QCOMPARE(client.status(), 202);
        QCOMPARE(seen().request.body.size(), 64);
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(client.answered(), kWaitMs);
    QCOMPARE(client.status(), status);
    // A Content-Length that is not a number is malformed HTTP: libmicrohttpd answers it itself.
    if (qstrcmp(QTest::currentDataTag(), "not a number") != 0)
        QVERIFY(QJsonDocument::fromJson(client.body()).object().contains(u"error"_s));
    QCOMPARE(seen().webhooks, 0);
    if (status == 413) // nothing more is read from it: the connection goes
        QTRY_VERIFY_WITH_TIMEOUT(client.closed(), kWaitMs);
}

void TestHttpApi::bodyALittleOverTheLimitIsReadThenRefused()
{
    // A client already sending a body a little over the limit (Qt, most HTTP libraries) gets its
    // 413 after the body, read and dropped: closing on unread bytes would reset the connection
    // and lose the answer.
    ListenerLimits limits;
    limits.maxBodyBytes = 64;
    RawHttpClient client(start(limits));
    client.request("POST", "/webhooks/shop", QByteArray(100, 'x'));
    QTRY_VERIFY_WITH_TIMEOUT(client.answered(), kWaitMs);
    QCOMPARE(client.status(), 413);
    QVERIFY(QJsonDocument::fromJson(client.body()).object().contains(u"error"_s));
    QCOMPARE(seen().webhooks, 0);
    QTRY_VERIFY_WITH_TIMEOUT(client.closed(), kWaitMs);
}

void TestHttpApi::oversizedHeadersAre431()
{
    ListenerLimits limits;
    limits.maxHeaderBytes = 1024;
    const quint16 port = start(limits);
    RawHttpClient small(port);
    small.request("GET", "/healthz", {}, {{"X-Padding", QByteArray(700, 'a')}});
    QTRY_VERIFY_WITH_TIMEOUT(small.answered(), kWaitMs);
    QCOMPARE(small.status(), 200);
    RawHttpClient big(port);
    big.request("GET", "/healthz", {}, {{"X-Padding", QByteArray(1200, 'a')}});
    QTRY_VERIFY_WITH_TIMEOUT(big.answered(), kWaitMs);
    QCOMPARE(big.status(), 431);
    QVERIFY(QJsonDocument::fromJson(big.body()).object().contains(u"error"_s));
}

void TestHttpApi::requestsInFlightAreCapped()
{
    ListenerLimits limits;
    limits.maxInFlight = 2;
    const quint16 port = start(limits);
    hold(true);
    RawHttpClient first(port), second(port), third(port);
    first.request("POST", "/webhooks/shop", "{}");
    second.request("POST", "/webhooks/shop", "{}");
    QTRY_COMPARE_WITH_TIMEOUT(held().size(), 2, kWaitMs);
    third.request("POST", "/webhooks/shop", "{}");
    QTRY_VERIFY_WITH_TIMEOUT(third.answered(), kWaitMs);
    QCOMPARE(third.status(), 503);
    QCOMPARE(third.header("retry-after"), "1"_ba);
    QCOMPARE(seen().webhooks, 2);
    QVERIFY(!first.answered());

    // Answered, they free their places.
    for (const auto &reply : held())
        reply(200, QJsonObject {{u"status"_s, u"applied"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(first.answered() && second.answered(), kWaitMs);
    QCOMPARE(first.status(), 200);
    hold(false);
    third.reset();
    third.request("POST", "/webhooks/shop", "{}");
    QTRY_VERIFY_WITH_TIMEOUT(third.answered(), kWaitMs);
    QCOMPARE(third.status(), 202);
}

void TestHttpApi::silentConnectionsAreClosedByTheTimeout()
{
    ListenerLimits limits;
    limits.timeoutSeconds = 1;
    const quint16 port = start(limits);
    RawHttpClient halfHeader(port), silent(port), idle(port);
    halfHeader.send("POST /webhooks/shop HTTP/1.1\r\nHost: x\r\nX-Sho");
    idle.request("GET", "/healthz");
    QTRY_VERIFY_WITH_TIMEOUT(idle.answered(), kWaitMs); // then idles, kept alive
    QTRY_VERIFY_WITH_TIMEOUT(halfHeader.closed() && silent.closed() && idle.closed(), kWaitMs);
    QVERIFY(!halfHeader.answered());
}

void TestHttpApi::connectionsPerAddressAreCapped()
{
    ListenerLimits limits;
    limits.maxConnectionsPerAddress = 2;
    const quint16 port = start(limits);
    RawHttpClient a(port, QHostAddress(u"127.0.0.2"_s)), b(port, QHostAddress(u"127.0.0.2"_s));
    QTRY_VERIFY_WITH_TIMEOUT(a.connected() && b.connected(), kWaitMs);
    RawHttpClient c(port, QHostAddress(u"127.0.0.2"_s));
    QTRY_VERIFY_WITH_TIMEOUT(c.closed(), kWaitMs); // at once, long before the timeout
    // Another address still gets in, and the first two are still open.
    RawHttpClient other(port, QHostAddress(u"127.0.0.3"_s));
    other.request("GET", "/healthz");
    QTRY_VERIFY_WITH_TIMEOUT(other.answered(), kWaitMs);
    QCOMPARE(other.status(), 200);
    QVERIFY(!a.closed() && !b.closed());
}

void TestHttpApi::connectionsAreCapped()
{
    ListenerLimits limits;
    limits.maxConnections = 3;
    const quint16 port = start(limits);
    std::vector<std::unique_ptr<RawHttpClient>> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(
            std::make_unique<RawHttpClient>(port, QHostAddress(u"127.0.1.%1"_s.arg(i + 1))));
        QTRY_VERIFY_WITH_TIMEOUT(held.back()->connected(), kWaitMs);
    }
    // A request on one of them proves the server has taken all three.
    held.back()->request("GET", "/healthz");
    QTRY_VERIFY_WITH_TIMEOUT(held.back()->answered(), kWaitMs);
    // Beyond the limit the listener accepts nothing more: a fourth connection waits in the
    // kernel's queue, unread, while a held one is still served...
    RawHttpClient fourth(port, QHostAddress(u"127.0.1.9"_s));
    fourth.request("GET", "/healthz");
    held.front()->request("GET", "/healthz");
    QTRY_VERIFY_WITH_TIMEOUT(held.front()->answered(), kWaitMs);
    QVERIFY(!fourth.answered());
    // ...and is taken as soon as a place is free.
    held.back()->socket().abort();
    QTRY_VERIFY_WITH_TIMEOUT(fourth.answered(), kWaitMs);
    QCOMPARE(fourth.status(), 200);
}

void TestHttpApi::waitingRequestsAreAnsweredWhenTheServerGoes()
{
    const quint16 port = start();
    hold(true);
    RawHttpClient client(port);
    client.request("POST", "/webhooks/shop", "{}");
    QTRY_COMPARE_WITH_TIMEOUT(held().size(), 1, kWaitMs);
    m_api.reset(); // must not leave the connection suspended
    QTRY_VERIFY_WITH_TIMEOUT(client.answered() || client.closed(), kWaitMs);
    if (client.answered())
        QCOMPARE(client.status(), 503);
    held().first()(200, {}); // a late answer, after the server: nothing happens
}

QTEST_GUILESS_MAIN(TestHttpApi)
#include "tst_httpapi.moc"
