#pragma once

#include "store/propagationstore.h"

#include <QList>

namespace ChannelDesk {

// In which order a channel is sent its due listings when it cannot take them all at once (a
// flash sale on a channel limited to 2 requests a second), most urgent first:
//  1. pauses: the listing will be sent 0 where the channel shows more (or may: never
//     acknowledged), so it must stop selling now;
//  2. decreases (and listings whose shown quantity is unknown): the channel shows more than it
//     should, so it can oversell; the least stock shown relative to the change goes first
//     (shown / |shown − acknowledged|: 2 left of 10 shown before 290 left of 300);
//  3. increases: the channel shows less than it should, which costs sales but cannot oversell,
//     by the same ratio;
// and within each, the oldest change first. Only DueListing::quantityToSend is read for what
// the channel will be shown, so a per-channel rule (buffers) decides by setting it.
namespace DuePriority {

enum class Tier { Pause, Decrease, Increase };

Tier tierOf(const DueListing &listing);
// Whether a goes before b.
bool before(const DueListing &a, const DueListing &b);
// Sorts most urgent first (stable for listings that compare equal).
void sort(QList<DueListing> &due);

} // namespace DuePriority

} // namespace ChannelDesk
