#include "channels/channelspanel.h"

#include "channels/channelmodel.h"
#include "channels/importlistingsdialog.h"
#include "console/corebridge.h"
#include "widgets/emptystate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

ChannelsPanel::ChannelsPanel(CoreBridge *bridge, QWidget *parent)
    : QWidget(parent)
    , m_bridge(bridge)
    , m_model(new ChannelModel(this))
    , m_view(new QTableView(this))
    , m_import(new QAction(tr("&Import listings…"), this))
    , m_importButton(new QPushButton(tr("Impor&t listings…"), this)) // Alt+I is the Drift tab
{
    setObjectName(u"channelsPanel"_s);
    m_view->setObjectName(u"channelsView"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(30);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    auto *pause = new QPushButton(tr("&Pause propagation"), this);
    pause->setObjectName(u"pauseChannel"_s);
    auto *resume = new QPushButton(tr("Res&ume propagation"), this);
    resume->setObjectName(u"resumeChannel"_s);
    m_import->setObjectName(u"actionImportListings"_s);
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_import->setToolTip(tr("Pull the selected channel's catalogue and map its listings by SKU"));
    m_importButton->setObjectName(u"importListings"_s);
    m_importButton->setToolTip(m_import->toolTip());
    addAction(m_import); // for the window's Channels menu
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_importButton);
    bar->addStretch(1);
    bar->addWidget(pause);
    bar->addWidget(resume);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    m_empty = new EmptyState(m_view, m_model, this);
    m_empty->setTitle(tr("No channel connected"));
    m_empty->setText(tr("Connect your Shopify, WooCommerce, eBay or Amazon shop: ChannelDesk "
                        "tests the connection, reads your listings and shows where they differ "
                        "from your stock before it sends anything."));
    layout->addWidget(m_empty);
    connect(pause, &QPushButton::clicked, this, [this] { setSuspended(true); });
    connect(resume, &QPushButton::clicked, this, [this] { setSuspended(false); });
    connect(m_importButton, &QPushButton::clicked, m_import, &QAction::trigger);
    connect(m_import, &QAction::triggered, this, &ChannelsPanel::importListings);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ChannelsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChannelsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChannelsPanel::updateActions);
    if (m_bridge) {
        connect(m_bridge, &CoreBridge::channelsChanged, this,
                [this](const QList<ChannelRow> &rows) {
                    const bool first = m_model->rowCount() == 0;
                    m_model->setRows(rows);
                    if (first && !rows.isEmpty()) {
                        m_view->resizeColumnsToContents();
                        for (int c = 0; c < ChannelModel::LastError; ++c)
                            m_view->setColumnWidth(c, std::max(m_view->columnWidth(c), 90));
                    }
                });
    }
    updateActions();
}

QString ChannelsPanel::currentChannel() const
{
    return m_view->currentIndex().data(ChannelModel::ChannelIdRole).toString();
}

void ChannelsPanel::updateActions()
{
    const bool selected = !currentChannel().isEmpty() && m_bridge;
    m_import->setEnabled(selected);
    m_importButton->setEnabled(selected);
}

void ChannelsPanel::importListings()
{
    importListingsOf(currentChannel());
}

void ChannelsPanel::importListingsOf(const QString &channel)
{
    if (channel.isEmpty() || !m_bridge)
        return;
    auto *dialog = new ImportListingsDialog(m_bridge, channel, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->look();
}

void ChannelsPanel::setSuspended(bool suspended)
{
    const QString channel = currentChannel();
    if (!channel.isEmpty() && m_bridge)
        m_bridge->setChannelSuspended(channel, suspended);
}

} // namespace ChannelDesk
