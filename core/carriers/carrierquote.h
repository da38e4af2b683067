#pragma once

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace ChannelDesk {

// Money is kept exactly, as a whole number of hundredths of the currency unit ("cents"), so that
// "12.30" from one API and 12.3 from another compare equal and sums never drift.
namespace Money {
// Parses a decimal amount ("12.3", "1,234.50" is refused, "7" is 700). Rounds half away from zero
// past two decimals. Returns false on anything that is not a finite decimal number.
bool parse(const QString &text, qint64 *cents);
// A JSON number (FedEx sends money as numbers) to cents, rounded to the nearest cent.
bool fromDouble(double value, qint64 *cents);
// "12.30"
QString format(qint64 cents);
} // namespace Money

// A postal address as the quote needs it; only country and postal code are required.
struct ShippingAddress
{
    QString name;
    QString street1;
    QString city;
    QString state; // state or province code
    QString postalCode;
    QString country; // ISO 3166-1 alpha-2
    bool residential = false;
};

// One parcel in metric units; each adapter converts to what its API wants.
struct Parcel
{
    qint64 weightGrams = 0;
    double lengthCm = 0;
    double widthCm = 0;
    double heightCm = 0;
};

// What a carrier is asked to quote: one order's shipment.
struct ShipmentRequest
{
    QString orderId;
    QDate promisedBy; // invalid: the order promises no date
    QDate shipDate; // invalid: today, by the RateShopper's clock
    ShippingAddress from;
    ShippingAddress to;
    QList<Parcel> parcels;
    std::optional<qint64> declaredValueCents;
    QString declaredCurrency;
};

struct Surcharge
{
    QString name;
    qint64 amountCents = 0;
};

enum class Guarantee { Unknown, Guaranteed, NotGuaranteed };

// One priced service from one carrier, as the carrier reported it.
struct CarrierQuote
{
    QString source; // the configured carrier id ("ups", "easypost-main")
    QString carrier; // the carrier's name as the API reports it ("UPS", "USPS", "FedEx")
    QString service; // the service's name ("Ground", "Priority Mail")
    QString serviceCode; // the API's token for it ("03", "usps_priority", "FEDEX_GROUND")
    qint64 costCents = 0; // the total charge, surcharges included
    QString currency; // ISO 4217
    QList<Surcharge> surcharges;
    std::optional<int> transitDays;
    QDate estimatedDelivery; // invalid: the carrier gave no estimate
    Guarantee guaranteed = Guarantee::Unknown;
};

// Why a carrier gave no quotes (or not all of them). Kept beside the good quotes, never dropped.
enum class CarrierErrorKind {
    Auth,
    BadAddress,
    NoService,
    RateLimited,
    ServerError,
    Timeout,
    Network,
    BadResponse,
};
QString toString(CarrierErrorKind kind);

struct CarrierError
{
    QString source; // the configured carrier id
    QString carrier; // the carrier's name when known (an aggregator's per-carrier message)
    CarrierErrorKind kind = CarrierErrorKind::BadResponse;
    QString message; // the carrier's own text, preserved
    int httpStatus = 0; // 0 when no HTTP answer came
};

// Everything one carrier (or aggregator) answered for one request.
struct CarrierResult
{
    QList<CarrierQuote> quotes;
    QList<CarrierError> errors;
};

// Adds n business days (Monday to Friday) to start: the conservative reading of "transit days"
// when an API gives days but no date.
QDate addBusinessDays(QDate start, int n);

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::CarrierQuote)
Q_DECLARE_METATYPE(ChannelDesk::CarrierError)
