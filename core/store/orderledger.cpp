#include "orderledger.h"

#include "database.h"
#include "statement.h"
#include "storequery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

enum StatementIndex {
    kInsertOrder,
    kUpdateOrder,
    kSelectOrder,
    kSelectLines,
    kInsertLine,
    kUpdateLine,
    kInsertEvent,
    kUpdateEvent,
    kWaitingEvents,
    kOwedLines,
    kWaitingLines,
    kWaitingOrders,
    kStatementCount
};
static_assert(kStatementCount == 12, "OrderLedger::m_statements holds one per index");

const QString kLineColumns = u"line_no, line_id, sku, remote_id, ordered, applied, restocked, "
                             "returned, shipped, written_off, owed, waiting, note, at"_s;

LedgerLine lineFrom(Statement *q)
{
    LedgerLine l;
    l.lineNo = int(q->int64(0));
    l.lineId = q->text(1);
    l.sku = q->text(2);
    l.remoteId = q->text(3);
    l.ordered = q->int64(4);
    l.applied = q->int64(5);
    l.restocked = q->int64(6);
    l.returned = q->int64(7);
    l.shipped = q->int64(8);
    l.writtenOff = q->int64(9);
    l.owed = q->int64(10);
    l.waiting = q->int64(11);
    l.note = q->text(12);
    l.atMs = q->int64(13);
    return l;
}

QString statusText(const LedgerOrder &order)
{
    return orderStatusName(order.status());
}
} // namespace

OrderLedger::OrderLedger(Database &db)
    : m_db(db)
    , m_statements(db)
{
}

OrderLedger::~OrderLedger() = default;

Statement *OrderLedger::prepared(int index, const QString &sql)
{
    Statement *statement = m_statements.get(index, sql);
    if (!statement)
        m_lastError = m_statements.error(index);
    return statement;
}

bool OrderLedger::failed(int index)
{
    m_lastError = m_statements.error(index);
    return false;
}

bool OrderLedger::insertOrder(const LedgerOrder &order, bool *inserted)
{
    Statement *q = prepared(kInsertOrder,
                            u"INSERT INTO orders (channel, order_id, status, cancelled, "
                            "received_at, updated_at, note) VALUES (?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT DO NOTHING"_s);
    if (!q)
        return false;
    q->bind(0, order.channel);
    q->bind(1, order.orderId);
    q->bind(2, statusText(order));
    q->bind(3, qint64(order.cancelled ? 1 : 0));
    q->bind(4, order.receivedAtMs);
    q->bind(5, order.updatedAtMs);
    q->bind(6, order.note);
    if (!q->exec())
        return failed(kInsertOrder);
    *inserted = q->rowsAffected() == 1;
    return true;
}

bool OrderLedger::updateOrder(const LedgerOrder &order)
{
    Statement *q = prepared(kUpdateOrder,
                            u"UPDATE orders SET status = ?, cancelled = ?, updated_at = ?, "
                            "note = ? WHERE channel = ? AND order_id = ?"_s);
    if (!q)
        return false;
    q->bind(0, statusText(order));
    q->bind(1, qint64(order.cancelled ? 1 : 0));
    q->bind(2, order.updatedAtMs);
    q->bind(3, order.note);
    q->bind(4, order.channel);
    q->bind(5, order.orderId);
    return q->exec() || failed(kUpdateOrder);
}

bool OrderLedger::readOrder(const QString &channel, const QString &orderId, LedgerOrder *order,
                            bool *found)
{
    Statement *q = prepared(kSelectOrder,
                            u"SELECT status, cancelled, received_at, updated_at, note FROM orders "
                            "WHERE channel = ? AND order_id = ?"_s);
    if (!q)
        return false;
    q->bind(0, channel);
    q->bind(1, orderId);
    if (!q->exec())
        return failed(kSelectOrder);
    if (!q->next()) {
        if (!q->lastError().isEmpty())
            return failed(kSelectOrder);
        q->finish();
        *found = false;
        return true;
    }
    LedgerOrder o;
    o.channel = channel;
    o.orderId = orderId;
    o.refused = q->text(0) == "refused"_L1;
    o.legacy = q->text(0) == "legacy"_L1;
    o.cancelled = q->int64(1) != 0;
    o.receivedAtMs = q->int64(2);
    o.updatedAtMs = q->int64(3);
    o.note = q->text(4);
    q->finish();

    Statement *l = prepared(kSelectLines,
                            u"SELECT "_s + kLineColumns +
                                u" FROM order_lines WHERE channel = ? AND order_id = ? "
                                "ORDER BY line_no"_s);
    if (!l)
        return false;
    l->bind(0, channel);
    l->bind(1, orderId);
    if (!l->exec())
        return failed(kSelectLines);
    while (l->next())
        o.lines.append(lineFrom(l));
    if (!l->lastError().isEmpty())
        return failed(kSelectLines);
    l->finish();
    *order = std::move(o);
    *found = true;
    return true;
}

bool OrderLedger::insertLine(const QString &channel, const QString &orderId, const LedgerLine &line)
{
    Statement *q = prepared(kInsertLine,
                            u"INSERT INTO order_lines (channel, order_id, "_s + kLineColumns +
                                u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!q)
        return false;
    q->bind(0, channel);
    q->bind(1, orderId);
    q->bind(2, qint64(line.lineNo));
    q->bind(3, line.lineId);
    q->bind(4, line.sku);
    q->bind(5, line.remoteId);
    q->bind(6, line.ordered);
    q->bind(7, line.applied);
    q->bind(8, line.restocked);
    q->bind(9, line.returned);
    q->bind(10, line.shipped);
    q->bind(11, line.writtenOff);
    q->bind(12, line.owed);
    q->bind(13, line.waiting);
    q->bind(14, line.note);
    q->bind(15, line.atMs);
    return q->exec() || failed(kInsertLine);
}

bool OrderLedger::updateLine(const QString &channel, const QString &orderId, const LedgerLine &line)
{
    Statement *q = prepared(kUpdateLine,
                            u"UPDATE order_lines SET sku = ?, ordered = ?, applied = ?, "
                            "restocked = ?, returned = ?, shipped = ?, written_off = ?, owed = ?, "
                            "waiting = ?, note = ? "
                            "WHERE channel = ? AND order_id = ? AND line_no = ?"_s);
    if (!q)
        return false;
    q->bind(0, line.sku);
    q->bind(1, line.ordered);
    q->bind(2, line.applied);
    q->bind(3, line.restocked);
    q->bind(4, line.returned);
    q->bind(5, line.shipped);
    q->bind(6, line.writtenOff);
    q->bind(7, line.owed);
    q->bind(8, line.waiting);
    q->bind(9, line.note);
    q->bind(10, channel);
    q->bind(11, orderId);
    q->bind(12, qint64(line.lineNo));
    return q->exec() || failed(kUpdateLine);
}

bool OrderLedger::insertEvent(const EventRecord &r, bool *inserted)
{
    Statement *q = prepared(kInsertEvent,
                            u"INSERT INTO order_events (channel, order_id, kind, event_id, state, "
                            "outcome, detail, payload, seq, at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s);
    if (!q)
        return false;
    q->bind(0, r.channel);
    q->bind(1, r.orderId);
    q->bind(2, eventKindName(r.kind));
    q->bind(3, r.eventId);
    q->bind(4, r.state);
    q->bind(5, r.outcome);
    q->bind(6, r.detail);
    q->bind(7, QString::fromUtf8(r.payload));
    q->bind(8, r.seq);
    q->bind(9, r.atMs);
    if (!q->exec())
        return failed(kInsertEvent);
    *inserted = q->rowsAffected() == 1;
    return true;
}

bool OrderLedger::updateEvent(const EventRecord &r)
{
    Statement *q = prepared(kUpdateEvent,
                            u"UPDATE order_events SET state = ?, outcome = ?, detail = ?, "
                            "payload = ? WHERE channel = ? AND order_id = ? AND kind = ? "
                            "AND event_id = ?"_s);
    if (!q)
        return false;
    q->bind(0, r.state);
    q->bind(1, r.outcome);
    q->bind(2, r.detail);
    q->bind(3, QString::fromUtf8(r.payload));
    q->bind(4, r.channel);
    q->bind(5, r.orderId);
    q->bind(6, eventKindName(r.kind));
    q->bind(7, r.eventId);
    return q->exec() || failed(kUpdateEvent);
}

bool OrderLedger::waitingEvents(const QString &channel, const QString &orderId,
                                QList<EventRecord> *out)
{
    out->clear();
    Statement *q = prepared(kWaitingEvents,
                            u"SELECT kind, event_id, payload, seq, at FROM order_events "
                            "WHERE channel = ? AND order_id = ? AND state = 'waiting' "
                            "ORDER BY seq"_s);
    if (!q)
        return false;
    q->bind(0, channel);
    q->bind(1, orderId);
    if (!q->exec())
        return failed(kWaitingEvents);
    while (q->next()) {
        EventRecord r;
        r.channel = channel;
        r.orderId = orderId;
        eventKindFromName(q->text(0), &r.kind);
        r.eventId = q->text(1);
        r.state = u"waiting"_s;
        r.payload = q->text(2).toUtf8();
        r.seq = q->int64(3);
        r.atMs = q->int64(4);
        out->append(std::move(r));
    }
    if (!q->lastError().isEmpty())
        return failed(kWaitingEvents);
    q->finish();
    return true;
}

bool OrderLedger::ordersWithWaitingEvents(QSet<QString> *out)
{
    out->clear();
    Statement *q = prepared(kWaitingOrders,
                            u"SELECT DISTINCT channel, order_id FROM order_events "
                            "WHERE state = 'waiting'"_s);
    if (!q)
        return false;
    if (!q->exec())
        return failed(kWaitingOrders);
    while (q->next())
        out->insert(orderKey(q->text(0), q->text(1)));
    if (!q->lastError().isEmpty())
        return failed(kWaitingOrders);
    q->finish();
    return true;
}

bool OrderLedger::owedLines(const QString &sku, QList<LineRef> *out)
{
    out->clear();
    Statement *q = prepared(kOwedLines,
                            u"SELECT channel, order_id, line_no FROM order_lines "
                            "WHERE sku = ? AND owed > 0 ORDER BY at, channel, order_id, "
                            "line_no"_s);
    if (!q)
        return false;
    q->bind(0, sku);
    if (!q->exec())
        return failed(kOwedLines);
    while (q->next())
        out->append({q->text(0), q->text(1), int(q->int64(2))});
    if (!q->lastError().isEmpty())
        return failed(kOwedLines);
    q->finish();
    return true;
}

bool OrderLedger::waitingLines(const QString &channel, const QString &remoteId, QList<LineRef> *out)
{
    out->clear();
    Statement *q = prepared(kWaitingLines,
                            u"SELECT channel, order_id, line_no FROM order_lines "
                            "WHERE channel = ? AND remote_id = ? AND waiting > 0 AND sku = '' "
                            "ORDER BY at, order_id, line_no"_s);
    if (!q)
        return false;
    q->bind(0, channel);
    q->bind(1, remoteId);
    if (!q->exec())
        return failed(kWaitingLines);
    while (q->next())
        out->append({q->text(0), q->text(1), int(q->int64(2))});
    if (!q->lastError().isEmpty())
        return failed(kWaitingLines);
    q->finish();
    return true;
}

Result<QList<OversoldEntry>> OrderLedger::oversold() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT channel, order_id, sku, SUM(owed), MIN(at) FROM order_lines "
                "WHERE owed > 0 GROUP BY channel, order_id, sku "
                "ORDER BY MIN(at), channel, order_id, sku"_s))
        return queryError(q, "cannot read oversold orders:");
    QList<OversoldEntry> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toLongLong(), q.value(4).toLongLong()});
    return out;
}

Result<QList<UnmatchedEntry>> OrderLedger::unmatched() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT channel, order_id, line_no, sku, remote_id, waiting, at, note "
                "FROM order_lines WHERE waiting > 0 ORDER BY at, channel, order_id, line_no"_s))
        return queryError(q, "cannot read waiting order lines:");
    QList<UnmatchedEntry> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong(),
                    q.value(6).toLongLong(), q.value(7).toString()});
    return out;
}

Result<QList<OrderLedger::EventRecord>> OrderLedger::events(const QString &channel,
                                                            const QString &orderId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT kind, event_id, state, outcome, detail, seq, at FROM order_events "
              "WHERE channel = ? AND order_id = ? ORDER BY seq"_s);
    q.addBindValue(channel);
    q.addBindValue(orderId);
    if (!q.exec())
        return queryError(q, "cannot read an order's events:");
    QList<EventRecord> out;
    while (q.next()) {
        EventRecord r;
        r.channel = channel;
        r.orderId = orderId;
        eventKindFromName(q.value(0).toString(), &r.kind);
        r.eventId = q.value(1).toString();
        r.state = q.value(2).toString();
        r.outcome = q.value(3).toString();
        r.detail = q.value(4).toString();
        r.seq = q.value(5).toLongLong();
        r.atMs = q.value(6).toLongLong();
        out.append(std::move(r));
    }
    return out;
}

Result<QList<OrderLedger::OrderSummary>> OrderLedger::recentOrders(int limit) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // The orders of the newest log rows (a range of the log's own key: no index on orders to
    // keep up on every sale), and every order that needs the merchant however old
    // (orders_needing_attention, a partial index); only their lines are read.
    q.prepare(u"SELECT o.channel, o.order_id, o.status, o.received_at, o.updated_at, "
              "COALESCE(SUM(l.ordered), 0), COALESCE(SUM(l.owed), 0), "
              "COALESCE(SUM(l.waiting), 0) FROM ("
              "SELECT channel, order_id FROM mutations WHERE order_id <> '' "
              "AND id > (SELECT COALESCE(MAX(id), 0) FROM mutations) - ? "
              "UNION SELECT channel, order_id FROM orders "
              "WHERE status IN ('oversold', 'unmatched')) k "
              "JOIN orders o ON o.channel = k.channel AND o.order_id = k.order_id "
              "LEFT JOIN order_lines l ON l.channel = o.channel AND l.order_id = o.order_id "
              "GROUP BY o.channel, o.order_id, o.status, o.received_at, o.updated_at "
              "ORDER BY o.updated_at DESC, o.channel, o.order_id"_s);
    q.addBindValue(qint64(limit) * 4);
    if (!q.exec())
        return queryError(q, "cannot read recent orders:");
    QList<OrderSummary> out;
    while (q.next()) {
        OrderSummary s;
        s.channel = q.value(0).toString();
        s.orderId = q.value(1).toString();
        s.status = q.value(2).toString();
        s.receivedAtMs = q.value(3).toLongLong();
        s.updatedAtMs = q.value(4).toLongLong();
        s.units = q.value(5).toLongLong();
        s.owed = q.value(6).toLongLong();
        s.waiting = q.value(7).toLongLong();
        out.append(std::move(s));
    }
    // The SKUs of those orders, in one more read.
    QSqlQuery l(m_db.connection());
    l.setForwardOnly(true);
    l.prepare(u"SELECT CASE WHEN sku = '' THEN remote_id ELSE sku END FROM order_lines "
              "WHERE channel = ? AND order_id = ? ORDER BY line_no"_s);
    for (OrderSummary &s : out) {
        l.addBindValue(s.channel);
        l.addBindValue(s.orderId);
        if (!l.exec())
            return queryError(l, "cannot read recent orders:");
        QStringList skus;
        while (l.next())
            skus.append(l.value(0).toString());
        s.skus = skus.join(u", "_s);
    }
    return out;
}

QByteArray OrderLedger::eventToJson(const OrderEvent &event)
{
    QJsonArray lines;
    for (const OrderLine &l : event.lines) {
        QJsonObject o {{u"sku"_s, l.sku}, {u"qty"_s, l.quantity}};
        if (!l.lineId.isEmpty())
            o.insert(u"line_id"_s, l.lineId);
        if (!l.remoteId.isEmpty())
            o.insert(u"remote_id"_s, l.remoteId);
        if (!l.restock)
            o.insert(u"restock"_s, false);
        lines.append(o);
    }
    QJsonObject o {{u"channel"_s, event.channel},           {u"order_id"_s, event.orderId},
                   {u"event"_s, eventKindName(event.kind)}, {u"event_id"_s, event.eventId},
                   {u"received_at"_s, event.receivedAtMs},  {u"lines"_s, lines}};
    if (event.editDelta)
        o.insert(u"delta"_s, true);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool OrderLedger::eventFromJson(const QByteArray &json, OrderEvent *event)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    OrderEvent e;
    e.channel = o.value("channel"_L1).toString();
    e.orderId = o.value("order_id"_L1).toString();
    if (!eventKindFromName(o.value("event"_L1).toString(), &e.kind))
        return false;
    e.eventId = o.value("event_id"_L1).toString();
    e.receivedAtMs = qint64(o.value("received_at"_L1).toDouble());
    e.editDelta = o.value("delta"_L1).toBool();
    const QJsonArray lines = o.value("lines"_L1).toArray();
    for (const QJsonValue &v : lines) {
        const QJsonObject l = v.toObject();
        OrderLine line;
        line.sku = l.value("sku"_L1).toString();
        line.quantity = qint64(l.value("qty"_L1).toDouble());
        line.lineId = l.value("line_id"_L1).toString();
        line.remoteId = l.value("remote_id"_L1).toString();
        line.restock = l.value("restock"_L1).toBool(true);
        e.lines.append(line);
    }
    *event = std::move(e);
    return event->validationError().isEmpty();
}

} // namespace ChannelDesk
