#include "dlq/deadlettermodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QHash>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
QString keyOf(const DeadLetter &d)
{
    return d.channel + u'\n' + d.sku;
}

bool same(const DeadLetter &a, const DeadLetter &b)
{
    return a.version == b.version && a.attempts == b.attempts && a.errorKind == b.errorKind &&
        a.lastError == b.lastError && a.lastFailedAtMs == b.lastFailedAtMs &&
        a.retrying == b.retrying && a.state == b.state && a.history == b.history;
}

QString timeText(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s)
                  : QString();
}
} // namespace

DeadLetterModel::DeadLetterModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DeadLetterModel::setLetters(const QList<DeadLetter> &letters)
{
    QHash<QString, int> incoming;
    for (int i = 0; i < int(letters.size()); ++i)
        incoming.insert(keyOf(letters.at(i)), i);
    // Remove what left the queue, from the bottom up.
    for (int row = int(m_letters.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(keyOf(m_letters.at(row)))) {
            beginRemoveRows({}, row, row);
            m_letters.removeAt(row);
            endRemoveRows();
        }
    }
    QHash<QString, int> present;
    for (int row = 0; row < int(m_letters.size()); ++row) {
        present.insert(keyOf(m_letters.at(row)), row);
        const DeadLetter &update = letters.at(incoming.value(keyOf(m_letters.at(row))));
        if (!same(m_letters.at(row), update)) {
            m_letters[row] = update;
            Q_EMIT dataChanged(index(row, 0), index(row, Count - 1));
        }
    }
    QList<DeadLetter> added;
    for (const DeadLetter &d : letters) {
        if (!present.contains(keyOf(d)))
            added.append(d);
    }
    if (!added.isEmpty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_letters.append(added);
        endInsertRows();
    }
}

const DeadLetter *DeadLetterModel::letterAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_letters.at(row) : nullptr;
}

int DeadLetterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_letters.size());
}

QString DeadLetterModel::stateText(const DeadLetter &d)
{
    if (!d.retrying)
        return tr("dead");
    if (d.state == u"rearmed"_s)
        return tr("re-armed");
    if (d.state == u"redriven"_s)
        return tr("re-driven");
    return tr("retrying");
}

int DeadLetterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant DeadLetterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeadLetter &d = m_letters.at(index.row());
    switch (role) {
    case KeyChannelRole:
        return d.channel;
    case KeySkuRole:
        return d.sku;
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case Channel:
            return d.channel;
        case Sku:
            return d.sku;
        case State:
            return stateText(d);
        case Attempts:
            return d.attempts;
        case Kind:
            return d.errorKind;
        case FirstFailed:
            return role == SortRole ? QVariant(d.firstFailedAtMs)
                                    : QVariant(timeText(d.firstFailedAtMs));
        case LastFailed:
            return role == SortRole ? QVariant(d.lastFailedAtMs)
                                    : QVariant(timeText(d.lastFailedAtMs));
        case LastError:
            return d.lastError;
        }
        break;
    case Qt::BackgroundRole:
        if (index.column() == State)
            return QBrush(d.retrying ? QColor(0xff, 0xd8, 0xa8) : QColor(0xf8, 0xb4, 0xb4));
        break;
    case Qt::ToolTipRole:
        if (index.column() == LastError)
            return d.lastError;
        break;
    default:
        break;
    }
    return {};
}

QVariant DeadLetterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Channel:
        return tr("Channel");
    case Sku:
        return tr("SKU");
    case State:
        return tr("State");
    case Attempts:
        return tr("Attempts");
    case Kind:
        return tr("Error kind");
    case FirstFailed:
        return tr("First failure");
    case LastFailed:
        return tr("Last failure");
    case LastError:
        return tr("Last error");
    }
    return {};
}

} // namespace ChannelDesk
