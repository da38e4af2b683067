#pragma once

#include "carriers/carrieradapter.h"

namespace ChannelDesk {

// EasyPost: one shipment (or an order, for several parcels) rated by every carrier account.
// Followed: https://docs.easypost.com/docs/shipments (create a shipment, the Rate object) and
// https://docs.easypost.com/docs/errors (the error object).
class EasyPostAdapter final : public CarrierAdapter
{
    Q_OBJECT
public:
    using CarrierAdapter::CarrierAdapter;

    // The request's path and body: POST /v2/shipments for one parcel, /v2/orders for several.
    // Weights in ounces, dimensions in inches.
    static QString path(const ShipmentRequest &request);
    static QJsonObject buildBody(const ShipmentRequest &request);
    // The answer to quotes and errors; shipDate dates a rate that has days but no date.
    static CarrierResult parseResponse(int httpStatus, const QByteArray &body,
                                       const QString &source, QDate shipDate);

protected:
    void startRequest(quint64 call, const ShipmentRequest &request) override;
};

} // namespace ChannelDesk
