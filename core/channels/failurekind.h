#pragma once

namespace ChannelDesk {

// How a failed call should be treated (DESIGN §3). Each adapter reads its channel's answer and
// says which kind it was, so the layers above (the propagator, the order polls, the reads) act
// on kinds and never on a channel's own error codes, which the outcome keeps for display.
enum class FailureKind {
    None, // no failure
    Transient, // retried with backoff: timeouts, resets, 5xx, a channel's hiccup
    Throttled, // the channel's rate limit (429, Shopify's THROTTLED): wait as it says, retry
    // The channel holds another quantity than the one we compared with (Shopify's
    // changeFromQuantity): it sold something we have not heard of yet. Read it back, retry.
    StaleCompare,
    // Refused only because another item of the same all-or-nothing call was (Shopify's
    // inventorySetQuantities): nothing wrong with this item or the channel; resend it as it is.
    Collateral,
    Permanent, // will fail again as it stands (4xx, unknown listing, bad credentials)
};

// Whether trying again may succeed without anyone changing anything.
constexpr bool isRetryable(FailureKind kind)
{
    return kind != FailureKind::None && kind != FailureKind::Permanent;
}

// Failures that are not the listing's own: retried without using up an attempt, and not held
// against the channel's success rate.
constexpr bool isNotTheListingsFault(FailureKind kind)
{
    return kind == FailureKind::StaleCompare || kind == FailureKind::Collateral;
}

} // namespace ChannelDesk
