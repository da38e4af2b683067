// What a channel is shown (domain/buffer.h): the formula row by row, the precedence of a
// listing's override over its channel's rule over the defaults, and the valid ranges.
#include "domain/buffer.h"
#include "domain/bufferrules.h"
#include "domain/sku.h"

#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kNone = -1; // a column value meaning "not set"

std::optional<qint64> opt(qint64 v)
{
    return v == kNone ? std::nullopt : std::optional<qint64>(v);
}
} // namespace

class TestBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shown_data();
    void shown();
    void precedence_data();
    void precedence();
    void rulesPerChannelAndSku();
    void validation_data();
    void validation();
    void text();
};

void TestBuffer::shown_data()
{
    QTest::addColumn<qint64>("available");
    QTest::addColumn<qint64>("safetyBuffer"); // the SKU's: pause_at when the rule sets none
    QTest::addColumn<qint64>("reserve");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("max"); // kNone: no cap
    QTest::addColumn<qint64>("pauseAt"); // kNone: the SKU's safety buffer
    QTest::addColumn<qint64>("shown");
    QTest::addColumn<bool>("paused");

    // The defaults show what is available, and pause at the SKU's safety buffer (0).
    QTest::newRow("defaults") << 10LL << 0LL << 0LL << 100 << kNone << kNone << 10LL << false;
    QTest::newRow("defaults, one left")
        << 1LL << 0LL << 0LL << 100 << kNone << kNone << 1LL << false;
    QTest::newRow("defaults, none left")
        << 0LL << 0LL << 0LL << 100 << kNone << kNone << 0LL << true;
    // Units owed (a sale is a fact): shown as none, and paused.
    QTest::newRow("negative available")
        << -3LL << 0LL << 0LL << 100 << kNone << kNone << 0LL << true;
    QTest::newRow("negative available, pause_at below it")
        << -3LL << 0LL << 0LL << 100 << kNone << -10LL << 0LL << false;
    QTest::newRow("negative available, big percent and max")
        << -7LL << 0LL << 0LL << 100 << 50LL << 0LL << 0LL << true;
    // The SKU's safety buffer is pause_at when the rule sets none.
    QTest::newRow("at the SKU's safety buffer")
        << 5LL << 5LL << 0LL << 100 << kNone << kNone << 0LL << true;
    QTest::newRow("above the SKU's safety buffer")
        << 6LL << 5LL << 0LL << 100 << kNone << kNone << 6LL << false;
    // A rule's pause_at wins over the SKU's safety buffer, either way.
    QTest::newRow("pause_at lower than the SKU's buffer")
        << 4LL << 5LL << 0LL << 100 << kNone << 2LL << 4LL << false;
    QTest::newRow("pause_at higher than the SKU's buffer")
        << 6LL << 1LL << 0LL << 100 << kNone << 8LL << 0LL << true;
    QTest::newRow("pause_at 0, one left")
        << 1LL << 3LL << 0LL << 100 << kNone << 0LL << 1LL << false;
    QTest::newRow("pause_at above available")
        << 9LL << 0LL << 0LL << 100 << kNone << 20LL << 0LL << true;
    QTest::newRow("pause_at equal to available")
        << 20LL << 0LL << 0LL << 100 << kNone << 20LL << 0LL << true;
    QTest::newRow("pause_at one below available")
        << 21LL << 0LL << 0LL << 100 << kNone << 20LL << 21LL << false;
    // The reserve is kept back before the percentage.
    QTest::newRow("reserve") << 10LL << 0LL << 3LL << 100 << kNone << kNone << 7LL << false;
    QTest::newRow("reserve equal to available")
        << 10LL << 0LL << 10LL << 100 << kNone << kNone << 0LL << false;
    QTest::newRow("reserve above available")
        << 10LL << 0LL << 15LL << 100 << kNone << kNone << 0LL << false;
    QTest::newRow("reserve, then percent")
        << 23LL << 0LL << 3LL << 50 << kNone << kNone << 10LL << false;
    // Percentages round down: never a unit more than asked for.
    QTest::newRow("percent 50 of 11") << 11LL << 0LL << 0LL << 50 << kNone << kNone << 5LL << false;
    QTest::newRow("percent 33 of 10") << 10LL << 0LL << 0LL << 33 << kNone << kNone << 3LL << false;
    QTest::newRow("percent 99 of 1") << 1LL << 0LL << 0LL << 99 << kNone << kNone << 0LL << false;
    QTest::newRow("percent 1 of 100") << 100LL << 0LL << 0LL << 1 << kNone << kNone << 1LL << false;
    QTest::newRow("percent 0") << 100LL << 0LL << 0LL << 0 << kNone << kNone << 0LL << false;
    QTest::newRow("percent 100") << 100LL << 0LL << 0LL << 100 << kNone << kNone << 100LL << false;
    // The maximum caps what is shown, after everything else.
    QTest::newRow("max below") << 100LL << 0LL << 0LL << 100 << 10LL << kNone << 10LL << false;
    QTest::newRow("max above") << 7LL << 0LL << 0LL << 100 << 10LL << kNone << 7LL << false;
    QTest::newRow("max equal") << 10LL << 0LL << 0LL << 100 << 10LL << kNone << 10LL << false;
    QTest::newRow("max 0") << 100LL << 0LL << 0LL << 100 << 0LL << kNone << 0LL << false;
    QTest::newRow("max after reserve and percent")
        << 103LL << 0LL << 3LL << 50 << 40LL << kNone << 40LL << false;
    QTest::newRow("max not reached after percent")
        << 103LL << 0LL << 3LL << 30 << 40LL << kNone << 30LL << false;
    // Every part at once, and pause_at still first.
    QTest::newRow("all four, above pause_at")
        << 50LL << 0LL << 10LL << 75 << 25LL << 5LL << 25LL << false;
    QTest::newRow("all four, at pause_at") << 5LL << 0LL << 1LL << 75 << 25LL << 5LL << 0LL << true;
    // The largest quantities do not overflow.
    QTest::newRow("largest available")
        << Quantity::kMax << 0LL << 0LL << 100 << kNone << kNone << Quantity::kMax << false;
    QTest::newRow("largest available, percent 99") << Quantity::kMax << 0LL << 0LL << 99 << kNone
                                                   << kNone << Quantity::kMax * 99 / 100 << false;
    QTest::newRow("largest reserve")
        << 10LL << 0LL << Quantity::kMax << 100 << kNone << kNone << 0LL << false;
}

void TestBuffer::shown()
{
    QFETCH(qint64, available);
    QFETCH(qint64, safetyBuffer);
    QFETCH(qint64, reserve);
    QFETCH(int, percent);
    QFETCH(qint64, max);
    QFETCH(qint64, pauseAt);
    QFETCH(qint64, shown);
    QFETCH(bool, paused);
    BufferRule rule;
    rule.reserve = reserve;
    rule.percent = percent;
    rule.max = opt(max);
    // Negative pause_at is not valid in a config, but the formula itself takes it.
    rule.pauseAt = pauseAt == kNone ? std::nullopt : std::optional<qint64>(pauseAt);
    const ShownQuantity s = shownQuantity(rule, available, safetyBuffer);
    QCOMPARE(s.quantity, shown);
    QCOMPARE(s.paused, paused);
    QVERIFY(s.quantity >= 0);
}

void TestBuffer::precedence_data()
{
    QTest::addColumn<BufferOverride>("listing");
    QTest::addColumn<BufferOverride>("channel");
    QTest::addColumn<qint64>("reserve");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<qint64>("pauseAt");

    QTest::newRow("nothing set: defaults")
        << BufferOverride {} << BufferOverride {} << 0LL << 100 << kNone << kNone;
    QTest::newRow("channel only") << BufferOverride {} << BufferOverride {2, 80, 50, 4} << 2LL << 80
                                  << 50LL << 4LL;
    QTest::newRow("listing only") << BufferOverride {1, 60, 9, 0} << BufferOverride {} << 1LL << 60
                                  << 9LL << 0LL;
    QTest::newRow("listing wins field by field")
        << BufferOverride {std::nullopt, 50, std::nullopt, 0} << BufferOverride {2, 80, 50, 4}
        << 2LL << 50 << 50LL << 0LL;
    QTest::newRow("listing zeroes win over the channel")
        << BufferOverride {0, 0, 0, 0} << BufferOverride {2, 80, 50, 4} << 0LL << 0 << 0LL << 0LL;
}

void TestBuffer::precedence()
{
    QFETCH(BufferOverride, listing);
    QFETCH(BufferOverride, channel);
    QFETCH(qint64, reserve);
    QFETCH(int, percent);
    QFETCH(qint64, max);
    QFETCH(qint64, pauseAt);
    const BufferRule rule = resolveBufferRule(listing, channel);
    QCOMPARE(rule.reserve, reserve);
    QCOMPARE(rule.percent, percent);
    QCOMPARE(rule.max, opt(max));
    QCOMPARE(rule.pauseAt, opt(pauseAt));
}

void TestBuffer::rulesPerChannelAndSku()
{
    BufferRules rules({{u"shop"_s, BufferOverride {std::nullopt, 50, std::nullopt, std::nullopt}},
                       {u"ebay"_s, BufferOverride {}}});
    QVERIFY(rules.hasChannel(u"shop"_s));
    QVERIFY(!rules.hasChannel(u"amazon"_s));
    rules.setOverrides({{u"ebay"_s, u"A-1"_s, BufferOverride {std::nullopt, std::nullopt, 3, 0}}});

    // The same SKU, three different answers.
    QCOMPARE(rules.expected(u"shop"_s, u"A-1"_s, 10, 2), (ShownQuantity {5, false}));
    QCOMPARE(rules.expected(u"ebay"_s, u"A-1"_s, 10, 2), (ShownQuantity {3, false}));
    QCOMPARE(rules.expected(u"ebay"_s, u"B-2"_s, 10, 2), (ShownQuantity {10, false}));
    // pause_at 0 on eBay's override: two left still shows; the shop pauses at the SKU's 2.
    QCOMPARE(rules.expected(u"ebay"_s, u"A-1"_s, 2, 2), (ShownQuantity {2, false}));
    QCOMPARE(rules.expected(u"shop"_s, u"A-1"_s, 2, 2), (ShownQuantity {0, true}));
    // An unknown channel follows the defaults.
    QCOMPARE(rules.expected(u"amazon"_s, u"A-1"_s, 10, 2), (ShownQuantity {10, false}));

    // An empty override removes it; setting one replaces it.
    rules.setOverride(u"ebay"_s, u"A-1"_s, {});
    QVERIFY(rules.override(u"ebay"_s, u"A-1"_s).isEmpty());
    QCOMPARE(rules.expected(u"ebay"_s, u"A-1"_s, 10, 2), (ShownQuantity {10, false}));
    rules.setOverride(u"shop"_s, u"A-1"_s, BufferOverride {4, std::nullopt, std::nullopt, 0});
    QCOMPARE(rules.expected(u"shop"_s, u"A-1"_s, 10, 2), (ShownQuantity {3, false}));
    rules.setOverrides({});
    QCOMPARE(rules.expected(u"shop"_s, u"A-1"_s, 10, 2), (ShownQuantity {5, false}));
}

void TestBuffer::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<bool>("valid");

    for (const QString &field : {u"reserve"_s, u"max"_s, u"pause_at"_s}) {
        const QByteArray f = field.toUtf8();
        QTest::addRow("%s 0", f.constData()) << field << 0LL << true;
        QTest::addRow("%s largest", f.constData()) << field << Quantity::kMax << true;
        QTest::addRow("%s too large", f.constData()) << field << Quantity::kMax + 1 << false;
        QTest::addRow("%s negative", f.constData()) << field << -1LL << false;
    }
    QTest::newRow("percent 0") << u"percent"_s << 0LL << true;
    QTest::newRow("percent 100") << u"percent"_s << 100LL << true;
    QTest::newRow("percent 150") << u"percent"_s << 150LL << false;
    QTest::newRow("percent 101") << u"percent"_s << 101LL << false;
    QTest::newRow("percent negative") << u"percent"_s << -5LL << false;
}

void TestBuffer::validation()
{
    QFETCH(QString, field);
    QFETCH(qint64, value);
    QFETCH(bool, valid);
    QCOMPARE(BufferLimits::validationError(field, value).isEmpty(), valid);
}

void TestBuffer::text()
{
    QCOMPARE(bufferText(BufferOverride {2, 50, std::nullopt, 3}),
             u"reserve 2, percent 50, max inherited, pause_at 3"_s);
    QCOMPARE(bufferText({}),
             u"reserve inherited, percent inherited, max inherited, pause_at inherited"_s);
}

QTEST_GUILESS_MAIN(TestBuffer)
#include "tst_buffer.moc"
