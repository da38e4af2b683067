#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace ChannelDesk {

// What one channel is shown of a SKU's available stock (DESIGN §3, issue 10): keep a reserve
// back, show a percentage of the rest, never more than a maximum, and nothing at all once
// available falls to pause_at:
//
//   shown = 0                                                  if available <= pause_at
//         = min(max, floor((available - reserve) * percent / 100))   otherwise, never below 0
//
// Percent is a whole number from 0 to 100: the arithmetic stays exact (no rounding of a binary
// fraction can show one unit more than the merchant asked for), and a channel is never shown
// more than there is. Every quantity is a whole number from 0 to Quantity::kMax.
struct BufferRule
{
    qint64 reserve = 0;
    int percent = 100;
    std::optional<qint64> max; // none: no cap
    std::optional<qint64> pauseAt; // none: the SKU's own safety buffer

    friend bool operator==(const BufferRule &, const BufferRule &) = default;
};

// What a channel should show now: the quantity, and whether that is a pause (available at or
// below the rule's pause_at). A listing can show 0 without being paused (a reserve larger than
// what is available, percent 0, max 0): channels are sent 0 either way.
struct ShownQuantity
{
    qint64 quantity = 0;
    bool paused = false;

    friend bool operator==(const ShownQuantity &, const ShownQuantity &) = default;
};

// The formula above. `safetyBuffer` is the SKU's own, the pause_at of a rule that sets none.
ShownQuantity shownQuantity(const BufferRule &rule, qint64 available, qint64 safetyBuffer);

// One level of buffer settings, each field empty = inherit from the level below: a listing's
// override (per SKU and channel) inherits from its channel's config `buffer`, which inherits
// from the defaults (reserve 0, percent 100, no max, pause_at the SKU's safety buffer).
struct BufferOverride
{
    std::optional<qint64> reserve;
    std::optional<int> percent;
    std::optional<qint64> max;
    std::optional<qint64> pauseAt;

    bool isEmpty() const { return !reserve && !percent && !max && !pauseAt; }
    friend bool operator==(const BufferOverride &, const BufferOverride &) = default;
};

// The rule a listing follows: each field from its override, else from its channel, else the
// default.
BufferRule resolveBufferRule(const BufferOverride &listing, const BufferOverride &channel);

// The valid ranges; the names are the config file's and the CSV header's.
namespace BufferLimits {
inline constexpr int kMaxPercent = 100;
// Why `value` is not valid for `field` ("reserve", "percent", "max", "pause_at"), or an empty
// string when it is.
QString validationError(const QString &field, qint64 value);
} // namespace BufferLimits

// "reserve 2, percent 50, max inherited, pause_at 3": an override in the audit log's words.
QString bufferText(const BufferOverride &buffer);

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::BufferOverride)
