#include "listingpull.h"

#include "store/database.h"
#include "store/inventorystore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/expectedshown.h"
#include "sync/listingguard.h"
#include "sync/syncengine.h"

#include <QHash>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <memory>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

std::optional<AdoptPolicy> adoptPolicyFromName(const QString &name)
{
    if (name == "ours"_L1)
        return AdoptPolicy::Ours;
    if (name == "theirs"_L1)
        return AdoptPolicy::Theirs;
    return std::nullopt;
}

namespace {

struct PullState
{
    ListingReads reads;
    QList<RemoteListing> listings;
    QSet<QString> tokens; // a channel handing back a token it gave before would loop for ever
    std::function<void(const QList<RemoteListing> &, const QString &)> done;
    CatalogueWatch watch;
    int retriesInARow = 0;
};

// A page the channel answered "later" to (throttled, or a 5xx while it has a bad minute) is read
// again: after its Retry-After, or 1, 2, 4... seconds, up to kRetries times in a row. Through a
// ReadPacer the same answer has already tightened the channel's bucket, so the retry waits for a
// token as well. No HTTP answer at all (a refused connection, a timeout) and 4xx are not retried:
// a wrong address or token says so at once.
constexpr int kRetries = 6;
constexpr qint64 kRetryWaitMs = 1000;
constexpr qint64 kRetryMaxWaitMs = 30'000;

bool worthAnotherTry(const ListingPage &page)
{
    return page.throttled || page.failure == FailureKind::Throttled ||
        (page.failure == FailureKind::Transient && page.httpStatus >= 500);
}

void nextPage(const std::shared_ptr<PullState> &state, const QString &token)
{
    state->reads.listListings(token, [state, token](const ListingPage &page) {
        if (!page.ok() && worthAnotherTry(page) && state->retriesInARow < kRetries) {
            const qint64 waitMs = std::min(
                page.retryAfterMs.value_or(kRetryWaitMs << state->retriesInARow), kRetryMaxWaitMs);
            ++state->retriesInARow;
            QTimer::singleShot(std::chrono::milliseconds(waitMs), [state, token] {
                if (state->watch.cancelled && state->watch.cancelled())
                    state->done(state->listings, QString::fromLatin1(kPullCancelled));
                else
                    nextPage(state, token);
            });
            return;
        }
        if (!page.ok()) {
            state->done(state->listings, u"reading the catalogue failed: %1"_s.arg(page.message));
            return;
        }
        state->retriesInARow = 0;
        state->listings.append(page.listings);
        if (state->watch.pageRead)
            state->watch.pageRead(int(state->listings.size()));
        if (page.nextPageToken.isEmpty()) {
            state->done(state->listings, {});
            return;
        }
        if (state->tokens.contains(page.nextPageToken)) {
            state->done(state->listings,
                        u"the channel handed back page token %1 twice"_s.arg(page.nextPageToken));
            return;
        }
        state->tokens.insert(page.nextPageToken);
        if (state->watch.cancelled && state->watch.cancelled()) {
            state->done(state->listings, QString::fromLatin1(kPullCancelled));
            return;
        }
        nextPage(state, page.nextPageToken);
    });
}

} // namespace

void pullCatalogue(const ListingReads &reads,
                   std::function<void(const QList<RemoteListing> &, const QString &error)> done)
{
    pullCatalogue(reads, std::move(done), {});
}

void pullCatalogue(const ListingReads &reads,
                   std::function<void(const QList<RemoteListing> &, const QString &error)> done,
                   CatalogueWatch watch)
{
    if (!reads.isValid()) {
        done({}, u"this channel cannot list its catalogue"_s);
        return;
    }
    auto state = std::make_shared<PullState>();
    state->reads = reads;
    state->done = std::move(done);
    state->watch = std::move(watch);
    nextPage(state, {});
}

namespace {

// What applyPull would do with the new listings, read from the store and written nowhere: the
// same comparisons, with adopt theirs played on a copy of the stock row.
PullReport previewFresh(Database &db, PullReport report, const QList<ListingMapping> &fresh,
                        const QHash<QString, RemoteListing> &pulledBySku,
                        const QSet<QString> &mappedElsewhere, AdoptPolicy adopt,
                        const BufferRules &rules)
{
    report.mapped = int(fresh.size());
    for (const ListingMapping &m : fresh) {
        const qint64 shown = *pulledBySku.value(m.sku).quantity;
        const auto now = InventoryStore(db).stock(m.sku);
        if (!now || !*now) {
            report.error = now ? u"SKU %1 is gone"_s.arg(m.sku) : now.error();
            return report;
        }
        const StockLevel &level = **now;
        const ExpectedShown expected = expectedShown(rules, m.channel, level);
        if (shown == expected.quantity)
            continue;
        report.drift.append({m.channel, m.sku, m.remoteId, shown, expected.quantity});
        if (adopt == AdoptPolicy::Ours) {
            report.pushed.append(m.sku);
        } else if (adopt == AdoptPolicy::Theirs && !mappedElsewhere.contains(m.sku)) {
            StockLevel after = level;
            after.available = shown;
            after.paused = ListingGuard::shouldBePaused(after.available, after.safetyBuffer);
            if (expectedShown(rules, m.channel, after).quantity == shown)
                report.adopted.append(m.sku);
            else
                report.pushed.append(m.sku);
        }
    }
    return report;
}

} // namespace

PullReport applyPull(Database &db, SyncEngine &engine, const QString &channel,
                     const QList<RemoteListing> &listings, AdoptPolicy adopt, const QString &actor,
                     qint64 nowMs, PullMode mode, const BufferOverride &channelRule)
{
    PullReport report;
    report.channel = channel;
    report.dryRun = mode == PullMode::DryRun;
    report.listings = int(listings.size());
    auto fail = [&report](const QString &error) {
        report.error = error;
        return report;
    };

    const auto stock = InventoryStore(db).allStock();
    if (!stock)
        return fail(stock.error());
    const auto rules = channelShownRules(db, channel, channelRule);
    if (!rules)
        return fail(rules.error());
    QSet<QString> known;
    for (const StockLevel &s : *stock)
        known.insert(s.sku);
    const auto existing = MappingStore(db).mappings();
    if (!existing)
        return fail(existing.error());
    QHash<QString, QString> remoteOfSku; // on this channel
    QHash<QString, QString> skuOfRemote; // on this channel
    QSet<QString> mappedElsewhere; // SKUs some other channel already lists
    for (const ListingMapping &m : *existing) {
        if (m.channel == channel) {
            remoteOfSku.insert(m.sku, m.remoteId);
            skuOfRemote.insert(m.remoteId, m.sku);
        } else {
            mappedElsewhere.insert(m.sku);
        }
    }

    QList<ListingMapping> fresh;
    QHash<QString, RemoteListing> pulledBySku;
    for (const RemoteListing &l : listings) {
        const auto mine = remoteOfSku.constFind(l.sku);
        if (!l.sku.isEmpty() && mine != remoteOfSku.cend() && *mine == l.remoteId) {
            ++report.alreadyMapped;
            continue;
        }
        // Unknown SKU, no count to keep in sync, or a listing/SKU already claimed by another
        // (two listings with one SKU would overwrite each other): left for the merchant.
        if (l.sku.isEmpty() || !known.contains(l.sku) || !l.quantity ||
            mine != remoteOfSku.cend() || skuOfRemote.contains(l.remoteId)) {
            report.unmatchedRemote.append(l);
            continue;
        }
        fresh.append({channel, l.sku, l.remoteId});
        remoteOfSku.insert(l.sku, l.remoteId);
        skuOfRemote.insert(l.remoteId, l.sku);
        pulledBySku.insert(l.sku, l);
    }
    for (const StockLevel &s : *stock) {
        if (!remoteOfSku.contains(s.sku))
            report.unmatchedLocal.append(s.sku);
    }
    if (fresh.isEmpty())
        return report;
    if (mode == PullMode::DryRun)
        return previewFresh(db, report, fresh, pulledBySku, mappedElsewhere, adopt, *rules);

    if (const Status imported = MappingStore(db).importMappings(fresh, nowMs); !imported)
        return fail(imported.error());
    report.mapped = int(fresh.size());

    // Order lines that waited for these listings take their stock first, so what the listings
    // are compared with is what we hold after them.
    QStringList remoteIds;
    for (const ListingMapping &m : std::as_const(fresh))
        remoteIds.append(m.remoteId);
    const auto waiting = engine.applyWaiting(channel, remoteIds, actor);
    if (!waiting.ok())
        return fail(
            u"the listings are mapped, but waiting order lines could not be applied: %1"_s.arg(
                waiting.message));
    for (const Mutation &m : waiting.mutations)
        report.waitingLinesApplied += m.kind == MutationKind::Order ? 1 : 0;

    QList<PropagationStore::Ack> acks;
    QList<DriftRow> drifted;
    for (const ListingMapping &m : std::as_const(fresh)) {
        const RemoteListing &l = pulledBySku.value(m.sku);
        const qint64 shown = *l.quantity;
        auto now = InventoryStore(db).stock(m.sku);
        if (!now || !*now)
            return fail(now ? u"SKU %1 is gone"_s.arg(m.sku) : now.error());
        StockLevel level = **now;
        const ExpectedShown expected = expectedShown(*rules, channel, level);
        if (shown == expected.quantity) {
            acks.append({m.sku, level.version, shown, expected.paused});
            continue;
        }
        const DriftRow drift {channel, m.sku, m.remoteId, shown, expected.quantity};
        if (adopt == AdoptPolicy::Ours) {
            report.drift.append(drift);
            report.pushed.append(m.sku); // pending since the import: propagation sends ours
            continue;
        }
        if (adopt == AdoptPolicy::Theirs && !mappedElsewhere.contains(m.sku)) {
            const auto adjusted =
                engine.adjust(m.sku, shown - level.available, actor,
                              u"map-pull --adopt theirs: %1 shows %2 for listing %3"_s.arg(channel)
                                  .arg(shown)
                                  .arg(m.remoteId));
            if (!adjusted.ok())
                return fail(u"cannot adopt %1's quantity of %2: %3"_s.arg(channel, m.sku,
                                                                          adjusted.message));
            now = InventoryStore(db).stock(m.sku);
            if (!now || !*now)
                return fail(now ? u"SKU %1 is gone"_s.arg(m.sku) : now.error());
            level = **now;
            const ExpectedShown after = expectedShown(*rules, channel, level);
            if (after.quantity == shown) {
                acks.append({m.sku, level.version, shown, after.paused});
                report.adopted.append(m.sku);
                continue;
            }
            // What it should show is still another number (a paused SKU): push ours.
            report.drift.append({channel, m.sku, m.remoteId, shown, after.quantity});
            report.pushed.append(m.sku);
            continue;
        }
        // Left alone: acknowledged at what it shows, listed, recorded as drift.
        report.drift.append(drift);
        drifted.append(drift);
        acks.append({m.sku, level.version, shown, false});
    }
    PropagationStore propagation(db);
    if (const Status acked = propagation.acknowledge(channel, acks, nowMs); !acked)
        return fail(acked.error());
    if (!drifted.isEmpty()) {
        QStringList checked;
        for (const DriftRow &d : std::as_const(drifted))
            checked.append(d.sku);
        const auto stored = DriftStore(db).record(channel, checked, drifted, nowMs);
        if (!stored)
            return fail(stored.error());
        for (DriftRow &d : report.drift) {
            for (const DriftRow &s : *stored) {
                if (s.sku == d.sku)
                    d = s;
            }
        }
    }
    return report;
}

} // namespace ChannelDesk
