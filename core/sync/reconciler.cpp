#include "reconciler.h"

#include "store/database.h"
#include "store/inventorystore.h"
#include "util/clock.h"

#include <QHash>
#include <QPointer>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

ListingVerdict compareListing(const ListingState &before, const ListingState &after,
                              const StockLevel &stock, std::optional<qint64> shown,
                              const ExpectedShown &expected)
{
    const auto settled = [&stock](const ListingState &l) {
        return l.state == ListingState::State::InSync && l.pendingVersion <= l.ackedVersion &&
            l.ackedVersion == stock.version;
    };
    if (!settled(before) || !settled(after) || before.ackedVersion != after.ackedVersion ||
        before.ackedAtMs != after.ackedAtMs)
        return ListingVerdict::OnItsWay;
    if (!shown)
        return ListingVerdict::Unread;
    return *shown == expected.quantity ? ListingVerdict::InSync : ListingVerdict::Drift;
}

namespace {

Result<QHash<QString, ListingState>> statesOf(Database &db, const QString &channel)
{
    const auto rows = PropagationStore(db).listings(channel);
    if (!rows)
        return Error {rows.error()};
    QHash<QString, ListingState> out;
    for (const ListingState &l : *rows) {
        if (!l.remoteId.isEmpty())
            out.insert(l.sku, l);
    }
    return out;
}

} // namespace

void reconcileChannel(Database &db, const QString &channel, const ListingReads &reads,
                      const Clock &clock, std::function<void(const ReconcileReport &)> done,
                      const BufferOverride &channelRule)
{
    ReconcileReport report;
    report.channel = channel;
    if (!reads.isValid()) {
        report.error = u"channel %1 cannot read its listings back"_s.arg(channel);
        done(report);
        return;
    }
    auto before = statesOf(db, channel);
    if (!before) {
        report.error = before.error();
        done(report);
        return;
    }
    QStringList remoteIds;
    for (const ListingState &l : std::as_const(*before))
        remoteIds.append(l.remoteId);
    remoteIds.sort();
    report.listings = int(before->size());
    if (remoteIds.isEmpty()) {
        const auto stored = DriftStore(db).record(channel, {}, {}, clock.nowMs());
        if (!stored)
            report.error = stored.error();
        done(report);
        return;
    }
    reads.readQuantities(
        remoteIds,
        [&db, &clock, report, before = *before, channelRule,
         done = std::move(done)](const QuantitiesRead &read) mutable {
            if (!read.ok()) {
                report.error =
                    u"reading %1's quantities failed: %2"_s.arg(report.channel, read.message);
                done(report);
                return;
            }
            const auto after = statesOf(db, report.channel);
            const auto stock = InventoryStore(db).allStock();
            const auto rules = channelShownRules(db, report.channel, channelRule);
            if (!after || !stock || !rules) {
                report.error = !after ? after.error() : !stock ? stock.error() : rules.error();
                done(report);
                return;
            }
            QHash<QString, StockLevel> bySku;
            for (const StockLevel &s : *stock)
                bySku.insert(s.sku, s);
            QStringList checked;
            QList<DriftRow> drifted;
            for (auto it = before.cbegin(); it != before.cend(); ++it) {
                const ListingState &b = it.value();
                const auto a = after->constFind(b.sku);
                const auto s = bySku.constFind(b.sku);
                if (a == after->cend() || s == bySku.cend() || a->remoteId != b.remoteId) {
                    ++report.onTheirWay; // unmapped or moved while we read
                    continue;
                }
                std::optional<qint64> shown;
                if (const auto q = read.quantities.constFind(b.remoteId);
                    q != read.quantities.cend())
                    shown = *q;
                const ExpectedShown expected = expectedShown(*rules, report.channel, *s);
                switch (compareListing(b, *a, *s, shown, expected)) {
                case ListingVerdict::OnItsWay:
                    ++report.onTheirWay;
                    break;
                case ListingVerdict::Unread:
                    ++report.unread;
                    break;
                case ListingVerdict::InSync:
                    ++report.compared;
                    checked.append(b.sku);
                    break;
                case ListingVerdict::Drift:
                    ++report.compared;
                    checked.append(b.sku);
                    drifted.append({report.channel, b.sku, b.remoteId, *shown, expected.quantity});
                    break;
                }
            }
            const auto stored =
                DriftStore(db).record(report.channel, checked, drifted, clock.nowMs());
            if (!stored)
                report.error = stored.error();
            else
                report.drift = *stored;
            done(report);
        });
}

} // namespace ChannelDesk
