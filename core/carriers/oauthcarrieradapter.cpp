#include "oauthcarrieradapter.h"

#include "util/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

void OAuthCarrierAdapter::startRequest(quint64 call, const ShipmentRequest &request)
{
    // A minute of margin so a token does not expire between being read and being used.
    if (!m_token.isEmpty() && clock().nowMs() < m_tokenExpiresAtMs - 60'000) {
        m_tokenWasCached.insert(call, true);
        sendWithToken(call, request, m_token);
        return;
    }
    fetchToken(call, request);
}

bool OAuthCarrierAdapter::retriedAfterUnauthorized(quint64 call, const ShipmentRequest &request,
                                                   int httpStatus)
{
    const bool wasCached = m_tokenWasCached.take(call);
    if (httpStatus != 401 || !wasCached)
        return false;
    m_token.clear();
    fetchToken(call, request);
    return true;
}

void OAuthCarrierAdapter::fetchToken(quint64 call, const ShipmentRequest &request)
{
    QString clientId;
    QString clientSecret;
    if (!readSecret(call, u"client_id"_s, config().clientIdEnv, &clientId) ||
        !readSecret(call, u"client_secret"_s, config().clientSecretEnv, &clientSecret))
        return;
    QByteArray body;
    const QNetworkRequest tokenCall = tokenRequest(clientId, clientSecret, &body);
    post(call, tokenCall, body, [this, call, request](const HttpAnswer &answer) {
        if (answer.status == 0) {
            CarrierResult result;
            result.errors.append(transportError(answer));
            finish(call, result);
            return;
        }
        if (answer.status != 200) {
            CarrierResult result;
            CarrierError e = parseError(answer.status, answer.body);
            if (answer.status == 400 || answer.status == 401 || answer.status == 403)
                e.kind = CarrierErrorKind::Auth; // the token endpoint refused the credentials
            e.message = u"token request refused: "_s + e.message;
            result.errors.append(e);
            finish(call, result);
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(answer.body).object();
        const QString token = o.value("access_token"_L1).toString();
        if (token.isEmpty()) {
            finishWithError(call, CarrierErrorKind::BadResponse,
                            u"the token answer has no access_token"_s, answer.status);
            return;
        }
        // UPS sends expires_in as a string of seconds, FedEx as a number.
        const QJsonValue expires = o.value("expires_in"_L1);
        qint64 seconds =
            expires.isString() ? expires.toString().toLongLong() : qint64(expires.toDouble(0));
        if (seconds <= 0)
            seconds = 3600;
        m_token = token;
        m_tokenExpiresAtMs = clock().nowMs() + seconds * 1000;
        m_tokenWasCached.insert(call, false);
        sendWithToken(call, request, token);
    });
}

void OAuthCarrierAdapter::sendWithToken(quint64 call, const ShipmentRequest &request,
                                        const QString &token)
{
    const QDate ships = shipDate(request);
    QByteArray body;
    QNetworkRequest http = rateRequest(request, ships, &body);
    http.setRawHeader("Authorization"_ba, "Bearer "_ba + token.toUtf8());
    post(call, http, body, [this, call, request, ships](const HttpAnswer &answer) {
        if (answer.status == 0) {
            finish(call, CarrierResult {{}, {transportError(answer)}});
            return;
        }
        if (retriedAfterUnauthorized(call, request, answer.status))
            return;
        finish(call, parseRates(answer.status, answer.body, ships));
    });
}

QString OAuthCarrierAdapter::errorListText(const QJsonArray &errors, int httpStatus, QString *codes)
{
    QStringList texts;
    for (const QJsonValue &v : errors) {
        const QJsonObject e = v.toObject();
        texts.append(e.value("code"_L1).toString() + u": "_s + e.value("message"_L1).toString());
        *codes += e.value("code"_L1).toString() + u' ';
    }
    QString message = texts.join(u"; "_s);
    if (message.isEmpty())
        message = u"HTTP %1"_s.arg(httpStatus);
    return message;
}

std::optional<QJsonObject>
OAuthCarrierAdapter::answerObject(int httpStatus, const QByteArray &body, QLatin1StringView key,
                                  const QString &source, const QString &carrier,
                                  ErrorBodyParser parseErrorBody, CarrierResult *result)
{
    if (httpStatus < 200 || httpStatus > 299) {
        result->errors.append(parseErrorBody(httpStatus, body, source));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = doc.object().value(key).toObject();
    if (parseError.error != QJsonParseError::NoError || object.isEmpty()) {
        result->errors.append(CarrierError {source, carrier, CarrierErrorKind::BadResponse,
                                            u"the answer has no "_s + key, httpStatus});
        return std::nullopt;
    }
    return object;
}

} // namespace ChannelDesk
