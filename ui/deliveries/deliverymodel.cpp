#include "deliveries/deliverymodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

QString deliveryStatusText(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending:
        return QCoreApplication::translate("ChannelDesk::DeliveryModel", "Pending");
    case DeliveryStatus::Applied:
        return QCoreApplication::translate("ChannelDesk::DeliveryModel", "Applied");
    case DeliveryStatus::Duplicate:
        return QCoreApplication::translate("ChannelDesk::DeliveryModel", "Duplicate");
    case DeliveryStatus::Oversold:
        return QCoreApplication::translate("ChannelDesk::DeliveryModel", "Oversold");
    case DeliveryStatus::Unmatched:
        return QCoreApplication::translate("ChannelDesk::DeliveryModel", "Unmatched");
    case DeliveryStatus::Invalid:
        return QCoreApplication::translate("ChannelDesk::DeliveryModel", "Invalid");
    case DeliveryStatus::Ignored:
        return QCoreApplication::translate("ChannelDesk::DeliveryModel", "Ignored");
    }
    return {};
}

DeliveryModel::DeliveryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

bool DeliveryModel::canReplay(DeliveryStatus status)
{
    return status == DeliveryStatus::Invalid || status == DeliveryStatus::Ignored ||
        status == DeliveryStatus::Unmatched;
}

void DeliveryModel::setRows(const QList<InboxEntry> &rows)
{
    QList<InboxEntry> incoming = rows;
    std::sort(incoming.begin(), incoming.end(),
              [](const InboxEntry &a, const InboxEntry &b) { return a.id > b.id; });
    // Rows that left (pruned, or outside the filter now), from the bottom up.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        const qint64 id = m_rows.at(i).id;
        const bool kept = std::any_of(incoming.cbegin(), incoming.cend(),
                                      [id](const InboxEntry &e) { return e.id == id; });
        if (!kept) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    // Both lists are now ordered by id, newest first, and m_rows is a subsequence of incoming.
    for (int i = 0; i < int(incoming.size()); ++i) {
        const InboxEntry &e = incoming.at(i);
        if (i < m_rows.size() && m_rows.at(i).id == e.id) {
            const InboxEntry &old = m_rows.at(i);
            if (old.status != e.status || old.error != e.error ||
                old.appliedAtMs != e.appliedAtMs) {
                m_rows[i] = e;
                Q_EMIT dataChanged(index(i, 0), index(i, Count - 1));
            }
            continue;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, e);
        endInsertRows();
    }
}

const InboxEntry *DeliveryModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int DeliveryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeliveryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant DeliveryModel::data(const QModelIndex &index, int role) const
{
    const InboxEntry *e = rowAt(index.row());
    if (!e || !index.isValid())
        return {};
    switch (role) {
    case IdRole:
        return e->id;
    case StatusRole:
        return int(e->status);
    case Qt::ToolTipRole:
        if (index.column() == Detail && !e->error.isEmpty())
            return e->error;
        if (index.column() == Status && e->status == DeliveryStatus::Unmatched)
            return tr("Its other lines were applied; a line whose SKU or mapping is missing "
                      "waits. Importing the mapping applies it by itself; after you create the "
                      "SKU, Replay applies it once (or settle it with Resolve line… in Orders).");
        if (index.column() == Status && canReplay(e->status))
            return tr("Not applied: fix the cause, then Replay puts it back in the queue.");
        return {};
    case SortRole:
        if (index.column() == Received)
            return e->id; // arrival order
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case Received:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e->delivery.receivedAtMs),
                                      QLocale::ShortFormat);
        case Channel:
            return e->delivery.channel;
        case Topic:
            return e->delivery.topic == kPolledTopic ? tr("(poll)")
                                                     : QString::fromUtf8(e->delivery.topic);
        case DeliveryId:
            return e->delivery.deliveryId;
        case Status:
            return deliveryStatusText(e->status);
        case Detail:
            return e->error.section(u'\n', 0, 0);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant DeliveryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Received:
        return tr("Received");
    case Channel:
        return tr("Channel");
    case Topic:
        return tr("Topic");
    case DeliveryId:
        return tr("Delivery");
    case Status:
        return tr("Status");
    case Detail:
        return tr("Detail");
    }
    return {};
}

} // namespace ChannelDesk
