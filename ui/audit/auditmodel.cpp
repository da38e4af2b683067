#include "audit/auditmodel.h"

#include "io/csvtext.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

QString AuditModel::kindText(MutationKind kind)
{
    switch (kind) {
    case MutationKind::Order:
        return tr("order");
    case MutationKind::Adjust:
        return tr("adjust");
    case MutationKind::Import:
        return tr("import");
    case MutationKind::Pause:
        return tr("pause");
    case MutationKind::Resume:
        return tr("resume");
    case MutationKind::OversellAttempt:
        return tr("oversell attempt");
    case MutationKind::UnknownSku:
        return tr("unknown SKU");
    case MutationKind::DeadLetterRetry:
        return tr("dead-letter retry");
    case MutationKind::DeadLetterDiscard:
        return tr("dead-letter discard");
    case MutationKind::Cancel:
        return tr("cancel");
    case MutationKind::Refund:
        return tr("refund");
    case MutationKind::Edit:
        return tr("edit");
    case MutationKind::Ship:
        return tr("ship");
    case MutationKind::Unmatched:
        return tr("waiting line");
    case MutationKind::Resolve:
        return tr("resolve");
    case MutationKind::Buffer:
        return tr("buffer rule");
    case MutationKind::Reconcile:
        return tr("reconcile");
    }
    return kindName(kind);
}

AuditModel::AuditModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AuditModel::setMutations(const QList<Mutation> &mutations)
{
    beginResetModel(); // a new query result replaces the page
    m_rows = mutations;
    endResetModel();
}

QString AuditModel::text(const Mutation &m, int column) const
{
    switch (column) {
    case Id:
        return QString::number(m.id);
    case Time:
        return QDateTime::fromMSecsSinceEpoch(m.atMs).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    case Sku:
        return m.sku;
    case Kind:
        return kindText(m.kind);
    case Delta:
        return QString::number(m.delta);
    case After:
        return QString::number(m.availableAfter);
    case Version:
        return QString::number(m.version);
    case Channel:
        return m.channel;
    case Order:
        return m.orderId;
    case Actor:
        return m.actor;
    case Reason:
        return m.reason;
    }
    return {};
}

QString AuditModel::toCsv() const
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < Count; ++c)
        header.append(headerData(c, Qt::Horizontal).toString());
    lines.append(csvLine(header));
    for (const Mutation &m : m_rows) {
        QStringList fields;
        for (int c = 0; c < Count; ++c)
            fields.append(text(m, c));
        lines.append(csvLine(fields));
    }
    return lines.join(u'\n') + u'\n';
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole)
        return text(m_rows.at(index.row()), index.column());
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Id || (index.column() >= Delta && index.column() <= Version)))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Id");
    case Time:
        return tr("Time");
    case Sku:
        return tr("SKU");
    case Kind:
        return tr("Kind");
    case Delta:
        return tr("Delta");
    case After:
        return tr("Available after");
    case Version:
        return tr("Version");
    case Channel:
        return tr("Channel");
    case Order:
        return tr("Order");
    case Actor:
        return tr("Actor");
    case Reason:
        return tr("Reason");
    }
    return {};
}

} // namespace ChannelDesk
