#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace ChannelDesk {

class AuditModel;
class CoreBridge;

// The Audit tab: the mutation log filtered by SKU, order, channel, kind and time range, read on
// the core thread, newest first, and exported to CSV. While shown and scrolled to the top it
// follows new entries (a reload every few seconds); scrolled down, it holds still for reading.
class AuditPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kLimit = 20000;

    explicit AuditPanel(CoreBridge *bridge, QWidget *parent = nullptr);

    AuditModel *model() const { return m_model; }
    void showSku(const QString &sku);

Q_SIGNALS:
    // A row with an order was double-clicked: show the order's timeline.
    void orderTimelineRequested(const QString &channel, const QString &orderId);

public Q_SLOTS:
    void load();
    void exportCsv();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    CoreBridge *m_bridge;
    AuditModel *m_model;
    QLineEdit *m_sku;
    QLineEdit *m_order;
    QLineEdit *m_channel;
    QComboBox *m_kind;
    QComboBox *m_range;
    QLabel *m_status;
    QTableView *m_view;
    QTimer m_follow;
    quint64 m_exportRequest = 0; // the export being written
};

} // namespace ChannelDesk
