#pragma once

#include "console/deadletterdetail.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTableView;
class QTabWidget;
class QTreeWidget;

namespace ChannelDesk {

class AttemptModel;
struct DeadLetter;

// The lower half of the Dead letters tab for the selected letter: every kept attempt (a table;
// the selected attempt's request and answer side by side), the orders whose changes the channel
// has not shown (double-click: the order's timeline) and the letter's history.
class DeadLetterDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit DeadLetterDetailPane(QWidget *parent = nullptr);

    // The letter shown (nullptr: none); its attempts and orders come with setDetail().
    void setLetter(const DeadLetter *letter);
    // Ignored unless it is the shown letter's.
    void setDetail(const ChannelDesk::DeadLetterDetail &detail);
    const DeadLetterDetail &detail() const { return m_detail; }

    AttemptModel *attempts() const { return m_attempts; }
    QTableView *attemptView() const { return m_attemptView; }
    QTreeWidget *orders() const { return m_orders; }

Q_SIGNALS:
    void orderTimelineRequested(const QString &channel, const QString &orderId);

private:
    void showAttempt();

    QString m_channel;
    QString m_sku;
    DeadLetterDetail m_detail;
    QTabWidget *m_tabs;
    AttemptModel *m_attempts;
    QTableView *m_attemptView;
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_response;
    QTreeWidget *m_orders;
    QLabel *m_ordersNote;
    QPlainTextEdit *m_history;
};

} // namespace ChannelDesk
