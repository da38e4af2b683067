#pragma once

#include "domain/buffer.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace ChannelDesk {

class BufferFields;

// What one channel is shown of one SKU: the listing's own override of its channel's buffer
// rule, each field empty to inherit, with what the channel would show now under it.
class BufferDialog : public QDialog
{
    Q_OBJECT
public:
    struct Listing
    {
        QString sku;
        QString channel;
        qint64 available = 0;
        qint64 safetyBuffer = 0;
        BufferOverride buffer; // the listing's override now
        BufferOverride channelRule; // what an empty field inherits
    };

    explicit BufferDialog(const Listing &listing, QWidget *parent = nullptr);

    BufferOverride buffer() const;
    BufferFields *fields() const { return m_fields; }

private:
    void updateShown();

    Listing m_listing;
    BufferFields *m_fields;
    QLabel *m_shown;
    QDialogButtonBox *m_buttons;
};

} // namespace ChannelDesk
