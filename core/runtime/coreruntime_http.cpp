// What the HTTP endpoints call: the runtime's side of HttpApi, which owns statuses and bodies.
#include "coreruntime.h"

namespace ChannelDesk {

namespace {

// The one place a webhook request meets the order path. (The durable inbox's
// OrderIntake::receive replaces this call when it lands: same request, same reply.)
void deliverWebhook(CoreRuntime &runtime, const QString &channel, const ServerRequest &request,
                    const HttpApi::JsonReply &reply)
{
    const CoreRuntime::HttpAnswer answer =
        runtime.receiveWebhook(channel, WebhookRequest {request.body, request.headers});
    reply(answer.status, answer.body);
}

} // namespace

HttpApi::Handlers CoreRuntime::httpHandlers()
{
    HttpApi::Handlers handlers;
    handlers.webhook = [this](const QString &channel, const ServerRequest &request,
                              const HttpApi::JsonReply &reply) {
        deliverWebhook(*this, channel, request, reply);
    };
    handlers.inventory = [this](const QString &sku) { return inventory(sku); };
    handlers.health = [this] { return health(); };
    handlers.metrics = [this] { return metricsText(); };
    return handlers;
}

} // namespace ChannelDesk
