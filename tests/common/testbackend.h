#pragma once

// Which engine a test's databases live on. A test registered with BOTH_BACKENDS
// (cmake/ChannelDeskTests.cmake) runs twice: as NAME on SQLite files in a temporary folder, and as
// NAME_postgres with CHANNELDESK_TEST_BACKEND=postgres, where every database is a fresh one in
// the throwaway cluster at CHANNELDESK_TEST_PG_URL (tests/common/pgcluster.sh), dropped with the
// object that made it.

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

namespace ChannelDesk::Testing {

inline bool testOnPostgres()
{
    return qEnvironmentVariable("CHANNELDESK_TEST_BACKEND") == QLatin1String("postgres");
}

// One database of a test, on the backend the test runs on: location() is a SQLite file path or a
// postgresql:// URL, given as is to Database::open, --db or serve.
class TestLocation
{
public:
    TestLocation()
    {
        if (!testOnPostgres()) {
            m_location = m_dir.filePath(QStringLiteral("inventory.sqlite"));
            return;
        }
        static QAtomicInteger<int> counter;
        m_name = QStringLiteral("t%1_%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(counter.fetchAndAddRelaxed(1));
        if (!admin(QStringLiteral("CREATE DATABASE %1").arg(m_name)))
            qFatal("cannot create the test database %s", qPrintable(m_name));
        QUrl url(adminUrl());
        url.setPath(QLatin1Char('/') + m_name);
        m_location = url.toString();
    }
    ~TestLocation()
    {
        if (!m_name.isEmpty())
            admin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
    TestLocation(const TestLocation &) = delete;
    TestLocation &operator=(const TestLocation &) = delete;

    const QString &location() const { return m_location; }
    // A folder for the test's other files (config, CSVs, the inbox), on either backend.
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // The cluster's maintenance database (CHANNELDESK_TEST_PG_URL).
    static QString adminUrl() { return qEnvironmentVariable("CHANNELDESK_TEST_PG_URL"); }

private:
    // Runs sql on the maintenance database, on a connection of its own.
    static bool admin(const QString &sql)
    {
        const QString name = QStringLiteral("channeldesk-test-admin");
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::contains(name)
                ? QSqlDatabase::database(name)
                : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            const QUrl url(adminUrl());
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setDatabaseName(url.path().mid(1));
            if (!db.isOpen() && !db.open()) {
                qWarning("cannot reach the test cluster at %s: %s", qPrintable(adminUrl()),
                         qPrintable(db.lastError().text()));
                return false;
            }
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        }
        return ok;
    }

    QTemporaryDir m_dir;
    QString m_name;
    QString m_location;
};

} // namespace ChannelDesk::Testing
