// The Orders row of a channel's settings: the intake and poll interval written with the config
// file's keys (left out at "default"), and polling only for channels without order webhooks.
#include "settings/orderintakefields.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

class TestOrderIntakeFields : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void storesTheChoice_data();
    void storesTheChoice();
    void loadsWhatTheFileSays();
    void channelsWithoutWebhooksArePolled();
};

void TestOrderIntakeFields::storesTheChoice_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("intake"); // empty: default
    QTest::addColumn<int>("interval"); // 0: default
    QTest::addColumn<QString>("defaultText");
    QTest::newRow("shopify default") << u"shopify"_s << QString() << 0 << u"default (30 s)"_s;
    QTest::newRow("shopify poll") << u"shopify"_s << u"poll"_s << 10 << u"default (30 s)"_s;
    QTest::newRow("woo webhook") << u"woocommerce"_s << u"webhook"_s << 0 << u"default (30 s)"_s;
    QTest::newRow("ebay interval") << u"ebay"_s << QString() << 12 << u"default (5 s)"_s;
    QTest::newRow("amazon") << u"amazon"_s << u"poll"_s << 0 << u"default (60 s)"_s;
}

void TestOrderIntakeFields::storesTheChoice()
{
    QFETCH(QString, type);
    QFETCH(QString, intake);
    QFETCH(int, interval);
    QFETCH(QString, defaultText);
    OrderIntakeFields fields;
    fields.setType(type);
    auto *combo = fields.findChild<QComboBox *>(u"channelIntake"_s);
    auto *spin = fields.findChild<QSpinBox *>(u"channelPollInterval"_s);
    QVERIFY(combo && spin);
    QCOMPARE(spin->specialValueText(), defaultText);
    QSignalSpy edited(&fields, &OrderIntakeFields::edited);
    combo->setCurrentIndex(combo->findData(intake));
    spin->setValue(interval);
    QJsonObject channel {{u"id"_s, u"c"_s}, {u"intake"_s, u"stale"_s}, {u"poll_interval_s"_s, 99}};
    fields.store(channel);
    QCOMPARE(channel.value(u"intake"_s).toString(), intake);
    QCOMPARE(channel.contains(u"intake"_s), !intake.isEmpty());
    QCOMPARE(channel.value(u"poll_interval_s"_s).toInt(), interval);
    QCOMPARE(channel.contains(u"poll_interval_s"_s), interval > 0);
}

void TestOrderIntakeFields::loadsWhatTheFileSays()
{
    OrderIntakeFields fields;
    fields.setType(u"woocommerce"_s);
    QSignalSpy edited(&fields, &OrderIntakeFields::edited);
    fields.load({{u"intake"_s, u"webhook"_s}, {u"poll_interval_s"_s, 45}});
    QCOMPARE(edited.size(), 0); // showing an entry is not editing it
    auto *combo = fields.findChild<QComboBox *>(u"channelIntake"_s);
    auto *spin = fields.findChild<QSpinBox *>(u"channelPollInterval"_s);
    QCOMPARE(combo->currentData().toString(), u"webhook"_s);
    QCOMPARE(spin->value(), 45);
    QVERIFY(!spin->isEnabled()); // webhooks only: nothing is polled
    QJsonObject back;
    fields.store(back);
    QCOMPARE(back, (QJsonObject {{u"intake"_s, u"webhook"_s}, {u"poll_interval_s"_s, 45}}));
}

void TestOrderIntakeFields::channelsWithoutWebhooksArePolled()
{
    OrderIntakeFields fields;
    fields.setType(u"shopify"_s);
    fields.load({{u"intake"_s, u"both"_s}});
    auto *combo = fields.findChild<QComboBox *>(u"channelIntake"_s);
    QSignalSpy edited(&fields, &OrderIntakeFields::edited);
    // The channel becomes an eBay one: it has no order webhooks, so "both" cannot stay.
    fields.setType(u"ebay"_s);
    QCOMPARE(combo->currentIndex(), 0);
    QCOMPARE(edited.size(), 1);
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    QVERIFY(model);
    QVERIFY(!model->item(combo->findData(u"webhook"_s))->isEnabled());
    QVERIFY(!model->item(combo->findData(u"both"_s))->isEnabled());
    QVERIFY(model->item(combo->findData(u"poll"_s))->isEnabled());
    QCOMPARE(combo->itemText(0), u"default: polling only"_s);
}

} // namespace ChannelDesk

QTEST_MAIN(ChannelDesk::TestOrderIntakeFields)
#include "tst_orderintakefields.moc"
