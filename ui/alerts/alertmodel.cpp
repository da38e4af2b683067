#include "alerts/alertmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
// The rule as the Rule column names it; alertRuleName() is the key that logs and /metrics use.
QString ruleText(AlertRule rule)
{
    switch (rule) {
    case AlertRule::LagP99:
        return AlertModel::tr("sync lag p99");
    case AlertRule::LagMax:
        return AlertModel::tr("sync lag max");
    case AlertRule::SuccessRate:
        return AlertModel::tr("success rate");
    case AlertRule::ChannelStalled:
        return AlertModel::tr("channel stalled");
    case AlertRule::DeadLetter:
        return AlertModel::tr("dead letters");
    case AlertRule::OversellAttempt:
        return AlertModel::tr("oversell attempt");
    case AlertRule::UnknownSku:
        return AlertModel::tr("unknown SKU");
    case AlertRule::Drift:
        return AlertModel::tr("drift");
    }
    return alertRuleName(rule);
}
} // namespace

AlertModel::AlertModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AlertModel::setAlerts(const QList<Alert> &alerts)
{
    // A handful of rows that change rarely: replacing the whole set is the simple, honest signal.
    beginResetModel();
    m_alerts = alerts;
    endResetModel();
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert &a = m_alerts.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Severity:
            return a.severity == AlertSeverity::Critical ? tr("critical") : tr("warning");
        case Rule:
            return ruleText(a.rule);
        case Channel:
            return a.channel.isEmpty() ? tr("all") : a.channel;
        case Message:
            return a.message;
        case Since:
            return QDateTime::fromMSecsSinceEpoch(a.sinceMs).toString(u"HH:mm:ss"_s);
        }
    } else if (role == Qt::BackgroundRole && index.column() == Severity) {
        return QBrush(a.severity == AlertSeverity::Critical ? QColor(0xf8, 0xb4, 0xb4)
                                                            : QColor(0xff, 0xe0, 0x99));
    } else if (role == Qt::ToolTipRole && index.column() == Message) {
        return a.message;
    }
    return {};
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Severity:
        return tr("Severity");
    case Rule:
        return tr("Rule");
    case Channel:
        return tr("Channel");
    case Message:
        return tr("Message");
    case Since:
        return tr("Since");
    }
    return {};
}

} // namespace ChannelDesk
