// libFuzzer target: a Retry-After header (seconds or an HTTP date), at a fixed time.
#include "channels/retryafter.h"
#include "fuzzinput.h"
#include "util/clock.h"

using namespace ChannelDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const ManualClock clock;
    Fuzz::FuzzInput input(data, size);
    const std::optional<qint64> ms = parseRetryAfterMs(input.rest(), clock);
    if (ms && *ms < 0)
        __builtin_trap(); // a wait is never negative
    return 0;
}
