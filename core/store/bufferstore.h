#pragma once

#include "domain/bufferrules.h"
#include "domain/mutation.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ChannelDesk {

class Database;

// What channels are shown, as stored (issue 10): the merchant's buffer overrides per listing
// (listing_buffers) and each channel's config rule as its listings were last sent
// (channel_buffers).
//
// Changing a rule re-sends through the normal propagation, never by a push of its own: in one
// transaction the rule is written, each changed listing gets a `buffer` row in the mutation log
// (the audit), and when what a mapped listing should show changed, the SKU's row gets a new
// version (carried by that row), so its listings are due like after any change and the
// propagators send the current quantity under the new rule. Its other channels are sent their
// unchanged quantity again: a rule change is rare, and the version stays one number per SKU.
class BufferStore
{
public:
    explicit BufferStore(Database &db)
        : m_db(db)
    {
    }

    // Every override, or those of one channel and/or one SKU, by channel and SKU.
    Result<QList<ListingBuffer>> overrides(const QString &channel = {},
                                           const QString &sku = {}) const;

    // Each channel's config rule as its listings were last sent (applyChannelRules records
    // it): what another process, such as the CLI without the config, resolves with. A channel
    // not listed follows the defaults.
    Result<QHash<QString, BufferOverride>> channelRules() const;

    // What a propagator needs to know what it sends of a SKU on a channel: the SKU's safety
    // buffer (pause_at when no rule sets one) and its listing's override.
    struct SendInputs
    {
        qint64 safetyBuffer = 0;
        BufferOverride buffer;
    };
    // The same for every channel at once: the SKU's safety buffer and the overrides of the
    // channels that have one.
    struct SkuInputs
    {
        qint64 safetyBuffer = 0;
        QList<std::pair<QString, BufferOverride>> overrides; // by channel
        SendInputs forChannel(const QString &channel) const;
    };
    // One statement, through the index on listing_buffers.sku (nullopt: no stock row).
    Result<std::optional<SkuInputs>> skuInputs(const QString &sku) const;

    struct Applied
    {
        int changed = 0; // overrides that changed (each audited)
        int resent = 0; // listings made due because what they should show changed
        QList<Mutation> mutations; // the `buffer` rows written, in log order
    };
    // Sets overrides; an empty one removes the listing's. All rows or none: each must name a
    // channel `rules` has and a SKU with a stock row (the error names the first that does not).
    // Rows that change nothing are skipped; the rest are audited with actor and reason.
    Result<Applied> setOverrides(const QList<ListingBuffer> &rows, const BufferRules &rules,
                                 const QString &actor, const QString &reason, qint64 nowMs);

    // The channels' config rules now (`rules`), against the ones their listings were last sent
    // with: a changed rule makes due the listings whose shown quantity it changes (audited as
    // `actor`), and is recorded. A channel seen for the first time compares with the defaults,
    // which is what its listings were sent before buffers existed. Returns how many listings
    // were made due.
    Result<int> applyChannelRules(const BufferRules &rules, const QString &actor, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace ChannelDesk
