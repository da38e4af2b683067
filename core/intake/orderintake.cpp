#include "orderintake.h"

#include "channels/webhook.h"
#include "store/database.h"

#include <QLoggingCategory>
#include <QSqlQuery>

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcIntake, "channeldesk.intake")

namespace {
using namespace Qt::StringLiterals;

QJsonObject errorBody(const QString &message)
{
    return QJsonObject {{u"error"_s, message}};
}

QString closedMessage()
{
    return u"the intake is shutting down; deliver again"_s;
}

// Outcomes are bookkeeping (a lost one is written again by the next drain, as a duplicate): on
// SQLite their transaction does not sync (synchronous=NORMAL for it), and under "durability":
// "full" the next group commit's sync covers it too (in WAL mode a sync takes every commit
// before it). So a full inbox pays one fsync per group commit, not one more per drain.
Status recordUnsynced(Database &db, const QList<InboxStore::Outcome> &outcomes, qint64 nowMs)
{
    bool lowered = false;
    if (db.dialect() == Database::Dialect::Sqlite) {
        QSqlQuery level(db.connection());
        // 2: FULL (https://sqlite.org/pragma.html#pragma_synchronous).
        if (level.exec(u"PRAGMA synchronous"_s) && level.next() && level.value(0).toInt() >= 2)
            lowered = db.exec(u"PRAGMA synchronous = NORMAL"_s);
    }
    const Status recorded = InboxStore(db).recordOutcomes(outcomes, nowMs);
    if (lowered && !db.exec(u"PRAGMA synchronous = FULL"_s))
        qCWarning(lcIntake).noquote()
            << "the inbox's synchronous level cannot be set back:" << db.lastError();
    return recorded;
}
} // namespace

OrderIntake::OrderIntake(Database &inbox, const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_db(inbox)
    , m_store(inbox)
    , m_clock(clock)
    , m_options(options)
{
    m_writer = std::make_unique<IntakeWriter>(
        IntakeWriter::Options {m_options.maxBatch, m_options.maxWaitMs},
        [this](const QStringList &channels) {
            back([this, channels] { Q_EMIT appended(channels); });
        });
}

OrderIntake::~OrderIntake()
{
    close();
}

bool OrderIntake::start(IntakeWriter::Opener open, QString *error)
{
    return m_writer->start(std::move(open), error);
}

void OrderIntake::setChannels(const QList<Channel> &channels)
{
    const std::lock_guard lock(m_channelsMutex);
    m_channels = channels;
}

std::optional<OrderIntake::Channel> OrderIntake::channel(const QString &id) const
{
    const std::lock_guard lock(m_channelsMutex);
    for (const Channel &c : m_channels) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}

void OrderIntake::back(std::function<void()> call)
{
    m_back.push(std::move(call));
}

void OrderIntake::receive(const Delivery &delivery, Reply reply)
{
    const std::optional<Channel> c = channel(delivery.channel);
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
    Delivery kept = delivery;
    if (kept.topic.isEmpty())
        kept.topic = parsed.topic.toUtf8();
    if (kept.deliveryId.isEmpty())
        kept.deliveryId = parsed.deliveryId;
    if (kept.receivedAtMs == 0)
        kept.receivedAtMs = m_clock.nowMs();
    // Answered by the writer, only after the group commit that holds it.
    const auto answer = [reply](const Result<QList<qint64>> &ids) {
        if (!ids) {
            // Nothing of the group was kept (one transaction): the channel delivers again.
            qCWarning(lcIntake).noquote()
                << "delivery refused, the inbox cannot be written:" << ids.error();
            reply(503, errorBody(u"the inbox cannot be written: %1"_s.arg(ids.error())));
            return;
        }
        reply(200, QJsonObject {{u"status"_s, u"accepted"_s}, {u"delivery"_s, ids->first()}});
    };
    if (!m_writer->append({std::move(kept)}, answer))
        reply(503, errorBody(closedMessage()));
}

void OrderIntake::appendPolled(const QList<Delivery> &deliveries, Done done)
{
    if (deliveries.isEmpty()) {
        done({});
        return;
    }
    const bool handed =
        m_writer->append(deliveries, [this, done](const Result<QList<qint64>> &ids) {
            const Status kept = ids ? Status {} : Status {Error {ids.error()}};
            back([done, kept] { done(kept); });
        });
    if (!handed)
        done(Error {closedMessage()});
}

void OrderIntake::recordOutcomes(const QList<InboxStore::Outcome> &outcomes, qint64 nowMs,
                                 Done done)
{
    const bool handed = m_writer->post([this, outcomes, nowMs, done](Database &db) {
        const Status recorded = recordUnsynced(db, outcomes, nowMs);
        back([done, recorded] { done(recorded); });
    });
    if (!handed)
        done(Error {closedMessage()});
}

void OrderIntake::prune(qint64 cutoffMs)
{
    m_writer->post([cutoffMs](Database &db) {
        const auto pruned = InboxStore(db).prune(cutoffMs);
        if (!pruned)
            qCWarning(lcIntake).noquote() << "cannot prune the inbox:" << pruned.error();
        else if (*pruned > 0)
            qCInfo(lcIntake) << *pruned << "drained deliveries pruned from the inbox";
    });
}

bool OrderIntake::onWriter(std::function<void(Database &)> call)
{
    return m_writer->post(std::move(call));
}

void OrderIntake::flush()
{
    m_writer->flush();
    m_back.runPending();
}

void OrderIntake::close()
{
    m_writer->close();
}

} // namespace ChannelDesk
