#pragma once

#include "channels/webhook.h"
#include "intake/delivery.h"
#include "intake/inboxstore.h"
#include "intake/orderintake.h"
#include "runtime/coreruntime.h"

#include <QJsonObject>

#include <optional>

namespace ChannelDesk::Testing {

// Drains the inbox and waits until the intake's writer has written the outcomes.
inline void drain(CoreRuntime &runtime)
{
    runtime.drainInbox();
    runtime.intake()->flush();
}

// Hands a webhook to the runtime's intake as the HTTP layer does and waits until its writer
// committed it. Returns the intake's answer; *id is the delivery's inbox id when it was kept.
inline CoreRuntime::HttpAnswer receive(CoreRuntime &runtime, const QString &channel,
                                       const WebhookRequest &request, qint64 *id = nullptr)
{
    Delivery delivery;
    delivery.channel = channel;
    delivery.headers = request.headers;
    delivery.body = request.body;
    // Written on the writer's thread, read here after flush() (which waits for it under the
    // writer's lock).
    std::optional<CoreRuntime::HttpAnswer> answer;
    runtime.intake()->receive(delivery, [&answer](int status, QJsonObject body) {
        answer = CoreRuntime::HttpAnswer {status, std::move(body)};
    });
    runtime.intake()->flush();
    if (id)
        *id = answer ? answer->body.value(QStringLiteral("delivery")).toInteger() : 0;
    return answer.value_or(CoreRuntime::HttpAnswer {0, {}});
}

// receive(), then the order path drains the inbox: the answer's status is the intake's, its
// body's "status" and "error" what the order path made of the delivery (when it was kept).
inline CoreRuntime::HttpAnswer deliverAndDrain(CoreRuntime &runtime, const QString &channel,
                                               const WebhookRequest &request)
{
    qint64 id = 0;
    CoreRuntime::HttpAnswer answer = receive(runtime, channel, request, &id);
    if (answer.status != 200 || id == 0)
        return answer;
    drain(runtime);
    const auto entry = runtime.intake()->inbox().entry(id);
    if (entry && *entry) {
        answer.body.insert(QStringLiteral("status"), deliveryStatusName((*entry)->status));
        answer.body.insert(QStringLiteral("error"), (*entry)->error);
    }
    return answer;
}

} // namespace ChannelDesk::Testing
