#include "jsonkeys.h"

#include <QList>
#include <QSet>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

// One open object or array, and what has been read of it so far.
struct Level
{
    bool object = false;
    QSet<QString> keys;
    QString key; // the object's member being read
    int index = -1; // the array's element being read
    bool expectKey = true; // an object's next string is a key (not a value)
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Reads the string whose opening quote is at *pos; leaves *pos after its closing quote.
QString readString(const QByteArray &json, qsizetype *pos)
{
    QByteArray utf8;
    QString decoded;
    qsizetype i = *pos + 1;
    const auto flush = [&] {
        decoded += QString::fromUtf8(utf8);
        utf8.clear();
    };
    while (i < json.size() && json.at(i) != '"') {
        const char c = json.at(i);
        if (c != '\\') {
            utf8 += c;
            ++i;
            continue;
        }
        const char e = i + 1 < json.size() ? json.at(i + 1) : '\0';
        i += 2;
        if (e == 'u') {
            int code = 0;
            for (int k = 0; k < 4 && i < json.size(); ++k, ++i)
                code = code * 16 + std::max(0, hexValue(json.at(i)));
            flush();
            decoded += QChar(char16_t(code)); // surrogate halves pair up in the QString
            continue;
        }
        constexpr std::pair<char, char> kEscapes[] = {
            {'n', '\n'}, {'t', '\t'}, {'r', '\r'}, {'b', '\b'}, {'f', '\f'}};
        char out = e; // \" \\ \/
        for (const auto &[name, value] : kEscapes) {
            if (e == name)
                out = value;
        }
        utf8 += out;
    }
    flush();
    *pos = i + 1;
    return decoded;
}

QString pathOf(const QList<Level> &levels, const QString &last)
{
    QString path;
    for (const Level &l : levels) {
        if (l.object && !l.key.isNull())
            path += (path.isEmpty() ? QString() : u"."_s) + l.key;
        else if (!l.object && l.index >= 0)
            path += u"[%1]"_s.arg(l.index);
    }
    return path.isEmpty() ? last : path + u"."_s + last;
}
} // namespace

std::optional<DuplicateJsonKey> firstDuplicateJsonKey(const QByteArray &json)
{
    QList<Level> levels;
    // A value starts in the innermost array: it is that array's next element.
    const auto valueStarts = [&levels] {
        if (!levels.isEmpty() && !levels.last().object)
            ++levels.last().index;
    };
    qsizetype i = 0;
    while (i < json.size()) {
        const char c = json.at(i);
        switch (c) {
        case '{':
        case '[':
            valueStarts();
            levels.append(Level {c == '{', {}, {}, -1, true});
            ++i;
            break;
        case '}':
        case ']':
            levels.removeLast();
            ++i;
            break;
        case ',':
            if (!levels.isEmpty() && levels.last().object)
                levels.last().expectKey = true;
            ++i;
            break;
        case '"': {
            const qsizetype start = i;
            if (!levels.isEmpty() && levels.last().object && levels.last().expectKey) {
                Level &object = levels.last();
                QString key = readString(json, &i);
                object.expectKey = false;
                object.key = QString(); // not part of the path of its own duplicate
                if (object.keys.contains(key))
                    return DuplicateJsonKey {pathOf(levels, key), start};
                object.keys.insert(key);
                object.key = std::move(key);
            } else {
                valueStarts();
                readString(json, &i);
            }
            break;
        }
        default:
            // Numbers, true/false/null and white space: a scalar starts an array element.
            if (c != ':' && c != ' ' && c != '\t' && c != '\n' && c != '\r' &&
                (i == 0 || QByteArrayView(",[ \t\n\r").contains(json.at(i - 1))) &&
                !levels.isEmpty() && !levels.last().object)
                valueStarts();
            ++i;
            break;
        }
    }
    return std::nullopt;
}

} // namespace ChannelDesk
