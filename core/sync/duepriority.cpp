#include "duepriority.h"

#include <algorithm>
#include <cstdlib>

namespace ChannelDesk::DuePriority {

namespace {
// shown / |shown − acknowledged| as the fraction num / den (den 0: no change, least urgent);
// an unknown acknowledged quantity counts as a change of one unit.
struct Ratio
{
    qint64 num;
    qint64 den;
};

Ratio ratioOf(const DueListing &d)
{
    const qint64 shown = std::max<qint64>(0, d.quantityToSend);
    if (!d.ackedQuantity)
        return {shown, 1};
    return {shown, std::abs(shown - std::max<qint64>(0, *d.ackedQuantity))};
}

// a < b for fractions with non-negative parts; x / 0 is larger than any finite ratio.
bool less(const Ratio &a, const Ratio &b)
{
    if (a.den == 0 || b.den == 0)
        return a.den != 0 && b.den == 0;
    // A channel takes at most a billion units (Shopify's limit), so the products stay below
    // 2^63.
    return a.num * b.den < b.num * a.den;
}
} // namespace

Tier tierOf(const DueListing &d)
{
    const qint64 shown = std::max<qint64>(0, d.quantityToSend);
    if (!d.ackedQuantity)
        return shown == 0 ? Tier::Pause : Tier::Decrease;
    const qint64 acked = std::max<qint64>(0, *d.ackedQuantity);
    if (shown == 0 && acked > 0)
        return Tier::Pause;
    return shown < acked ? Tier::Decrease : Tier::Increase;
}

bool before(const DueListing &a, const DueListing &b)
{
    const Tier ta = tierOf(a);
    const Tier tb = tierOf(b);
    if (ta != tb)
        return ta < tb;
    if (ta != Tier::Pause) {
        const Ratio ra = ratioOf(a);
        const Ratio rb = ratioOf(b);
        if (less(ra, rb))
            return true;
        if (less(rb, ra))
            return false;
    }
    return a.pendingSinceMs < b.pendingSinceMs;
}

void sort(QList<DueListing> &due)
{
    std::stable_sort(due.begin(), due.end(), before);
}

} // namespace ChannelDesk::DuePriority
