#include "widgets/emptystate.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

EmptyState::EmptyState(QWidget *content, QAbstractItemModel *model, QWidget *parent)
    : QStackedWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QVBoxLayout)
{
    auto *page = new QWidget(this);
    page->setObjectName(content->objectName() + u"Empty"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(u"emptyTitle"_s);
    m_title->setAlignment(Qt::AlignHCenter);
    m_text->setObjectName(u"emptyText"_s);
    m_text->setAlignment(Qt::AlignHCenter);
    m_text->setWordWrap(true);
    m_text->setFixedWidth(560);
    m_buttons->setAlignment(Qt::AlignHCenter);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addLayout(m_buttons);
    layout->addStretch(3);
    addWidget(content);
    addWidget(page);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &EmptyState::update);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EmptyState::update);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &EmptyState::update);
    update();
}

void EmptyState::setTitle(const QString &title)
{
    m_title->setText(title);
}

void EmptyState::setText(const QString &text)
{
    m_text->setText(text);
    // An aligned label in a layout gets its one-line height: give it the height of its lines.
    m_text->setMinimumHeight(m_text->heightForWidth(m_text->width()));
}

QPushButton *EmptyState::addButton(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text, emptyPage());
    button->setObjectName(objectName);
    button->setMinimumWidth(220);
    m_buttons->addWidget(button, 0, Qt::AlignHCenter);
    return button;
}

void EmptyState::update()
{
    setCurrentIndex(m_model->rowCount() == 0 ? 1 : 0);
}

} // namespace ChannelDesk
