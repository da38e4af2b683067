#include "dlq/deadlettergroupmodel.h"

#include <QFont>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

DeadLetterGroupModel::DeadLetterGroupModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

QString DeadLetterGroupModel::groupOf(const DeadLetter &d)
{
    if (!d.code.isEmpty())
        return d.httpStatus > 0 ? u"%1 (HTTP %2)"_s.arg(d.code).arg(d.httpStatus) : d.code;
    if (d.httpStatus > 0)
        return u"HTTP %1"_s.arg(d.httpStatus);
    return tr("no answer");
}

void DeadLetterGroupModel::setLetters(const QList<DeadLetter> &letters)
{
    QMap<QString, QMap<QString, int>> target; // channel -> group -> letters, both sorted
    for (const DeadLetter &d : letters)
        ++target[d.channel][groupOf(d)];
    m_total = int(letters.size());

    // Channels that have no letters left, from the bottom up.
    for (int row = int(m_channels.size()) - 1; row >= 0; --row) {
        if (!target.contains(m_channels.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_channels.removeAt(row);
            endRemoveRows();
        }
    }
    // The channels that stay: their groups merged, their counts updated.
    for (int row = 0; row < int(m_channels.size()); ++row) {
        Channel &c = m_channels[row];
        const QMap<QString, int> &groups = target.value(c.id);
        const QModelIndex parent = index(row, 0);
        for (int g = int(c.groups.size()) - 1; g >= 0; --g) {
            if (!groups.contains(c.groups.at(g).key)) {
                beginRemoveRows(parent, g, g);
                c.groups.removeAt(g);
                endRemoveRows();
            }
        }
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            const auto at = std::lower_bound(
                c.groups.begin(), c.groups.end(), it.key(),
                [](const Group &group, const QString &key) { return group.key < key; });
            const int g = int(at - c.groups.begin());
            if (at != c.groups.end() && at->key == it.key()) {
                if (at->count != it.value()) {
                    at->count = it.value();
                    Q_EMIT dataChanged(index(g, Name, parent), index(g, Letters, parent));
                }
                continue;
            }
            beginInsertRows(parent, g, g);
            c.groups.insert(g, Group {it.key(), it.value()});
            endInsertRows();
        }
        int count = 0;
        for (const Group &group : std::as_const(c.groups))
            count += group.count;
        if (count != c.count) {
            c.count = count;
            Q_EMIT dataChanged(index(row, Name), index(row, Letters));
        }
    }
    // New channels, each with its groups.
    for (auto it = target.cbegin(); it != target.cend(); ++it) {
        const auto at = std::lower_bound(
            m_channels.begin(), m_channels.end(), it.key(),
            [](const Channel &channel, const QString &id) { return channel.id < id; });
        if (at != m_channels.end() && at->id == it.key())
            continue;
        Channel c;
        c.serial = m_nextSerial++;
        c.id = it.key();
        for (auto g = it->cbegin(); g != it->cend(); ++g) {
            c.groups.append(Group {g.key(), g.value()});
            c.count += g.value();
        }
        const int row = int(at - m_channels.begin());
        beginInsertRows({}, row, row);
        m_channels.insert(row, c);
        endInsertRows();
    }
}

QModelIndex DeadLetterGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    return createIndex(row, column, m_channels.at(parent.row()).serial);
}

int DeadLetterGroupModel::rowOfSerial(quintptr serial) const
{
    for (int row = 0; row < int(m_channels.size()); ++row) {
        if (m_channels.at(row).serial == serial)
            return row;
    }
    return -1;
}

QModelIndex DeadLetterGroupModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    const int row = rowOfSerial(child.internalId());
    return row < 0 ? QModelIndex() : createIndex(row, 0, kTopLevel);
}

int DeadLetterGroupModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_channels.size());
    if (parent.column() != 0 || parent.internalId() != kTopLevel)
        return 0;
    return int(m_channels.at(parent.row()).groups.size());
}

int DeadLetterGroupModel::columnCount(const QModelIndex &) const
{
    return Count;
}

QVariant DeadLetterGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool top = index.internalId() == kTopLevel;
    const int channelRow = top ? index.row() : rowOfSerial(index.internalId());
    if (channelRow < 0)
        return {};
    const Channel &c = m_channels.at(channelRow);
    const Group *g = top ? nullptr : &c.groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Name)
            return top ? c.id : g->key;
        return top ? c.count : g->count;
    case ChannelRole:
        return c.id;
    case GroupRole:
        return top ? QVariant() : QVariant(g->key);
    case Qt::TextAlignmentRole:
        if (index.column() == Letters)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (top) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ToolTipRole:
        return top
            ? tr("%n dead letter(s) on %1", nullptr, c.count).arg(c.id)
            : tr("%n dead letter(s) on %1 failed with %2", nullptr, g->count).arg(c.id, g->key);
    default:
        break;
    }
    return {};
}

QVariant DeadLetterGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    return section == Name ? tr("Channel / error") : tr("Letters");
}

} // namespace ChannelDesk
