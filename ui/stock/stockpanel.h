#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace ChannelDesk {

class CoreBridge;
class StockFilterProxy;
class StockModel;

// The Stock tab: the live stock table with its text filter, the problems toggle and the manual
// adjust dialog. Double-clicking a row asks for that SKU history.
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
    QString currentSku() const;

public Q_SLOTS:
    void adjustCurrent();
    // Selects the SKU's row and scrolls to it, clearing the filters that hide it. False when
    // there is no such SKU.
    bool selectSku(const QString &sku);

Q_SIGNALS:
    void historyRequested(const QString &sku);

private:
    void updateCount();

    CoreBridge *m_bridge;
    StockModel *m_model;
    StockFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QCheckBox *m_problems;
    QLabel *m_count;
    QTableView *m_view;
};

} // namespace ChannelDesk
