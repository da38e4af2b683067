#include "sim/channelsim.h"

#include "sim/amazonsim.h"
#include "sim/ebaysim.h"
#include "sim/shopifysim.h"
#include "sim/woocommercesim.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcSimChannel)

namespace ChannelDesk {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

SimRequest toSimRequest(const QHttpServerRequest &request, const QString &prefix)
{
    SimRequest sim;
    sim.method = methodName(request.method());
    const QString encoded = request.url().path(QUrl::FullyEncoded);
    sim.path = encoded.mid(prefix.size());
    // Split before decoding so an encoded '/' inside a SKU stays inside its segment.
    const QStringList raw = sim.path.split(u'/', Qt::SkipEmptyParts);
    for (const QString &segment : raw)
        sim.segments.append(QUrl::fromPercentEncoding(segment.toUtf8()));
    sim.path = QUrl::fromPercentEncoding(sim.path.toUtf8());
    sim.query = request.query();
    sim.body = request.body();
    for (const auto &[name, value] : request.headers())
        sim.headers.insert(name.toLower(), value);
    return sim;
}

// Sends `response` on the responder's connection after `latencyMs`; the connection may be
// gone by then (the client gave up), which is fine.
void deliver(QObject *context, QHttpServerResponder &&responder, const SimResponse &response,
             int latencyMs)
{
    auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = shared->socket();
    auto send = [shared, socket, response] {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        switch (response.delivery) {
        case SimResponse::Delivery::Hold:
            // Drop the responder without a word: the request stays open until the client
            // gives up. (QHttpServerResponder 6.4's destructor writes nothing.)
            return;
        case SimResponse::Delivery::Reset: {
#ifdef Q_OS_UNIX
            // Linger 0 turns the close into a TCP RST, as a crashed proxy would send.
            const linger hard {1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                         sizeof hard);
#endif
            socket->abort();
            return;
        }
        case SimResponse::Delivery::Answer:
            break;
        }
        shared->writeStatusLine(QHttpServerResponder::StatusCode(response.status));
        for (const auto &[name, value] : response.headers)
            shared->writeHeader(name, value);
        shared->writeHeader("Content-Length", QByteArray::number(response.body.size()));
        shared->writeBody(response.body);
    };
    if (latencyMs > 0)
        QTimer::singleShot(latencyMs, context, send);
    else
        send();
}

SimResponse control(SimChannel *channel, const QString &what, const SimRequest &request)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    auto badBody = [] {
        return SimResponse::json(400,
                                 QJsonObject {{u"error"_s, u"the body must be a JSON object"_s}});
    };
    auto fromResult = [](const SimChannel::Result &result) {
        return SimResponse::json(result.status, result.body);
    };
    if (what == "faults"_L1) {
        if (request.method == "GET")
            return SimResponse::json(200, channel->faultsJson());
        if (request.method == "POST")
            return doc.isObject() ? fromResult(channel->setFaults(doc.object())) : badBody();
    } else if (what == "listings"_L1) {
        if (request.method == "GET")
            return SimResponse::json(200, channel->listingsJson());
        if (request.method == "POST") {
            if (!doc.isObject())
                return badBody();
            QString error;
            if (!channel->seedListings(doc.object(), &error))
                return SimResponse::json(400, QJsonObject {{u"error"_s, error}});
            return SimResponse::json(200, channel->listingsJson());
        }
    } else if (what == "orders"_L1) {
        if (request.method == "POST")
            return doc.isObject() ? fromResult(channel->placeOrder(doc.object())) : badBody();
    } else if (what == "cancel"_L1) {
        if (request.method == "POST")
            return doc.isObject() ? fromResult(channel->cancelOrder(doc.object())) : badBody();
    } else if (what == "webhooks"_L1) {
        if (request.method == "GET")
            return SimResponse::json(200, QJsonObject {{u"enabled"_s, channel->webhooksEnabled()}});
        if (request.method == "POST")
            return doc.isObject() ? fromResult(channel->setWebhooks(doc.object())) : badBody();
    } else if (what == "adjust"_L1) {
        if (request.method == "POST")
            return doc.isObject() ? fromResult(channel->adjustListing(doc.object())) : badBody();
    } else if (what == "stats"_L1) {
        if (request.method == "GET")
            return SimResponse::json(200, channel->statsJson());
        if (request.method == "DELETE") {
            channel->resetStats();
            return SimResponse::json(200, channel->statsJson());
        }
    } else {
        return SimResponse::json(404,
                                 QJsonObject {{u"error"_s,
                                               u"unknown control endpoint \"%1\"; known: faults, "
                                               u"listings, adjust, orders, cancel, webhooks, "
                                               u"stats"_s.arg(what)}});
    }
    return SimResponse::json(405, QJsonObject {{u"error"_s, u"method not allowed"_s}});
}

} // namespace

ChannelSimulator::ChannelSimulator(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
{
}

ChannelSimulator::~ChannelSimulator() = default;

bool ChannelSimulator::configure(const QJsonArray &channels, QString *error)
{
    QList<SimChannel *> created;
    auto fail = [&](const QString &message) {
        qDeleteAll(created);
        *error = message;
        return false;
    };
    QStringList ids = channelIds();
    for (int i = 0; i < channels.size(); ++i) {
        if (!channels.at(i).isObject())
            return fail(u"channels[%1] must be an object"_s.arg(i));
        const QJsonObject config = channels.at(i).toObject();
        const QString type = config.value("type"_L1).toString();
        SimChannel *channel = nullptr;
        if (type == "shopify"_L1)
            channel = new ShopifySim(m_clock, m_network, this);
        else if (type == "woocommerce"_L1)
            channel = new WooCommerceSim(m_clock, m_network, this);
        else if (type == "ebay"_L1)
            channel = new EbaySim(m_clock, m_network, this);
        else if (type == "amazon"_L1)
            channel = new AmazonSim(m_clock, m_network, this);
        else
            return fail(u"channels[%1].type must be shopify, woocommerce, ebay or amazon (got "
                        u"\"%2\")"_s.arg(i)
                            .arg(type));
        created.append(channel);
        QString channelError;
        if (!channel->configure(config, &channelError))
            return fail(channelError);
        if (ids.contains(channel->id()))
            return fail(u"channels[%1].id \"%2\" is used twice"_s.arg(i).arg(channel->id()));
        ids.append(channel->id());
    }
    m_channels.append(created);
    return true;
}

void ChannelSimulator::install(QHttpServer &server)
{
    for (SimChannel *channel : std::as_const(m_channels)) {
        QPointer<SimChannel> guarded(channel);
        const QString prefix = u"/"_s + channel->id();
        server.route(prefix + u"/<arg>"_s,
                     [this, guarded, prefix](const QUrl &, const QHttpServerRequest &request,
                                             QHttpServerResponder &&responder) {
                         if (!guarded)
                             return;
                         const SimResponse response = guarded->serve(toSimRequest(request, prefix));
                         deliver(this, std::move(responder), response, guarded->latencyMs());
                     });
        const QString controlPrefix = u"/_sim/"_s + channel->id();
        server.route(controlPrefix + u"/<arg>"_s,
                     [this, guarded, controlPrefix](const QString &what,
                                                    const QHttpServerRequest &request,
                                                    QHttpServerResponder &&responder) {
                         if (!guarded)
                             return;
                         deliver(this, std::move(responder),
                                 control(guarded, what, toSimRequest(request, controlPrefix)), 0);
                     });
        qCInfo(lcSimChannel) << "simulating" << channel->type() << "channel" << channel->id()
                             << "under" << prefix;
    }
}

QStringList ChannelSimulator::channelIds() const
{
    QStringList ids;
    for (const SimChannel *channel : m_channels)
        ids.append(channel->id());
    return ids;
}

SimChannel *ChannelSimulator::channel(const QString &id) const
{
    for (SimChannel *channel : m_channels) {
        if (channel->id() == id)
            return channel;
    }
    return nullptr;
}

} // namespace ChannelDesk
