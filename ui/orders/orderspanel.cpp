#include "orders/orderspanel.h"

#include "console/corebridge.h"
#include "orders/orderfilterproxy.h"
#include "orders/ordermodel.h"
#include "orders/resolvelinedialog.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

OrdersPanel::OrdersPanel(CoreBridge *bridge, QWidget *parent)
    : QWidget(parent)
    , m_bridge(bridge)
    , m_model(new OrderModel(this))
    , m_proxy(new OrderFilterProxy(this))
    , m_channel(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_sku(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_focus(new QWidget(this))
    , m_focusText(new QLabel(m_focus))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_view(new QTableView(this))
    , m_resolveOversold(new QAction(tr("Resolve &oversold…"), this))
    , m_resolveLine(new QAction(tr("Resolve &line…"), this))
    , m_timeline(new QAction(tr("&Timeline…"), this))
{
    setObjectName(u"ordersPanel"_s);
    m_channel->setObjectName(u"ordersChannel"_s);
    m_channel->addItem(tr("All channels"), QString());
    m_status->setObjectName(u"ordersStatus"_s);
    m_status->addItem(tr("Any status"), QString());
    m_status->addItem(tr("Needs attention"), QString::fromLatin1(OrderFilterProxy::kAttention));
    const QStringList statuses = OrderModel::statuses();
    for (const QString &status : statuses)
        m_status->addItem(OrderModel::statusText(status), status);
    m_sku->setObjectName(u"ordersSku"_s);
    m_sku->setPlaceholderText(tr("SKU"));
    m_sku->setClearButtonEnabled(true);
    m_summary->setObjectName(u"ordersSummary"_s);
    m_resolveOversold->setObjectName(u"actionResolveOversold"_s);
    m_resolveOversold->setToolTip(
        tr("Mark the selected oversold order settled (the customer was told, a unit was found)"));
    m_resolveLine->setObjectName(u"actionResolveLine"_s);
    m_resolveLine->setToolTip(
        tr("Apply a waiting line of the selected order to a SKU, or ignore it as not stock"));
    m_timeline->setObjectName(u"actionOrderTimeline"_s);
    m_timeline->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_resolveOversold->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_resolveLine->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_timeline->setToolTip(tr("Show the selected order's life: lines, events and channel pushes"));

    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(u"ordersView"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(OrderModel::Updated, Qt::DescendingOrder);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_timeline, m_resolveOversold, m_resolveLine});
    addActions({m_timeline, m_resolveOversold, m_resolveLine}); // for the window's Orders menu
    const QFontMetrics fm = fontMetrics();
    m_view->setColumnWidth(OrderModel::Updated,
                           fm.horizontalAdvance(u"00/00/0000 00:00 PM"_s) + 16);
    m_view->setColumnWidth(OrderModel::Channel, fm.horizontalAdvance(u"woo-outlet"_s) + 24);
    // Shopify and Amazon order ids run to 19 characters.
    m_view->setColumnWidth(OrderModel::Order, fm.horizontalAdvance(u"0000000000000000000"_s) + 24);
    m_view->setColumnWidth(OrderModel::Status,
                           fm.horizontalAdvance(OrderModel::statusText(u"partially_refunded"_s)) +
                               24);
    for (int c : {OrderModel::Units, OrderModel::Owed, OrderModel::Waiting})
        m_view->setColumnWidth(
            c, fm.horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + 32);

    m_empty->setObjectName(u"ordersEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No orders yet. Every order the channels report appears here with its "
                        "status; oversold orders and orders with lines waiting for a SKU come "
                        "first, with their resolve actions. Double-click an order for its "
                        "timeline."));
    m_stack->setObjectName(u"ordersStack"_s);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_channel);
    bar->addWidget(m_status);
    bar->addWidget(m_sku, 1);
    for (QAction *action : {m_timeline, m_resolveOversold, m_resolveLine}) {
        auto *button = new QToolButton(this);
        button->setObjectName(action->objectName() + u"Button"_s);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setDefaultAction(action);
        bar->addWidget(button);
    }
    m_focus->setObjectName(u"ordersFocus"_s);
    m_focusText->setObjectName(u"ordersFocusText"_s);
    m_focusText->setWordWrap(true);
    auto *showAll = new QPushButton(tr("Show &all orders"), m_focus);
    showAll->setObjectName(u"ordersShowAll"_s);
    auto *focusLayout = new QHBoxLayout(m_focus);
    focusLayout->setContentsMargins(0, 0, 0, 0);
    focusLayout->addWidget(m_focusText, 1);
    focusLayout->addWidget(showAll);
    m_focus->hide();
    connect(showAll, &QPushButton::clicked, this, [this] { showOnly({}, {}); });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_focus);
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);

    connect(m_channel, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setChannel(m_channel->currentData().toString()); });
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStatus(m_status->currentData().toString()); });
    connect(m_sku, &QLineEdit::textChanged, m_proxy, &OrderFilterProxy::setSkuText);
    connect(m_resolveOversold, &QAction::triggered, this, &OrdersPanel::resolveOversoldSelected);
    connect(m_resolveLine, &QAction::triggered, this, &OrdersPanel::resolveLineSelected);
    connect(m_timeline, &QAction::triggered, this, &OrdersPanel::showTimelineSelected);
    connect(m_view, &QTableView::doubleClicked, this, &OrdersPanel::showTimelineSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OrdersPanel::updateActions);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &OrdersPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OrdersPanel::updateActions);

    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (m_bridge)
            m_bridge->requestOrders();
    });
    if (m_bridge) {
        connect(m_bridge, &CoreBridge::started, this, [this](const ConsoleInfo &info) {
            m_channel->clear();
            m_channel->addItem(tr("All channels"), QString());
            for (const QString &channel : info.channels)
                m_channel->addItem(channel, channel);
            m_loaded = false;
            if (isVisible())
                m_bridge->requestOrders(ConsoleWorker::OrdersRefresh::Force);
        });
        connect(m_bridge, &CoreBridge::ordersChanged, this, [this](const OrdersSnapshot &orders) {
            m_loaded = true;
            m_error = orders.error;
            m_model->setSnapshot(orders);
            updateSummary();
            updateActions();
        });
        connect(m_bridge, &CoreBridge::orderActionFinished, this,
                [this](const OrderActionResult &result) {
                    if (!result.ok)
                        QMessageBox::warning(
                            this, tr("Orders"),
                            tr("Order %1 from %2 was not changed: %3")
                                .arg(result.orderId, result.channel, result.message));
                });
    }
    updateSummary();
    updateActions();
}

void OrdersPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_bridge && m_bridge->isStarted())
        m_bridge->requestOrders(m_loaded ? ConsoleWorker::OrdersRefresh::IfChanged
                                         : ConsoleWorker::OrdersRefresh::Force);
    m_refresh.start();
}

void OrdersPanel::hideEvent(QHideEvent *event)
{
    m_refresh.stop();
    QWidget::hideEvent(event);
}

int OrdersPanel::currentSourceRow() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row()))
        return -1;
    return m_proxy->mapToSource(current).row();
}

void OrdersPanel::updateActions()
{
    const OrderModel::Row *row = m_model->rowAt(currentSourceRow());
    m_timeline->setEnabled(row);
    m_resolveOversold->setEnabled(row && !row->oversold.isEmpty());
    m_resolveLine->setEnabled(row && !row->waiting.isEmpty());
}

void OrdersPanel::updateSummary()
{
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_view)
                                                      : static_cast<QWidget *>(m_empty));
    if (!m_error.isEmpty()) {
        m_summary->setText(tr("Cannot read the orders: %1").arg(m_error));
        return;
    }
    if (!m_loaded) {
        m_summary->setText(tr("Reading the orders…"));
        return;
    }
    const QString oversold = tr("%n oversold order(s)", nullptr, m_model->oversoldCount());
    const QString waiting = tr("%n line(s) waiting", nullptr, m_model->waitingLines());
    m_summary->setText(
        tr("%1 shown; %2, %3.")
            .arg(tr("%n order(s)", nullptr, m_model->rowCount()), oversold, waiting));
}

void OrdersPanel::resolveOversoldSelected()
{
    const OrderModel::Row *row = m_model->rowAt(currentSourceRow());
    if (!row || row->oversold.isEmpty() || !m_bridge)
        return;
    QStringList owed;
    for (const OversoldEntry &e : row->oversold)
        owed << tr("%1: %n owed", nullptr, int(e.owed)).arg(e.sku);
    QInputDialog dialog(this);
    dialog.setObjectName(u"resolveOversoldDialog"_s);
    dialog.setWindowTitle(tr("Resolve oversold order"));
    dialog.setLabelText(tr("Order %1 from %2 took more than was on hand (%3).\n"
                           "How was it settled? (recorded in the audit log)")
                            .arg(row->summary.orderId, row->summary.channel, owed.join(u", "_s)));
    dialog.setTextValue(QString());
    const QString channel = row->summary.channel;
    const QString orderId = row->summary.orderId;
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString reason = dialog.textValue().trimmed();
    if (reason.isEmpty()) {
        QMessageBox::information(this, tr("Resolve oversold order"),
                                 tr("A reason is needed: say how the order was settled."));
        return;
    }
    m_bridge->resolveOversold(channel, orderId, reason);
}

void OrdersPanel::resolveLineSelected()
{
    const OrderModel::Row *row = m_model->rowAt(currentSourceRow());
    if (!row || row->waiting.isEmpty() || !m_bridge)
        return;
    const QString channel = row->summary.channel;
    const QString orderId = row->summary.orderId;
    ResolveLineDialog dialog(row->waiting, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_bridge->resolveUnmatched(channel, orderId, dialog.line(), dialog.sku(), dialog.reason());
}

void OrdersPanel::showOnly(const QList<std::pair<QString, QString>> &orders, const QString &caption)
{
    if (!orders.isEmpty()) {
        m_channel->setCurrentIndex(0);
        m_status->setCurrentIndex(0);
        m_sku->clear();
    }
    m_proxy->setOrders(orders);
    m_focusText->setText(tr("%1: %n order(s). Orders older than the %2 most recent are not "
                            "listed here; open them from the dead letter.",
                            nullptr, int(orders.size()))
                             .arg(caption)
                             .arg(ConsoleWorker::kOrdersShown));
    m_focus->setVisible(!orders.isEmpty());
    if (m_bridge && m_bridge->isStarted())
        m_bridge->requestOrders(ConsoleWorker::OrdersRefresh::Force);
    updateSummary();
}

void OrdersPanel::showTimelineSelected()
{
    const OrderModel::Row *row = m_model->rowAt(currentSourceRow());
    if (row)
        Q_EMIT timelineRequested(row->summary.channel, row->summary.orderId);
}

} // namespace ChannelDesk
