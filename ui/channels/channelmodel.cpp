#include "channels/channelmodel.h"

#include "durationtext.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
QString msText(double ms, qint64 count)
{
    if (count == 0)
        return u"\u2014"_s;
    return durationText(ms);
}

QColor healthColour(ChannelStatus status)
{
    switch (status) {
    case ChannelStatus::Ok:
        return QColor(0xc8, 0xf0, 0xc8);
    case ChannelStatus::Idle:
        return QColor(0xe8, 0xe8, 0xe8);
    case ChannelStatus::Slow:
        return QColor(0xff, 0xe0, 0x99);
    case ChannelStatus::Stalled:
    case ChannelStatus::Unreachable:
        return QColor(0xf8, 0xb4, 0xb4);
    }
    return {};
}

QString healthText(ChannelStatus status)
{
    switch (status) {
    case ChannelStatus::Idle:
        return ChannelModel::tr("idle");
    case ChannelStatus::Ok:
        return ChannelModel::tr("ok");
    case ChannelStatus::Slow:
        return ChannelModel::tr("slow");
    case ChannelStatus::Stalled:
        return ChannelModel::tr("stalled");
    case ChannelStatus::Unreachable:
        return ChannelModel::tr("unreachable");
    }
    return {};
}
} // namespace

ChannelModel::ChannelModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ChannelModel::setRows(const QList<ChannelRow> &rows)
{
    bool sameChannels = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameChannels && i < rows.size(); ++i)
        sameChannels = rows.at(i).id == m_rows.at(i).id;
    if (!sameChannels) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, Count - 1));
}

int ChannelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChannelModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant ChannelModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChannelRow &r = m_rows.at(index.row());
    const ChannelLagStats &s = r.stats;
    if (role == ChannelIdRole)
        return r.id;
    if (role == SuspendedRole)
        return r.suspended;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Channel:
            return r.id;
        case Type:
            return r.type;
        case Health:
            return healthText(s.status);
        case Propagation:
            return r.suspended ? tr("paused") : tr("running");
        case Holder:
            if (r.holder.isEmpty())
                return u"\u2014"_s;
            return r.heldHere ? tr("this console (%1)").arg(r.holder) : r.holder;
        case Success:
            return s.updates == 0 ? u"\u2014"_s : u"%L1 %"_s.arg(s.successRate * 100.0, 0, 'f', 1);
        case P50:
            return msText(s.p50Ms, s.count);
        case P95:
            return msText(s.p95Ms, s.count);
        case P99:
            return msText(s.p99Ms, s.count);
        case Pending:
            return s.pending;
        case DeadLetters:
            return s.deadLetters;
        case Headroom:
            return tr("%1 of %2/s").arg(r.tokens, 0, 'f', 0).arg(r.rate, 0, 'f', 0);
        case LastError:
            return r.lastError;
        }
    } else if (role == Qt::BackgroundRole) {
        if (index.column() == Health)
            return QBrush(healthColour(s.status));
        if (index.column() == Propagation && r.suspended)
            return QBrush(QColor(0xff, 0xe0, 0x99));
        if (index.column() == DeadLetters && s.deadLetters > 0)
            return QBrush(QColor(0xf8, 0xb4, 0xb4));
        if (index.column() == Success && s.updates > 0 && s.successRate < 0.99)
            return QBrush(QColor(0xff, 0xe0, 0x99));
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == LastError)
            return r.lastError;
        if (index.column() == Success)
            return tr("%n listing update(s) in 5 min, %1 not taken (calls: %2, failed %3, "
                      "throttled %4, unanswered %5)",
                      nullptr, int(s.updates))
                .arg(s.failedUpdates)
                .arg(s.attempts)
                .arg(s.failures)
                .arg(s.throttled)
                .arg(s.unanswered);
    } else if (role == Qt::TextAlignmentRole) {
        if (index.column() >= Success && index.column() <= Headroom)
            return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ChannelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Channel:
        return tr("Channel");
    case Type:
        return tr("Type");
    case Health:
        return tr("Health");
    case Propagation:
        return tr("Propagation");
    case Holder:
        return tr("Propagated by");
    case Success:
        return tr("Success (5 min)");
    case P50:
        return tr("p50 lag");
    case P95:
        return tr("p95 lag");
    case P99:
        return tr("p99 lag");
    case Pending:
        return tr("Pending");
    case DeadLetters:
        return tr("Dead letters");
    case Headroom:
        return tr("Rate headroom");
    case LastError:
        return tr("Last error");
    }
    return {};
}

} // namespace ChannelDesk
