#include "stock/stockmodel.h"

#include "durationtext.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
QString stateText(ListingState::State state)
{
    switch (state) {
    case ListingState::State::InSync:
        return StockModel::tr("in sync");
    case ListingState::State::Pending:
        return StockModel::tr("pending");
    case ListingState::State::Retrying:
        return StockModel::tr("retrying");
    case ListingState::State::Dead:
        return StockModel::tr("dead");
    }
    return {};
}

QColor stateColour(ListingState::State state)
{
    switch (state) {
    case ListingState::State::InSync:
        return {};
    case ListingState::State::Pending:
        return QColor(0xff, 0xf4, 0xc2);
    case ListingState::State::Retrying:
        return QColor(0xff, 0xd8, 0xa8);
    case ListingState::State::Dead:
        return QColor(0xf8, 0xb4, 0xb4);
    }
    return {};
}
} // namespace

StockModel::StockModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void StockModel::setChannels(const QStringList &channels)
{
    beginResetModel();
    m_channels = channels;
    endResetModel();
}

void StockModel::setChannelBuffers(const QList<BufferOverride> &buffers)
{
    m_channelBuffers = buffers;
    if (rowCount() > 0 && columnCount() > FirstChannel)
        Q_EMIT dataChanged(index(0, FirstChannel), index(rowCount() - 1, columnCount() - 1));
}

void StockModel::load(const QList<StockRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    std::sort(m_rows.begin(), m_rows.end(),
              [](const StockRow &a, const StockRow &b) { return a.sku < b.sku; });
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int i = 0; i < int(m_rows.size()); ++i)
        m_index.insert(m_rows.at(i).sku, i);
    endResetModel();
}

void StockModel::applyChanges(const QList<StockRow> &rows)
{
    QList<int> touched;
    QList<StockRow> added;
    touched.reserve(rows.size());
    for (const StockRow &r : rows) {
        const int i = m_index.value(r.sku, -1);
        if (i < 0) {
            added.append(r);
        } else if (!(m_rows.at(i) == r)) {
            m_rows[i] = r;
            touched.append(i);
        }
    }
    const int columns = columnCount();
    if (!touched.isEmpty() && columns > 0) {
        if (touched.size() * 2 > m_rows.size()) {
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columns - 1));
        } else {
            std::sort(touched.begin(), touched.end());
            int first = touched.first();
            int last = first;
            for (qsizetype k = 1; k <= touched.size(); ++k) {
                if (k < touched.size() && touched.at(k) == last + 1) {
                    last = touched.at(k);
                    continue;
                }
                Q_EMIT dataChanged(index(first, 0), index(last, columns - 1));
                if (k < touched.size())
                    first = last = touched.at(k);
            }
        }
    }
    if (!added.isEmpty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const StockRow &r : std::as_const(added)) {
            m_index.insert(r.sku, int(m_rows.size()));
            m_rows.append(r);
        }
        endInsertRows();
    }
}

const StockRow *StockModel::rowAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows.at(row) : nullptr;
}

bool StockModel::isLowStock(const StockRow &row)
{
    return row.available - row.safetyBuffer <= kLowStock;
}

bool StockModel::isProblem(const StockRow &row)
{
    if (row.paused || isLowStock(row))
        return true;
    return std::any_of(row.channels.cbegin(), row.channels.cend(), [](const ListingCell &c) {
        return c.listed &&
            (c.state == ListingState::State::Retrying || c.state == ListingState::State::Dead);
    });
}

int StockModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StockModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstChannel + int(m_channels.size());
}

QVariant StockModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StockRow &row = m_rows.at(index.row());
    if (role == ProblemRole)
        return isProblem(row);
    if (role == SkuRole)
        return row.sku;
    if (index.column() >= FirstChannel)
        return channelData(row, index.column() - FirstChannel, role);
    return cellData(row, index.column(), role);
}

QVariant StockModel::cellData(const StockRow &row, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Sku:
            return row.sku;
        case Title:
            return row.title;
        case OnHand:
            return row.onHand();
        case Committed:
            return row.committed;
        case Available:
            // Below zero is units owed to customers: said in words, not only in red.
            if (row.available < 0)
                return tr("%1 (owed)", "available below zero: units owed to customers")
                    .arg(row.available);
            return row.available;
        case Buffer:
            return row.safetyBuffer;
        case Version:
            return row.version;
        case Paused:
            return row.paused ? tr("paused") : QString();
        }
        break;
    case SortRole:
        switch (column) {
        case Sku:
            return row.sku;
        case Title:
            return row.title;
        case OnHand:
            return row.onHand();
        case Committed:
            return row.committed;
        case Available:
            return row.available;
        case Buffer:
            return row.safetyBuffer;
        case Version:
            return row.version;
        case Paused:
            return row.paused ? 1 : 0;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column >= OnHand && column <= Version)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::BackgroundRole:
        if (column == Available && isLowStock(row))
            return QBrush(row.available <= 0 ? QColor(0xf8, 0xb4, 0xb4) : QColor(0xff, 0xe0, 0x99));
        break;
    case Qt::ForegroundRole:
        if (column == Available && row.available < 0)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        if (column == Paused && row.paused)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        break;
    case Qt::FontRole:
        if ((column == Paused && row.paused) || (column == Available && row.available < 0)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ToolTipRole:
        if (column == Available && row.available < 0)
            return tr("%n unit(s) owed to customers: sold beyond what was on hand. The Orders "
                      "tab lists the oversold orders.",
                      nullptr, int(-row.available));
        if (column == OnHand)
            return tr("On the shelf: available plus committed");
        if (column == Committed)
            return tr("Sold and not shipped yet: still on the shelf, but a customer's");
        if (column == Available && isLowStock(row))
            return tr("Low stock: %1 available, safety buffer %2")
                .arg(row.available)
                .arg(row.safetyBuffer);
        if (column == Paused && row.paused)
            return tr("Paused on every channel by the listing guard");
        break;
    default:
        break;
    }
    return {};
}

QVariant StockModel::channelData(const StockRow &row, int channel, int role) const
{
    if (channel >= row.channels.size())
        return {};
    const ListingCell &c = row.channels.at(channel);
    switch (role) {
    case Qt::DisplayRole: {
        if (!c.listed)
            return u"\u2014"_s;
        // What the channel should show, then what it last acknowledged ("9/9"; "9/?" before
        // its first answer).
        const qint64 expected = row.expected(channel, m_channelBuffers.value(channel)).quantity;
        const QString shown =
            tr("%1/%2", "expected quantity / acknowledged quantity")
                .arg(expected)
                .arg(c.ackedQuantity < 0 ? u"?"_s : QString::number(c.ackedQuantity));
        if (c.state == ListingState::State::InSync)
            return c.lagMs < 0 ? shown
                               : tr("%1 \u00b7 %2", "quantity, sync lag")
                                     .arg(shown, durationText(double(c.lagMs)));
        return u"%1 (%2)"_s.arg(shown, stateText(c.state));
    }
    case Qt::FontRole:
        // A listing with a rule of its own.
        if (c.listed && !row.bufferOf(channel).isEmpty()) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        break;
    case SortRole:
        return c.listed ? c.ackedQuantity : -2;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (c.listed && c.state != ListingState::State::InSync)
            return QBrush(stateColour(c.state));
        break;
    case Qt::ToolTipRole:
        if (!c.listed)
            return tr("Not listed on %1").arg(m_channels.value(channel));
        return QString(cellToolTip(c, m_channels.value(channel)) + u'\n' +
                       bufferToolTip(row, channel, m_channelBuffers.value(channel)));
    default:
        break;
    }
    return {};
}

bool StockModel::lessThan(const StockRow &a, const StockRow &b, int column)
{
    switch (column) {
    case Sku:
        return a.sku < b.sku;
    case Title:
        return a.title < b.title;
    case OnHand:
        return a.onHand() < b.onHand();
    case Committed:
        return a.committed < b.committed;
    case Available:
        return a.available < b.available;
    case Buffer:
        return a.safetyBuffer < b.safetyBuffer;
    case Version:
        return a.version < b.version;
    case Paused:
        return !a.paused && b.paused;
    default:
        break;
    }
    const auto key = [channel = column - FirstChannel](const StockRow &r) -> qint64 {
        if (channel < 0 || channel >= r.channels.size())
            return -3;
        const ListingCell &c = r.channels.at(channel);
        return c.listed ? c.ackedQuantity : -2;
    };
    return key(a) < key(b);
}

QString StockModel::cellToolTip(const ListingCell &c, const QString &channel)
{
    QStringList lines {tr("%1: %2").arg(channel, stateText(c.state))};
    if (c.ackedQuantity >= 0)
        lines << tr("Acknowledged quantity: %1").arg(c.ackedQuantity);
    if (c.lagMs >= 0)
        lines << tr("Last sync lag: %1").arg(durationText(double(c.lagMs)));
    if (c.outOfSyncSinceMs > 0) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        lines << tr("Out of sync for %1 (since %2)")
                     .arg(durationText(double(qMax<qint64>(0, now - c.outOfSyncSinceMs))),
                          QLocale().toString(
                              QDateTime::fromMSecsSinceEpoch(c.outOfSyncSinceMs).time(),
                              QLocale::LongFormat));
    }
    if (!c.lastError.isEmpty())
        lines << tr("Last error: %1").arg(c.lastError);
    return lines.join(u'\n');
}

QString StockModel::bufferToolTip(const StockRow &row, int channel, const BufferOverride &rule)
{
    const BufferOverride own = row.bufferOf(channel);
    const BufferRule r = resolveBufferRule(own, rule);
    const ShownQuantity expected = shownQuantity(r, row.available, row.safetyBuffer);
    const qint64 pauseAt = r.pauseAt.value_or(row.safetyBuffer);
    QStringList lines;
    lines << (expected.paused ? tr("Should show: 0, paused (available %1 is at or below %2)")
                                    .arg(row.available)
                                    .arg(pauseAt)
                              : tr("Should show: %1").arg(expected.quantity));
    const QString max = r.max ? QString::number(*r.max) : tr("none");
    lines << tr("Rule: reserve %1, %2%, max %3, pause at %4")
                 .arg(r.reserve)
                 .arg(r.percent)
                 .arg(max)
                 .arg(pauseAt);
    lines << (own.isEmpty()
                  ? tr("The channel's rule. Double-click to set one for this SKU.")
                  : tr("This SKU's own rule on this channel. Double-click to change it."));
    return lines.join(u'\n');
}

QVariant StockModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section >= FirstChannel)
        return tr("What %1 should show / what it last acknowledged")
            .arg(m_channels.value(section - FirstChannel));
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Sku:
        return tr("SKU");
    case Title:
        return tr("Title");
    case OnHand:
        return tr("On hand");
    case Committed:
        return tr("Committed");
    case Available:
        return tr("Available");
    case Buffer:
        return tr("Buffer");
    case Version:
        return tr("Version");
    case Paused:
        return tr("Paused");
    default:
        return m_channels.value(section - FirstChannel);
    }
}

} // namespace ChannelDesk
