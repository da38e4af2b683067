#include "orderwebhook.h"

#include "channels/jsonutil.h"
#include "channels/webhooksignature.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

std::optional<QJsonObject> openOrderWebhook(const WebhookRequest &request,
                                            const QList<QByteArray> &secrets,
                                            const OrderWebhookFormat &format, WebhookResult *result)
{
    auto refuse = [result](WebhookResult::Kind kind, const QString &message) {
        result->kind = kind;
        result->message = message;
        return std::nullopt;
    };
    result->deliveryId = QString::fromUtf8(request.header(format.deliveryIdHeader));
    const bool ping = format.isPing && format.isPing(request.body);
    const QByteArray signature = request.header(format.signatureHeader);
    if (signature.isEmpty() && ping)
        return refuse(WebhookResult::Kind::Ignored, u"webhook ping"_s);
    if (signature.isEmpty())
        return refuse(WebhookResult::Kind::BadSignature, u"missing "_s + format.signatureName);
    if (!verifyBase64HmacSha256(request.body, signature, secrets)) {
        return refuse(WebhookResult::Kind::BadSignature,
                      format.signatureName + u" does not match the body"_s);
    }
    if (ping)
        return refuse(WebhookResult::Kind::Ignored, u"webhook ping"_s);

    const QString topic = QString::fromUtf8(request.header(format.topicHeader)).trimmed();
    if (!topic.isEmpty() && !format.orderTopics.contains(topic))
        return refuse(WebhookResult::Kind::Ignored, u"topic %1 takes no stock"_s.arg(topic));

    const auto root = parseJsonObject(request.body);
    if (!root)
        return refuse(WebhookResult::Kind::BadRequest, u"body is not a JSON object"_s);
    result->orderId = jsonIdString(root->value(u"id"_s));
    if (result->orderId.isEmpty())
        return refuse(WebhookResult::Kind::BadRequest, u"id: missing or not an integer"_s);
    result->kind = WebhookResult::Kind::BadRequest;
    return root;
}

bool readOrderLines(const QJsonArray &lines,
                    const std::function<QString(const QJsonObject &line)> &remoteIdOf,
                    WebhookResult *result)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject line = lines.at(i).toObject();
        const auto quantity = jsonInteger(line.value(u"quantity"_s));
        if (!lines.at(i).isObject() || !quantity || *quantity < 1) {
            result->message =
                u"line_items[%1].quantity: missing or not a positive integer"_s.arg(i);
            return false;
        }
        WebhookLine parsed;
        parsed.quantity = *quantity;
        parsed.sku = line.value(u"sku"_s).toString().trimmed();
        if (parsed.sku.isEmpty())
            parsed.remoteId = remoteIdOf(line);
        result->lines.append(parsed);
    }
    return true;
}

} // namespace ChannelDesk
