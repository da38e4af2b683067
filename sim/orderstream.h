#pragma once

#include "domain/orderevent.h"

#include <QList>
#include <QRandomGenerator>
#include <QStringList>

namespace ChannelDesk {

// A synthetic order stream for demos and load: orders spread over a catalogue with a few hot
// SKUs taking a large share, across several channels, with a fraction redelivered (the same
// channel and order id again, as real webhooks are). Deterministic for a given seed.
class OrderStream
{
public:
    struct Options
    {
        QStringList skus;
        QStringList channels {QStringLiteral("shopify"), QStringLiteral("woocommerce"),
                              QStringLiteral("ebay"), QStringLiteral("amazon")};
        int hotSkus = 3; // the first hotSkus SKUs are hot
        double hotShare = 0.5; // share of lines that go to a hot SKU
        double duplicateShare = 0.05; // share of events that redeliver an earlier order
        double multiLineShare = 0.1; // share of orders with two lines
        int maxQuantity = 3;
        quint64 seed = 1;
    };

    explicit OrderStream(Options options);

    OrderEvent next(qint64 receivedAtMs);
    QList<OrderEvent> take(int count, qint64 receivedAtMs);
    const Options &options() const { return m_options; }

private:
    QString pickSku();

    Options m_options;
    QRandomGenerator m_random;
    quint64 m_nextOrder = 1;
    QList<OrderEvent> m_recent; // candidates for redelivery
};

} // namespace ChannelDesk
