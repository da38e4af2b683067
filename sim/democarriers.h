#pragma once

#include "carriers/reliabilitystore.h"
#include "sim/carriersim.h"

#include <QDate>
#include <QList>

namespace ChannelDesk {

// The demo's four simulated carriers (one per wire format, priced like a small parcel across the
// US), with `faultShare` of their answers late or failed.
QList<SimCarrier> demoCarriers(double faultShare);
// Two months of delivered-on-time history per carrier-service and zone, weaker to a few zones,
// so reliability differs by carrier and destination and the choice changes with the order.
QList<DeliveryOutcome> demoDeliveryHistory(QDate today);

} // namespace ChannelDesk
