#pragma once

// The fixture of tst_channelsync and tst_channelsyncfaults: CoreRuntime against the simulated
// Shopify, WooCommerce, eBay and Amazon over loopback HTTP, ten SKUs of 1,000 mapped on every
// channel, whose listings start out holding 7.
#include "../common/sanitizers.h"
#include "intake/orderintake.h"
#include "metrics/lagmonitor.h"
#include "runtime/coreruntime.h"
#include "sim/channelsim.h"
#include "sim/simtcpserver.h"
#include "store/database.h"
#include "store/deadletterqueue.h"
#include "store/inventorystore.h"
#include "store/mappingstore.h"
#include "store/propagationstore.h"
#include "sync/syncengine.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace ChannelDesk::Testing {

using namespace Qt::StringLiterals;

inline constexpr int kSkus = 10;
inline const QStringList kChannels {u"shop"_s, u"woo"_s, u"ebay"_s, u"amz"_s};

inline QString skuName(int i)
{
    return u"SKU-%1"_s.arg(i);
}

// Each channel's id for a SKU's listing, in that channel's own format.
inline QString remoteId(const QString &channel, int i)
{
    if (channel == "shop"_L1)
        return QString::number(30'000 + i); // inventory item number
    if (channel == "woo"_L1)
        return QString::number(90 + i); // product id
    return skuName(i); // eBay and Amazon address listings by SKU
}

// setUp() in each test's init(), tearDown() in its cleanup().
class ChannelSyncTest : public QObject
{
protected:
    void setUp();
    void tearDown();
    QJsonObject simGet(const QString &path);
    int simPost(const QString &path, const QJsonObject &body, QJsonObject *answer = nullptr);
    int runtimePost(const QString &path, const QByteArray &body,
                    const QList<std::pair<QByteArray, QByteArray>> &headers);
    void setFaults(const QString &channel, const QJsonObject &faults);
    // Every listing on every channel shows the source of truth and nothing is left to send.
    bool converged(QString *why);
    qint64 simQuantity(const QString &channel, int sku);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QHttpServer> m_simServer;
    SimTcpServer *m_simTcp = nullptr; // owned by m_simServer once bound
    std::unique_ptr<ChannelSimulator> m_sim;
    std::unique_ptr<CoreRuntime> m_runtime;
    std::unique_ptr<QNetworkAccessManager> m_network;
    quint16 m_simPort = 0;
};

} // namespace ChannelDesk::Testing
