// Following https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api
// (step 1: POST https://api.amazon.com/auth/o2/token, form grant_type=refresh_token,
// refresh_token, client_id, client_secret -> access_token, token_type, expires_in 3600).
#include "lwatokensource.h"

#include "channels/httperror.h"
#include "channels/httpexchange.h"
#include "channels/jsonutil.h"

#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
// Renew this long before the token runs out, so a call never leaves with a token about to die.
constexpr qint64 kRenewMarginMs = 60000;
} // namespace

LwaTokenSource::LwaTokenSource(LwaCredentials credentials, QNetworkAccessManager *network,
                               const Clock &clock, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_credentials(std::move(credentials))
    , m_network(network)
    , m_clock(clock)
    , m_timeoutMs(timeoutMs)
{
}

QUrl LwaTokenSource::tokenUrl() const
{
    return apiUrl(m_credentials.tokenBase, u"/auth/o2/token"_s);
}

void LwaTokenSource::get(std::function<void(const Token &)> done)
{
    if (!m_token.isEmpty() && m_clock.nowMs() < m_validUntilMs) {
        Token token;
        token.accessToken = m_token;
        answerLater(this, std::move(done), token);
        return;
    }
    m_waiting.append(std::move(done));
    if (m_waiting.size() > 1)
        return; // an exchange is already under way

    const QByteArray form = "grant_type=refresh_token&refresh_token=" +
        QUrl::toPercentEncoding(QString::fromUtf8(m_credentials.refreshToken)) +
        "&client_id=" + QUrl::toPercentEncoding(QString::fromUtf8(m_credentials.clientId)) +
        "&client_secret=" + QUrl::toPercentEncoding(QString::fromUtf8(m_credentials.clientSecret));
    QNetworkRequest request = makeApiRequest(tokenUrl(), m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      u"application/x-www-form-urlencoded;charset=UTF-8"_s);
    sendHttp(m_network, this, request, "POST", form, [this](const HttpResponse &response) {
        Token token;
        token.httpStatus = response.status;
        token.networkError = response.networkError;
        token.timedOut = response.timedOut;
        const auto root = parseJsonObject(response.body);
        token.failure = classifyResponse(response);
        if (token.failure == FailureKind::None) {
            token.accessToken =
                root ? root->value(u"access_token"_s).toString().toUtf8() : QByteArray();
            if (token.accessToken.isEmpty()) {
                token.failure = FailureKind::Transient;
                token.message = u"the token answer has no access_token"_s;
            }
        } else {
            // {"error": "invalid_grant", "error_description": "..."}: bad credentials
            // are permanent (400/401), LWA being down is not.
            token.errorCode = root ? root->value(u"error"_s).toString() : QString();
            token.message = root ? root->value(u"error_description"_s).toString() : QString();
            if (token.message.isEmpty())
                token.message = describeFailure(response);
            token.message = u"LWA token exchange failed: "_s + token.message;
        }
        if (token.failure == FailureKind::None) {
            token.fresh = true;
            const qint64 lifetimeMs =
                jsonInteger(root->value(u"expires_in"_s)).value_or(3600) * 1000;
            const qint64 margin = std::min(kRenewMarginMs, lifetimeMs / 2);
            m_token = token.accessToken;
            m_validUntilMs = m_clock.nowMs() + lifetimeMs - margin;
        }
        finish(token);
    });
}

void LwaTokenSource::finish(const Token &token)
{
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &done : waiting)
        done(token);
}

} // namespace ChannelDesk
