#pragma once

#include <QWidget>

class QAction;
class QPushButton;
class QTableView;

namespace ChannelDesk {

class ChannelModel;
class CoreBridge;
class EmptyState;

// The Channels tab: one row per channel, pause/resume of its propagation, and "Import
// listings…" (ImportListingsDialog) for the selected channel. Its actions() are for the window's
// Channels menu.
class ChannelsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChannelsPanel(CoreBridge *bridge, QWidget *parent = nullptr);

    ChannelModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString currentChannel() const;
    // Shown instead of the table while no channel is configured; the window wires its button.
    EmptyState *emptyState() const { return m_empty; }

public Q_SLOTS:
    // Opens the Import listings dialog for the selected channel and takes a first (dry) look.
    void importListings();
    // The same for a channel by id (a channel just connected, before its row is selected).
    void importListingsOf(const QString &channel);

private:
    void setSuspended(bool suspended);
    void updateActions();

    CoreBridge *m_bridge;
    ChannelModel *m_model;
    QTableView *m_view;
    QAction *m_import;
    QPushButton *m_importButton;
    EmptyState *m_empty = nullptr;
};

} // namespace ChannelDesk
