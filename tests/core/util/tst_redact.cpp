// redactedLocation: a database location as it may be shown, its password replaced by ***.
#include "util/redact.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestRedact : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void locations_data();
    void locations();
};

void TestRedact::locations_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("shown");

    QTest::newRow("postgresql url") << u"postgresql://sync:s3cret@db.example:5432/inventory"_s
                                    << u"postgresql://sync:***@db.example:5432/inventory"_s;
    QTest::newRow("postgres url") << u"postgres://sync:s3cret@db/inv"_s
                                  << u"postgres://sync:***@db/inv"_s;
    QTest::newRow("no port, no path")
        << u"postgresql://u:pw@host"_s << u"postgresql://u:***@host"_s;
    QTest::newRow("password with @ and :")
        << u"postgresql://u:p@ss:w@rd@host/db"_s << u"postgresql://u:***@host/db"_s;
    QTest::newRow("escaped password")
        << u"postgresql://u:p%40ss@host/db"_s << u"postgresql://u:***@host/db"_s;
    QTest::newRow("empty password")
        << u"postgresql://u:@host/db"_s << u"postgresql://u:***@host/db"_s;
    QTest::newRow("user only") << u"postgresql://u@host/db"_s << u"postgresql://u@host/db"_s;
    QTest::newRow("no credentials") << u"postgresql://host/db"_s << u"postgresql://host/db"_s;
    QTest::newRow("@ in the path is not a password")
        << u"postgresql://host/db@x:y"_s << u"postgresql://host/db@x:y"_s;
    QTest::newRow("query password")
        << u"postgresql://host/db?user=u&password=pw&sslmode=require"_s
        << u"postgresql://host/db?user=u&password=***&sslmode=require"_s;
    QTest::newRow("query password, any case")
        << u"postgresql://host/db?Password=pw"_s << u"postgresql://host/db?Password=***"_s;
    QTest::newRow("ssl key password")
        << u"postgresql://host/db?sslpassword=pw"_s << u"postgresql://host/db?sslpassword=***"_s;
    QTest::newRow("both") << u"postgresql://u:a@host/db?password=b"_s
                          << u"postgresql://u:***@host/db?password=***"_s;
    QTest::newRow("key=value string") << u"host=db user=u password=pw dbname=inv"_s
                                      << u"host=db user=u password=*** dbname=inv"_s;
    QTest::newRow("quoted key=value")
        << u"host=db password='p w' dbname=inv"_s << u"host=db password=*** dbname=inv"_s;
    QTest::newRow("sqlite path") << u"/home/me/.local/share/ChannelDesk/inventory.sqlite"_s
                                 << u"/home/me/.local/share/ChannelDesk/inventory.sqlite"_s;
    QTest::newRow("sqlite path with @ and :")
        << u"/srv/a:b@c/inventory.sqlite"_s << u"/srv/a:b@c/inventory.sqlite"_s;
    QTest::newRow("a file named password")
        << u"/tmp/password=x.sqlite"_s << u"/tmp/password=x.sqlite"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestRedact::locations()
{
    QFETCH(QString, location);
    QTEST(redactedLocation(location), "shown");
}

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
