// What the HTTP endpoints call: the runtime's side of HttpApi, which owns statuses and bodies.
#include "coreruntime.h"
#include "intake/orderintake.h"

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

// The one place a webhook request meets the order path: the intake verifies it, keeps it in
// the inbox durably and only then answers (200, or 401/404/413/503 with nothing kept); the
// order path drains the inbox afterwards.
void deliverWebhook(OrderIntake *intake, const QString &channel, const ServerRequest &request,
                    const HttpApi::JsonReply &reply)
{
    if (!intake) {
        reply(503, QJsonObject {{u"error"_s, u"the core is not running"_s}});
        return;
    }
    Delivery delivery;
    delivery.channel = channel;
    delivery.headers = request.headers;
    delivery.body = request.body;
    intake->receive(delivery, reply);
}

} // namespace

HttpApi::Handlers CoreRuntime::httpHandlers()
{
    HttpApi::Handlers handlers;
    handlers.webhook = [this](const QString &channel, const ServerRequest &request,
                              const HttpApi::JsonReply &reply) {
        deliverWebhook(m_intake.get(), channel, request, reply);
    };
    handlers.inventory = [this](const QString &sku) { return inventory(sku); };
    handlers.health = [this] { return health(); };
    handlers.metrics = [this] { return metricsText(); };
    return handlers;
}

} // namespace ChannelDesk
