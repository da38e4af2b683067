#pragma once

#include "carriers/quoteresult.h"
#include "domain/orderevent.h"

#include <QWidget>

class QCheckBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QTableView;

namespace ChannelDesk {

class CoreBridge;
class QuoteModel;
class RecentOrderModel;

// The Carrier quotes tab: pick a recent order (or type a shipment in), ask every carrier at once
// on the core thread, and see every quote ranked by score with the choice explained, dropped
// quotes and carrier errors greyed with their reason. Ship-from and parcel defaults persist in
// QSettings.
class QuotePanel : public QWidget
{
    Q_OBJECT
public:
    explicit QuotePanel(CoreBridge *bridge, QWidget *parent = nullptr);
    ~QuotePanel() override;

    QuoteModel *model() const { return m_model; }
    RecentOrderModel *orders() const { return m_orders; }
    QTableView *view() const { return m_view; }
    QTableView *orderView() const { return m_orderView; }
    QCheckBox *freezeToggle() const { return m_freeze; }
    QSplitter *splitter() const { return m_splitter; }
    QLabel *explanationLabel() const { return m_explanation; }
    QPushButton *quoteButton() const { return m_quote; }
    bool isWaiting() const { return m_pending != 0; }

    // The shipment the fields describe now.
    ShipmentRequest request() const;
    // Fills the fields from an order (the ship-from and parcel stay as they are).
    void pickOrder(const ChannelDesk::OrderEvent &order);
    // Shows an answer as if the core had sent it.
    void showResult(const ChannelDesk::QuoteResult &result);

public Q_SLOTS:
    // New orders from the core (oldest first): shown at once, or held while the list is frozen.
    void addOrders(const QList<ChannelDesk::OrderEvent> &orders);
    // Asks for quotes for what the fields say.
    void requestQuotes();
    // Picks the newest order and asks for its quotes; false when there is none yet.
    bool quoteNewestOrder();

Q_SIGNALS:
    // A result is on screen.
    void quoteShown();
    // A recent order was double-clicked: show its timeline.
    void orderTimelineRequested(const QString &channel, const QString &orderId);

private:
    void onQuoteFinished(quint64 requestId, const ChannelDesk::QuoteResult &result);
    void onOrderSelected();
    void setWaiting(bool waiting);
    void fieldsEdited();
    void loadDefaults();
    void saveDefaults() const;

    CoreBridge *m_bridge;
    QuoteModel *m_model;
    QSortFilterProxyModel *m_proxy;
    RecentOrderModel *m_orders;
    QTableView *m_orderView;
    QCheckBox *m_freeze;
    QList<OrderEvent> m_heldOrders; // arrived while the list is frozen, oldest first
    bool m_listChanging = false; // rows are being inserted or removed
    QString m_pickedChannel; // the order the fields were filled from
    QString m_pickedId;
    QTableView *m_view;
    QSplitter *m_splitter;
    QLineEdit *m_orderId;
    QDateEdit *m_promisedBy;
    QLineEdit *m_toPostalCode;
    QLineEdit *m_toCountry;
    QLineEdit *m_toCity;
    QLineEdit *m_fromPostalCode;
    QLineEdit *m_fromCountry;
    QSpinBox *m_weight;
    QDoubleSpinBox *m_length;
    QDoubleSpinBox *m_width;
    QDoubleSpinBox *m_height;
    QPushButton *m_quote;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_explanation;
    quint64 m_pending = 0; // the request waited for, 0 when none
    bool m_answered = false; // a result is on screen
    QString m_requestedKey; // the request last sent
    QString m_shownKey; // the request whose result is on screen
};

} // namespace ChannelDesk
