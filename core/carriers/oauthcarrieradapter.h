#pragma once

#include "carriers/carrieradapter.h"

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
    // Sends the API call of call with token.
    virtual void sendWithToken(quint64 call, const ShipmentRequest &request,
                               const QString &token) = 0;

    void startRequest(quint64 call, const ShipmentRequest &request) final;
    // For sendWithToken's answer: on 401 with a cached token, fetches a new one and sends again
    // (once); returns true when it did so and the answer should be ignored.
    bool retriedAfterUnauthorized(quint64 call, const ShipmentRequest &request, int httpStatus);

private:
    void fetchToken(quint64 call, const ShipmentRequest &request);

    QString m_token;
    qint64 m_tokenExpiresAtMs = 0;
    QHash<quint64, bool> m_tokenWasCached;
};

} // namespace ChannelDesk
