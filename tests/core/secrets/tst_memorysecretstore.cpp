// The in-memory SecretStore the console tests use, and the keychain key names.
#include "secrets/memorysecretstore.h"
#include "secrets/secretsources.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

class TestMemorySecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        auto contents = std::make_shared<MemorySecretStore::Contents>();
        MemorySecretStore store(contents);
        QList<SecretStore::Result> results;
        auto record = [&](const SecretStore::Result &r) { results.append(r); };
        store.write(u"channel/a/token"_s, "s3cret", record);
        store.read(u"channel/a/token"_s, record);
        store.read(u"channel/b/token"_s, record);
        store.remove(u"channel/a/token"_s, record);
        QVERIFY(results.isEmpty()); // answers come later, like a keychain's
        QTRY_COMPARE(results.size(), 4);
        QCOMPARE(results.at(0).status, SecretStore::Status::Ok);
        QCOMPARE(results.at(1).value, QByteArray("s3cret"));
        QCOMPARE(results.at(2).status, SecretStore::Status::NotFound);
        QCOMPARE(results.at(3).status, SecretStore::Status::Ok);
        QVERIFY(!contents->contains(u"channel/a/token"_s));
    }

    void unavailable()
    {
        auto contents = std::make_shared<MemorySecretStore::Contents>();
        contents->available = false;
        MemorySecretStore store(contents);
        std::optional<bool> available;
        SecretStore::Status status = SecretStore::Status::Ok;
        store.checkAvailable([&](bool a, const QString &) { available = a; });
        store.write(u"k"_s, "v", [&](const SecretStore::Result &r) { status = r.status; });
        QTRY_VERIFY(available.has_value());
        QVERIFY(!*available);
        QTRY_COMPARE(status, SecretStore::Status::Unavailable);
        QVERIFY(!contents->contains(u"k"_s));
    }

    void keysNamedByTheConfig()
    {
        const QByteArray json = R"({"channels": [
            {"id": "shop-us", "type": "shopify"}, {"id": "amz", "type": "amazon"},
            {"type": "ebay"}],
          "carriers": [{"id": "ups", "type": "ups"}, {"id": "ep", "type": "easypost"}]})";
        QCOMPARE(SecretKeys::keysIn(json),
                 (QStringList {u"channel/shop-us/token"_s, u"channel/shop-us/webhook_secret"_s,
                               u"channel/shop-us/previous_webhook_secret"_s,
                               u"channel/amz/lwa_client_id"_s, u"channel/amz/lwa_client_secret"_s,
                               u"channel/amz/refresh_token"_s, u"carrier/ups/client_id"_s,
                               u"carrier/ups/client_secret"_s, u"carrier/ep/api_key"_s}));
        QVERIFY(SecretKeys::keysIn("not json").isEmpty());
    }
};

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestMemorySecretStore)
#include "tst_memorysecretstore.moc"
