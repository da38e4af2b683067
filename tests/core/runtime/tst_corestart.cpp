// CoreRuntime::start on SQLite returns before any propagator has started (ffc7450): each one
// rebuilds its channel's listings in memory (ListingMemory::load, seconds for 100,000 listings)
// on the next turn of the event loop, so that whoever started the core (the console's first
// stock part, then its started signal) goes first. Observed in the database: a channel seen for
// the first time gets its propagation cursor when its memory is loaded, not before.
#include "runtime/coreruntime.h"
#include "store/database.h"
#include "store/propagationstore.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestCoreStart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void propagatorsStartOnTheNextTurnOfTheEventLoop_data();
    void propagatorsStartOnTheNextTurnOfTheEventLoop();
};

void TestCoreStart::propagatorsStartOnTheNextTurnOfTheEventLoop_data()
{
    QTest::addColumn<QStringList>("types");
    QTest::newRow("one channel") << QStringList {u"shopify"_s};
    QTest::newRow("three channels") << QStringList {u"shopify"_s, u"woocommerce"_s, u"ebay"_s};
}

void TestCoreStart::propagatorsStartOnTheNextTurnOfTheEventLoop()
{
    QFETCH(QStringList, types);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qputenv("CORESTART_TOKEN", "token");
    qputenv("CORESTART_KEY", "ck_test");
    qputenv("CORESTART_SECRET", "cs_test");
    // Nothing listens at the channels' address: no listing is mapped, nothing is sent.
    QStringList channels;
    for (const QString &type : std::as_const(types)) {
        const QString credentials = type == u"woocommerce"_s
            ? uR"("consumer_key_env": "CORESTART_KEY", "consumer_secret_env": "CORESTART_SECRET")"_s
            : uR"("token_env": "CORESTART_TOKEN")"_s;
        QString extra = type == u"shopify"_s ? uR"("location_id": "1", )"_s : QString();
        if (type != u"ebay"_s)
            extra += uR"("webhook_secret_env": "CORESTART_TOKEN", )"_s;
        channels.append(uR"({"id": "%1", "type": "%1", "base_url": "http://127.0.0.1:9", %2)"
                        uR"("credentials": {%3}})"_s.arg(type, extra, credentials));
    }
    const ChannelsConfigResult parsed = parseChannelsConfig(
        uR"({"listen": "127.0.0.1:0", "channels": [%1]})"_s.arg(channels.join(u", "_s)).toUtf8(),
        QProcessEnvironment::systemEnvironment());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    CoreRuntime::Options options;
    options.databaseLocation = dir.filePath(u"inventory.sqlite"_s);
    options.config = *parsed.config;
    options.listen = false;
    CoreRuntime runtime(options);
    QString error;
    QVERIFY2(runtime.start(&error), qPrintable(error));
    QCOMPARE(runtime.database()->dialect(), Database::Dialect::Sqlite);
    QCOMPARE(runtime.propagators().size(), types.size());

    // start() has returned, the event loop has not turned: no channel's memory was loaded.
    PropagationStore store(*runtime.database());
    const auto cursorOf = [&store](const QString &channel) {
        const auto cursor = store.cursor(channel);
        if (!cursor)
            qFatal("%s", qPrintable(cursor.error()));
        return *cursor;
    };
    for (const QString &channel : std::as_const(types))
        QVERIFY2(!cursorOf(channel), qPrintable(channel));

    // On the next turns every propagator starts, and loads its channel's listings.
    for (const QString &channel : std::as_const(types))
        QTRY_VERIFY2_WITH_TIMEOUT(cursorOf(channel).has_value(), qPrintable(channel), 10'000);
}

QTEST_GUILESS_MAIN(TestCoreStart)
#include "tst_corestart.moc"
