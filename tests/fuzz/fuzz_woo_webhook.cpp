// libFuzzer target: WooCommerce's order webhooks, signed with the test secret so the fuzzer
// reaches the payload reader. Input: a topic selector byte, then the raw body.
#include "channels/woocommerce/woowebhookparser.h"
#include "fuzzinput.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

using namespace ChannelDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QByteArray kTopics[] = {"order.created", "order.updated", "order.deleted",
                                         "action.woocommerce_ping", ""};
    const QByteArray secret("fuzz-secret");
    Fuzz::FuzzInput input(data, size);
    const QByteArray &topic = kTopics[input.takeByte() % std::size(kTopics)];
    WebhookRequest request;
    request.body = input.rest();
    request.headers.insert(
        "x-wc-webhook-signature",
        QMessageAuthenticationCode::hash(request.body, secret, QCryptographicHash::Sha256)
            .toBase64());
    if (!topic.isEmpty())
        request.headers.insert("x-wc-webhook-topic", topic);
    request.headers.insert("x-wc-webhook-delivery-id", "fuzz-1");
    const WebhookResult result = WooWebhookParser().parse(request, {secret});
    if (result.kind == WebhookResult::Kind::BadSignature)
        __builtin_trap(); // signed with the right secret: never a bad signature
    return 0;
}
