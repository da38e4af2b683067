#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ChannelDesk {

class CoreBridge;
class DriftModel;

// The Drift tab (issue 10): per channel and SKU, what the channel shows, what it should show and
// since when, as the last reconciliations found it; Fix selected / Fix all send ours again by
// normal propagation (audited as reconcile), Reconcile now reads every channel back.
class DriftPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DriftPanel(CoreBridge *bridge, QWidget *parent = nullptr);

    DriftModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

public Q_SLOTS:
    void fixSelected();
    void fixAll();
    void reconcileNow();

private:
    void updateCount();

    CoreBridge *m_bridge;
    DriftModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    QLabel *m_count;
    QPushButton *m_fixSelected;
    QPushButton *m_fixAll;
};

} // namespace ChannelDesk
