#pragma once

#include "console/consoletypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;

namespace ChannelDesk {

class CoreBridge;
class DeadLetterModel;

// The Dead letters tab: the queue with channel and error-kind filters, a detail pane (request,
// response, history) and Retry selected / Retry all shown / Discard. A retry sends the current
// quantity; the row shows "retrying" until the channel answers, then leaves or comes back dead.
class DeadLetterPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DeadLetterPanel(CoreBridge *bridge, QWidget *parent = nullptr);

    DeadLetterModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QSplitter *splitter() const { return m_splitter; }

public Q_SLOTS:
    void retrySelected();
    void retryAllShown();
    void discardSelected();

private:
    QList<DeadLetterKey> selectedKeys() const;
    QList<DeadLetterKey> shownKeys() const;
    void applyFilters();
    void showDetail();
    void updateChoices(const QList<ChannelDesk::DeadLetter> &letters);

    CoreBridge *m_bridge;
    DeadLetterModel *m_model;
    QSortFilterProxyModel *m_byChannel;
    QSortFilterProxyModel *m_byKind;
    QComboBox *m_channel;
    QComboBox *m_kind;
    QLabel *m_count;
    QTableView *m_view;
    QPlainTextEdit *m_detail;
    QSplitter *m_splitter;
};

} // namespace ChannelDesk
