#include "channels/pullreportmodel.h"

#include <QLocale>

namespace ChannelDesk {

namespace {
enum UnmatchedColumn { URemoteId, USku, UQuantity, UCount };
enum DriftColumn { DSku, DRemoteId, DShown, DExpected, DCount };
} // namespace

PullReportModel::PullReportModel(Table table, QObject *parent)
    : QAbstractTableModel(parent)
    , m_table(table)
{
}

void PullReportModel::setReport(const PullReport &report)
{
    beginResetModel();
    m_unmatched = report.unmatchedRemote;
    m_drift = report.drift;
    endResetModel();
}

void PullReportModel::clear()
{
    setReport({});
}

int PullReportModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_table == Table::UnmatchedRemote ? m_unmatched.size() : m_drift.size());
}

int PullReportModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_table == Table::UnmatchedRemote ? int(UCount) : int(DCount);
}

QVariant PullReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_table == Table::UnmatchedRemote ? unmatchedData(index.row(), index.column(), role)
                                             : driftData(index.row(), index.column(), role);
}

QVariant PullReportModel::unmatchedData(int row, int column, int role) const
{
    const RemoteListing &l = m_unmatched.at(row);
    if (role == Qt::TextAlignmentRole)
        return column == UQuantity ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ToolTipRole && column == USku && l.sku.isEmpty())
        return tr("The listing has no SKU on the channel");
    if (role == Qt::ToolTipRole && column == UQuantity && !l.quantity)
        return tr("The channel keeps no count for this listing");
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case URemoteId:
        return l.remoteId;
    case USku:
        return l.sku.isEmpty() && role == Qt::DisplayRole ? tr("(none)") : l.sku;
    case UQuantity:
        if (role == SortRole)
            return l.quantity ? *l.quantity : -1;
        return l.quantity ? QLocale().toString(*l.quantity) : tr("no count");
    default:
        return {};
    }
}

QVariant PullReportModel::driftData(int row, int column, int role) const
{
    const DriftRow &d = m_drift.at(row);
    if (role == Qt::TextAlignmentRole)
        return column == DShown || column == DExpected ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                       : QVariant();
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case DSku:
        return d.sku;
    case DRemoteId:
        return d.remoteId;
    case DShown:
        return role == SortRole ? QVariant(d.shown) : QVariant(QLocale().toString(d.shown));
    case DExpected:
        return role == SortRole ? QVariant(d.expected) : QVariant(QLocale().toString(d.expected));
    default:
        return {};
    }
}

QVariant PullReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (m_table == Table::UnmatchedRemote) {
        switch (section) {
        case URemoteId:
            return tr("Remote id");
        case USku:
            return tr("SKU");
        case UQuantity:
            return tr("Quantity");
        default:
            return {};
        }
    }
    switch (section) {
    case DSku:
        return tr("SKU");
    case DRemoteId:
        return tr("Remote id");
    case DShown:
        return tr("Channel shows");
    case DExpected:
        return tr("We would show");
    default:
        return {};
    }
}

} // namespace ChannelDesk
