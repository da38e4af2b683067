#include "reliabilitystore.h"

#include "carriers/quotejson.h"
#include "store/database.h"
#include "store/writetransaction.h"
#include "util/clock.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

ReliabilityStore::ReliabilityStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Status ReliabilityStore::recordOutcomes(const QList<DeliveryOutcome> &outcomes)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO carrier_deliveries (carrier, service, zone, promised, delivered, "
              "on_time, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    const qint64 now = m_clock.nowMs();
    for (const DeliveryOutcome &o : outcomes) {
        q.addBindValue(o.carrier);
        q.addBindValue(o.service);
        q.addBindValue(o.zone);
        q.addBindValue(o.promised.toString(Qt::ISODate));
        q.addBindValue(o.delivered.toString(Qt::ISODate));
        q.addBindValue(o.onTime() ? 1 : 0);
        q.addBindValue(now);
        if (!q.exec())
            return queryError(q, "cannot record deliveries:");
    }
    return tx.commit();
}

Result<ReliabilityStore::History>
ReliabilityStore::history(const QString &carrier, const QString &service, const QString &zone) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT zone = ?, on_time, COUNT(*) FROM carrier_deliveries "
              "WHERE LOWER(carrier) = ? AND LOWER(service) = ? GROUP BY zone = ?, on_time"_s);
    q.addBindValue(zone);
    q.addBindValue(carrier.toLower());
    q.addBindValue(service.toLower());
    q.addBindValue(zone);
    if (!q.exec())
        return queryError(q, "cannot read delivery history:");
    History h;
    while (q.next()) {
        const bool sameZone = q.value(0).toBool();
        const bool onTime = q.value(1).toInt() != 0;
        const qint64 n = q.value(2).toLongLong();
        (onTime ? h.allZones.onTime : h.allZones.late) += n;
        if (sameZone)
            (onTime ? h.inZone.onTime : h.inZone.late) += n;
    }
    return h;
}

Status ReliabilityStore::recordQuoteRequest(const QuoteResult &result)
{
    const QJsonObject json = toJson(result);
    const ScoredQuote *chosen = result.chosen();
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO carrier_quote_requests (order_id, zone, promised_by, currency, "
              "chosen_source, chosen_carrier, chosen_service, chosen_cost, explanation, quotes, "
              "errors, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(result.orderId);
    q.addBindValue(result.zone);
    q.addBindValue(result.promisedBy.isValid() ? result.promisedBy.toString(Qt::ISODate)
                                               : QString(u""_s));
    q.addBindValue(result.currency);
    q.addBindValue(chosen ? chosen->quote.source : QString(u""_s));
    q.addBindValue(chosen ? chosen->quote.carrier : QString(u""_s));
    q.addBindValue(chosen ? chosen->quote.service : QString(u""_s));
    q.addBindValue(chosen ? QVariant(chosen->quote.costCents)
                          : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(result.explanation);
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(json.value("quotes"_L1).toArray()).toJson(QJsonDocument::Compact)));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(json.value("errors"_L1).toArray()).toJson(QJsonDocument::Compact)));
    q.addBindValue(m_clock.nowMs());
    if (!q.exec())
        return queryError(q, "cannot record a quote request:");
    return {};
}

} // namespace ChannelDesk
