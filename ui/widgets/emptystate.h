#pragma once

#include <QStackedWidget>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace ChannelDesk {

// A panel's content (a table, or a table with its side panes) and, in its place while the
// model has no rows, a page saying why it is empty and what to do next: a title, a line or two,
// and buttons for the next step.
class EmptyState : public QStackedWidget
{
    Q_OBJECT
public:
    // Takes `content` (reparented into the stack); watches `model`'s rows.
    EmptyState(QWidget *content, QAbstractItemModel *model, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setText(const QString &text);
    // A button on the empty page, in the order added.
    QPushButton *addButton(const QString &text, const QString &objectName);
    // True while the empty page is shown instead of the content.
    bool isEmptyShown() const { return currentIndex() == 1; }
    QWidget *content() const { return widget(0); }
    QWidget *emptyPage() const { return widget(1); }

private:
    void update();

    QAbstractItemModel *m_model;
    QLabel *m_title;
    QLabel *m_text;
    QVBoxLayout *m_buttons;
};

} // namespace ChannelDesk
