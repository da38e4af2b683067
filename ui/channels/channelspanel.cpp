#include "channels/channelspanel.h"

#include "channels/channelmodel.h"
#include "console/corebridge.h"

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
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(pause);
    bar->addWidget(resume);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    connect(pause, &QPushButton::clicked, this, [this] { setSuspended(true); });
    connect(resume, &QPushButton::clicked, this, [this] { setSuspended(false); });
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
}

void ChannelsPanel::setSuspended(bool suspended)
{
    const QString channel = m_view->currentIndex().data(ChannelModel::ChannelIdRole).toString();
    if (!channel.isEmpty() && m_bridge)
        m_bridge->setChannelSuspended(channel, suspended);
}

} // namespace ChannelDesk
