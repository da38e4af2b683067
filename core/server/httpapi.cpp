#include "httpapi.h"

#include "intake/orderintake.h"
#include "metrics/prometheus.h"
#include "runtime/coreruntime.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QUrl>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

QHttpServerResponse json(const CoreRuntime::HttpAnswer &a)
{
    return QHttpServerResponse("application/json"_ba,
                               QJsonDocument(a.body).toJson(QJsonDocument::Compact),
                               QHttpServerResponse::StatusCode(a.status));
}

QHttpServerResponse error(int status, const QString &message)
{
    return json({status, QJsonObject {{u"error"_s, message}}});
}
} // namespace

HttpApi::HttpApi(CoreRuntime &runtime)
    : m_runtime(runtime)
    , m_server(std::make_unique<QHttpServer>())
{
    using Method = QHttpServerRequest::Method;
    m_server->route(u"/webhooks/<arg>"_s, Method::Post,
                    [this](const QString &channel, const QHttpServerRequest &request) {
                        Delivery delivery;
                        delivery.channel = channel;
                        delivery.body = request.body();
                        const auto headers = request.headers();
                        for (const auto &[name, value] : headers)
                            delivery.headers.insert(name.toLower(), value);
                        return json(receive(delivery));
                    });
    m_server->route(u"/metrics"_s, Method::Get, [this] {
        return QHttpServerResponse(QByteArray(kPrometheusContentType), m_runtime.metricsText());
    });
    m_server->route(u"/v1/inventory/<arg>"_s, Method::Get, [this](const QString &sku) {
        return json(m_runtime.inventory(QUrl::fromPercentEncoding(sku.toUtf8())));
    });
    m_server->route(u"/healthz"_s, Method::Get, [this] { return json(m_runtime.health()); });
    m_server->afterRequest([](QHttpServerResponse &&response) {
        // QHttpServer answers unknown routes with an empty 404; say what exists.
        if (response.statusCode() == QHttpServerResponse::StatusCode::NotFound &&
            response.data().isEmpty())
            return error(404,
                         u"no such endpoint (POST /webhooks/<channel>, GET /metrics, "
                         "GET /v1/inventory/<sku>, GET /healthz)"_s);
        return std::move(response);
    });
}

HttpApi::~HttpApi() = default;

CoreRuntime::HttpAnswer HttpApi::receive(const Delivery &delivery)
{
    OrderIntake *intake = m_runtime.intake();
    if (!intake)
        return {503, QJsonObject {{u"error"_s, u"the core is not running"_s}}};
    // Stopgap until the listener answers asynchronously (issue 11's libmicrohttpd listener):
    // Qt 6.4's QHttpServer wants the response from the handler, so the handler waits here for
    // the intake's group commit (a few ms; the order path is not waited for).
    std::optional<CoreRuntime::HttpAnswer> answer;
    QEventLoop loop;
    intake->receive(delivery, [&answer, &loop](int status, QJsonObject body) {
        answer = CoreRuntime::HttpAnswer {status, std::move(body)};
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return *answer;
}

quint16 HttpApi::listen(const QString &host, quint16 port, QString *errorText)
{
    QHostAddress address;
    if (host == "localhost"_L1)
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host)) {
        *errorText = u"listen: \"%1\" is not an IP address"_s.arg(host);
        return 0;
    }
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0)
        *errorText = u"cannot listen on %1:%2 (in use, or not allowed)"_s.arg(host).arg(port);
    return bound;
}

} // namespace ChannelDesk
