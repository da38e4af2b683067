#pragma once

#include "carriers/carrierconfig.h"
#include "carriers/carrierquote.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>

#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace ChannelDesk {

class Clock;
class SimTcpServer;

// One simulated service of a simulated carrier.
struct SimService
{
    QString carrier; // the provider's name, for aggregators (EasyPost, Shippo): "USPS"
    QString code; // "03", "usps_priority", "FEDEX_GROUND", "Ground"
    QString name;
    qint64 priceCents = 0;
    QList<Surcharge> surcharges; // included in the price
    int transitDays = 3;
    bool estimate = true; // false: the answer carries no transit estimate
    bool guaranteed = false;
};

// One simulated carrier: its wire format, credentials, services and misbehaviour.
struct SimCarrier
{
    QString id; // served under /<id>
    CarrierType type = CarrierType::EasyPost;
    QString currency = QStringLiteral("USD");
    QString apiKey; // EasyPost, Shippo; empty: any key is accepted
    QString clientId; // UPS, FedEx; empty: any credentials are accepted
    QString clientSecret;
    int latencyMs = 0; // every answer is this late
    bool timeout = false; // the rate endpoint never answers
    int failStatus = 0; // non-zero: the rate endpoint answers this status in the carrier's shape
    QString failMessage;
    // Occasional trouble: this share of rate requests is never answered, and this share answers
    // failStatus (503 unless given); 0 for none. `timeout` and `fail` alone mean every request.
    double timeoutShare = 0;
    double failShare = 1;
    // Aggregators: per-carrier failures beside the rates, as (carrier, message).
    QList<std::pair<QString, QString>> messages;
    QList<SimService> services;
};

// Serves each carrier's rate endpoint in its real shape on a QHttpServer (same paths, auth,
// bodies and error shapes; OAuth token endpoints for UPS and FedEx), under /<carrier id>, so a
// carrier's base_url is http://127.0.0.1:PORT/<id>. Prices, transit times, latency, timeouts and
// errors come from the SIM.json "carriers" array (docs/carriers.md).
class CarrierSim : public QObject
{
    Q_OBJECT
public:
    explicit CarrierSim(const Clock &clock, QObject *parent = nullptr);
    // The occasional faults (timeout_share, fail_share) draw from a generator with this seed.
    void setSeed(quint64 seed) { m_random.seed(quint32(seed)); }
    ~CarrierSim() override;

    static bool parseConfig(const QJsonArray &carriers, QList<SimCarrier> *out, QString *error);

    void setCarriers(const QList<SimCarrier> &carriers);
    // Adds every carrier's routes to server, whose connections come through tcp.
    void attach(QHttpServer *server, SimTcpServer *tcp);

    // Rate requests received per carrier id (token requests not counted).
    int rateRequests(const QString &id) const { return m_rateRequests.value(id); }

private:
    struct Answer
    {
        int status = 200;
        QByteArray body;
    };
    using Handler = std::function<Answer(const SimCarrier &, const QHttpServerRequest &)>;

    void addRoute(QHttpServer *server, const QString &id, const QString &path, bool isRate,
                  Handler handler);
    void respond(const QString &id, bool isRate, const Answer &answer,
                 QHttpServerResponder &&responder);

    Answer easyPost(const SimCarrier &c, const QHttpServerRequest &r);
    Answer shippo(const SimCarrier &c, const QHttpServerRequest &r);
    Answer upsToken(const SimCarrier &c, const QHttpServerRequest &r);
    Answer ups(const SimCarrier &c, const QHttpServerRequest &r);
    Answer fedexToken(const SimCarrier &c, const QHttpServerRequest &r);
    Answer fedex(const SimCarrier &c, const QHttpServerRequest &r);
    QDate today() const;

    const Clock &m_clock;
    SimTcpServer *m_tcp = nullptr;
    QHash<QString, SimCarrier> m_carriers;
    QSet<QByteArray> m_tokens;
    QHash<QString, int> m_rateRequests;
    QRandomGenerator m_random;
    // Requests that are never answered (timeout) or not yet (latency).
    std::vector<std::unique_ptr<QHttpServerResponder>> m_held;
    quint64 m_nextToken = 1;
};

} // namespace ChannelDesk
