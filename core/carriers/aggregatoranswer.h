#pragma once

#include "carriers/carrierquote.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace ChannelDesk {

// What differs between the rate aggregators' answers (EasyPost, Shippo). Both answer a non-2xx
// status with a JSON error body, and anything else with an object whose "rates" are one quote
// each (price as a decimal string, "currency") and whose "messages" are the carriers that failed
// beside them.
struct AggregatorFormat
{
    // The error body's text, and in *code the aggregator's error code when it has one.
    std::function<QString(const QJsonObject &root, QString *code)> errorText;
    // The rate's price field.
    QString amountKey;
    // Fills a quote's carrier, service, transit and guarantee from one rate.
    std::function<void(const QJsonObject &rate, QDate shipDate, CarrierQuote *quote)> readRate;
    // One entry of "messages" as an error (its carrier, kind and message).
    std::function<CarrierError(const QJsonObject &message)> readMessage;
};

CarrierResult parseAggregatorAnswer(int httpStatus, const QByteArray &body, const QString &source,
                                    QDate shipDate, const AggregatorFormat &format);

} // namespace ChannelDesk
