#include "deliveries/deliverypanel.h"

#include "console/corebridge.h"
#include "deliveries/deliverymodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

DeliveryPanel::DeliveryPanel(CoreBridge *bridge, QWidget *parent)
    : QWidget(parent)
    , m_bridge(bridge)
    , m_model(new DeliveryModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_channel(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
    , m_count(new QLabel(this))
    , m_replay(new QPushButton(tr("&Replay"), this))
{
    m_channel->setObjectName(u"deliveryChannelFilter"_s);
    m_channel->addItem(tr("All channels"), QString());
    m_status->setObjectName(u"deliveryStatusFilter"_s);
    m_status->addItem(tr("All statuses"), QString());
    for (DeliveryStatus s :
         {DeliveryStatus::Pending, DeliveryStatus::Applied, DeliveryStatus::Duplicate,
          DeliveryStatus::Oversold, DeliveryStatus::Unmatched, DeliveryStatus::Invalid,
          DeliveryStatus::Ignored})
        m_status->addItem(deliveryStatusText(s), deliveryStatusName(s));
    m_replay->setObjectName(u"replayDelivery"_s);
    m_replay->setToolTip(tr("Put the selected refused delivery back in the queue, to be applied "
                            "again (after a fix: a mapping added, a SKU created)"));

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(DeliveryModel::SortRole);
    m_view->setObjectName(u"deliveryView"_s);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DeliveryModel::Received, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // delivery ids differ at both ends
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // Widths from the font, not from the rows: a refresh of 1,000 rows measures nothing.
    const int digit = m_view->fontMetrics().horizontalAdvance(u"0"_s);
    const QString received =
        QLocale().toString(QDateTime(QDate(2026, 12, 30), QTime(23, 59, 59)), QLocale::ShortFormat);
    m_view->setColumnWidth(DeliveryModel::Received,
                           m_view->fontMetrics().horizontalAdvance(received) + 3 * digit);
    m_view->setColumnWidth(DeliveryModel::Channel, 14 * digit);
    m_view->setColumnWidth(DeliveryModel::Topic, 16 * digit);
    m_view->setColumnWidth(DeliveryModel::DeliveryId, 38 * digit);
    m_view->setColumnWidth(DeliveryModel::Status, 13 * digit);
    m_detail->setObjectName(u"deliveryDetail"_s);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a delivery to see what the channel sent."));

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Channel:"), this));
    filters->addWidget(m_channel);
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status);
    filters->addWidget(m_count, 1);
    filters->addWidget(m_replay);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(split);

    connect(m_channel, &QComboBox::currentIndexChanged, this, &DeliveryPanel::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &DeliveryPanel::applyFilter);
    connect(m_replay, &QPushButton::clicked, this, &DeliveryPanel::replaySelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeliveryPanel::showSelected);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DeliveryPanel::showSelected);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DeliveryPanel::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DeliveryPanel::updateState);
    if (m_bridge) {
        connect(m_bridge, &CoreBridge::deliveriesChanged, this,
                [this](const QList<InboxEntry> &rows, qint64 backlog) {
                    m_model->setRows(rows);
                    setBacklog(backlog);
                });
        connect(m_bridge, &CoreBridge::channelsChanged, this, &DeliveryPanel::setChannels);
    }
    updateState();
}

void DeliveryPanel::setChannels(const QList<ChannelRow> &channels)
{
    const QString current = m_channel->currentData().toString();
    QStringList ids;
    for (const ChannelRow &c : channels)
        ids.append(c.id);
    QStringList shown;
    for (int i = 1; i < m_channel->count(); ++i)
        shown.append(m_channel->itemData(i).toString());
    if (ids == shown)
        return;
    const QSignalBlocker blocker(m_channel);
    while (m_channel->count() > 1)
        m_channel->removeItem(1);
    for (const QString &id : std::as_const(ids))
        m_channel->addItem(id, id);
    m_channel->setCurrentIndex(std::max(0, m_channel->findData(current)));
}

void DeliveryPanel::applyFilter()
{
    if (m_bridge)
        m_bridge->setDeliveryFilter(m_channel->currentData().toString(),
                                    m_status->currentData().toString());
}

void DeliveryPanel::replaySelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_bridge)
        return;
    m_bridge->replayDelivery(rows.first().data(DeliveryModel::IdRole).toLongLong());
}

void DeliveryPanel::showSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const InboxEntry *e =
        rows.isEmpty() ? nullptr : m_model->rowAt(m_sorted->mapToSource(rows.first()).row());
    if (!e) {
        m_detail->clear();
    } else {
        // A JSON body is shown indented; anything else as it came (it is what was signed).
        const QJsonDocument json = QJsonDocument::fromJson(e->delivery.body);
        const QString body = json.isNull()
            ? QString::fromUtf8(e->delivery.body)
            : QString::fromUtf8(json.toJson(QJsonDocument::Indented));
        QString text = tr("Delivery %1 from %2: %3")
                           .arg(e->id)
                           .arg(e->delivery.channel, deliveryStatusText(e->status));
        if (!e->error.isEmpty())
            text += u"\n"_s + e->error;
        m_detail->setPlainText(text + u"\n\n"_s + body);
    }
    updateState();
}

void DeliveryPanel::setBacklog(qint64 backlog)
{
    m_backlog = backlog;
    updateState();
}

void DeliveryPanel::updateState()
{
    const int n = m_model->rowCount();
    QString text = n == 0 ? tr("No delivery here yet: every order a channel sends, by webhook or "
                               "poll, is kept here first, with what became of it.")
                          : tr("%n delivery(ies) shown.", nullptr, n);
    if (m_backlog > 0)
        text += u' ' + tr("%n waiting to be applied.", nullptr, int(m_backlog));
    m_count->setText(text);
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    m_replay->setEnabled(!rows.isEmpty() &&
                         DeliveryModel::canReplay(
                             DeliveryStatus(rows.first().data(DeliveryModel::StatusRole).toInt())));
}

} // namespace ChannelDesk
