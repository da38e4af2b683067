#include "dlq/deadletterpanel.h"

#include "console/corebridge.h"
#include "dlq/deadletterdetailpane.h"
#include "dlq/deadletterfilterproxy.h"
#include "dlq/deadlettergroupmodel.h"
#include "dlq/deadlettermodel.h"
#include "widgets/emptystate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

DeadLetterPanel::DeadLetterPanel(CoreBridge *bridge, QWidget *parent)
    : QWidget(parent)
    , m_bridge(bridge)
    , m_model(new DeadLetterModel(this))
    , m_groups(new DeadLetterGroupModel(this))
    , m_proxy(new DeadLetterFilterProxy(this))
    , m_groupView(new QTreeView(this))
    , m_count(new QLabel(this))
    , m_view(new QTableView(this))
    , m_detail(new DeadLetterDetailPane(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_showSku(new QPushButton(tr("Show S&KU"), this))
    , m_showOrders(new QPushButton(tr("Show &orders"), this))
{
    setObjectName(u"deadLetterPanel"_s);
    m_proxy->setSourceModel(m_model);

    auto *retry = new QPushButton(tr("&Retry selected"), this);
    retry->setObjectName(u"retrySelected"_s);
    auto *retryAll = new QPushButton(tr("Retry all &shown"), this);
    retryAll->setObjectName(u"retryAllShown"_s);
    auto *discard = new QPushButton(tr("&Discard…"), this);
    discard->setObjectName(u"discardSelected"_s);
    m_showSku->setObjectName(u"dlqShowSku"_s);
    m_showSku->setToolTip(tr("Select the letter's SKU in the Stock tab"));
    m_showOrders->setObjectName(u"dlqShowOrders"_s);
    m_showOrders->setToolTip(
        tr("Show the orders whose changes this channel has not shown, in the Orders tab"));
    m_count->setObjectName(u"dlqCount"_s);

    m_groupView->setObjectName(u"dlqGroups"_s);
    m_groupView->setModel(m_groups);
    m_groupView->setUniformRowHeights(true);
    m_groupView->setTextElideMode(Qt::ElideMiddle);
    m_groupView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_groupView->header()->setStretchLastSection(false);
    m_groupView->header()->setSectionResizeMode(DeadLetterGroupModel::Name, QHeaderView::Stretch);
    m_groupView->header()->setSectionResizeMode(DeadLetterGroupModel::Letters,
                                                QHeaderView::ResizeToContents);
    m_groupView->setToolTip(tr("Select a channel or an error to show only its letters; select "
                               "it again with Ctrl to show all"));

    m_view->setObjectName(u"deadLetterView"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DeadLetterModel::LastFailed, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_splitter->setObjectName(u"deadLetterSplitter"_s);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    auto *sides = new QSplitter(Qt::Horizontal, this);
    m_sides = sides;
    sides->setObjectName(u"dlqGroupSplitter"_s);
    sides->addWidget(m_groupView);
    sides->addWidget(m_splitter);
    sides->setStretchFactor(0, 0);
    sides->setStretchFactor(1, 1);
    sides->setSizes(
        {fontMetrics().horizontalAdvance(u"woocommerce_rest_cannot_edit"_s) + 80, 1000});

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_count, 1);
    bar->addWidget(m_showSku);
    bar->addWidget(m_showOrders);
    bar->addSpacing(12);
    bar->addWidget(retry);
    bar->addWidget(retryAll);
    bar->addWidget(discard);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    auto *empty = new EmptyState(sides, m_model, this);
    empty->setTitle(tr("No dead letters"));
    empty->setText(tr("An update a channel refuses for good, or that runs out of retries, shows "
                      "here with the channel's own answer, so that you can retry or discard it."));
    layout->addWidget(empty, 1);

    connect(retry, &QPushButton::clicked, this, &DeadLetterPanel::retrySelected);
    connect(retryAll, &QPushButton::clicked, this, &DeadLetterPanel::retryAllShown);
    connect(discard, &QPushButton::clicked, this, &DeadLetterPanel::discardSelected);
    connect(m_showSku, &QPushButton::clicked, this, &DeadLetterPanel::showSkuOfCurrent);
    connect(m_showOrders, &QPushButton::clicked, this, &DeadLetterPanel::showOrdersOfCurrent);
    connect(m_groupView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeadLetterPanel::applyGroup);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeadLetterPanel::showDetail);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DeadLetterPanel::showDetail);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DeadLetterPanel::showDetail);
    connect(m_view, &QTableView::doubleClicked, this, &DeadLetterPanel::showSkuOfCurrent);
    connect(m_detail, &DeadLetterDetailPane::orderTimelineRequested, this,
            &DeadLetterPanel::orderTimelineRequested);
    if (m_bridge) {
        connect(m_bridge, &CoreBridge::deadLettersChanged, this,
                [this](const QList<DeadLetter> &letters) {
                    const bool first = m_model->rowCount() == 0;
                    m_model->setLetters(letters);
                    m_groups->setLetters(letters);
                    m_groupView->expandAll();
                    fitGroups();
                    if (first && !letters.isEmpty())
                        m_view->resizeColumnsToContents();
                    updateCount();
                });
        connect(m_bridge, &CoreBridge::deadLetterDetailReady, this,
                [this](const DeadLetterDetail &detail) {
                    m_detail->setDetail(detail);
                    const DeadLetter *d = currentLetter();
                    m_showOrders->setEnabled(d && m_detail->detail().sku == d->sku &&
                                             m_detail->detail().channel == d->channel &&
                                             !m_detail->detail().orders.isEmpty());
                });
        connect(m_bridge, &CoreBridge::deadLetterActionFinished, this,
                [this](int, const QString &error) {
                    if (!error.isEmpty())
                        QMessageBox::warning(this, tr("Dead letters"), error);
                });
    }
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &DeadLetterPanel::updateCount);
    showDetail();
    updateCount();
}

QList<DeadLetterKey> DeadLetterPanel::selectedKeys() const
{
    QList<DeadLetterKey> keys;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        keys.append({index.data(DeadLetterModel::KeyChannelRole).toString(),
                     index.data(DeadLetterModel::KeySkuRole).toString()});
    }
    return keys;
}

QList<DeadLetterKey> DeadLetterPanel::shownKeys() const
{
    QList<DeadLetterKey> keys;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        keys.append({index.data(DeadLetterModel::KeyChannelRole).toString(),
                     index.data(DeadLetterModel::KeySkuRole).toString()});
    }
    return keys;
}

const DeadLetter *DeadLetterPanel::currentLetter() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->letterAt(m_proxy->mapToSource(current).row()) : nullptr;
}

void DeadLetterPanel::retrySelected()
{
    const QList<DeadLetterKey> keys = selectedKeys();
    if (!keys.isEmpty() && m_bridge)
        m_bridge->retryDeadLetters(keys);
}

void DeadLetterPanel::retryAllShown()
{
    const QList<DeadLetterKey> keys = shownKeys();
    if (!keys.isEmpty() && m_bridge)
        m_bridge->retryDeadLetters(keys);
}

void DeadLetterPanel::discardSelected()
{
    const QList<DeadLetterKey> keys = selectedKeys();
    if (keys.isEmpty() || !m_bridge)
        return;
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Discard dead letters"),
                              tr("Discard %n dead letter(s)? The listings wait for the next "
                                 "change. Reason (kept in the audit log):",
                                 nullptr, int(keys.size())),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok)
        return;
    if (reason.isEmpty()) {
        QMessageBox::information(this, tr("Discard dead letters"),
                                 tr("A reason is required; nothing was discarded."));
        return;
    }
    m_bridge->discardDeadLetters(keys, reason);
}

void DeadLetterPanel::showSkuOfCurrent()
{
    if (const DeadLetter *d = currentLetter())
        Q_EMIT skuRequested(d->sku);
}

void DeadLetterPanel::showOrdersOfCurrent()
{
    const DeadLetter *d = currentLetter();
    const DeadLetterDetail &detail = m_detail->detail();
    if (!d || detail.channel != d->channel || detail.sku != d->sku)
        return;
    QList<std::pair<QString, QString>> orders;
    for (const Mutation &m : detail.orders) {
        const std::pair<QString, QString> key {m.channel, m.orderId};
        if (!orders.contains(key))
            orders.append(key);
    }
    Q_EMIT ordersRequested(
        orders, tr("The orders behind the dead letter of %1 on %2").arg(d->sku, d->channel));
}

void DeadLetterPanel::applyGroup()
{
    const QModelIndexList picked = m_groupView->selectionModel()->selectedRows();
    if (picked.isEmpty()) {
        m_proxy->setGroup({}, {});
    } else {
        const QModelIndex index = picked.first();
        m_proxy->setGroup(index.data(DeadLetterGroupModel::ChannelRole).toString(),
                          index.data(DeadLetterGroupModel::GroupRole).toString());
    }
    updateCount();
}

void DeadLetterPanel::showDetail()
{
    const DeadLetter *d = currentLetter();
    m_detail->setLetter(d);
    m_showSku->setEnabled(d != nullptr);
    m_showOrders->setEnabled(d && m_detail->detail().sku == d->sku &&
                             m_detail->detail().channel == d->channel &&
                             !m_detail->detail().orders.isEmpty());
    if (!d || !m_bridge)
        return;
    // Asked again when the letter changes (a new failure, a re-arm): its attempts grew.
    m_requested = {d->channel, d->sku};
    m_bridge->requestDeadLetterDetail(m_requested);
}

void DeadLetterPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitGroups();
}

void DeadLetterPanel::fitGroups()
{
    // Wide enough for the longest error name (channel codes run long), once, before the
    // merchant moves the splitter; never more than a third of the tab.
    if (m_groupsFitted || m_groups->rowCount() == 0 || !isVisible())
        return;
    m_groupsFitted = true;
    int widest = 0;
    const QFontMetrics fm = m_groupView->fontMetrics();
    for (int r = 0; r < m_groups->rowCount(); ++r) {
        const QModelIndex channel = m_groups->index(r, 0);
        widest = std::max(widest, fm.horizontalAdvance(channel.data().toString()));
        for (int g = 0; g < m_groups->rowCount(channel); ++g)
            widest =
                std::max(widest,
                         fm.horizontalAdvance(m_groups->index(g, 0, channel).data().toString()) +
                             m_groupView->indentation());
    }
    const QList<int> sizes = m_sides->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    const int wanted = std::min(widest + fm.horizontalAdvance(u"Letters"_s) + 48,
                                std::max(total / 3, sizes.value(0)));
    if (wanted > sizes.value(0))
        m_sides->setSizes({wanted, total - wanted});
}

void DeadLetterPanel::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (m_proxy->channel().isEmpty()) {
        m_count->setText(tr("%n dead letter(s)", nullptr, total));
        return;
    }
    const QString what = m_proxy->group().isEmpty()
        ? m_proxy->channel()
        : u"%1 / %2"_s.arg(m_proxy->channel(), m_proxy->group());
    m_count->setText(tr("%1 of %n dead letter(s): %2", nullptr, total).arg(shown).arg(what));
}

} // namespace ChannelDesk
