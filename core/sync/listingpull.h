#pragma once

#include "domain/buffer.h"
#include "store/driftstore.h"
#include "sync/listingreads.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ChannelDesk {

class Database;
class SyncEngine;

// What map-pull does where a new listing shows another quantity than it should (issue 10):
// nothing (listed as drift, nobody's number changes), push ours, or take theirs.
enum class AdoptPolicy { None, Ours, Theirs };
std::optional<AdoptPolicy> adoptPolicyFromName(const QString &name); // "ours", "theirs"

// Whether applyPull writes: Map maps and acknowledges; DryRun reads the store and reports what
// Map would do (mapped, drift, pushed and adopted as they would be), writing nothing, so the
// merchant can look before choosing (map-pull --dry-run, the console's Import listings dialog).
enum class PullMode { Map, DryRun };

// What map-pull found and did.
struct PullReport
{
    QString channel;
    QString error; // empty when it went through
    bool dryRun = false; // PullMode::DryRun: what would happen; nothing was written
    int listings = 0; // listings in the channel's catalogue
    int mapped = 0; // newly mapped by SKU (a dry run: would be mapped)
    int alreadyMapped = 0; // mapped before, to the same listing
    QList<RemoteListing> unmatchedRemote; // no SKU, an unknown SKU, or claimed otherwise
    QStringList unmatchedLocal; // our SKUs with no listing on the channel after the pull
    QList<DriftRow> drift; // new listings that show another quantity than they should
    QStringList pushed; // --adopt ours: SKUs now pending with our quantity
    QStringList adopted; // --adopt theirs: SKUs whose available became the channel's
    qint64 waitingLinesApplied = 0; // order lines that waited for these listings (not in a dry run)

    bool ok() const { return error.isEmpty(); }
};

// Pages through the channel's whole catalogue; answers once, with every listing or the error.
// A page answered throttled or with a 5xx is read again a few times, after the channel's
// Retry-After or a growing wait, on the calling thread's event loop.
void pullCatalogue(const ListingReads &reads,
                   std::function<void(const QList<RemoteListing> &, const QString &error)> done);

// For a pull someone watches (the console): told after each page how many listings were read
// so far, and asked before each next page whether to stop.
struct CatalogueWatch
{
    std::function<void(int listingsRead)> pageRead;
    std::function<bool()> cancelled; // true: no further page is read; done answers kCancelled
};
inline constexpr auto kPullCancelled = "the pull was cancelled";
void pullCatalogue(const ListingReads &reads,
                   std::function<void(const QList<RemoteListing> &, const QString &error)> done,
                   CatalogueWatch watch);

// Maps every pulled listing whose SKU is a stock row and that is not mapped yet. A new mapping
// never pushes unasked: a listing showing what it should, or (AdoptPolicy::None) showing
// something else, is marked acknowledged at what it shows (the second kind listed as drift and
// recorded in DriftStore); Ours leaves the differing ones pending, so normal propagation sends
// our quantity; Theirs sets available to what the channel shows (an audited adjustment, once,
// only where no other channel maps the SKU yet; otherwise it is listed as drift like None).
// Listings with no count on the channel are left unmapped (unmatched_remote, quantity null).
// Order lines that waited for a newly mapped remote id are applied (as map-import does).
// PullMode::DryRun writes nothing and reports what the same call would do now (waiting order
// lines are not applied, so drift is compared with what we hold before them).
PullReport applyPull(Database &db, SyncEngine &engine, const QString &channel,
                     const QList<RemoteListing> &listings, AdoptPolicy adopt, const QString &actor,
                     qint64 nowMs, PullMode mode = PullMode::Map,
                     const BufferOverride &channelRule = {});

} // namespace ChannelDesk
