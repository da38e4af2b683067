#include "drift/driftpanel.h"

#include "console/corebridge.h"
#include "drift/driftmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ChannelDesk {

DriftPanel::DriftPanel(CoreBridge *bridge, QWidget *parent)
    : QWidget(parent)
    , m_bridge(bridge)
    , m_model(new DriftModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_fixSelected(new QPushButton(tr("&Fix selected"), this))
    , m_fixAll(new QPushButton(tr("Fix &all"), this))
{
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(DriftModel::SortRole);
    m_view->setObjectName(QStringLiteral("driftView"));
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DriftModel::Channel, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_fixSelected->setObjectName(QStringLiteral("fixSelectedDrift"));
    m_fixAll->setObjectName(QStringLiteral("fixAllDrift"));
    auto *reconcile = new QPushButton(tr("&Reconcile now"), this);
    reconcile->setObjectName(QStringLiteral("reconcileNow"));
    reconcile->setToolTip(tr("Read every channel's quantities back now"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_count, 1);
    buttons->addWidget(reconcile);
    buttons->addWidget(m_fixSelected);
    buttons->addWidget(m_fixAll);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view);

    connect(m_fixSelected, &QPushButton::clicked, this, &DriftPanel::fixSelected);
    connect(m_fixAll, &QPushButton::clicked, this, &DriftPanel::fixAll);
    connect(reconcile, &QPushButton::clicked, this, &DriftPanel::reconcileNow);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DriftPanel::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DriftPanel::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DriftPanel::updateCount);
    if (m_bridge)
        connect(m_bridge, &CoreBridge::driftChanged, m_model, &DriftModel::setRows);
    updateCount();
}

void DriftPanel::fixSelected()
{
    QList<DeadLetterKey> keys;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows)
        keys.append({i.data(DriftModel::KeyChannelRole).toString(),
                     i.data(DriftModel::KeySkuRole).toString()});
    if (m_bridge && !keys.isEmpty())
        m_bridge->fixDrift(keys);
}

void DriftPanel::fixAll()
{
    QList<DeadLetterKey> keys;
    for (const DriftRow &r : m_model->rows())
        keys.append({r.channel, r.sku});
    if (m_bridge && !keys.isEmpty())
        m_bridge->fixDrift(keys);
}

void DriftPanel::reconcileNow()
{
    if (m_bridge)
        m_bridge->reconcileNow();
}

void DriftPanel::updateCount()
{
    const int n = m_model->rowCount();
    m_count->setText(n == 0
                         ? tr("Every compared listing shows what it should.")
                         : tr("%n listing(s) show another quantity than they should.", nullptr, n));
    m_fixSelected->setEnabled(m_view->selectionModel()->hasSelection());
    m_fixAll->setEnabled(n > 0);
}

} // namespace ChannelDesk
