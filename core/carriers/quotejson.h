#pragma once

#include "carriers/quoteresult.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ChannelDesk {

// The JSON shapes of quotes and carrier errors: `channeldesk-cli quote --json` prints them and the
// database keeps them (docs/carriers.md lists the fields).
QJsonObject toJson(const ScoredQuote &quote, const QString &currency);
QJsonObject toJson(const CarrierError &error);
// {"order_id", "zone", "currency", "chosen", "quotes", "errors", "explanation"}
QJsonObject toJson(const QuoteResult &result);

} // namespace ChannelDesk
