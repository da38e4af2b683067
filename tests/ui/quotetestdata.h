#pragma once

// One quote answer with every kind of row, for the quote table and panel tests: deliberately
// out of order, so the model has to sort it.
#include "carriers/quoteresult.h"

#include <QDate>

namespace ChannelDesk::Test {

inline ScoredQuote scoredQuote(const QString &source, const QString &carrier,
                               const QString &service, qint64 cents, QDate delivery, QuoteFate fate,
                               int rank, std::optional<double> score, double reliability,
                               PromiseCheck promise, const QString &reason = {})
{
    ScoredQuote s;
    s.quote.source = source;
    s.quote.carrier = carrier;
    s.quote.service = service;
    s.quote.serviceCode = service;
    s.quote.costCents = cents;
    s.quote.currency = QStringLiteral("USD");
    s.quote.estimatedDelivery = delivery;
    s.fate = fate;
    s.rank = rank;
    s.promise = promise;
    s.reason = reason;
    if (score) {
        s.comparableCostCents = cents;
        s.score = score;
        s.reliability = reliability;
        s.reliabilitySource = ReliabilitySource::Zone;
        s.reliabilityZone = QStringLiteral("US-941");
        s.history = OnTimeCounts {27, 3};
    }
    return s;
}

inline QuoteResult sampleQuoteResult()
{
    const QDate promised(2026, 12, 4);
    QuoteResult r;
    r.orderId = QStringLiteral("D1001");
    r.zone = QStringLiteral("US-941");
    r.promisedBy = promised;
    r.currency = QStringLiteral("USD");
    r.elapsedMs = 2504;
    r.quotes = {
        scoredQuote(QStringLiteral("fedex"), QStringLiteral("FedEx"),
                    QStringLiteral("FedEx Express Saver"), 1990, QDate(), QuoteFate::Dropped, 0,
                    std::nullopt, 0, PromiseCheck::Unknown,
                    QStringLiteral("no delivery estimate, and unknown estimates are not allowed")),
        scoredQuote(QStringLiteral("easypost"), QStringLiteral("USPS"), QStringLiteral("Priority"),
                    1015, QDate(2026, 12, 3), QuoteFate::Ranked, 3, 14.50, 0.70,
                    PromiseCheck::Meets),
        scoredQuote(QStringLiteral("fedex"), QStringLiteral("FedEx"),
                    QStringLiteral("FedEx Ground"), 1165, QDate(2026, 12, 7), QuoteFate::Dropped, 0,
                    12.53, 0.93, PromiseCheck::Late,
                    QStringLiteral("arrives 2026-12-07, after the promised 2026-12-04")),
        scoredQuote(QStringLiteral("shippo"), QStringLiteral("USPS"),
                    QStringLiteral("Priority Mail"), 985, QDate(2026, 12, 3), QuoteFate::Chosen, 1,
                    10.94, 0.90, PromiseCheck::Meets),
        scoredQuote(QStringLiteral("ups"), QStringLiteral("UPS"), QStringLiteral("Ground"), 1240,
                    QDate(2026, 12, 4), QuoteFate::Ranked, 2, 13.05, 0.95, PromiseCheck::Meets),
    };
    CarrierError timeout;
    timeout.source = QStringLiteral("fedex");
    timeout.kind = CarrierErrorKind::Timeout;
    timeout.message = QStringLiteral("no answer within the 2500 ms deadline");
    CarrierError dhl;
    dhl.source = QStringLiteral("easypost");
    dhl.carrier = QStringLiteral("DHLExpress");
    dhl.kind = CarrierErrorKind::NoService;
    dhl.message = QStringLiteral("Account not enabled for domestic US shipments.");
    r.errors = {dhl, timeout};
    return r;
}

} // namespace ChannelDesk::Test
