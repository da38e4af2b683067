#include "buffers/bufferfields.h"

#include "domain/sku.h"

#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
constexpr int kInherit = -1; // each spin box's lowest value: the field is empty

QSpinBox *spinBox(QWidget *parent, const QString &name, int max)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(kInherit, max);
    box->setAccelerated(true);
    return box;
}

void setValue(QSpinBox *box, const std::optional<qint64> &value)
{
    box->setValue(value ? int(*value) : kInherit);
}

std::optional<qint64> valueOf(const QSpinBox *box)
{
    return box->value() == kInherit ? std::nullopt : std::optional<qint64>(box->value());
}
} // namespace

BufferFields::BufferFields(const QString &namePrefix, QWidget *parent)
    : QWidget(parent)
    , m_reserve(spinBox(this, namePrefix + u"Reserve"_s, int(Quantity::kMax)))
    , m_percent(spinBox(this, namePrefix + u"Percent"_s, BufferLimits::kMaxPercent))
    , m_max(spinBox(this, namePrefix + u"Max"_s, int(Quantity::kMax)))
    , m_pauseAt(spinBox(this, namePrefix + u"PauseAt"_s, int(Quantity::kMax)))
{
    m_percent->setSuffix(tr("%"));
    m_reserve->setToolTip(tr("Units kept back: never shown on this channel"));
    m_percent->setToolTip(tr("The share of what is left after the reserve, rounded down"));
    m_max->setToolTip(tr("Never show more than this"));
    m_pauseAt->setToolTip(tr("Show nothing once available stock falls to this"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    const struct
    {
        QString label;
        QSpinBox *box;
    } rows[] = {{tr("Reser&ve:"), m_reserve},
                {tr("Perce&nt:"), m_percent},
                {tr("Ma&x:"), m_max},
                {tr("&Pause at:"), m_pauseAt}};
    int i = 0;
    for (const auto &row : rows) {
        auto *label = new QLabel(row.label, this);
        label->setBuddy(row.box);
        grid->addWidget(label, i / 2, (i % 2) * 2);
        grid->addWidget(row.box, i / 2, (i % 2) * 2 + 1);
        connect(row.box, &QSpinBox::valueChanged, this, &BufferFields::changed);
        ++i;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    setInherited({}, QString());
}

void BufferFields::setBuffer(const BufferOverride &buffer)
{
    setValue(m_reserve, buffer.reserve);
    m_percent->setValue(buffer.percent.value_or(kInherit));
    setValue(m_max, buffer.max);
    setValue(m_pauseAt, buffer.pauseAt);
}

BufferOverride BufferFields::buffer() const
{
    BufferOverride b;
    b.reserve = valueOf(m_reserve);
    if (const auto percent = valueOf(m_percent))
        b.percent = int(*percent);
    b.max = valueOf(m_max);
    b.pauseAt = valueOf(m_pauseAt);
    return b;
}

void BufferFields::setInherited(const BufferOverride &level, const QString &levelName)
{
    const auto text = [&](const std::optional<qint64> &value, const QString &number,
                          const QString &fallback) {
        return value ? tr("%1 (%2)", "an inherited value, where it comes from")
                           .arg(number.arg(*value), levelName)
                     : fallback;
    };
    m_reserve->setSpecialValueText(text(level.reserve, u"%1"_s, tr("0 (default)")));
    m_percent->setSpecialValueText(
        text(level.percent ? std::optional<qint64>(*level.percent) : std::nullopt, tr("%1%"),
             tr("100% (default)")));
    m_max->setSpecialValueText(text(level.max, u"%1"_s, tr("no maximum (default)")));
    m_pauseAt->setSpecialValueText(
        text(level.pauseAt, u"%1"_s, tr("the SKU's safety buffer (default)")));
}

} // namespace ChannelDesk
