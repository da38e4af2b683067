#include "carrieradapter.h"

#include "carriers/carrierlog.h"
#include "carriers/easypostadapter.h"
#include "carriers/fedexadapter.h"
#include "carriers/shippoadapter.h"
#include "carriers/upsadapter.h"
#include "util/clock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcCarriers, "channeldesk.carriers", QtInfoMsg)

using namespace Qt::StringLiterals;

CarrierAdapter::CarrierAdapter(const CarrierConfig &config, QNetworkAccessManager *network,
                               const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_network(network)
    , m_clock(clock)
{
}

CarrierAdapter::~CarrierAdapter()
{
    const QList<quint64> calls = m_calls.keys();
    for (const quint64 call : calls)
        cancel(call);
}

CarrierAdapter *CarrierAdapter::create(const CarrierConfig &config, QNetworkAccessManager *network,
                                       const Clock &clock, QObject *parent)
{
    switch (config.type) {
    case CarrierType::EasyPost:
        return new EasyPostAdapter(config, network, clock, parent);
    case CarrierType::Shippo:
        return new ShippoAdapter(config, network, clock, parent);
    case CarrierType::Ups:
        return new UpsAdapter(config, network, clock, parent);
    case CarrierType::Fedex:
        break;
    }
    return new FedexAdapter(config, network, clock, parent);
}

quint64 CarrierAdapter::requestRates(const ShipmentRequest &request, Done done)
{
    const quint64 call = m_nextCall++;
    auto *context = new QObject(this);
    m_calls.insert(call, Call {context, std::move(done)});
    // Started from the event loop, so the callback never runs before the caller has the id.
    QMetaObject::invokeMethod(
        context, [this, call, request] { startRequest(call, request); }, Qt::QueuedConnection);
    return call;
}

void CarrierAdapter::cancel(quint64 requestId)
{
    const auto it = m_calls.find(requestId);
    if (it == m_calls.end())
        return;
    QObject *context = it->context;
    m_calls.erase(it);
    const QList<QNetworkReply *> replies = context->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect();
        reply->abort();
    }
    context->deleteLater();
}

void CarrierAdapter::finish(quint64 call, const CarrierResult &result)
{
    const auto it = m_calls.find(call);
    if (it == m_calls.end())
        return;
    Call c = std::move(*it);
    m_calls.erase(it);
    c.context->deleteLater();
    c.done(result);
}

void CarrierAdapter::finishWithError(quint64 call, CarrierErrorKind kind, const QString &message,
                                     int httpStatus)
{
    CarrierResult result;
    result.errors.append(makeError(kind, message, httpStatus));
    finish(call, result);
}

QUrl CarrierAdapter::endpoint(const QString &path) const
{
    QUrl url = m_config.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

QNetworkRequest CarrierAdapter::jsonRequest(const QString &path) const
{
    QNetworkRequest request(endpoint(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Accept"_ba, "application/json"_ba);
    return request;
}

void CarrierAdapter::post(quint64 call, QNetworkRequest request, const QByteArray &body,
                          Answered answered)
{
    const auto it = m_calls.constFind(call);
    if (it == m_calls.constEnd())
        return;
    // The RateShopper's deadline is the real bound; this one only frees a reply nobody waits for.
    request.setTransferTimeout(m_config.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->post(request, body);
    reply->setParent(it->context);
    qCDebug(lcCarriers) << m_config.id << "POST" << request.url().toString();
    connect(reply, &QNetworkReply::finished, it->context, [reply, answered = std::move(answered)] {
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // A reply aborted by its transfer timeout is closed; reading it only warns.
        answer.body = reply->isOpen() ? reply->readAll() : QByteArray();
        answer.error = reply->error();
        answer.errorString = reply->errorString();
        answer.timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
            reply->error() == QNetworkReply::TimeoutError;
        reply->deleteLater();
        answered(answer);
    });
}

void CarrierAdapter::postForRates(quint64 call, QNetworkRequest request, const QByteArray &body,
                                  Parse parse)
{
    post(call, std::move(request), body,
         [this, call, parse = std::move(parse)](const HttpAnswer &answer) {
             if (answer.status == 0)
                 finish(call, CarrierResult {{}, {transportError(answer)}});
             else
                 finish(call, parse(answer.status, answer.body));
         });
}

CarrierError CarrierAdapter::transportError(const HttpAnswer &answer) const
{
    if (answer.timedOut)
        return makeError(CarrierErrorKind::Timeout,
                         u"no answer within %1 ms"_s.arg(m_config.timeoutMs));
    return makeError(CarrierErrorKind::Network, answer.errorString);
}

CarrierError CarrierAdapter::makeError(CarrierErrorKind kind, const QString &message,
                                       int httpStatus, const QString &carrier) const
{
    CarrierError e;
    e.source = m_config.id;
    e.carrier = carrier;
    e.kind = kind;
    e.message = message;
    e.httpStatus = httpStatus;
    return e;
}

bool CarrierAdapter::readSecret(quint64 call, const QString &role, const QString &envName,
                                QString *value)
{
    // Resolved when the config was read (the console: keychain first), else the environment.
    *value = QString::fromUtf8(m_config.secrets.value(role));
    if (value->isEmpty() && !envName.isEmpty())
        *value = qEnvironmentVariable(envName.toLocal8Bit().constData());
    if (!value->isEmpty())
        return true;
    if (envName.isEmpty()) {
        finishWithError(call, CarrierErrorKind::Auth,
                        u"carrier \"%1\" has no %2: store it in the settings or name an "
                        "environment variable"_s.arg(m_config.id, role));
        return false;
    }
    finishWithError(call, CarrierErrorKind::Auth,
                    u"the environment variable %1 (credentials of carrier \"%2\") is not set"_s.arg(
                        envName, m_config.id));
    return false;
}

QDate CarrierAdapter::shipDate(const ShipmentRequest &request) const
{
    if (request.shipDate.isValid())
        return request.shipDate;
    return QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC).date();
}

CarrierErrorKind CarrierAdapter::classify(int httpStatus, const QString &code,
                                          const QString &message, CarrierErrorKind fallback)
{
    if (httpStatus == 401 || httpStatus == 403)
        return CarrierErrorKind::Auth;
    if (httpStatus == 429)
        return CarrierErrorKind::RateLimited;
    if (httpStatus >= 500)
        return CarrierErrorKind::ServerError;
    const QString text = (code + u' ' + message).toLower();
    auto has = [&text](std::initializer_list<const char *> words) {
        for (const char *w : words) {
            if (text.contains(QLatin1StringView(w)))
                return true;
        }
        return false;
    };
    if (has({"unauthori", "authenticat", "credential", "api key", "apikey", "token",
             "not.authorized"}))
        return CarrierErrorKind::Auth;
    if (has({"rate limit", "rate_limit", "too many", "throttl"}))
        return CarrierErrorKind::RateLimited;
    if (has({"address", "postal", "zip", "country", "state", "city", "street"}))
        return CarrierErrorKind::BadAddress;
    if (has({"service", "no rates", "not available", "unavailable", "not supported"}))
        return CarrierErrorKind::NoService;
    if (httpStatus >= 400)
        return CarrierErrorKind::BadAddress; // the carrier refused the shipment's data
    return fallback;
}

QJsonArray jsonList(const QJsonValue &value)
{
    if (value.isArray())
        return value.toArray();
    if (value.isObject())
        return QJsonArray {value};
    return {};
}

} // namespace ChannelDesk
