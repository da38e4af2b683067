#pragma once

#include <QWidget>

class QTableView;

namespace ChannelDesk {

class ChannelModel;
class CoreBridge;

// The Channels tab: one row per channel and pause/resume of its propagation.
class ChannelsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChannelsPanel(CoreBridge *bridge, QWidget *parent = nullptr);

    ChannelModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    void setSuspended(bool suspended);

    CoreBridge *m_bridge;
    ChannelModel *m_model;
    QTableView *m_view;
};

} // namespace ChannelDesk
