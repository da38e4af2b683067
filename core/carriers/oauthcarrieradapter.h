#pragma once

#include "carriers/carrieradapter.h"

#include <optional>

namespace ChannelDesk {

// A carrier whose API takes an OAuth 2.0 client-credentials bearer token (UPS, FedEx). The token
// is fetched on first use, cached until shortly before it expires (by the Clock), and fetched
// again once when the API answers 401 to a cached one.
class OAuthCarrierAdapter : public CarrierAdapter
{
    Q_OBJECT
public:
    using CarrierAdapter::CarrierAdapter;

protected:
    // Builds the token request for these credentials; *body is the form body.
    virtual QNetworkRequest tokenRequest(const QString &clientId, const QString &clientSecret,
                                         QByteArray *body) const = 0;
    // The carrier's error shape to an error (the token endpoint and the API share one).
    virtual CarrierError parseError(int httpStatus, const QByteArray &body) const = 0;
    // Builds the rating call for request (path and headers; the bearer token is added to it);
    // *body is its JSON body.
    virtual QNetworkRequest rateRequest(const ShipmentRequest &request, QDate shipDate,
                                        QByteArray *body) const = 0;
    // The rating call's answer.
    virtual CarrierResult parseRates(int httpStatus, const QByteArray &body,
                                     QDate shipDate) const = 0;

    void startRequest(quint64 call, const ShipmentRequest &request) final;

    // Both carriers' error bodies list {"code", "message"} objects: "code: message; ..." ("HTTP
    // <status>" when there are none), and in *codes every code followed by a space.
    static QString errorListText(const QJsonArray &errors, int httpStatus, QString *codes);
    // The rating answer's top-level object named key. Otherwise null, with the error appended to
    // *result: parseErrorBody's for a non-2xx status, "the answer has no <key>" when the body is
    // not JSON or lacks the object.
    using ErrorBodyParser = CarrierError (*)(int httpStatus, const QByteArray &body,
                                             const QString &source);
    static std::optional<QJsonObject> answerObject(int httpStatus, const QByteArray &body,
                                                   QLatin1StringView key, const QString &source,
                                                   const QString &carrier,
                                                   ErrorBodyParser parseErrorBody,
                                                   CarrierResult *result);

private:
    void fetchToken(quint64 call, const ShipmentRequest &request);
    // Sends the rating call of call with token.
    void sendWithToken(quint64 call, const ShipmentRequest &request, const QString &token);
    // On 401 with a cached token, fetches a new one and sends again (once); returns true when it
    // did so and the answer should be ignored.
    bool retriedAfterUnauthorized(quint64 call, const ShipmentRequest &request, int httpStatus);

    QString m_token;
    qint64 m_tokenExpiresAtMs = 0;
    QHash<quint64, bool> m_tokenWasCached;
};

// Hands an OAuth carrier's static parsers (Carrier::parseErrorBody, Carrier::parseResponse, which
// the tests call directly) to OAuthCarrierAdapter, so that a carrier only builds its requests.
template<typename Carrier> class OAuthCarrierAdapterFor : public OAuthCarrierAdapter
{
public:
    using OAuthCarrierAdapter::OAuthCarrierAdapter;

protected:
    CarrierError parseError(int httpStatus, const QByteArray &body) const final
    {
        return Carrier::parseErrorBody(httpStatus, body, source());
    }
    CarrierResult parseRates(int httpStatus, const QByteArray &body, QDate shipDate) const final
    {
        return Carrier::parseResponse(httpStatus, body, source(), shipDate);
    }
};

} // namespace ChannelDesk
