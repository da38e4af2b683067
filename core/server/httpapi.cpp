#include "httpapi.h"

#include "metrics/prometheus.h"

#include <QJsonDocument>
#include <QUrl>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

ServerResponse json(int status, const QJsonObject &body)
{
    return {status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

ServerResponse methodNotAllowed(const QByteArray &allowed)
{
    ServerResponse r = HttpServer::jsonError(
        405, u"method not allowed here; use %1"_s.arg(QString::fromLatin1(allowed)));
    r.headers.emplaceBack("Allow", allowed);
    return r;
}

// "/webhooks/shop" with prefix "/webhooks/": "shop"; nullopt when the path is not under it or
// names nothing or more than one segment.
std::optional<QString> argumentOf(const QByteArray &path, QByteArrayView prefix)
{
    if (!path.startsWith(prefix))
        return std::nullopt;
    const QByteArray rest = path.mid(prefix.size());
    if (rest.isEmpty() || rest.contains('/'))
        return std::nullopt;
    return QUrl::fromPercentEncoding(rest);
}
} // namespace

HttpApi::HttpApi(Handlers handlers, ListenerLimits limits)
    : m_handlers(std::move(handlers))
    , m_server(std::make_unique<HttpServer>(
          limits,
          [this](const ServerRequest &request, ServerReply reply) { route(request, reply); },
          [this](const ServerRequest &request, const ServerReply &reply) {
              return routeWebhook(request, reply);
          }))
{
}

HttpApi::~HttpApi() = default;

quint16 HttpApi::listen(const QString &host, quint16 port, QString *error)
{
    return m_server->listen(host, port, error);
}

bool HttpApi::routeWebhook(const ServerRequest &request, const ServerReply &reply) const
{
    const auto channel = argumentOf(request.path, "/webhooks/");
    if (!channel)
        return false;
    if (request.method != "POST")
        reply(methodNotAllowed("POST"));
    else
        m_handlers.webhook(*channel, request, [reply](int status, const QJsonObject &body) {
            reply(json(status, body));
        });
    return true;
}

void HttpApi::route(const ServerRequest &request, const ServerReply &reply) const
{
    if (routeWebhook(request, reply))
        return;
    const QByteArray &path = request.path;
    const QByteArray &method = request.method;
    if (const auto sku = argumentOf(path, "/v1/inventory/")) {
        if (method != "GET")
            return reply(methodNotAllowed("GET"));
        const auto found = m_handlers.inventory(*sku);
        if (!found)
            return reply(HttpServer::jsonError(503, found.error()));
        if (!*found)
            return reply(HttpServer::jsonError(404, u"unknown SKU \"%1\""_s.arg(*sku)));
        return reply(json(200, **found));
    }
    if (path == "/healthz") {
        if (method != "GET")
            return reply(methodNotAllowed("GET"));
        const auto health = m_handlers.health();
        if (!health)
            return reply(json(
                503, QJsonObject {{u"status"_s, u"unhealthy"_s}, {u"error"_s, health.error()}}));
        return reply(json(200, *health));
    }
    if (path == "/metrics") {
        if (method != "GET")
            return reply(methodNotAllowed("GET"));
        return reply({200, QByteArray(kPrometheusContentType), m_handlers.metrics(), {}});
    }
    reply(HttpServer::jsonError(404,
                                u"no such endpoint (POST /webhooks/<channel>, GET /metrics, "
                                "GET /v1/inventory/<sku>, GET /healthz)"_s));
}

} // namespace ChannelDesk
