#include "orders/ordermodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
QString keyOf(const QString &channel, const QString &orderId)
{
    return channel + u'\n' + orderId;
}

bool sameSummary(const OrderLedger::OrderSummary &a, const OrderLedger::OrderSummary &b)
{
    return a.channel == b.channel && a.orderId == b.orderId && a.status == b.status &&
        a.receivedAtMs == b.receivedAtMs && a.updatedAtMs == b.updatedAtMs && a.units == b.units &&
        a.owed == b.owed && a.waiting == b.waiting && a.skus == b.skus;
}

bool sameRow(const OrderModel::Row &a, const OrderModel::Row &b)
{
    return sameSummary(a.summary, b.summary) && a.oversold == b.oversold && a.waiting == b.waiting;
}
} // namespace

int OrderModel::Row::attention() const
{
    if (!oversold.isEmpty() || summary.owed > 0)
        return 0;
    if (!waiting.isEmpty() || summary.waiting > 0)
        return 1;
    return 2;
}

OrderModel::OrderModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void OrderModel::setSnapshot(const OrdersSnapshot &snapshot)
{
    // The new rows, by key, in the snapshot's order.
    QList<Row> rows;
    QHash<QString, int> byKey;
    auto rowFor = [&](const QString &channel, const QString &orderId, const QString &status,
                      qint64 atMs) -> Row & {
        const QString key = keyOf(channel, orderId);
        auto it = byKey.constFind(key);
        if (it != byKey.constEnd())
            return rows[*it];
        Row r;
        r.summary.channel = channel;
        r.summary.orderId = orderId;
        r.summary.status = status;
        r.summary.receivedAtMs = atMs;
        r.summary.updatedAtMs = atMs;
        byKey.insert(key, int(rows.size()));
        rows.append(r);
        return rows.last();
    };
    for (const OrderLedger::OrderSummary &s : snapshot.recent)
        rowFor(s.channel, s.orderId, s.status, s.updatedAtMs).summary = s;
    const qsizetype recentRows = rows.size();
    for (const OversoldEntry &e : snapshot.oversold) {
        Row &r = rowFor(e.channel, e.orderId, u"oversold"_s, e.atMs);
        r.oversold.append(e);
    }
    for (const UnmatchedEntry &e : snapshot.unmatched) {
        Row &r = rowFor(e.channel, e.orderId, u"unmatched"_s, e.atMs);
        r.waiting.append(e);
    }
    // Orders older than the recent ones: their figures come from the lists.
    for (qsizetype i = recentRows; i < rows.size(); ++i) {
        Row &r = rows[i];
        QStringList skus;
        for (const OversoldEntry &e : std::as_const(r.oversold)) {
            r.summary.owed += e.owed;
            skus.append(e.sku);
        }
        for (const UnmatchedEntry &e : std::as_const(r.waiting)) {
            r.summary.waiting += e.quantity;
            skus.append(e.sku.isEmpty() ? e.remoteId : e.sku);
        }
        skus.removeDuplicates();
        r.summary.skus = skus.join(u", "_s);
    }
    m_oversold = 0;
    m_waitingLines = 0;
    for (const Row &r : std::as_const(rows)) {
        m_oversold += r.oversold.isEmpty() ? 0 : 1;
        m_waitingLines += int(r.waiting.size());
    }

    // Rows that left, from the bottom up, in contiguous runs.
    QList<int> gone;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (!byKey.contains(keyOf(m_rows.at(i).summary.channel, m_rows.at(i).summary.orderId)))
            gone.append(i);
    }
    for (qsizetype k = gone.size() - 1; k >= 0;) {
        const int last = gone.at(k);
        int first = last;
        while (k > 0 && gone.at(k - 1) == first - 1)
            first = gone.at(--k);
        --k;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    }
    m_index.clear();
    for (int i = 0; i < int(m_rows.size()); ++i)
        m_index.insert(keyOf(m_rows.at(i).summary.channel, m_rows.at(i).summary.orderId), i);

    // Changed rows, then new ones at the end.
    int firstChanged = -1;
    int lastChanged = -1;
    QList<Row> added;
    for (const Row &r : std::as_const(rows)) {
        const int i = m_index.value(keyOf(r.summary.channel, r.summary.orderId), -1);
        if (i < 0) {
            added.append(r);
        } else if (!sameRow(m_rows.at(i), r)) {
            m_rows[i] = r;
            firstChanged = firstChanged < 0 ? i : std::min(firstChanged, i);
            lastChanged = std::max(lastChanged, i);
        }
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, Count - 1));
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const Row &r : std::as_const(added)) {
            m_index.insert(keyOf(r.summary.channel, r.summary.orderId), int(m_rows.size()));
            m_rows.append(r);
        }
        endInsertRows();
    }
}

const OrderModel::Row *OrderModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows.at(row) : nullptr;
}

int OrderModel::rowOf(const QString &channel, const QString &orderId) const
{
    return m_index.value(keyOf(channel, orderId), -1);
}

QStringList OrderModel::statuses()
{
    return {u"oversold"_s,  u"unmatched"_s,          u"applied"_s,  u"shipped"_s,
            u"cancelled"_s, u"partially_refunded"_s, u"refunded"_s, u"refused"_s};
}

QString OrderModel::statusText(const QString &status)
{
    if (status == "applied"_L1)
        return tr("Applied");
    if (status == "oversold"_L1)
        return tr("Oversold");
    if (status == "unmatched"_L1)
        return tr("Lines waiting");
    if (status == "cancelled"_L1)
        return tr("Cancelled");
    if (status == "partially_refunded"_L1)
        return tr("Partially refunded");
    if (status == "refunded"_L1)
        return tr("Refunded");
    if (status == "shipped"_L1)
        return tr("Shipped");
    if (status == "refused"_L1)
        return tr("Refused (before schema 6)");
    return status;
}

int OrderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant OrderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const OrderLedger::OrderSummary &s = row.summary;
    switch (role) {
    case AttentionRole:
        return row.attention();
    case ChannelRole:
        return s.channel;
    case OrderIdRole:
        return s.orderId;
    case StatusRole:
        return s.status;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Updated:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.updatedAtMs),
                                      QLocale::ShortFormat);
        case Channel:
            return s.channel;
        case Order:
            return s.orderId;
        case Status:
            return statusText(s.status);
        case Units:
            return s.units;
        case Owed:
            return s.owed > 0 ? QVariant(s.owed) : QVariant(QString());
        case Waiting:
            return s.waiting > 0 ? QVariant(s.waiting) : QVariant(QString());
        case Skus:
            return s.skus;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Updated:
            return s.updatedAtMs;
        case Units:
            return s.units;
        case Owed:
            return s.owed;
        case Waiting:
            return s.waiting;
        case Status:
            return statusText(s.status);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= Units && index.column() <= Waiting)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::BackgroundRole:
        if (index.column() == Status && row.attention() == 0)
            return QBrush(QColor(0xf8, 0xb4, 0xb4));
        if (index.column() == Status && row.attention() == 1)
            return QBrush(QColor(0xff, 0xe0, 0x99));
        break;
    case Qt::ForegroundRole:
        if (index.column() == Owed && s.owed > 0)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        break;
    case Qt::ToolTipRole:
        if (index.column() == Status && !row.oversold.isEmpty()) {
            QStringList lines;
            for (const OversoldEntry &e : row.oversold)
                lines << tr("%1: %n unit(s) owed", nullptr, int(e.owed)).arg(e.sku);
            return lines.join(u'\n');
        }
        if (index.column() == Status && !row.waiting.isEmpty()) {
            QStringList lines;
            for (const UnmatchedEntry &e : row.waiting)
                lines << tr("Line %1: %2 \u00d7 %3 waits (%4)")
                             .arg(e.line)
                             .arg(e.quantity)
                             .arg(e.sku.isEmpty() ? e.remoteId : e.sku, e.note);
            return lines.join(u'\n');
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant OrderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Updated:
        return tr("Updated");
    case Channel:
        return tr("Channel");
    case Order:
        return tr("Order");
    case Status:
        return tr("Status");
    case Units:
        return tr("Units");
    case Owed:
        return tr("Owed");
    case Waiting:
        return tr("Waiting");
    case Skus:
        return tr("SKUs");
    }
    return {};
}

} // namespace ChannelDesk
