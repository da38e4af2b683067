#include "metrics/lagmonitor.h"
#include "metrics/prometheus.h"

#include <QRegularExpression>
#include <QTest>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

class TestPrometheus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void labelValueEscaping_data();
    void labelValueEscaping();
    void everyLineParses();
    void typesAndValues();
    void emptyMonitor();
    void awkwardChannelIdsStayOnOneLine();

private:
    QByteArray sample();
};

namespace {

struct Sample
{
    QString name;
    QMap<QString, QString> labels; // unescaped
    QString value;
};

// A small parser for the 0.0.4 text format, independent of the writer: name, optional
// {label="value",...} with \\, \" and \n escapes, a space, a value.
bool parseSample(const QString &line, Sample *out)
{
    static const QRegularExpression head(u"^([a-zA-Z_:][a-zA-Z0-9_:]*)"_s);
    const auto m = head.match(line);
    if (!m.hasMatch())
        return false;
    out->name = m.captured(1);
    qsizetype i = m.capturedEnd(1);
    if (i < line.size() && line.at(i) == u'{') {
        ++i;
        while (i < line.size() && line.at(i) != u'}') {
            const qsizetype eq = line.indexOf(u'=', i);
            if (eq < 0 || eq + 1 >= line.size() || line.at(eq + 1) != u'"')
                return false;
            const QString key = line.mid(i, eq - i);
            QString value;
            qsizetype j = eq + 2;
            for (; j < line.size() && line.at(j) != u'"'; ++j) {
                if (line.at(j) == u'\\') {
                    if (++j >= line.size())
                        return false;
                    const QChar c = line.at(j);
                    if (c == u'n')
                        value += u'\n';
                    else if (c == u'\\' || c == u'"')
                        value += c;
                    else
                        return false;
                } else {
                    value += line.at(j);
                }
            }
            if (j >= line.size())
                return false;
            out->labels.insert(key, value);
            i = j + 1;
            if (i < line.size() && line.at(i) == u',')
                ++i;
        }
        if (i >= line.size())
            return false;
        ++i; // '}'
    }
    if (i >= line.size() || line.at(i) != u' ')
        return false;
    out->value = line.mid(i + 1);
    bool ok = false;
    out->value.toDouble(&ok);
    return ok || out->value == u"NaN"_s || out->value == u"+Inf"_s || out->value == u"-Inf"_s;
}

struct Exposition
{
    QMap<QString, QString> types;
    QList<Sample> samples;
    QStringList errors;

    QString value(const QString &name, const QMap<QString, QString> &labels) const
    {
        for (const Sample &s : samples) {
            if (s.name == name && s.labels == labels)
                return s.value;
        }
        return {};
    }
};

Exposition parse(const QByteArray &text)
{
    Exposition e;
    if (!text.endsWith('\n'))
        e.errors << u"no final newline"_s;
    QString family;
    const QStringList lines = QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (line.startsWith(u"# HELP "_s))
            continue;
        if (line.startsWith(u"# TYPE "_s)) {
            const QStringList parts = line.split(u' ');
            if (parts.size() != 4 || e.types.contains(parts[2]))
                e.errors << u"bad or repeated TYPE: "_s + line;
            else
                e.types.insert(parts[2], parts[3]);
            family = parts.value(2);
            continue;
        }
        Sample s;
        if (!parseSample(line, &s)) {
            e.errors << u"unparseable: "_s + line;
            continue;
        }
        // Every sample belongs to the family declared just before it.
        const QString type = e.types.value(family);
        const bool ours = s.name == family ||
            ((type == u"summary"_s || type == u"histogram"_s) &&
             (s.name == family + u"_sum"_s || s.name == family + u"_count"_s)) ||
            (type == u"histogram"_s && s.name == family + u"_bucket"_s);
        if (!ours)
            e.errors << u"sample outside its family: "_s + line;
        // Prometheus keeps this label for summaries (promtool: "non-summary metrics should not
        // have \"quantile\" label").
        if (s.labels.contains(u"quantile"_s) && type != u"summary"_s)
            e.errors << u"quantile label outside a summary: "_s + line;
        if (!s.name.startsWith(u"channeldesk_"_s))
            e.errors << u"unprefixed: "_s + line;
        e.samples << s;
    }
    return e;
}

QMap<QString, QString> labels(std::initializer_list<std::pair<QString, QString>> l)
{
    QMap<QString, QString> m;
    for (const auto &[k, v] : l)
        m.insert(k, v);
    return m;
}

} // namespace

void TestPrometheus::labelValueEscaping_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("escaped");
    QTest::newRow("plain") << u"shop-us"_s << "shop-us"_ba;
    QTest::newRow("quote") << u"a\"b"_s << "a\\\"b"_ba;
    QTest::newRow("backslash") << u"a\\b"_s << "a\\\\b"_ba;
    QTest::newRow("newline") << u"a\nb"_s << "a\\nb"_ba;
    QTest::newRow("all, in order") << u"\\\"\n"_s << "\\\\\\\"\\n"_ba;
    QTest::newRow("utf-8") << u"boutique-é"_s << "boutique-\xc3\xa9"_ba;
}

void TestPrometheus::labelValueEscaping()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, escaped);
    QCOMPARE(prometheusLabelValue(value), escaped);
}

void TestPrometheus::everyLineParses()
{
    const Exposition e = parse(sample());
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
    QVERIFY(e.samples.size() > 20);
}

QByteArray TestPrometheus::sample()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    for (int i = 1; i <= 100; ++i)
        monitor.recordLag(u"shop-us"_s, qint64(i) * 10'000); // 10 ms .. 1 s
    for (int i = 0; i < 8; ++i)
        monitor.recordOutcome(u"shop-us"_s, AttemptOutcome::Acknowledged);
    monitor.recordOutcome(u"shop-us"_s, AttemptOutcome::Throttled);
    monitor.recordOutcome(u"shop-us"_s, AttemptOutcome::Failed);
    monitor.setDeadLetterDepth(u"shop-us"_s, 2);
    monitor.setPending(u"ebay-uk"_s, 17);
    monitor.noteOversold({-1, u"MUG"_s, {}, {}, {}});
    OrderCounters orders;
    orders.applied = 1234;
    orders.duplicate = 5;
    orders.oversold = 1;
    orders.unmatched = 2;
    orders.invalid = 3;
    orders.refunded = 4;
    return prometheusText(monitor, orders, LedgerGauges {2, 5, 1});
}

void TestPrometheus::typesAndValues()
{
    const Exposition e = parse(sample());
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));

    QCOMPARE(e.types.value(u"channeldesk_sync_lag_seconds"_s), u"histogram"_s);
    QCOMPARE(e.types.value(u"channeldesk_sync_lag_recent_seconds"_s), u"summary"_s);
    QCOMPARE(e.types.value(u"channeldesk_propagation_attempts_total"_s), u"counter"_s);
    QCOMPARE(e.types.value(u"channeldesk_propagation_failures_total"_s), u"counter"_s);
    QCOMPARE(e.types.value(u"channeldesk_propagation_throttled_total"_s), u"counter"_s);
    QCOMPARE(e.types.value(u"channeldesk_propagation_success_ratio"_s), u"gauge"_s);
    QCOMPARE(e.types.value(u"channeldesk_dead_letters"_s), u"gauge"_s);
    QCOMPARE(e.types.value(u"channeldesk_pending_listings"_s), u"gauge"_s);
    QCOMPARE(e.types.value(u"channeldesk_orders_total"_s), u"counter"_s);
    QCOMPARE(e.types.value(u"channeldesk_oversold_orders_total"_s), u"counter"_s);

    const auto shop = labels({{u"channel"_s, u"shop-us"_s}});
    const auto ebay = labels({{u"channel"_s, u"ebay-uk"_s}});
    const double p99 = e.value(u"channeldesk_sync_lag_recent_seconds"_s,
                               labels({{u"channel"_s, u"shop-us"_s}, {u"quantile"_s, u"0.99"_s}}))
                           .toDouble();
    QVERIFY2(qAbs(p99 - 0.99) <= 0.0099, qPrintable(QString::number(p99)));
    QCOMPARE(e.value(u"channeldesk_sync_lag_seconds_count"_s, shop), u"100"_s);
    QCOMPARE(e.value(u"channeldesk_sync_lag_recent_seconds_count"_s, shop), u"100"_s);
    QCOMPARE(e.value(u"channeldesk_sync_lag_recent_seconds_sum"_s, shop).toDouble(), 50.5);
    // Cumulative buckets: 10 ms .. 1 s in steps of 10 ms.
    const auto bucket = [&e](const QString &le) {
        return e.value(u"channeldesk_sync_lag_seconds_bucket"_s,
                       labels({{u"channel"_s, u"shop-us"_s}, {u"le"_s, le}}));
    };
    QCOMPARE(bucket(u"0.005"_s), u"0"_s);
    QCOMPARE(bucket(u"0.01"_s), u"1"_s);
    QCOMPARE(bucket(u"0.1"_s), u"10"_s);
    QCOMPARE(bucket(u"0.25"_s), u"25"_s);
    QCOMPARE(bucket(u"0.5"_s), u"50"_s);
    QCOMPARE(bucket(u"1"_s), u"100"_s);
    QCOMPARE(bucket(u"60"_s), u"100"_s);
    QCOMPARE(bucket(u"+Inf"_s), u"100"_s);
    QCOMPARE(e.value(u"channeldesk_sync_lag_seconds_sum"_s, shop).toDouble(), 50.5);
    QCOMPARE(e.value(u"channeldesk_sync_lag_max_seconds"_s, shop), u"1"_s);
    // No samples yet: quantiles are NaN, as Prometheus clients report an empty summary.
    QCOMPARE(e.value(u"channeldesk_sync_lag_recent_seconds"_s,
                     labels({{u"channel"_s, u"ebay-uk"_s}, {u"quantile"_s, u"0.5"_s}})),
             u"NaN"_s);
    QCOMPARE(e.value(u"channeldesk_sync_lag_seconds_count"_s, ebay), u"0"_s);

    QCOMPARE(e.value(u"channeldesk_propagation_attempts_total"_s, shop), u"10"_s);
    QCOMPARE(e.value(u"channeldesk_propagation_failures_total"_s, shop), u"2"_s);
    QCOMPARE(e.value(u"channeldesk_propagation_throttled_total"_s, shop), u"1"_s);
    QCOMPARE(e.value(u"channeldesk_propagation_success_ratio"_s, shop), u"0.8"_s);
    QCOMPARE(e.value(u"channeldesk_dead_letters"_s, shop), u"2"_s);
    QCOMPARE(e.value(u"channeldesk_pending_listings"_s, ebay), u"17"_s);
    QCOMPARE(e.value(u"channeldesk_channel_status"_s,
                     labels({{u"channel"_s, u"shop-us"_s}, {u"status"_s, u"ok"_s}})),
             u"1"_s);
    QCOMPARE(e.value(u"channeldesk_channel_status"_s,
                     labels({{u"channel"_s, u"shop-us"_s}, {u"status"_s, u"idle"_s}})),
             u"0"_s);
    QCOMPARE(e.value(u"channeldesk_oversold_orders_total"_s, {}), u"1"_s);
    QCOMPARE(e.types.value(u"channeldesk_units_owed"_s), u"gauge"_s);
    QCOMPARE(e.value(u"channeldesk_oversold_orders_open"_s, {}), u"2"_s);
    QCOMPARE(e.value(u"channeldesk_units_owed"_s, {}), u"5"_s);
    QCOMPARE(e.value(u"channeldesk_unmatched_lines"_s, {}), u"1"_s);
    QCOMPARE(e.value(u"channeldesk_orders_total"_s, labels({{u"outcome"_s, u"applied"_s}})),
             u"1234"_s);
    QCOMPARE(e.value(u"channeldesk_orders_total"_s, labels({{u"outcome"_s, u"oversold"_s}})),
             u"1"_s);
    QCOMPARE(e.value(u"channeldesk_orders_total"_s, labels({{u"outcome"_s, u"unmatched"_s}})),
             u"2"_s);
    QCOMPARE(e.value(u"channeldesk_orders_total"_s, labels({{u"outcome"_s, u"refunded"_s}})),
             u"4"_s);
    QCOMPARE(e.value(u"channeldesk_orders_total"_s, labels({{u"outcome"_s, u"shipped"_s}})),
             u"0"_s);
    QCOMPARE(e.value(u"channeldesk_orders_total"_s, labels({{u"outcome"_s, u"invalid"_s}})),
             u"3"_s);
    QCOMPARE(e.value(u"channeldesk_orders_total"_s, labels({{u"outcome"_s, u"duplicate"_s}})),
             u"5"_s);
}

void TestPrometheus::emptyMonitor()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    const QByteArray text = prometheusText(monitor, {});
    const Exposition e = parse(text);
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
    QCOMPARE(e.value(u"channeldesk_orders_total"_s, labels({{u"outcome"_s, u"applied"_s}})),
             u"0"_s);
    QVERIFY(text.contains("# TYPE channeldesk_sync_lag_seconds histogram\n"));
}

void TestPrometheus::awkwardChannelIdsStayOnOneLine()
{
    ManualClock clock;
    LagMonitor monitor(clock);
    const QString odd = u"we\"ird\\shop\nid"_s;
    monitor.setDeadLetterDepth(odd, 9);
    const QByteArray text = prometheusText(monitor, {});
    QVERIFY(text.contains("channeldesk_dead_letters{channel=\"we\\\"ird\\\\shop\\nid\"} 9\n"));
    const Exposition e = parse(text);
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
    QCOMPARE(e.value(u"channeldesk_dead_letters"_s, labels({{u"channel"_s, odd}})), u"9"_s);
}

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
