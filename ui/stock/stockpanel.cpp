#include "stock/stockpanel.h"

#include "buffers/bufferdialog.h"
#include "console/corebridge.h"
#include "stock/adjustdialog.h"
#include "stock/stockfilterproxy.h"
#include "stock/stockmodel.h"
#include "widgets/emptystate.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

StockPanel::StockPanel(CoreBridge *bridge, QWidget *parent)
    : QWidget(parent)
    , m_bridge(bridge)
    , m_model(new StockModel(this))
    , m_proxy(new StockFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_problems(new QCheckBox(tr("Only &problems"), this))
    , m_count(new QLabel(this))
    , m_buffer(new QPushButton(tr("&Buffer…"), this))
    , m_view(new QTableView(this))
    , m_empty(new EmptyState(m_view, m_model, this))
{
    setObjectName(u"stockPanel"_s);
    m_proxy->setSourceModel(m_model);
    m_filter->setObjectName(u"stockFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by SKU or title"));
    m_filter->setClearButtonEnabled(true);
    m_problems->setObjectName(u"onlyProblems"_s);
    m_problems->setToolTip(tr("Low stock, paused, or retrying or dead on a channel"));
    m_count->setObjectName(u"stockCount"_s);
    auto *adjust = new QPushButton(tr("&Adjust…"), this);
    adjust->setObjectName(u"adjustButton"_s);
    m_buffer->setObjectName(u"bufferButton"_s);
    m_buffer->setToolTip(tr("What the selected channel shows of the selected SKU"));
    m_buffer->setEnabled(false);

    m_view->setObjectName(u"stockView"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(StockModel::Sku, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setWordWrap(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_problems);
    bar->addWidget(m_count);
    bar->addWidget(adjust);
    bar->addWidget(m_buffer);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_empty);
    m_empty->setTitle(tr("No stock yet"));
    m_empty->setText(tr("ChannelDesk keeps one count per SKU and sends it to every channel you "
                        "connect. Bring your stock in from a CSV file (sku, available, and "
                        "optionally title and safety_buffer), add SKUs one by one, or look "
                        "around the demo first."));

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &StockFilterProxy::setText);
    connect(m_problems, &QCheckBox::toggled, m_proxy, &StockFilterProxy::setOnlyProblems);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &StockPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &StockPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &StockPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &StockPanel::updateCount);
    connect(adjust, &QPushButton::clicked, this, &StockPanel::adjustCurrent);
    connect(m_buffer, &QPushButton::clicked, this, &StockPanel::editCurrentBuffer);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString sku = index.data(StockModel::SkuRole).toString();
        if (index.column() < StockModel::FirstChannel ||
            !editBuffer(sku, index.column() - StockModel::FirstChannel))
            Q_EMIT historyRequested(sku);
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &StockPanel::showCellMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_buffer->setEnabled(current.column() >= StockModel::FirstChannel);
            });

    if (m_bridge) {
        connect(m_bridge, &CoreBridge::started, this, [this](const ConsoleInfo &info) {
            m_model->setChannels(info.channels);
            m_model->setChannelBuffers(info.channelBuffers);
        });
        connect(m_bridge, &CoreBridge::stockLoaded, this, [this](const QList<StockRow> &rows) {
            m_model->load(rows);
            m_view->resizeColumnsToContents();
            m_view->setColumnWidth(StockModel::Title, 200);
            // Room for "-12 (owed)" before any SKU is owed.
            const int owed = m_view->fontMetrics().horizontalAdvance(
                                 m_model
                                     ->tr("%1 (owed)",
                                          "available below zero: units owed to "
                                          "customers")
                                     .arg(-12)) +
                16;
            m_view->setColumnWidth(StockModel::Available,
                                   std::max(owed, m_view->columnWidth(StockModel::Available)));
            for (int c = StockModel::FirstChannel; c < m_model->columnCount(); ++c)
                m_view->setColumnWidth(c, 124);
        });
        connect(m_bridge, &CoreBridge::stockChanged, m_model, &StockModel::applyChanges);
        connect(m_bridge, &CoreBridge::adjustFinished, this,
                [this](const QString &sku, bool ok, const QString &message) {
                    if (m_pendingAdjust && m_pendingAdjust->sku == sku) {
                        const Adjustment done = *std::exchange(m_pendingAdjust, std::nullopt);
                        if (ok && !done.isUndo)
                            m_lastAdjust = done;
                        Q_EMIT undoAvailableChanged(m_lastAdjust.has_value());
                    }
                    if (!ok)
                        QMessageBox::warning(this, tr("Adjust stock"),
                                             tr("%1 was not changed: %2").arg(sku, message));
                });
        connect(
            m_bridge, &CoreBridge::bufferSaved, this,
            [this](const QString &channel, const QString &sku, bool ok, const QString &message) {
                if (!ok)
                    QMessageBox::warning(
                        this, tr("Channel buffer"),
                        tr("What %1 shows of %2 was not changed: %3").arg(channel, sku, message));
            });
    }
    updateCount();
}

QString StockPanel::currentSku() const
{
    return m_view->currentIndex().data(StockModel::SkuRole).toString();
}

void StockPanel::adjustCurrent()
{
    const QString sku = currentSku();
    if (sku.isEmpty() || !m_bridge)
        return;
    const StockRow *row = m_model->rowAt(m_model->rowOf(sku));
    AdjustDialog dialog(sku, row ? row->available : 0, this);
    if (dialog.exec() == QDialog::Accepted)
        adjust({sku, dialog.delta(), dialog.reason(), false});
}

void StockPanel::undoAdjustment()
{
    if (!m_lastAdjust || !m_bridge)
        return;
    const Adjustment last = *std::exchange(m_lastAdjust, std::nullopt);
    Q_EMIT undoAvailableChanged(false);
    adjust({last.sku, -last.delta,
            tr("undo of the adjustment by %1: %2").arg(last.delta).arg(last.reason), true});
}

void StockPanel::adjust(const Adjustment &adjustment)
{
    m_pendingAdjust = adjustment;
    m_bridge->adjustStock(adjustment.sku, adjustment.delta, adjustment.reason);
}

void StockPanel::editCurrentBuffer()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.column() >= StockModel::FirstChannel)
        editBuffer(current.data(StockModel::SkuRole).toString(),
                   current.column() - StockModel::FirstChannel);
}

QDialog *StockPanel::editBuffer(const QString &sku, int channel)
{
    const StockRow *row = m_model->rowAt(m_model->rowOf(sku));
    if (!row || channel < 0 || channel >= row->channels.size() || !row->channels.at(channel).listed)
        return nullptr;
    BufferDialog::Listing listing;
    listing.sku = sku;
    listing.channel = m_model->channels().value(channel);
    listing.available = row->available;
    listing.safetyBuffer = row->safetyBuffer;
    listing.buffer = row->bufferOf(channel);
    listing.channelRule = m_model->channelBuffer(channel);
    auto *dialog = new BufferDialog(listing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, listing] {
        if (m_bridge && dialog->buffer() != listing.buffer)
            m_bridge->setListingBuffer(listing.channel, listing.sku, dialog->buffer());
    });
    dialog->open();
    return dialog;
}

void StockPanel::showCellMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid() || index.column() < StockModel::FirstChannel)
        return;
    const QString sku = index.data(StockModel::SkuRole).toString();
    const int channel = index.column() - StockModel::FirstChannel;
    QMenu menu(this);
    QAction *buffer =
        menu.addAction(tr("What %1 shows of %2…").arg(m_model->channels().value(channel), sku));
    buffer->setObjectName(u"bufferCellAction"_s);
    const StockRow *row = m_model->rowAt(m_model->rowOf(sku));
    buffer->setEnabled(row && channel < row->channels.size() && row->channels.at(channel).listed);
    QAction *history = menu.addAction(tr("History of %1").arg(sku));
    QAction *chosen = menu.exec(m_view->viewport()->mapToGlobal(pos));
    if (chosen == buffer)
        editBuffer(sku, channel);
    else if (chosen == history)
        Q_EMIT historyRequested(sku);
}

bool StockPanel::selectSku(const QString &sku)
{
    const int row = m_model->rowOf(sku);
    if (row < 0)
        return false;
    const QModelIndex source = m_model->index(row, 0);
    QModelIndex shown = m_proxy->mapFromSource(source);
    if (!shown.isValid()) {
        m_filter->clear();
        m_problems->setChecked(false);
        shown = m_proxy->mapFromSource(source);
    }
    if (!shown.isValid())
        return false;
    m_view->setCurrentIndex(shown);
    m_view->selectRow(shown.row());
    m_view->scrollTo(shown, QAbstractItemView::PositionAtCenter);
    m_view->setFocus();
    return true;
}

void StockPanel::updateCount()
{
    m_count->setText(tr("%1 of %2 SKUs").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

} // namespace ChannelDesk
