#include "console/deadletterdetail.h"

#include "store/mutationlog.h"
#include "store/propagationstore.h"

namespace ChannelDesk {

DeadLetterDetail DeadLetterDetail::load(Database &db, const QString &channel, const QString &sku)
{
    DeadLetterDetail detail;
    detail.channel = channel;
    detail.sku = sku;
    const auto attempts = AttemptLog(db).attempts(channel, sku);
    if (!attempts) {
        detail.error = attempts.error();
        return detail;
    }
    detail.attempts = *attempts;
    const auto listing = PropagationStore(db).listings(channel, sku);
    if (!listing) {
        detail.error = listing.error();
        return detail;
    }
    if (!listing->isEmpty())
        detail.ackedVersion = listing->constFirst().ackedVersion;
    // The SKU's newest changes: those past what the channel acknowledged that came from an
    // order (a sale, a cancel, a refund, an edit) are what the letter holds back.
    MutationLog::Filter filter;
    filter.sku = sku;
    filter.limit = 500;
    filter.newestFirst = true;
    const auto log = MutationLog(db).read(filter);
    if (!log) {
        detail.error = log.error();
        return detail;
    }
    for (const Mutation &m : *log) {
        if (m.version <= detail.ackedVersion)
            break;
        if (!m.orderId.isEmpty() && changesStock(m.kind))
            detail.orders.append(m);
        if (detail.orders.size() >= kMaxOrders)
            break;
    }
    return detail;
}

} // namespace ChannelDesk
