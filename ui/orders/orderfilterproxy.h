#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

namespace ChannelDesk {

// The Orders tab's filter and order: by channel, by status ("attention": oversold or waiting)
// and by a SKU's text; the orders that need the merchant always first, then the column sorted.
class OrderFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    static constexpr auto kAttention = "attention"; // the status filter for "needs attention"

    explicit OrderFilterProxy(QObject *parent = nullptr);

    void setChannel(const QString &channel); // empty: every channel
    void setStatus(const QString &status); // a status key, kAttention, or empty
    void setSkuText(const QString &text); // a part of a SKU, case-insensitive
    // Only these orders (channel, order id); empty: no such restriction.
    void setOrders(const QList<std::pair<QString, QString>> &orders);
    bool hasOrders() const { return !m_orders.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_channel;
    QString m_status;
    QString m_sku;
    QSet<QString> m_orders; // "channel\norder id"
};

} // namespace ChannelDesk
