// The QtKeychain store's guard rails: every job it starts has the ChannelDesk service, the key and
// no plain-text fallback; the availability probe answers in bounded time on any machine (with a
// keychain service: available; without D-Bus or a wallet: unavailable, never a hang).
#include "secrets/keychainsecretstore.h"
#include "secrets/secretsources.h"

#include <QSignalSpy>
#include <qt6keychain/keychain.h>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jobsNeverFallBackToPlainText_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("read") << 0;
        QTest::newRow("write") << 1;
        QTest::newRow("delete") << 2;
    }

    void jobsNeverFallBackToPlainText()
    {
        QFETCH(int, kind);
        const QString service = QString::fromLatin1(SecretKeys::kService);
        std::unique_ptr<QKeychain::Job> job;
        if (kind == 0)
            job = std::make_unique<QKeychain::ReadPasswordJob>(service);
        else if (kind == 1)
            job = std::make_unique<QKeychain::WritePasswordJob>(service);
        else
            job = std::make_unique<QKeychain::DeletePasswordJob>(service);
        job->setInsecureFallback(true); // whatever a job starts with
        KeychainSecretStore::prepare(job.get(), u"channel/shop-us/token"_s);
        QVERIFY(!job->insecureFallback());
        QCOMPARE(job->key(), u"channel/shop-us/token"_s);
        QCOMPARE(job->service(), u"ChannelDesk"_s);
        job->setAutoDelete(false); // owned here
    }

    void availabilityAnswersInBoundedTime()
    {
        KeychainSecretStore store(2000);
        int answers = 0;
        bool available = false;
        QString detail;
        store.checkAvailable([&](bool a, const QString &d) {
            ++answers;
            available = a;
            detail = d;
        });
        QCOMPARE(answers, 0); // asynchronous
        QTRY_COMPARE_WITH_TIMEOUT(answers, 1, 10000);
        if (!available)
            QVERIFY(!detail.isEmpty());
        // The timeout passes after the answer (made to fire now rather than waited for): still
        // one answer. If it was the timeout that answered, its timer is gone already.
        if (auto *timeout = store.findChild<QTimer *>(u"keychainTimeout"_s))
            timeout->start(0);
        QTRY_VERIFY_WITH_TIMEOUT(!store.findChild<QTimer *>(u"keychainTimeout"_s), 5000);
        QCOMPARE(answers, 1);
        qInfo("keychain service: %s %s", available ? "available" : "unavailable",
              qPrintable(detail));
    }
};

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
