#include "quoteorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

bool readDate(const QJsonObject &o, const QString &key, QDate *date, QString *error)
{
    if (!o.contains(key))
        return true;
    static const QRegularExpression iso(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    const QString text = o.value(key).toString();
    *date = QDate::fromString(text, Qt::ISODate);
    if (!iso.match(text).hasMatch() || !date->isValid()) {
        *error = u"%1: expected a date like 2026-12-01"_s.arg(key);
        return false;
    }
    return true;
}

bool readAddress(const QJsonObject &root, const QString &key, ShippingAddress *a, QString *error)
{
    const QJsonValue v = root.value(key);
    if (!v.isObject()) {
        *error = u"%1: expected an object with postal_code and country"_s.arg(key);
        return false;
    }
    const QJsonObject o = v.toObject();
    a->postalCode = o.value("postal_code"_L1).toString().trimmed();
    if (a->postalCode.isEmpty()) {
        *error = u"%1.postal_code: expected a non-empty string"_s.arg(key);
        return false;
    }
    static const QRegularExpression country(u"^[A-Za-z]{2}$"_s);
    a->country = o.value("country"_L1).toString().trimmed().toUpper();
    if (!country.match(a->country).hasMatch()) {
        *error = u"%1.country: expected a two-letter ISO country code like \"US\""_s.arg(key);
        return false;
    }
    for (const auto &[field, target] :
         {std::pair {"name", &a->name}, std::pair {"street1", &a->street1},
          std::pair {"city", &a->city}, std::pair {"state", &a->state}}) {
        const QJsonValue f = o.value(QLatin1StringView(field));
        if (!f.isUndefined() && !f.isString()) {
            *error = u"%1.%2: expected a string"_s.arg(key, QLatin1StringView(field));
            return false;
        }
        *target = f.toString().trimmed();
    }
    a->residential = o.value("residential"_L1).toBool(false);
    return true;
}

bool readPositive(const QJsonObject &o, const char *key, const QString &where, double max,
                  double *out, QString *error)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    const double d = v.toDouble(-1);
    if (!v.isDouble() || !std::isfinite(d) || d <= 0 || d > max) {
        *error = u"%1.%2: expected a positive number up to %3"_s.arg(where, QLatin1StringView(key))
                     .arg(max);
        return false;
    }
    *out = d;
    return true;
}
} // namespace

bool parseQuoteOrder(const QByteArray &json, ShipmentRequest *request, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"not valid JSON: %1 at offset %2"_s.arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = u"expected a JSON object"_s;
        return false;
    }
    const QJsonObject o = doc.object();
    ShipmentRequest r;
    const QJsonValue id = o.value("order_id"_L1);
    if (id.isString())
        r.orderId = id.toString().trimmed();
    else if (id.isDouble() && id.toDouble() >= 0 &&
             id.toDouble() <= 9007199254740992.0 /* 2^53 */ &&
             std::floor(id.toDouble()) == id.toDouble())
        r.orderId = QString::number(qint64(id.toDouble()));
    if (r.orderId.isEmpty()) {
        *error = u"order_id: expected a non-empty string or a whole number"_s;
        return false;
    }
    if (!readDate(o, u"promised_by"_s, &r.promisedBy, error) ||
        !readDate(o, u"ship_date"_s, &r.shipDate, error) ||
        !readAddress(o, u"from"_s, &r.from, error) || !readAddress(o, u"to"_s, &r.to, error))
        return false;
    const QJsonValue parcels = o.value("parcels"_L1);
    if (!parcels.isArray() || parcels.toArray().isEmpty()) {
        *error = u"parcels: expected a non-empty array"_s;
        return false;
    }
    const QJsonArray list = parcels.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = u"parcels[%1]"_s.arg(i);
        if (!list.at(i).isObject()) {
            *error = where + u": expected an object"_s;
            return false;
        }
        const QJsonObject p = list.at(i).toObject();
        Parcel parcel;
        double grams = 0;
        if (!readPositive(p, "weight_g", where, 1'000'000, &grams, error) ||
            !readPositive(p, "length_cm", where, 1000, &parcel.lengthCm, error) ||
            !readPositive(p, "width_cm", where, 1000, &parcel.widthCm, error) ||
            !readPositive(p, "height_cm", where, 1000, &parcel.heightCm, error))
            return false;
        parcel.weightGrams = qint64(std::ceil(grams));
        r.parcels.append(parcel);
    }
    if (o.contains("declared_value"_L1)) {
        const QJsonObject v = o.value("declared_value"_L1).toObject();
        const QJsonValue amount = v.value("amount"_L1);
        qint64 cents = 0;
        const bool ok = amount.isDouble() ? Money::fromDouble(amount.toDouble(), &cents)
                                          : Money::parse(amount.toString(), &cents);
        static const QRegularExpression currency(u"^[A-Z]{3}\\z"_s);
        if (!ok || cents < 0) {
            *error = u"declared_value.amount: expected a non-negative amount like \"49.90\""_s;
            return false;
        }
        r.declaredCurrency = v.value("currency"_L1).toString();
        if (!currency.match(r.declaredCurrency).hasMatch()) {
            *error = u"declared_value.currency: expected an ISO 4217 code like \"USD\""_s;
            return false;
        }
        r.declaredValueCents = cents;
    }
    *request = r;
    return true;
}

} // namespace ChannelDesk
