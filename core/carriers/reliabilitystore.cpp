#include "reliabilitystore.h"

#include "carriers/quotejson.h"
#include "store/database.h"
#include "store/writetransaction.h"
#include "util/clock.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {
QString outcomeKey(const DeliveryOutcome &o)
{
    return QStringList {o.carrier.toLower(), o.service.toLower(), o.zone,
                        o.promised.toString(Qt::ISODate), o.delivered.toString(Qt::ISODate)}
        .join(u'\n');
}
} // namespace

ReliabilityStore::ReliabilityStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<qsizetype> ReliabilityStore::recordOutcomes(const QList<DeliveryOutcome> &outcomes)
{
    // A delivery file has no parcel id, so identical rows are told apart by how many of them
    // the file lists: the store keeps as many as the file that listed most, and a file imported
    // again (or a later export that repeats it) adds only what is new.
    QHash<QString, qsizetype> listed;
    for (const DeliveryOutcome &o : outcomes)
        listed[outcomeKey(o)] += 1;
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QSqlQuery count(m_db.connection());
    count.prepare(u"SELECT COUNT(*) FROM carrier_deliveries WHERE LOWER(carrier) = ? AND "
                  "LOWER(service) = ? AND zone = ? AND promised = ? AND delivered = ?"_s);
    QSqlQuery insert(m_db.connection());
    insert.prepare(u"INSERT INTO carrier_deliveries (carrier, service, zone, promised, delivered, "
                   "on_time, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    const qint64 now = m_clock.nowMs();
    QHash<QString, qsizetype> recorded; // per key: recorded less listed, up one per insert
    qsizetype added = 0;
    for (const DeliveryOutcome &o : outcomes) {
        const QString key = outcomeKey(o);
        auto known = recorded.find(key);
        if (known == recorded.end()) {
            count.addBindValue(o.carrier.toLower());
            count.addBindValue(o.service.toLower());
            count.addBindValue(o.zone);
            count.addBindValue(o.promised.toString(Qt::ISODate));
            count.addBindValue(o.delivered.toString(Qt::ISODate));
            if (!count.exec() || !count.next())
                return queryError(count, "cannot read recorded deliveries:");
            known = recorded.insert(key, count.value(0).toLongLong() - listed.value(key));
        }
        // Negative while the file lists more of this row than the store has.
        if (*known >= 0)
            continue;
        *known += 1;
        insert.addBindValue(o.carrier);
        insert.addBindValue(o.service);
        insert.addBindValue(o.zone);
        insert.addBindValue(o.promised.toString(Qt::ISODate));
        insert.addBindValue(o.delivered.toString(Qt::ISODate));
        insert.addBindValue(o.onTime() ? 1 : 0);
        insert.addBindValue(now);
        if (!insert.exec())
            return queryError(insert, "cannot record deliveries:");
        ++added;
    }
    if (const Status committed = tx.commit(); !committed)
        return Error {committed.error()};
    return added;
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
