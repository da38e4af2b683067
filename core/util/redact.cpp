#include "redact.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

QString redactedLocation(const QString &location)
{
    QString shown = location;
    // scheme://user:password@host — the password runs to the last '@' of the authority, so a
    // password containing '@' (badly escaped, but seen) is hidden whole. Parsed by hand rather
    // than with QUrl, which would re-encode or refuse the rest of what the user typed.
    const qsizetype schemeEnd = shown.indexOf("://"_L1);
    if (schemeEnd > 0) {
        const qsizetype authorityStart = schemeEnd + 3;
        qsizetype authorityEnd = shown.indexOf(u'/', authorityStart);
        const qsizetype query = shown.indexOf(u'?', authorityStart);
        if (authorityEnd < 0 || (query >= 0 && query < authorityEnd))
            authorityEnd = query;
        if (authorityEnd < 0)
            authorityEnd = shown.size();
        const qsizetype at = shown.lastIndexOf(u'@', authorityEnd - 1);
        if (at >= authorityStart) {
            const qsizetype colon = shown.indexOf(u':', authorityStart);
            if (colon >= 0 && colon < at)
                shown.replace(colon + 1, at - colon - 1, "***"_L1);
        }
    }
    // password=secret as a query item (postgresql://host/db?password=secret) or in a
    // libpq-style key=value string (host=db password=secret).
    static const QRegularExpression key(
        u"((?:^|[?&;\\s])(?:ssl)?password\\s*=\\s*)('[^']*'|[^&;\\s]*)"_s,
        QRegularExpression::CaseInsensitiveOption);
    shown.replace(key, u"\\1***"_s);
    return shown;
}

} // namespace ChannelDesk
