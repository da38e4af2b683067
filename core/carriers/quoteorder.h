#pragma once

#include "carriers/carrierquote.h"

#include <QByteArray>
#include <QString>

namespace ChannelDesk {

// Reads the ORDER.json of `channeldesk-cli quote` (docs/carriers.md): order_id, promised_by,
// optional ship_date, from/to addresses (postal_code and country required), parcels in grams and
// centimetres, optional declared_value. Returns false with *error naming the field.
bool parseQuoteOrder(const QByteArray &json, ShipmentRequest *request, QString *error);

} // namespace ChannelDesk
