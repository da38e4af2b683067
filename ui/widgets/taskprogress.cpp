#include "widgets/taskprogress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <utility>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

TaskProgress::TaskProgress(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(u"taskProgress"_s);
    m_text->setObjectName(u"taskProgressText"_s);
    m_bar->setObjectName(u"taskProgressBar"_s);
    m_bar->setMaximumWidth(160);
    m_bar->setTextVisible(false);
    m_cancel->setObjectName(u"taskProgressCancel"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        const auto cancel = std::exchange(m_onCancel, {});
        finish(m_task);
        if (cancel)
            cancel();
    });
    hide();
}

quint64 TaskProgress::begin(const QString &text, std::function<void()> cancel)
{
    m_task = m_next++;
    m_onCancel = std::move(cancel);
    m_text->setText(text);
    m_bar->setRange(0, 0);
    m_cancel->setVisible(bool(m_onCancel));
    show();
    return m_task;
}

void TaskProgress::update(quint64 task, const QString &text, int value, int maximum)
{
    if (task != m_task || task == 0)
        return;
    m_text->setText(text);
    m_bar->setRange(0, maximum);
    if (maximum > 0)
        m_bar->setValue(value);
}

void TaskProgress::finish(quint64 task)
{
    if (task != m_task || task == 0)
        return;
    m_task = 0;
    m_onCancel = {};
    hide();
}

QString TaskProgress::text() const
{
    return isRunning() ? m_text->text() : QString();
}

} // namespace ChannelDesk
