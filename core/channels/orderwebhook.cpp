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
    // A delivery the intake verified before keeping it is read without a second check.
    if (!request.signatureVerified) {
        if (signature.isEmpty())
            return refuse(WebhookResult::Kind::BadSignature, u"missing "_s + format.signatureName);
        if (!verifyBase64HmacSha256(request.body, signature, secrets)) {
            return refuse(WebhookResult::Kind::BadSignature,
                          format.signatureName + u" does not match the body"_s);
        }
    }
    if (ping)
        return refuse(WebhookResult::Kind::Ignored, u"webhook ping"_s);

    const QString topic = QString::fromUtf8(request.header(format.topicHeader)).trimmed();
    result->topic = topic;
    if (!topic.isEmpty() && !format.orderTopics.contains(topic))
        return refuse(WebhookResult::Kind::Ignored, u"topic %1 takes no stock"_s.arg(topic));

    const auto root = parseJsonObject(request.body);
    if (!root)
        return refuse(WebhookResult::Kind::BadRequest, u"body is not a JSON object"_s);
    result->kind = WebhookResult::Kind::BadRequest;
    return root;
}

bool readOrderId(const QJsonObject &object, const QString &key, const QString &field,
                 WebhookResult *result)
{
    result->orderId = jsonIdString(object.value(key));
    if (result->orderId.isEmpty()) {
        result->message = field + u": missing or not an integer"_s;
        return false;
    }
    return true;
}

bool readOrderLines(const QJsonArray &items, const QString &field,
                    const std::function<QString(const QJsonObject &line)> &remoteIdOf,
                    QList<OrderLine> *lines, QString *error, const QString &quantityKey)
{
    const QString key = quantityKey.isEmpty() ? u"quantity"_s : quantityKey;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const auto quantity = jsonInteger(item.value(key));
        if (!items.at(i).isObject() || !quantity || *quantity < 1) {
            *error = u"%1[%2].%3: missing or not a positive integer"_s.arg(field).arg(i).arg(key);
            return false;
        }
        // A SKU is text or nothing (null, absent): a number would read as no SKU at all and
        // leave the line waiting for a mapping, so the wrong type is said instead.
        const QJsonValue sku = item.value(u"sku"_s);
        if (!sku.isString() && !sku.isNull() && !sku.isUndefined()) {
            *error = u"%1[%2].sku: not a string"_s.arg(field).arg(i);
            return false;
        }
        OrderLine line;
        line.quantity = *quantity;
        line.sku = sku.toString().trimmed();
        line.lineId = jsonIdString(item.value(u"id"_s));
        line.remoteId = remoteIdOf(item);
        lines->append(line);
    }
    return true;
}

} // namespace ChannelDesk
