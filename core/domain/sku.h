#pragma once

#include <QString>

namespace ChannelDesk {

// The merchant's stock-keeping unit. SKUs are opaque text; these are the limits every input path
// (CSV import, webhooks, CLI) enforces before a SKU reaches the store.
namespace Sku {
inline constexpr qsizetype kMaxLength = 128;
// Non-empty, at most kMaxLength characters, no control characters, no leading/trailing space.
bool isValid(const QString &sku);
// Why a SKU is not valid, or an empty string when it is.
QString validationError(const QString &sku);
} // namespace Sku

// Quantities are whole units held in 64 bits but bounded to what every channel accepts.
namespace Quantity {
inline constexpr qint64 kMax = 2'147'483'647; // 2^31 - 1
// The largest quantity one order line may take.
inline constexpr qint64 kMaxOrderLine = 1'000'000;
} // namespace Quantity

} // namespace ChannelDesk
