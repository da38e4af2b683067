#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ChannelDesk {

// The status bar's hint while a long task runs (a stock import, a listing pull): what it is
// doing, a progress bar (busy when the end is not known) and Cancel. Hidden when idle; one task
// at a time, a new one replaces the one shown.
class TaskProgress : public QWidget
{
    Q_OBJECT
public:
    explicit TaskProgress(QWidget *parent = nullptr);

    // Shows the task; `cancel` runs when Cancel is clicked (no Cancel button when empty).
    // Returns the task's id, for update() and finish().
    quint64 begin(const QString &text, std::function<void()> cancel = {});
    // maximum 0: busy (no known end).
    void update(quint64 task, const QString &text, int value, int maximum);
    // Hides it, when `task` is still the one shown.
    void finish(quint64 task);
    bool isRunning() const { return m_task != 0; }
    QString text() const;

private:
    QLabel *m_text;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    std::function<void()> m_onCancel;
    quint64 m_task = 0;
    quint64 m_next = 1;
};

} // namespace ChannelDesk
