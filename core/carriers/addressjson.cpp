#include "addressjson.h"

#include <QJsonArray>

namespace ChannelDesk {

QJsonObject addressJson(const ShippingAddress &a, const AddressKeys &keys)
{
    QJsonObject o {{keys.postalCode, a.postalCode}, {keys.country, a.country}};
    auto add = [&o](const QString &key, const QString &value) {
        if (!key.isEmpty() && !value.isEmpty())
            o.insert(key, value);
    };
    add(keys.name, a.name);
    if (keys.streetAsList && !keys.street.isEmpty() && !a.street1.isEmpty())
        o.insert(keys.street, QJsonArray {a.street1});
    else if (!keys.streetAsList)
        add(keys.street, a.street1);
    add(keys.city, a.city);
    add(keys.state, a.state);
    if (a.residential && !keys.residential.isEmpty())
        o.insert(keys.residential, keys.residentialValue);
    return o;
}

AddressKeys aggregatorAddressKeys(const QString &residentialKey)
{
    using namespace Qt::StringLiterals;
    return {.postalCode = u"zip"_s,
            .country = u"country"_s,
            .name = u"name"_s,
            .street = u"street1"_s,
            .city = u"city"_s,
            .state = u"state"_s,
            .residential = residentialKey};
}

} // namespace ChannelDesk
