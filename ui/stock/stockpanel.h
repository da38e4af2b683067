#pragma once

#include <QWidget>

#include <optional>

class QCheckBox;
class QDialog;
class QPushButton;
class QLabel;
class QLineEdit;
class QTableView;

namespace ChannelDesk {

class CoreBridge;
class EmptyState;
class StockFilterProxy;
class StockModel;

// The Stock tab: the live stock table with its text filter, the problems toggle, the manual
// adjust dialog and the editor of what a channel shows of a SKU (its buffer). Double-clicking a
// channel cell edits that listing's buffer; double-clicking elsewhere asks for the SKU's history.
class StockPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StockPanel(CoreBridge *bridge, QWidget *parent = nullptr);

    StockModel *model() const { return m_model; }
    StockFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *problemsToggle() const { return m_problems; }
    // Shown instead of the table while there is no SKU: its buttons are the window's to wire.
    EmptyState *emptyState() const { return m_empty; }
    // Whether Undo has a manual adjustment to take back.
    bool canUndoAdjustment() const { return m_lastAdjust.has_value(); }
    QString currentSku() const;

    // The editor of what `channel` shows of `sku`, opened window-modal; null when the SKU is not
    // listed there. Saving goes through the core thread, like buffer-import.
    QDialog *editBuffer(const QString &sku, int channel);

public Q_SLOTS:
    void adjustCurrent();
    // Takes back the last manual adjustment made here with a compensating one, audited with
    // its own reason; once (an undo is not undone).
    void undoAdjustment();
    // The buffer of the current channel cell.
    void editCurrentBuffer();
    // Selects the SKU's row and scrolls to it, clearing the filters that hide it. False when
    // there is no such SKU.
    bool selectSku(const QString &sku);

Q_SIGNALS:
    void historyRequested(const QString &sku);
    void undoAvailableChanged(bool available);

private:
    struct Adjustment
    {
        QString sku;
        qint64 delta = 0;
        QString reason;
        bool isUndo = false;
    };
    void adjust(const Adjustment &adjustment);
    void updateCount();
    void showCellMenu(const QPoint &pos);

    CoreBridge *m_bridge;
    StockModel *m_model;
    StockFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QCheckBox *m_problems;
    QLabel *m_count;
    QPushButton *m_buffer;
    QTableView *m_view;
    EmptyState *m_empty;
    std::optional<Adjustment> m_pendingAdjust; // sent, not answered yet
    std::optional<Adjustment> m_lastAdjust; // what Undo takes back
};

} // namespace ChannelDesk
