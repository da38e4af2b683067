#include "dlq/attemptmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

AttemptModel::AttemptModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AttemptModel::setAttempts(const QList<ListingAttempt> &attempts)
{
    if (attempts == m_attempts)
        return;
    beginResetModel();
    m_attempts = attempts;
    endResetModel();
}

const ListingAttempt *AttemptModel::attemptAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_attempts.at(row) : nullptr;
}

QString AttemptModel::kindText(const QString &kind)
{
    if (kind == AttemptLog::kTransient)
        return tr("transient");
    if (kind == AttemptLog::kPermanent)
        return tr("permanent");
    if (kind == AttemptLog::kThrottled)
        return tr("throttled");
    if (kind == AttemptLog::kUnanswered)
        return tr("no answer");
    return kind;
}

int AttemptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_attempts.size());
}

int AttemptModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant AttemptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ListingAttempt &a = m_attempts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(a.atMs).toString(u"yyyy-MM-dd HH:mm:ss"_s);
        case Version:
            return a.version;
        case Attempt:
            return a.attempt;
        case Status:
            return a.httpStatus > 0 ? QVariant(a.httpStatus) : QVariant(u"\u2014"_s);
        case Code:
            return a.code;
        case Kind:
            return kindText(a.kind);
        case Message:
            return a.message;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Version || index.column() == Attempt || index.column() == Status)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::BackgroundRole:
        if (index.column() == Kind && a.kind == AttemptLog::kPermanent)
            return QBrush(QColor(0xf8, 0xb4, 0xb4));
        if (index.column() == Kind && a.kind == AttemptLog::kThrottled)
            return QBrush(QColor(0xdd, 0xe8, 0xf8));
        break;
    case Qt::ToolTipRole:
        if (index.column() == Message)
            return a.message;
        break;
    default:
        break;
    }
    return {};
}

QVariant AttemptModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Version:
        return tr("Version");
    case Attempt:
        return tr("Attempt");
    case Status:
        return tr("HTTP");
    case Code:
        return tr("Code");
    case Kind:
        return tr("Kind");
    case Message:
        return tr("Message");
    }
    return {};
}

} // namespace ChannelDesk
