// libFuzzer target: the channels' answer readers (Shopify's GraphQL answers, WooCommerce's and
// eBay's failures, the shared HTTP classification). Input: a selector byte, a status byte, a
// Retry-After line, then the body.
#include "channels/httperror.h"
#include "channels/shopify/shopifygraphql.h"
#include "channels/woocommerce/wooadapter.h"
#include "fuzzinput.h"
#include "util/clock.h"

using namespace ChannelDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const ManualClock clock;
    Fuzz::FuzzInput input(data, size);
    const uint8_t which = input.takeByte() % 3;
    HttpResponse response;
    response.status = Fuzz::statusFor(input.takeByte());
    const QByteArray retryAfter = input.takeLine();
    if (!retryAfter.isEmpty())
        response.headers.insert("retry-after", retryAfter);
    response.body = input.rest();
    switch (which) {
    case 0:
        (void)ShopifyGraphql::readQueryAnswer(response, clock);
        break;
    case 1:
        (void)WooAdapter::readFailure(response, clock);
        break;
    default:
        (void)classifyResponse(response);
        (void)describeFailure(response);
        break;
    }
    return 0;
}
