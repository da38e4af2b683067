#include "channelid.h"

#include <QRegularExpression>

namespace ChannelDesk::ChannelId {

using namespace Qt::StringLiterals;

QString validationError(const QString &id)
{
    // \z, not $: $ also matches before a final newline.
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\\z"_s);
    if (!pattern.match(id).hasMatch())
        return u"\"%1\" must be 1-64 letters, digits, '-', '_' or '.'"_s.arg(id);
    return {};
}

} // namespace ChannelDesk::ChannelId
