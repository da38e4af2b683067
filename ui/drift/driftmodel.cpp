#include "drift/driftmodel.h"

#include <QDateTime>
#include <QLocale>

namespace ChannelDesk {

namespace {
bool before(const DriftRow &a, const DriftRow &b)
{
    return a.channel != b.channel ? a.channel < b.channel : a.sku < b.sku;
}
bool sameKey(const DriftRow &a, const DriftRow &b)
{
    return a.channel == b.channel && a.sku == b.sku;
}
} // namespace

DriftModel::DriftModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DriftModel::setRows(const QList<DriftRow> &rows)
{
    QList<DriftRow> incoming = rows;
    std::sort(incoming.begin(), incoming.end(), before);
    // Rows that left, from the bottom up.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        const DriftRow &old = m_rows.at(i);
        const bool kept = std::any_of(incoming.cbegin(), incoming.cend(),
                                      [&old](const DriftRow &r) { return sameKey(r, old); });
        if (!kept) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    // Both lists are now ordered and m_rows is a subsequence of incoming.
    for (int i = 0; i < int(incoming.size()); ++i) {
        const DriftRow &r = incoming.at(i);
        if (i < m_rows.size() && sameKey(m_rows.at(i), r)) {
            if (!(m_rows.at(i) == r)) {
                m_rows[i] = r;
                Q_EMIT dataChanged(index(i, 0), index(i, Count - 1));
            }
            continue;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, r);
        endInsertRows();
    }
}

const DriftRow *DriftModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int DriftModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DriftModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant DriftModel::data(const QModelIndex &index, int role) const
{
    const DriftRow *r = rowAt(index.row());
    if (!r || !index.isValid())
        return {};
    switch (role) {
    case KeyChannelRole:
        return r->channel;
    case KeySkuRole:
        return r->sku;
    case Qt::TextAlignmentRole:
        return index.column() == Shown || index.column() == Expected
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    case Qt::ToolTipRole:
        return tr("Shown %1 since %2 (seen by %n reconciliation(s)); should show %3.", nullptr,
                  r->runs)
            .arg(r->shown)
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(r->sinceMs),
                                    QLocale::ShortFormat))
            .arg(r->expected);
    case SortRole:
        switch (index.column()) {
        case Shown:
            return r->shown;
        case Expected:
            return r->expected;
        case Since:
            return r->sinceMs;
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case Channel:
            return r->channel;
        case Sku:
            return r->sku;
        case RemoteId:
            return r->remoteId;
        case Shown:
            return QString::number(r->shown);
        case Expected:
            return QString::number(r->expected);
        case Since:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(r->sinceMs),
                                      QLocale::ShortFormat);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant DriftModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Channel:
        return tr("Channel");
    case Sku:
        return tr("SKU");
    case RemoteId:
        return tr("Listing");
    case Shown:
        return tr("Shown");
    case Expected:
        return tr("Expected");
    case Since:
        return tr("Since");
    }
    return {};
}

} // namespace ChannelDesk
