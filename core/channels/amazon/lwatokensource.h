#pragma once

#include "channels/channeladapter.h"
#include "util/clock.h"

#include <QNetworkReply>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace ChannelDesk {

struct LwaCredentials
{
    QUrl tokenBase; // https://api.amazon.com; the exchange is POST <base>/auth/o2/token
    QByteArray clientId;
    QByteArray clientSecret;
    QByteArray refreshToken;
};

// Login with Amazon access tokens for the SP-API: exchanged from the refresh token, cached until
// shortly before expires_in runs out, and shared by every call waiting at the same time.
class LwaTokenSource : public QObject
{
public:
    struct Token
    {
        FailureKind failure = FailureKind::None;
        QString errorCode; // LWA's "error", e.g. invalid_grant
        QString message;
        int httpStatus = 0;
        // How the exchange failed when LWA did not answer (a connection test tells them apart).
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        bool timedOut = false;
        QByteArray accessToken;
        bool fresh = false; // obtained by this very request, not from the cache
    };

    LwaTokenSource(LwaCredentials credentials, QNetworkAccessManager *network, const Clock &clock,
                   int timeoutMs, QObject *parent = nullptr);

    void get(std::function<void(const Token &)> done);
    // Forget the cached token (the API refused it).
    void invalidate() { m_token.clear(); }
    QUrl tokenUrl() const;

private:
    void finish(const Token &token);

    LwaCredentials m_credentials;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
    int m_timeoutMs;
    QByteArray m_token;
    qint64 m_validUntilMs = 0;
    QList<std::function<void(const Token &)>> m_waiting;
};

} // namespace ChannelDesk
