// libFuzzer target: every carrier's answer parser. Input: a selector byte (carrier), a status
// byte, then the answer's body.
#include "carriers/easypostadapter.h"
#include "carriers/fedexadapter.h"
#include "carriers/shippoadapter.h"
#include "carriers/upsadapter.h"
#include "fuzzinput.h"

#include <QDate>

using namespace ChannelDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::FuzzInput input(data, size);
    const uint8_t which = input.takeByte() % 6;
    const int status = Fuzz::statusFor(input.takeByte());
    const QByteArray body = input.rest();
    const QDate shipDate(2026, 12, 1);
    const QString source = QStringLiteral("fuzz");
    CarrierResult result;
    switch (which) {
    case 0:
        result = FedexAdapter::parseResponse(status, body, source, shipDate);
        break;
    case 1:
        result = UpsAdapter::parseResponse(status, body, source, shipDate);
        break;
    case 2:
        result = EasyPostAdapter::parseResponse(status, body, source, shipDate);
        break;
    case 3:
        result = ShippoAdapter::parseResponse(status, body, source, shipDate);
        break;
    case 4:
        (void)FedexAdapter::parseErrorBody(status, body, source);
        return 0;
    default:
        (void)UpsAdapter::parseErrorBody(status, body, source);
        return 0;
    }
    for (const CarrierQuote &quote : result.quotes) {
        if (quote.costCents <= 0)
            __builtin_trap(); // a quote that costs nothing or less is refused, never offered
    }
    return 0;
}
