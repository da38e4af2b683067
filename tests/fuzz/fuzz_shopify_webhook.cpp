// libFuzzer target: Shopify's order webhooks, signed with the test secret so the fuzzer reaches
// the payload reader (an unsigned body stops at the signature check).
// Input: a topic selector byte, then the raw body.
#include "channels/shopify/shopifywebhookparser.h"
#include "fuzzinput.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

using namespace ChannelDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QByteArray kTopics[] = {"orders/create",
                                         "orders/cancelled",
                                         "refunds/create",
                                         "orders/edited",
                                         "fulfillments/create",
                                         "orders/paid",
                                         ""};
    const QByteArray secret("fuzz-secret");
    Fuzz::FuzzInput input(data, size);
    const QByteArray &topic = kTopics[input.takeByte() % std::size(kTopics)];
    WebhookRequest request;
    request.body = input.rest();
    request.headers.insert(
        "x-shopify-hmac-sha256",
        QMessageAuthenticationCode::hash(request.body, secret, QCryptographicHash::Sha256)
            .toBase64());
    if (!topic.isEmpty())
        request.headers.insert("x-shopify-topic", topic);
    request.headers.insert("x-shopify-webhook-id", "fuzz-1");
    const WebhookResult result = ShopifyWebhookParser().parse(request, {secret});
    if (result.kind == WebhookResult::Kind::BadSignature)
        __builtin_trap(); // signed with the right secret: never a bad signature
    return 0;
}
