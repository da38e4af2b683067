#pragma once

#include "carriers/reliabilitystore.h"
#include "io/csvreader.h"

namespace ChannelDesk {

// Reads delivery outcomes from CSV with the header carrier,service,zone,promised,delivered
// (dates as 2026-12-01, zone as "US-941"). All rows or none: returns false with every bad row's
// line-numbered error in *errors. With `today` set, a delivery dated after it (a day of grace for
// time zones) is a bad row: it cannot have happened yet.
bool parseDeliveryCsv(const QString &text, QList<DeliveryOutcome> *outcomes, CsvErrors *errors,
                      QDate today = {});

} // namespace ChannelDesk
