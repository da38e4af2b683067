#include "sim/graphqlcost.h"

#include <QJsonArray>
#include <QStringList>

namespace ChannelDesk {

namespace {

// A small reader of GraphQL documents, enough to walk selection sets: names, punctuation,
// strings, numbers and variables as tokens; arguments are read for first/last/ids only.
class CostReader
{
public:
    CostReader(const QString &text, const QJsonObject &variables)
        : m_text(text)
        , m_variables(variables)
    {
    }

    std::optional<int> operationCost()
    {
        // Skip "query Name($a: T) @directive" up to the first selection set.
        while (!atEnd() && peek() != u'{') {
            if (peek() != u'(')
                next();
            else if (!skipBalanced(u'(', u')'))
                return std::nullopt;
        }
        if (atEnd())
            return std::nullopt;
        const auto selection = selectionSet();
        return selection ? std::optional<int>(selection->cost) : std::nullopt;
    }

private:
    bool atEnd()
    {
        skipSpace();
        return m_pos >= m_text.size();
    }
    QChar peek()
    {
        skipSpace();
        return m_pos < m_text.size() ? m_text.at(m_pos) : QChar();
    }
    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == u'#') {
                while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n')
                    ++m_pos;
            } else if (c.isSpace() || c == u',') {
                ++m_pos;
            } else {
                break;
            }
        }
    }
    // One token: a name, a number, a string, "..." or one punctuation character.
    QString next()
    {
        skipSpace();
        if (m_pos >= m_text.size())
            return {};
        const qsizetype start = m_pos;
        const QChar c = m_text.at(m_pos);
        if (c.isLetter() || c == u'_' || c == u'$') {
            ++m_pos;
            while (m_pos < m_text.size() &&
                   (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'_'))
                ++m_pos;
        } else if (c.isDigit() || c == u'-') {
            ++m_pos;
            while (m_pos < m_text.size() &&
                   (m_text.at(m_pos).isDigit() || m_text.at(m_pos) == u'.'))
                ++m_pos;
        } else if (c == u'"') {
            ++m_pos;
            while (m_pos < m_text.size() && m_text.at(m_pos) != u'"') {
                if (m_text.at(m_pos) == u'\\')
                    ++m_pos;
                ++m_pos;
            }
            ++m_pos;
        } else if (m_text.mid(m_pos, 3) == QStringLiteral("...")) {
            m_pos += 3;
        } else {
            ++m_pos;
        }
        return m_text.mid(start, m_pos - start);
    }
    bool skipBalanced(QChar open, QChar close)
    {
        int depth = 0;
        do {
            const QString token = next();
            if (token.isEmpty())
                return false;
            if (token == open)
                ++depth;
            else if (token == close)
                --depth;
        } while (depth > 0);
        return true;
    }
    // The value of an argument: a number, a variable's number, or a variable's list size.
    std::optional<int> argumentSize(const QString &token)
    {
        if (token.startsWith(u'$')) {
            const QJsonValue value = m_variables.value(token.mid(1));
            if (value.isArray())
                return int(value.toArray().size());
            if (value.isDouble())
                return value.toInt();
            return std::nullopt;
        }
        bool ok = false;
        const int n = token.toInt(&ok);
        return ok ? std::optional<int>(n) : std::nullopt;
    }
    // (first: N, ids: [...]) -> the size it asks for, when it asks for one; false when the
    // arguments cannot be read.
    bool arguments(std::optional<int> *size)
    {
        next(); // (
        while (true) {
            const QString name = next();
            if (name.isEmpty())
                return false;
            if (name == u")")
                break;
            if (next() != u":")
                return false;
            if (peek() == u'[') {
                int count = 0;
                int depth = 0;
                do {
                    const QString token = next();
                    if (token.isEmpty())
                        return false;
                    if (token == u"[")
                        ++depth;
                    else if (token == u"]")
                        --depth;
                    else if (depth == 1)
                        ++count;
                } while (depth > 0);
                if (name == u"ids")
                    *size = count;
            } else if (peek() == u'{') {
                if (!skipBalanced(u'{', u'}'))
                    return false;
            } else {
                const QString value = next();
                if (name == u"first" || name == u"last" || name == u"ids")
                    *size = argumentSize(value);
            }
        }
        return true;
    }
    struct Selection
    {
        int cost = 0; // all fields
        std::optional<int> nodes; // the `nodes` or `edges` field's part, for a connection
    };
    // The cost of the fields of one object (its own point is counted by whoever holds it).
    std::optional<Selection> selectionSet()
    {
        if (next() != u"{")
            return std::nullopt;
        Selection selection;
        while (true) {
            QString name = next();
            if (name.isEmpty())
                return std::nullopt;
            if (name == u"}")
                break;
            if (name == u"...") {
                if (peek() != u'{') {
                    next(); // on
                    next(); // TypeName
                }
                const auto inner = selectionSet();
                if (!inner)
                    return std::nullopt;
                selection.cost += inner->cost;
                continue;
            }
            if (peek() == u':') { // an alias
                next();
                name = next();
            }
            std::optional<int> size;
            if (peek() == u'(' && !arguments(&size))
                return std::nullopt;
            while (peek() == u'@') {
                next();
                next();
                if (peek() == u'(' && !skipBalanced(u'(', u')'))
                    return std::nullopt;
            }
            if (peek() != u'{')
                continue; // a scalar or an enum: free
            const auto inner = selectionSet();
            if (!inner)
                return std::nullopt;
            int cost = 0;
            if (size && inner->nodes)
                cost = 2 + *size * *inner->nodes; // a connection: `first` of its nodes
            else if (size)
                cost = *size * (1 + inner->cost); // a list, or nodes(ids:)
            else
                cost = 1 + inner->cost;
            if (!size && (name == u"nodes" || name == u"edges"))
                selection.nodes = cost;
            selection.cost += cost;
        }
        return selection;
    }

    QString m_text;
    QJsonObject m_variables;
    qsizetype m_pos = 0;
};

int countObjects(const QJsonValue &value)
{
    if (value.isObject()) {
        int n = 1;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            n += countObjects(it.value());
        return n;
    }
    if (value.isArray()) {
        int n = 0;
        for (const QJsonValue &item : value.toArray())
            n += countObjects(item);
        return n;
    }
    return 0;
}

} // namespace

std::optional<int> shopifyRequestedCost(const QString &query, const QJsonObject &variables)
{
    return CostReader(query, variables).operationCost();
}

int shopifyActualCost(const QJsonObject &data)
{
    return countObjects(data);
}

} // namespace ChannelDesk
