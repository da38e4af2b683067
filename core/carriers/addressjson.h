#pragma once

#include "carriers/carrierquote.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace ChannelDesk {

// How one carrier API names the fields of a postal address. Postal code and country are always
// written; the other fields only when the address has them, and a field without a key name is
// never written.
struct AddressKeys
{
    QString postalCode;
    QString country;
    QString name;
    QString street;
    QString city;
    QString state;
    QString residential;
    bool streetAsList = false; // FedEx and UPS take street lines as an array
    QJsonValue residentialValue = true; // UPS writes "Y"
};

// a in the carrier's JSON shape.
QJsonObject addressJson(const ShippingAddress &a, const AddressKeys &keys);

// The address shape EasyPost and Shippo share (zip, country, name, street1, city, state), with
// their own name for the residential flag.
AddressKeys aggregatorAddressKeys(const QString &residentialKey);

} // namespace ChannelDesk
