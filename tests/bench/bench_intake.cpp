// Webhook intake under load (issue 13: >= 5,000 signed deliveries answered per second, p99
// answer < 50 ms, with "durability": "full").
//
// The real runtime listens on loopback as `channeldesk-cli serve` does (HttpServer, HttpApi,
// OrderIntake with its durable inbox and group commit, the order path, propagation to the
// channels in channeldesk-sim), in this process's main thread. CLIENTS threads each keep one
// HTTP/1.1 connection and send, back to back, signed orders/create (Shopify, HMAC-SHA256 in
// X-Shopify-Hmac-Sha256) or order.created (WooCommerce, X-WC-Webhook-Signature) deliveries of
// one or two lines over 200 SKUs; one delivery in ten repeats the client's previous one (a
// redelivery: answered, applied once). Measured: deliveries answered per second (any status;
// the 200s are counted apart), the answer latency from the first byte sent to the last byte of
// the answer read, and the time from a new order's answer to its application by the order path
// (CoreRuntime::orderApplied), on one monotonic clock shared by every thread.
//
// Usage: bench_intake CLIENTS SECONDS (CLIENTS up to 64: 32 from 127.0.0.1, the rest from
// 127.0.0.2, within the listener's per-address limit; its 64 requests in flight hold them all)
// CHANNELDESK_BENCH_DURABILITY=normal runs it with "durability": "normal" (no fsync per commit),
// to tell the fsync from the CPU; the goal is with full. CHANNELDESK_BENCH_INTAKE_WAIT_MS=N
// sets the intake's group-commit window instead of its 2 ms (0: none, each commit takes what
// arrived while the last one synced; more: more deliveries per fsync).
#include "benchreport.h"
#include "benchsim.h"
#include "metrics/latencyhistogram.h"
#include "runtime/coreruntime.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <memory>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSkus = 200;
constexpr int kPerAddress = 32; // ListenerLimits::maxConnectionsPerAddress
constexpr int kWarmUpMs = 2000;
const QByteArray kSecret = "t"; // BENCH_T, the channels' webhook_secret_env in benchsim.cpp

QElapsedTimer g_clock; // started before any thread; read-only afterwards

qint64 nowNs()
{
    return g_clock.nsecsElapsed();
}

QByteArray sign(const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(body, kSecret, QCryptographicHash::Sha256).toBase64();
}

// One signed delivery as the channel sends it: the HTTP request, and the order it carries.
struct Delivery
{
    QString key; // "channel\norder id", as orderApplied names it
    QByteArray request;
};

// `quantity` of one SKU, and one unit of a second when second >= 0. Shopify names the product
// by variant_id, WooCommerce by product_id (variation_id 0: a simple product).
QJsonArray orderLines(qint64 orderId, bool woo, int sku, int quantity, int second)
{
    QJsonArray lines;
    const auto add = [&](int index, int which, int units) {
        QJsonObject line {{u"id"_s, orderId * 10 + index},
                          {u"sku"_s, Bench::skuName(which)},
                          {u"quantity"_s, units}};
        line.insert(woo ? u"product_id"_s : u"variant_id"_s, 1000 + which);
        if (woo)
            line.insert(u"variation_id"_s, 0);
        lines.append(line);
    };
    add(1, sku, quantity);
    if (second >= 0)
        add(2, second, 1);
    return lines;
}

Delivery shopifyOrder(qint64 orderId, int sku, int quantity, int second)
{
    const QJsonArray lines = orderLines(orderId, false, sku, quantity, second);
    const QByteArray body = QJsonDocument(QJsonObject {{u"id"_s, orderId},
                                                       {u"name"_s, u"#%1"_s.arg(orderId)},
                                                       {u"currency"_s, u"USD"_s},
                                                       {u"financial_status"_s, u"paid"_s},
                                                       {u"line_items"_s, lines}})
                                .toJson(QJsonDocument::Compact);
    const QByteArray request =
        "POST /webhooks/shop HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nX-Shopify-Topic: orders/create\r\n"
        "X-Shopify-Hmac-Sha256: " +
        sign(body) + "\r\nX-Shopify-Webhook-Id: wh-" + QByteArray::number(orderId) +
        "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return {u"shop\n"_s + QString::number(orderId), request};
}

Delivery wooOrder(qint64 orderId, int sku, int quantity, int second)
{
    const QJsonArray lines = orderLines(orderId, true, sku, quantity, second);
    const QByteArray body = QJsonDocument(QJsonObject {{u"id"_s, orderId},
                                                       {u"status"_s, u"processing"_s},
                                                       {u"currency"_s, u"USD"_s},
                                                       {u"line_items"_s, lines}})
                                .toJson(QJsonDocument::Compact);
    const QByteArray request = "POST /webhooks/woo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Content-Type: application/json\r\n"
                               "X-WC-Webhook-Topic: order.created\r\n"
                               "X-WC-Webhook-Resource: order\r\nX-WC-Webhook-Event: created\r\n"
                               "X-WC-Webhook-Signature: " +
        sign(body) + "\r\nX-WC-Webhook-Delivery-ID: " + QByteArray::number(orderId) +
        "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return {u"woo\n"_s + QString::number(orderId), request};
}

// One client: a connection, deliveries back to back until told to stop.
class Client : public QThread
{
public:
    Client(int index, quint16 port, std::atomic<bool> *measuring, std::atomic<bool> *stop)
        : m_index(index)
        , m_port(port)
        , m_measuring(measuring)
        , m_stop(stop)
    {
    }

    LatencyHistogram answers; // µs, while measuring
    qint64 delivered = 0; // answered while measuring
    qint64 ok = 0; // of which 200
    qint64 refused = 0; // answered with another status
    qint64 errors = 0; // connection lost before an answer
    QHash<QString, qint64> answeredNs; // a new order's key -> when its 200 answer was read

protected:
    void run() override
    {
        QTcpSocket socket;
        quint64 state = quint64(m_index) * 0x9E3779B97F4A7C15ULL + 1;
        const auto random = [&state](int bound) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return int(state % quint64(bound));
        };
        qint64 seq = 0;
        Delivery previous;
        while (!m_stop->load()) {
            if (socket.state() != QAbstractSocket::ConnectedState) {
                socket.abort();
                // 32 connections from each loopback address (the listener's per-address limit):
                // clients 33 to 64 come from 127.0.0.2, as a second sender would.
                socket.bind(QHostAddress(u"127.0.0.%1"_s.arg(1 + m_index / kPerAddress)));
                socket.connectToHost(QHostAddress::LocalHost, m_port);
                if (!socket.waitForConnected(5000)) {
                    ++errors;
                    QThread::msleep(10);
                    continue;
                }
            }
            const bool redelivery = !previous.key.isEmpty() && random(10) == 0;
            bool fresh = false;
            if (!redelivery) {
                const qint64 orderId = qint64(m_index + 1) * 1'000'000'000LL + ++seq;
                const int sku = random(kSkus);
                const int second = random(4) == 0 ? random(kSkus) : -1;
                previous = m_index % 2 == 0
                    ? shopifyOrder(orderId, sku, 1 + random(2), second == sku ? -1 : second)
                    : wooOrder(orderId, sku, 1 + random(2), second == sku ? -1 : second);
                fresh = true;
            }
            const bool measuring = m_measuring->load();
            const qint64 sent = nowNs();
            socket.write(previous.request);
            const int status = readAnswer(socket);
            const qint64 answered = nowNs();
            if (status < 0) {
                ++errors;
                socket.abort();
                continue;
            }
            if (!measuring)
                continue;
            ++delivered;
            answers.record((answered - sent) / 1000);
            if (status == 200) {
                ++ok;
                if (fresh)
                    answeredNs.insert(previous.key, answered);
            } else {
                ++refused;
            }
        }
    }

private:
    // The status of one HTTP/1.1 answer read whole (Content-Length), or -1.
    static int readAnswer(QTcpSocket &socket)
    {
        QByteArray buffer;
        qsizetype headerEnd = -1;
        qint64 length = 0;
        while (true) {
            if (headerEnd < 0) {
                headerEnd = buffer.indexOf("\r\n\r\n");
                if (headerEnd >= 0) {
                    const QByteArray head = buffer.left(headerEnd).toLower();
                    const qsizetype at = head.indexOf("content-length:");
                    length = at < 0 ? 0
                                    : head.mid(at + 15, head.indexOf('\r', at) - at - 15)
                                          .trimmed()
                                          .toLongLong();
                }
            }
            if (headerEnd >= 0 && buffer.size() >= headerEnd + 4 + length)
                return buffer.mid(9, 3).toInt();
            if (!socket.waitForReadyRead(10'000))
                return -1;
            buffer += socket.readAll();
        }
    }

    int m_index;
    quint16 m_port;
    std::atomic<bool> *m_measuring;
    std::atomic<bool> *m_stop;
};

} // namespace

int main(int argc, char *argv[])
{
    g_clock.start();
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"channeldesk.*.debug=false\nchanneldesk.*.info=false"_s);
    const QStringList args = app.arguments();
    bool ok = args.size() == 3;
    const int clients = ok ? args.at(1).toInt(&ok) : 0;
    const int seconds = ok ? args.at(2).toInt(&ok) : 0;
    if (!ok || clients < 1 || clients > 2 * kPerAddress || seconds < 1) {
        std::fprintf(stderr,
                     "usage: bench_intake CLIENTS SECONDS (CLIENTS 1 to 64: 32 from each of two "
                     "loopback addresses, the listener's connections per address)\n");
        return 1;
    }

    QTemporaryDir dir;
    // Webhooks only (no order polls); 10 ms channel latency for the propagation that follows.
    const QList<Bench::Channel> channels {{u"shop"_s, u"shopify"_s, 10, 0, u"webhook"_s},
                                          {u"woo"_s, u"woocommerce"_s, 10, 0, u"webhook"_s}};
    const QString durability =
        qgetenv("CHANNELDESK_BENCH_DURABILITY") == "normal" ? u"normal"_s : u"full"_s;
    bool waitSet = false;
    const int waitMs = qEnvironmentVariableIntValue("CHANNELDESK_BENCH_INTAKE_WAIT_MS", &waitSet);
    Bench::Core core(channels, kSkus, dir.path(), true, QJsonObject {{u"durability"_s, durability}},
                     waitSet ? waitMs : -1);
    CoreRuntime &runtime = core.runtime();
    if (runtime.port() == 0) {
        std::fprintf(stderr, "the runtime is not listening\n");
        return 1;
    }

    QHash<QString, qint64> appliedNs;
    qint64 applied = 0;
    QObject::connect(&runtime, &CoreRuntime::orderApplied, &app,
                     [&](const QString &channel, const QString &orderId, ApplyOutcome outcome) {
                         if (outcome != ApplyOutcome::Applied)
                             return;
                         ++applied;
                         appliedNs.insert(channel + u'\n' + orderId, nowNs());
                     });

    std::atomic<bool> measuring {false};
    std::atomic<bool> stop {false};
    std::vector<std::unique_ptr<Client>> threads;
    for (int i = 0; i < clients; ++i) {
        threads.push_back(std::make_unique<Client>(i, runtime.port(), &measuring, &stop));
        threads.back()->start();
    }
    qint64 measuredFromNs = 0;
    qint64 measuredNs = 0;
    QTimer::singleShot(kWarmUpMs, &app, [&] {
        measuredFromNs = nowNs();
        measuring = true;
    });
    QTimer::singleShot(kWarmUpMs + seconds * 1000, &app, [&] {
        measuring = false;
        measuredNs = nowNs() - measuredFromNs;
        stop = true;
        // The last answers' orders still to apply: a second more.
        QTimer::singleShot(1000, &app, &QCoreApplication::quit);
    });
    app.exec();
    for (auto &t : threads)
        t->wait();

    LatencyHistogram answers;
    LatencyHistogram toApplied;
    qint64 delivered = 0, oks = 0, refused = 0, errors = 0, unapplied = 0;
    for (const auto &t : threads) {
        answers.merge(t->answers);
        delivered += t->delivered;
        oks += t->ok;
        refused += t->refused;
        errors += t->errors;
        for (auto it = t->answeredNs.cbegin(); it != t->answeredNs.cend(); ++it) {
            const auto found = appliedNs.constFind(it.key());
            if (found == appliedNs.cend()) {
                ++unapplied;
                continue;
            }
            // Applied before the client read its answer (the drain ran first): 0.
            toApplied.record(std::max<qint64>(0, *found - *it) / 1000);
        }
    }
    const double perSecond = double(delivered) / (double(measuredNs) / 1e9);
    std::printf("clients=%d seconds=%d channels=shopify,woocommerce skus=%d durability=%s "
                "redeliveries=10%%\n",
                clients, seconds, kSkus, qPrintable(durability));
    std::printf("deliveries answered: %lld (%.0f/s); 200: %lld, other statuses: %lld, "
                "connection errors: %lld\n",
                delivered, perSecond, oks, refused, errors);
    std::printf("answer: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                answers.percentile(50) / 1000, answers.percentile(95) / 1000,
                answers.percentile(99) / 1000, double(answers.max()) / 1000);
    std::printf("answer to applied (%lld new orders, %lld not applied by the end): p50 %.2f ms, "
                "p99 %.2f ms, max %.2f ms; orders applied in all: %lld\n",
                toApplied.count(), unapplied, toApplied.percentile(50) / 1000,
                toApplied.percentile(99) / 1000, double(toApplied.max()) / 1000, applied);
    Bench::printJsonLine({{u"deliveries_per_s"_s, Bench::rounded(perSecond)},
                          {u"p50_answer_ms"_s, Bench::rounded(answers.percentile(50) / 1000)},
                          {u"p99_answer_ms"_s, Bench::rounded(answers.percentile(99) / 1000)},
                          {u"p99_applied_ms"_s, Bench::rounded(toApplied.percentile(99) / 1000)}});
    return 0;
}
