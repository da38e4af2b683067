// sendHttp with the manager on the caller's thread and on a NetworkThread of its own (issue 13):
// the answer comes to the caller's thread, once; a caller gone before the answer gets nothing.
#include "channels/httpexchange.h"
#include "channels/networkthread.h"
#include "fakechannelserver.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <atomic>
#include <memory>

using namespace ChannelDesk;
using namespace ChannelDesk::Test;
using namespace Qt::StringLiterals;

class TestHttpExchange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        m_thread.reset();
        m_here.reset();
    }
    void answerComesToTheCallersThread_data();
    void answerComesToTheCallersThread();
    void timeoutComesToTheCallersThread_data();
    void timeoutComesToTheCallersThread();
    void callerGoneGetsNoAnswer();
    void managersGoWithTheirThread();

private:
    void addManagers();
    QNetworkAccessManager *manager(bool ownThread);

    std::unique_ptr<QNetworkAccessManager> m_here;
    std::unique_ptr<NetworkThread> m_thread;
};

void TestHttpExchange::addManagers()
{
    QTest::addColumn<bool>("ownThread");
    QTest::newRow("manager on the caller's thread") << false;
    QTest::newRow("manager on a network thread") << true;
}

QNetworkAccessManager *TestHttpExchange::manager(bool ownThread)
{
    if (!ownThread) {
        m_here = std::make_unique<QNetworkAccessManager>();
        return m_here.get();
    }
    m_thread = std::make_unique<NetworkThread>();
    return m_thread->createManager();
}

struct Answers
{
    std::atomic<int> count {0};
    QThread *thread = nullptr;
    HttpResponse last;
};

// A `done` that keeps the answer, how many came, and on which thread.
std::function<void(const HttpResponse &)> record(const std::shared_ptr<Answers> &answers)
{
    return [answers](const HttpResponse &r) {
        answers->thread = QThread::currentThread();
        answers->last = r;
        ++answers->count;
    };
}

void TestHttpExchange::answerComesToTheCallersThread_data()
{
    addManagers();
}

void TestHttpExchange::answerComesToTheCallersThread()
{
    QFETCH(bool, ownThread);
    FakeChannelServer server;
    QVERIFY(server.listening());
    server.enqueue(CannedResponse::json(201, R"({"ok":true})", {{"X-Shop", "yes"}}));
    QNetworkAccessManager *network = manager(ownThread);
    QCOMPARE(network->thread() != QThread::currentThread(), ownThread);

    QObject context;
    auto answers = std::make_shared<Answers>();
    sendHttp(network, &context, makeApiRequest(server.baseUrl(), 5000), "POST", R"({"q":1})",
             record(answers));
    QTRY_COMPARE_WITH_TIMEOUT(answers->count.load(), 1, 5000);
    QCOMPARE(answers->thread, QThread::currentThread());
    QCOMPARE(answers->last.status, 201);
    QCOMPARE(answers->last.body, QByteArray(R"({"ok":true})"));
    QCOMPARE(answers->last.header("x-shop"), QByteArray("yes"));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().constFirst().body, QByteArray(R"({"q":1})"));
    QTest::qWait(50);
    QCOMPARE(answers->count.load(), 1); // once
}

void TestHttpExchange::timeoutComesToTheCallersThread_data()
{
    addManagers();
}

void TestHttpExchange::timeoutComesToTheCallersThread()
{
    QFETCH(bool, ownThread);
    FakeChannelServer server;
    server.enqueue(CannedResponse::silence());
    QNetworkAccessManager *network = manager(ownThread);
    QObject context;
    auto answers = std::make_shared<Answers>();
    sendHttp(network, &context, makeApiRequest(server.baseUrl(), 200), "GET", {}, record(answers));
    QTRY_COMPARE_WITH_TIMEOUT(answers->count.load(), 1, 5000);
    QCOMPARE(answers->thread, QThread::currentThread());
    QVERIFY(!answers->last.answered());
    QVERIFY(answers->last.timedOut);
}

void TestHttpExchange::callerGoneGetsNoAnswer()
{
    // The call ends on the network thread (a timeout) after its caller was destroyed: the
    // answer is dropped, not delivered to a dead object.
    FakeChannelServer server;
    server.enqueue(CannedResponse::silence());
    QNetworkAccessManager *network = manager(true);
    auto answers = std::make_shared<Answers>();
    auto context = std::make_unique<QObject>();
    sendHttp(network, context.get(), makeApiRequest(server.baseUrl(), 200), "GET", {},
             [answers](const HttpResponse &) { ++answers->count; });
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, 5000);
    context.reset();
    QTest::qWait(600); // the timeout fired meanwhile
    QCOMPARE(answers->count.load(), 0);
    m_thread.reset();
}

void TestHttpExchange::managersGoWithTheirThread()
{
    // Destroying the thread with a call in flight aborts it: no answer, no crash, no leak (ASan).
    FakeChannelServer server;
    server.enqueue(CannedResponse::silence());
    QNetworkAccessManager *network = manager(true);
    QObject context;
    auto answers = std::make_shared<Answers>();
    sendHttp(network, &context, makeApiRequest(server.baseUrl(), 30'000), "GET", {},
             [answers](const HttpResponse &) { ++answers->count; });
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, 5000);
    m_thread.reset();
    QTest::qWait(50);
    QCOMPARE(answers->count.load(), 0);
}

QTEST_GUILESS_MAIN(TestHttpExchange)
#include "tst_httpexchange.moc"
