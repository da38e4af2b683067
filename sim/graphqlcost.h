#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ChannelDesk {

// The requested cost of a GraphQL query as Shopify calculates it (GraphQL Admin API
// rate-limits page, "Calculated query cost"): an object costs 1, a scalar or enum 0, a connection
// 2 plus `first` (or `last`) times the cost of one node, a list field with `first` that many
// objects, nodes(ids:) one node per id; fragments add their fields to the object they are on.
// Nothing when the query cannot be read (the simulator then answers a syntax error).
std::optional<int> shopifyRequestedCost(const QString &query, const QJsonObject &variables);

// What the answer actually cost: one point per object it carries (Shopify refunds the
// difference between requested and actual).
int shopifyActualCost(const QJsonObject &data);

} // namespace ChannelDesk
