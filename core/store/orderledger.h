#pragma once

#include "domain/ledger.h"
#include "domain/orderevent.h"
#include "store/preparedstatements.h"
#include "util/result.h"

#include <QList>
#include <QSet>
#include <QString>

#include <array>

namespace ChannelDesk {

class Database;
class Statement;

// The order ledger's tables (orders, order_lines, order_events; schema 6). The order path writes
// them inside its own transactions through the first group of methods; the CLI and the console
// read them through the second. Statements are prepared once per connection, like the order
// path's, so an instance belongs to its connection's thread.
class OrderLedger
{
public:
    explicit OrderLedger(Database &db);
    ~OrderLedger();
    OrderLedger(const OrderLedger &) = delete;
    OrderLedger &operator=(const OrderLedger &) = delete;

    // --- inside the order path's transaction; false on a database error (see lastError())
    // The sale's idempotency act: *inserted is false when the order was seen before.
    bool insertOrder(const LedgerOrder &order, bool *inserted);
    bool updateOrder(const LedgerOrder &order);
    // The order with its lines; *found is false when it was never seen.
    bool readOrder(const QString &channel, const QString &orderId, LedgerOrder *order, bool *found);
    bool insertLine(const QString &channel, const QString &orderId, const LedgerLine &line);
    bool updateLine(const QString &channel, const QString &orderId, const LedgerLine &line);

    // A lifecycle event's idempotency act: *inserted is false when (channel, order, kind,
    // event id) was seen before. state is "applied", "ignored" or "waiting" (its order has not
    // arrived; payload then holds the event, see eventToJson()).
    struct EventRecord
    {
        QString channel;
        QString orderId;
        OrderEventKind kind = OrderEventKind::Cancel;
        QString eventId;
        QString state;
        QString outcome;
        QString detail;
        QByteArray payload;
        qint64 seq = 0;
        qint64 atMs = 0;
    };
    bool insertEvent(const EventRecord &record, bool *inserted);
    bool updateEvent(const EventRecord &record);
    // The events kept for an order that had not arrived, in arrival order.
    bool waitingEvents(const QString &channel, const QString &orderId, QList<EventRecord> *out);
    // Every order that has kept events, as "channel\norder id" (usually none): one read per
    // batch instead of one per sale.
    bool ordersWithWaitingEvents(QSet<QString> *out);
    static QString orderKey(const QString &channel, const QString &orderId)
    {
        return channel + u'\n' + orderId;
    }

    // Lines with units owed on a SKU (for a restock that brings it back to zero or more).
    struct LineRef
    {
        QString channel;
        QString orderId;
        int lineNo = 0;
    };
    bool owedLines(const QString &sku, QList<LineRef> *out);
    // Waiting lines that name this product id of the channel, oldest first.
    bool waitingLines(const QString &channel, const QString &remoteId, QList<LineRef> *out);

    QString lastError() const { return m_lastError; }

    // --- reads for the CLI and the console (QSqlQuery; any time)
    Result<QList<OversoldEntry>> oversold() const;
    Result<QList<UnmatchedEntry>> unmatched() const;
    // Every lifecycle event recorded for an order, in arrival order.
    Result<QList<EventRecord>> events(const QString &channel, const QString &orderId) const;
    struct OrderSummary
    {
        QString channel;
        QString orderId;
        QString status;
        qint64 receivedAtMs = 0;
        qint64 updatedAtMs = 0;
        qint64 units = 0; // ordered, over all lines
        qint64 owed = 0;
        qint64 waiting = 0;
        QString skus; // the order's SKUs (or product ids), comma separated
    };
    // The most recently changed orders, and every oversold or unmatched one however old, newest
    // first.
    Result<QList<OrderSummary>> recentOrders(int limit) const;

    // A waiting event as kept in order_events.payload, and back.
    static QByteArray eventToJson(const OrderEvent &event);
    static bool eventFromJson(const QByteArray &json, OrderEvent *event);

private:
    Statement *prepared(int index, const QString &sql);
    bool failed(int index);

    Database &m_db;
    PreparedStatements<12> m_statements;
    QString m_lastError;
};

} // namespace ChannelDesk
