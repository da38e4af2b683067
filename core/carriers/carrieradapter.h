#pragma once

#include "carriers/carrierconfig.h"
#include "carriers/carrierquote.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>

#include <functional>

class QNetworkAccessManager;
class QNetworkRequest;

namespace ChannelDesk {

class Clock;

// A carrier's rating API as ChannelDesk needs it. Adapters live on the thread that owns their
// QNetworkAccessManager and never block: every request answers through its callback, on that
// thread, exactly once, unless it is cancelled first.
class CarrierAdapter : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const CarrierResult &)>;

    CarrierAdapter(const CarrierConfig &config, QNetworkAccessManager *network, const Clock &clock,
                   QObject *parent = nullptr);
    ~CarrierAdapter() override;

    // The adapter for config's wire format.
    static CarrierAdapter *create(const CarrierConfig &config, QNetworkAccessManager *network,
                                  const Clock &clock, QObject *parent = nullptr);

    const CarrierConfig &config() const { return m_config; }
    QString source() const { return m_config.id; }

    // Asks for every service's rate for request. Returns an id for cancel().
    quint64 requestRates(const ShipmentRequest &request, Done done);
    // Abandons a request in flight (its HTTP calls are aborted); its callback is never called.
    void cancel(quint64 requestId);

    // Maps a carrier's HTTP status, error code and text to a kind. fallback is used when
    // nothing in them says more (a 200 answer's per-carrier message, an unknown 4xx).
    static CarrierErrorKind classify(int httpStatus, const QString &code, const QString &message,
                                     CarrierErrorKind fallback);

protected:
    struct HttpAnswer
    {
        int status = 0; // 0: no HTTP answer (see error)
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QString errorString;
        bool timedOut = false;
    };
    using Answered = std::function<void(const HttpAnswer &)>;

    // Starts the API calls of one request; must end with finish(call, ...).
    virtual void startRequest(quint64 call, const ShipmentRequest &request) = 0;

    void finish(quint64 call, const CarrierResult &result);
    void finishWithError(quint64 call, CarrierErrorKind kind, const QString &message,
                         int httpStatus = 0);
    // Posts body to base_url + path as part of call; answered is not called once the call is
    // cancelled or finished.
    void post(quint64 call, QNetworkRequest request, const QByteArray &body, Answered answered);
    using Parse = std::function<CarrierResult(int httpStatus, const QByteArray &body)>;
    // Posts a rating call and finishes call with parse's reading of the HTTP answer, or with the
    // transport error when none came.
    void postForRates(quint64 call, QNetworkRequest request, const QByteArray &body, Parse parse);
    QNetworkRequest jsonRequest(const QString &path) const;
    QUrl endpoint(const QString &path) const;
    // The error for an answer without a usable HTTP response (timeout, refused, reset, TLS).
    CarrierError transportError(const HttpAnswer &answer) const;
    CarrierError makeError(CarrierErrorKind kind, const QString &message, int httpStatus = 0,
                           const QString &carrier = {}) const;
    // Reads a credential by role: the config's resolved secret, else its environment variable;
    // neither finishes call with an auth error.
    bool readSecret(quint64 call, const QString &role, const QString &envName, QString *value);
    const Clock &clock() const { return m_clock; }
    // The date the parcel ships: the request's, or today by the clock (UTC).
    QDate shipDate(const ShipmentRequest &request) const;

private:
    CarrierConfig m_config;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
    quint64 m_nextCall = 1;
    struct Call
    {
        QObject *context = nullptr; // parent of the call's replies
        Done done;
    };
    QHash<quint64, Call> m_calls;
};

// Reads a JSON value that an API sends as an array, or as a single object when it has one
// element (UPS before v2403), as a list.
QJsonArray jsonList(const QJsonValue &value);

} // namespace ChannelDesk
