#include "orderintake.h"

#include "channels/webhook.h"

#include <QLoggingCategory>

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcIntake, "channeldesk.intake")

namespace {
using namespace Qt::StringLiterals;

QJsonObject errorBody(const QString &message)
{
    return QJsonObject {{u"error"_s, message}};
}
} // namespace

OrderIntake::OrderIntake(Database &inbox, const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_db(inbox)
    , m_store(inbox)
    , m_clock(clock)
    , m_options(options)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(m_options.maxWaitMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &OrderIntake::flush);
}

OrderIntake::~OrderIntake()
{
    flush();
}

void OrderIntake::setChannels(const QList<Channel> &channels)
{
    m_channels = channels;
}

const OrderIntake::Channel *OrderIntake::channel(const QString &id) const
{
    for (const Channel &c : m_channels) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

void OrderIntake::receive(const Delivery &delivery, Reply reply)
{
    const Channel *c = channel(delivery.channel);
    if (!c) {
        reply(404, errorBody(u"no channel \"%1\" is configured"_s.arg(delivery.channel)));
        return;
    }
    if (!c->parser) {
        reply(404,
              errorBody(u"channel %1 (%2) takes no webhooks; its orders are fetched"_s.arg(
                  c->id, c->type)));
        return;
    }
    if (!c->takesWebhooks) {
        reply(404,
              errorBody(u"channel %1 takes its orders by polling (intake \"poll\"), not by "
                        "webhook"_s.arg(c->id)));
        return;
    }
    if (delivery.body.size() > m_options.maxBodyBytes) {
        reply(413, errorBody(u"body over %1 bytes"_s.arg(m_options.maxBodyBytes)));
        return;
    }
    // The signature before anything is kept: what is not signed is not ours to keep.
    WebhookRequest request {delivery.body, delivery.headers};
    const WebhookResult parsed = c->parser->parse(request, c->secrets);
    if (parsed.kind == WebhookResult::Kind::BadSignature) {
        qCWarning(lcIntake).noquote() << c->id << "webhook refused:" << parsed.message;
        reply(401, errorBody(parsed.message));
        return;
    }
    Waiting w {delivery, std::move(reply)};
    if (w.delivery.topic.isEmpty())
        w.delivery.topic = parsed.topic.toUtf8();
    if (w.delivery.deliveryId.isEmpty())
        w.delivery.deliveryId = parsed.deliveryId;
    if (w.delivery.receivedAtMs == 0)
        w.delivery.receivedAtMs = m_clock.nowMs();
    m_waiting.append(std::move(w));
    if (m_waiting.size() >= m_options.maxBatch)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void OrderIntake::flush()
{
    m_flushTimer.stop();
    if (m_waiting.isEmpty())
        return;
    const QList<Waiting> batch = std::exchange(m_waiting, {});
    QList<Delivery> deliveries;
    deliveries.reserve(batch.size());
    for (const Waiting &w : batch)
        deliveries.append(w.delivery);
    const auto ids = m_store.append(deliveries);
    if (!ids) {
        // Nothing was kept (one transaction): the channels deliver again.
        qCWarning(lcIntake).noquote()
            << batch.size() << "deliveries refused, the inbox cannot be written:" << ids.error();
        for (const Waiting &w : batch)
            w.reply(503, errorBody(u"the inbox cannot be written: %1"_s.arg(ids.error())));
        return;
    }
    for (qsizetype i = 0; i < batch.size(); ++i)
        batch.at(i).reply(200,
                          QJsonObject {{u"status"_s, u"accepted"_s}, {u"delivery"_s, ids->at(i)}});
    QStringList channels;
    for (const Delivery &d : std::as_const(deliveries))
        channels.append(d.channel);
    Q_EMIT appended(channels);
}

Status OrderIntake::appendPolled(const QList<Delivery> &deliveries)
{
    if (deliveries.isEmpty())
        return {};
    const auto ids = m_store.append(deliveries);
    if (!ids)
        return Error {ids.error()};
    QStringList channels;
    for (const Delivery &d : deliveries)
        channels.append(d.channel);
    Q_EMIT appended(channels);
    return {};
}

} // namespace ChannelDesk
