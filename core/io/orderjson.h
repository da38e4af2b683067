#pragma once

#include "domain/orderevent.h"

#include <QByteArray>

namespace ChannelDesk {

// Reads one order event in ChannelDesk's own JSON shape (the apply-orders line format):
//   a sale      {"channel":"shopify","order_id":"1001","lines":[{"sku":"A-1","qty":2}]}
//               (per line optional "line_id" and "remote_id" instead of "sku"; optional
//               "cancelled":true for an order that arrives cancelled)
//   a cancel    {"channel","order_id","event":"cancel"}
//   a refund    {"channel","order_id","event":"refund","refund_id",
//                "lines":[{"sku","qty","restock":bool}]}   (restock defaults to false)
//   an edit     {"channel","order_id","event":"edit","edit_id","lines":[{"sku","qty"}]}
//               (qty: the order's new quantity of that SKU, 0 to remove it)
//   a shipment  {"channel","order_id","event":"ship","shipment_id","lines":[{"sku","qty"}]}
// Ids may be strings or whole numbers. Returns false and sets *error on anything else.
bool parseOrderJson(const QByteArray &json, OrderEvent *event, QString *error);

} // namespace ChannelDesk
