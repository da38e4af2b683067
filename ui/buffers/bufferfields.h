#pragma once

#include "domain/buffer.h"

#include <QWidget>

class QSpinBox;

namespace ChannelDesk {

// The four buffer fields of one level: a channel's rule (the Settings dialog) or one listing's
// override of it (the Stock tab). Each is a spin box whose lowest value means "inherit" and
// says what is inherited, so an empty field is never mistaken for 0.
class BufferFields : public QWidget
{
    Q_OBJECT
public:
    // The spin boxes are named <prefix>Reserve, <prefix>Percent, <prefix>Max, <prefix>PauseAt.
    explicit BufferFields(const QString &namePrefix, QWidget *parent = nullptr);

    void setBuffer(const BufferOverride &buffer);
    BufferOverride buffer() const;
    // What an empty field takes: from `level` where it sets the field ("2 (the channel's)",
    // with `levelName` "the channel's"), else the default.
    void setInherited(const BufferOverride &level, const QString &levelName);

    QSpinBox *reserve() const { return m_reserve; }
    QSpinBox *percent() const { return m_percent; }
    QSpinBox *max() const { return m_max; }
    QSpinBox *pauseAt() const { return m_pauseAt; }

Q_SIGNALS:
    void changed();

private:
    QSpinBox *m_reserve;
    QSpinBox *m_percent;
    QSpinBox *m_max;
    QSpinBox *m_pauseAt;
};

} // namespace ChannelDesk
