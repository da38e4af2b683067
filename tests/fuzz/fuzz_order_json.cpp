// libFuzzer target: one apply-orders line (order JSON).
#include "fuzzinput.h"
#include "io/orderjson.h"

using namespace ChannelDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::FuzzInput input(data, size);
    OrderEvent event;
    QString error;
    if (!parseOrderJson(input.rest(), &event, &error) && error.isEmpty())
        __builtin_trap(); // a refusal always says why
    return 0;
}
