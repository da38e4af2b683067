#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QSpinBox;

namespace ChannelDesk {

// The "Orders" row of a channel's settings: how its orders come in (config "intake": by webhook,
// by polling, or both) and how often it is polled ("poll_interval_s"). Left at "default", the
// keys stay out of the file and the channel type's defaults apply, which the row names (Shopify
// and WooCommerce: both, every 30 s; eBay: poll, every 5 s; Amazon: poll, every 60 s). Channels
// without order webhooks offer polling only.
class OrderIntakeFields : public QWidget
{
    Q_OBJECT
public:
    explicit OrderIntakeFields(QWidget *parent = nullptr);

    void setType(const QString &type);
    void load(const QJsonObject &channel);
    void store(QJsonObject &channel) const;

Q_SIGNALS:
    void edited();

private:
    QComboBox *m_intake;
    QSpinBox *m_interval;
    QString m_type;
};

} // namespace ChannelDesk
