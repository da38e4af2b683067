#pragma once

#include "server/httpserver.h"
#include "util/result.h"

#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>

namespace ChannelDesk {

// The local HTTP endpoints of the sync core:
//   POST /webhooks/<channel-id>   signed order webhooks in
//   GET  /v1/inventory/<sku>      the real-time read API
//   GET  /healthz
//   GET  /metrics                 Prometheus text
// It owns the status codes and bodies: every error is a JSON {"error": "..."} with its status
// (400, 401, 404, 405, 411, 413, 431, 503). The runtime gives it one function per route and
// knows nothing of HTTP; the listener (HttpServer) enforces the limits. Webhooks are handed over
// on the listener's own thread (the intake verifies them there and keeps them on its own
// thread: none of it waits for the core thread); the other routes run on the thread that
// created the HttpApi. Deleting it stops listening.
class HttpApi
{
public:
    using JsonReply = std::function<void(int status, const QJsonObject &body)>;
    struct Handlers
    {
        // A webhook delivery (channel from the path, headers lower-case, the raw body): the
        // handler answers its status and JSON body, at once or later from any thread. Called on
        // the listener's own thread: it must not block.
        std::function<void(const QString &channel, const ServerRequest &, JsonReply)> webhook;
        // A SKU's stock and listings; no value: no such SKU (404); an error: the store's (503).
        std::function<Result<std::optional<QJsonObject>>(const QString &sku)> inventory;
        // The health body; an error: unhealthy (503).
        std::function<Result<QJsonObject>()> health;
        std::function<QByteArray()> metrics; // Prometheus text
    };

    HttpApi(Handlers handlers, ListenerLimits limits);
    ~HttpApi();

    // Returns the port listened on, or 0 and sets *error.
    quint16 listen(const QString &host, quint16 port, QString *error);

    // Routes one request (what the listener calls on the handlers' thread); public for tests.
    void route(const ServerRequest &request, const ServerReply &reply) const;

private:
    // The webhook route, which the listener offers on its own thread; false for other paths.
    bool routeWebhook(const ServerRequest &request, const ServerReply &reply) const;

    Handlers m_handlers;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace ChannelDesk
