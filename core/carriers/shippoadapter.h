#pragma once

#include "carriers/carrieradapter.h"

namespace ChannelDesk {

// Shippo: a synchronous shipment whose answer carries every provider's rates.
// Followed: https://docs.goshippo.com/docs/shipments/shipments/ (create a shipment) and
// https://docs.goshippo.com/api-reference/rates/retrieve-a-rate (the Rate object).
class ShippoAdapter final : public CarrierAdapter
{
    Q_OBJECT
public:
    using CarrierAdapter::CarrierAdapter;

    // POST /shipments/ with numbers as strings and explicit units (cm, g).
    static QJsonObject buildBody(const ShipmentRequest &request);
    static CarrierResult parseResponse(int httpStatus, const QByteArray &body,
                                       const QString &source, QDate shipDate);

protected:
    void startRequest(quint64 call, const ShipmentRequest &request) override;
};

} // namespace ChannelDesk
