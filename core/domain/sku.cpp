#include "sku.h"

#include "util/controlchars.h"

#include <QCoreApplication>

namespace ChannelDesk::Sku {

QString validationError(const QString &sku)
{
    if (sku.isEmpty())
        return QStringLiteral("SKU is empty");
    if (sku.size() > kMaxLength)
        return QStringLiteral("SKU is longer than %1 characters").arg(kMaxLength);
    if (sku.front().isSpace() || sku.back().isSpace())
        return QStringLiteral("SKU has leading or trailing white space");
    if (hasControlCharacter(sku))
        return QStringLiteral("SKU contains a control character");
    return {};
}

bool isValid(const QString &sku)
{
    return validationError(sku).isEmpty();
}

} // namespace ChannelDesk::Sku
