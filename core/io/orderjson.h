#pragma once

#include "domain/orderevent.h"

#include <QByteArray>

namespace ChannelDesk {

// Reads one order in ChannelDesk's own JSON shape (the apply-orders line format):
// {"channel":"shopify","order_id":"1001","lines":[{"sku":"A-1","qty":2}]}.
// order_id may be a string or a whole number. Returns false and sets *error on anything else.
bool parseOrderJson(const QByteArray &json, OrderEvent *event, QString *error);

} // namespace ChannelDesk
