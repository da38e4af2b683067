#pragma once

#include "channels/amazon/amazonadapter.h"
#include "channels/channelconfig.h"
#include "sim/channelsim.h"
#include "sim/simchannel.h"
#include "util/clock.h"

#include <QHash>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace ChannelDesk::Testing {

// An answer of the simulator, as a client saw it.
struct Reply
{
    int status = -1; // -1: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const;
};

// A webhook the stand-in receiver was sent.
struct Received
{
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case
};

inline const QByteArray kShopToken = "shpat_test";
inline const QByteArray kShopSecret = "shop-secret";
inline const QByteArray kWooSecret = "woo-secret";
inline const QString kLocation = QStringLiteral("gid://shopify/Location/124656943");

QString itemGid(const QString &id);
// A Shopify inventorySetQuantities mutation with an idempotency key.
QByteArray setQuantitiesBody(const QString &key, const QJsonArray &quantities);
QJsonObject quantity(const QString &id, qint64 value, const QJsonValue &changeFrom,
                     const QString &location = kLocation);
QJsonObject userErrorsOf(const Reply &reply);

// The set-up the simulator tests share: one simulated channel of each kind (shop-us, woo, ebay,
// amz) on a loopback server, on a manual clock, with a stand-in for ChannelDesk's webhook
// endpoint. A test class derives from QObject and this, and calls setUp() in init() and
// tearDown() in cleanup().
class SimFixture
{
protected:
    void setUp();
    void tearDown();

    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<std::pair<QByteArray, QByteArray>> &headers = {},
               int transferTimeoutMs = 0);
    Reply shopify(const QByteArray &body, const QByteArray &token = kShopToken,
                  int transferTimeoutMs = 0);
    Reply sim(const QByteArray &method, const QString &channel, const QString &what,
              const QJsonObject &body = {});
    QJsonObject stats(const QString &channel)
    {
        return sim("GET", channel, QStringLiteral("stats")).json;
    }
    QByteArray wooAuth() const { return "Basic " + QByteArray("ck_test:cs_test").toBase64(); }
    QString amazonToken();
    // The config of one of the simulated channels (shop-us, woo, ebay, amz) as an adapter needs
    // it, with the credentials the simulators accept: `type` is its channel type.
    ChannelConfig channelConfig(const QString &channel, const QString &type) const;
    // The simulated Amazon ("amz") as an AmazonAdapter of the tests takes it: feeds polled
    // every 10 then 20 ms.
    AmazonSettings amazonSettings() const;

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QHttpServer> m_server;
    std::unique_ptr<ChannelSimulator> m_sim;
    std::unique_ptr<QHttpServer> m_receiver;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QList<Received> m_received;
    QList<int> m_receiverStatuses; // answers of the webhook receiver, first to last
    quint16 m_port = 0;
};

} // namespace ChannelDesk::Testing
