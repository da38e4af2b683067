#include "sim/democarriers.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
SimService service(const char *carrier, const char *code, const char *name, qint64 cents,
                   int transitDays, qint64 fuelCents = 0, bool guaranteed = false)
{
    SimService s;
    s.carrier = QString::fromLatin1(carrier);
    s.code = QString::fromLatin1(code);
    s.name = QString::fromLatin1(name);
    s.priceCents = cents;
    s.transitDays = transitDays;
    s.guaranteed = guaranteed;
    if (fuelCents > 0)
        s.surcharges.append({u"Fuel Surcharge"_s, fuelCents});
    return s;
}

// Four carriers, one per wire format, priced like a small parcel across the US. Ground services
// take 4 or 5 business days, so a 3-day promise drops them.
} // namespace

QList<SimCarrier> demoCarriers(double faultShare)
{
    SimCarrier ups;
    ups.id = u"ups"_s;
    ups.type = CarrierType::Ups;
    ups.clientId = u"demo-ups-id"_s;
    ups.clientSecret = u"demo-ups-secret"_s;
    ups.latencyMs = 180;
    ups.services = {service("UPS", "03", "Ground", 1240, 3, 135),
                    service("UPS", "02", "2nd Day Air", 2485, 2, 260),
                    service("UPS", "01", "Next Day Air", 5820, 1, 610, true)};
    SimCarrier fedex;
    fedex.id = u"fedex"_s;
    fedex.type = CarrierType::Fedex;
    fedex.clientId = u"demo-fedex-id"_s;
    fedex.clientSecret = u"demo-fedex-secret"_s;
    fedex.latencyMs = 260;
    fedex.timeoutShare = faultShare; // now and then slower than its deadline
    fedex.services = {service("FedEx", "FEDEX_GROUND", "FedEx Ground", 1165, 4, 140),
                      service("FedEx", "FEDEX_EXPRESS_SAVER", "FedEx Express Saver", 1990, 3, 210),
                      service("FedEx", "FEDEX_2_DAY", "FedEx 2Day", 2310, 2, 240)};
    SimCarrier easypost;
    easypost.id = u"easypost"_s;
    easypost.type = CarrierType::EasyPost;
    easypost.apiKey = u"demo-easypost-key"_s;
    easypost.latencyMs = 120;
    easypost.services = {service("USPS", "Priority", "Priority", 1015, 2),
                         service("USPS", "GroundAdvantage", "GroundAdvantage", 735, 5)};
    easypost.messages = {{u"DHLExpress"_s, u"Account not enabled for domestic US shipments."_s}};
    SimCarrier shippo;
    shippo.id = u"shippo"_s;
    shippo.type = CarrierType::Shippo;
    shippo.apiKey = u"demo-shippo-token"_s;
    shippo.latencyMs = 150;
    shippo.failStatus = 503;
    shippo.failMessage = u"Service temporarily unavailable, please retry."_s;
    shippo.failShare = faultShare / 2;
    shippo.services = {service("USPS", "usps_priority", "Priority Mail", 985, 2),
                       service("USPS", "usps_ground_advantage", "Ground Advantage", 695, 5),
                       service("UPS", "ups_ground", "Ground", 1295, 3)};
    return {ups, fedex, easypost, shippo};
}

namespace {
// On-time history per carrier-service as the quotes name them, weaker to a few zones, so
// reliability differs by carrier and by destination and the choice changes with the order.
const struct
{
    const char *carrier;
    const char *service;
    double onTime;
    const char *weakZones;
    double weakOnTime;
} kHistory[] = {
    {"UPS", "Ground", 0.95, "", 0},
    {"UPS", "2nd Day Air", 0.97, "", 0},
    {"UPS", "Next Day Air", 0.985, "", 0},
    {"FedEx", "FedEx Ground", 0.93, "", 0},
    {"FedEx", "FedEx Express Saver", 0.95, "", 0},
    {"FedEx", "FedEx 2Day", 0.96, "", 0},
    {"USPS", "Priority", 0.88, "941 981 972 850", 0.62}, // EasyPost's name for it
    {"USPS", "Priority Mail", 0.86, "100 021 331", 0.64}, // Shippo's
    {"USPS", "GroundAdvantage", 0.78, "", 0},
    {"USPS", "Ground Advantage", 0.78, "", 0},
};
// The zones of the simulated channels' destinations (sim/simchannel.cpp).
const char *const kZones[] = {"941", "100", "606", "787", "981", "331",
                              "021", "802", "303", "850", "972", "554"};

} // namespace

QList<DeliveryOutcome> demoDeliveryHistory(QDate today)
{
    QList<DeliveryOutcome> outcomes;
    int k = 0;
    for (const auto &h : kHistory) {
        const QStringList weak = QString::fromLatin1(h.weakZones).split(u' ', Qt::SkipEmptyParts);
        for (const char *zone : kZones) {
            const QString prefix = QString::fromLatin1(zone);
            const double rate = weak.contains(prefix) ? h.weakOnTime : h.onTime;
            const int deliveries = 24 + (k * 7) % 13;
            const int onTime = int(std::lround(rate * deliveries));
            for (int i = 0; i < deliveries; ++i, ++k) {
                DeliveryOutcome o;
                o.carrier = QString::fromLatin1(h.carrier);
                o.service = QString::fromLatin1(h.service);
                o.zone = u"US-"_s + prefix;
                o.promised = today.addDays(-(5 + k % 55));
                o.delivered =
                    i < onTime ? o.promised.addDays(-(k % 2)) : o.promised.addDays(1 + k % 2);
                outcomes.append(o);
            }
        }
    }
    return outcomes;
}

} // namespace ChannelDesk
