#pragma once

#include "store/database.h"
#include "store/inventorystore.h"
#include "sync/syncengine.h"
#include "testbackend.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ChannelDesk::Testing {

// A fresh inventory, removed with the object: a SQLite file in a temporary folder, or a fresh
// PostgreSQL database when the test runs on PostgreSQL (testbackend.h).
class TestDatabase
{
public:
    TestDatabase()
    {
        QString error;
        m_db = Database::open(path(), &error);
        if (!m_db)
            qFatal("cannot open the test database: %s", qPrintable(error));
    }
    // The database's location: a file path, or a postgresql:// URL.
    QString path() const { return m_location.location(); }
    // A file in the test's temporary folder (on either backend).
    QString filePath(const QString &name) const { return m_location.filePath(name); }
    bool postgres() const { return testOnPostgres(); }
    Database &db() { return *m_db; }
    std::unique_ptr<Database> another()
    {
        QString error;
        auto db = m_db->openAnother(&error);
        if (!db)
            qFatal("cannot open another connection: %s", qPrintable(error));
        return db;
    }
    // A fault for the rollback tests: every `event` (INSERT or UPDATE) on `table` fails with
    // `message` (only rows for which `when`, an SQL condition on NEW, holds, when given), until
    // removeFault(name). A trigger in either engine's own dialect.
    bool injectFault(const QString &name, const QString &event, const QString &table,
                     const QString &message, const QString &when = {})
    {
        if (!postgres()) {
            return m_db->exec(QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 %4 BEGIN SELECT "
                                             "RAISE(ABORT, '%5'); END")
                                  .arg(name, event, table,
                                       when.isEmpty() ? QString() : QStringLiteral("WHEN ") + when,
                                       message));
        }
        return m_db->exec(QStringLiteral("CREATE FUNCTION %1_fault() RETURNS trigger LANGUAGE "
                                         "plpgsql AS $$ BEGIN RAISE EXCEPTION '%2'; END $$")
                              .arg(name, message)) &&
            m_db->exec(
                QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW %4 "
                               "EXECUTE FUNCTION %1_fault()")
                    .arg(name, event, table,
                         when.isEmpty() ? QString() : QStringLiteral("WHEN (%1)").arg(when)));
    }
    bool removeFault(const QString &name, const QString &table)
    {
        if (!postgres())
            return m_db->exec(QStringLiteral("DROP TRIGGER %1").arg(name));
        return m_db->exec(QStringLiteral("DROP TRIGGER %1 ON %2").arg(name, table)) &&
            m_db->exec(QStringLiteral("DROP FUNCTION %1_fault()").arg(name));
    }
    qint64 count(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        if (!q.exec(sql) || !q.next())
            qFatal("count failed: %s", qPrintable(sql));
        return q.value(0).toLongLong();
    }
    StockLevel stock(const QString &sku)
    {
        const auto s = InventoryStore(*m_db).stock(sku);
        if (!s || !*s)
            qFatal("no stock row for %s", qPrintable(sku));
        return **s;
    }
    QList<Mutation> log(const QString &sku = {})
    {
        InventoryStore::AuditFilter filter;
        filter.sku = sku;
        const auto out = InventoryStore(*m_db).audit(filter);
        if (!out)
            qFatal("audit failed: %s", qPrintable(out.error()));
        return *out;
    }

private:
    TestLocation m_location;
    std::unique_ptr<Database> m_db;
};

// The foundation's invariants for a SKU sold only by orders since it was imported with `initial`
// units: its stock is initial - taken (below zero: units owed), all of it committed; its version
// is the number of log rows that changed it, and the log is a chain, each row following from the
// one before it. A failed check ends the calling test (QTest::currentTestFailed()).
inline void verifyBooksBalance(TestDatabase &t, const QString &sku, qint64 initial, qint64 taken)
{
    const StockLevel s = t.stock(sku);
    QCOMPARE(s.available, initial - taken);
    QCOMPARE(s.committed, taken);
    qint64 changes = 0;
    qint64 running = 0;
    qint64 orderUnits = 0;
    for (const Mutation &m : t.log(sku)) {
        if (!changesStock(m.kind))
            continue;
        ++changes;
        running += m.delta;
        QCOMPARE(m.version, changes);
        QCOMPARE(m.availableAfter, running);
        if (m.kind == MutationKind::Order)
            orderUnits -= m.delta;
    }
    QCOMPARE(s.version, changes);
    QCOMPARE(running, s.available);
    QCOMPARE(orderUnits, taken);
}

inline StockImportRow stockRow(const QString &sku, qint64 available, qint64 buffer = 0)
{
    StockImportRow row;
    row.sku = sku;
    row.available = available;
    row.safetyBuffer = buffer;
    return row;
}

// An order line that names the product only by the channel's id (no SKU in the order).
inline OrderLine byRemoteId(const QString &remoteId, qint64 quantity)
{
    OrderLine line;
    line.remoteId = remoteId;
    line.quantity = quantity;
    return line;
}

inline OrderEvent order(const QString &channel, const QString &id, QList<OrderLine> lines)
{
    return OrderEvent {channel, id, std::move(lines), 0};
}

} // namespace ChannelDesk::Testing
