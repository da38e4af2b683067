// map-pull and reconcile: what the channels really show (issue 10).
#include "channels/channelconfig.h"
#include "channels/channelfactory.h"
#include "cli.h"
#include "store/database.h"
#include "store/driftstore.h"
#include "sync/listingpull.h"
#include "sync/propagator.h"
#include "sync/reconciler.h"
#include "sync/syncengine.h"
#include "util/clock.h"
#include "util/timeformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

namespace {

QString actorOf(const QCommandLineParser &parser)
{
    const QString actor = parser.value(u"actor"_s);
    return actor.isEmpty() ? qEnvironmentVariable("USER", u"cli"_s) : actor;
}

// --config FILE, parsed; prints why and returns nullopt when it cannot be used.
std::optional<ChannelsConfig> loadConfig(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"config"_s)) {
        Cli::printError(u"--config FILE is required"_s);
        return std::nullopt;
    }
    const ChannelsConfigResult config =
        loadChannelsConfig(parser.value(u"config"_s), QProcessEnvironment::systemEnvironment());
    if (!config.ok()) {
        Cli::printError(u"%1: %2"_s.arg(parser.value(u"config"_s), config.error));
        return std::nullopt;
    }
    return config.config;
}

// Sends what is due on the channel by normal propagation and waits until nothing is due now
// (listings retrying later are left to `serve`). Answers how many are still pending.
int propagateUntilIdle(Database &db, ChannelAdapter *adapter)
{
    Propagator propagator(db, adapter, SystemClock::instance());
    QEventLoop loop;
    QObject::connect(&propagator, &Propagator::idle, &loop, &QEventLoop::quit);
    propagator.start();
    loop.exec();
    propagator.stop();
    const auto pending =
        PropagationStore(db).count(adapter->channelId(), ListingState::State::Pending);
    const auto retrying =
        PropagationStore(db).count(adapter->channelId(), ListingState::State::Retrying);
    return pending.valueOr(0) + retrying.valueOr(0);
}

QString sinceText(qint64 ms)
{
    return isoUtc(ms);
}

QJsonObject driftJson(const DriftRow &d, bool withChannel)
{
    QJsonObject o;
    if (withChannel)
        o.insert(u"channel"_s, d.channel);
    o.insert(u"sku"_s, d.sku);
    o.insert(u"remote_id"_s, d.remoteId);
    o.insert(u"shown"_s, d.shown);
    o.insert(u"expected"_s, d.expected);
    if (withChannel)
        o.insert(u"since"_s, sinceText(d.sinceMs));
    return o;
}

QJsonObject pullJson(const PullReport &r)
{
    QJsonArray remote;
    for (const RemoteListing &l : r.unmatchedRemote) {
        remote.append(QJsonObject {
            {u"remote_id"_s, l.remoteId},
            {u"sku"_s, l.sku},
            {u"quantity"_s, l.quantity ? QJsonValue(*l.quantity) : QJsonValue(QJsonValue::Null)}});
    }
    QJsonArray drift;
    for (const DriftRow &d : r.drift)
        drift.append(driftJson(d, false));
    QJsonObject o {{u"channel"_s, r.channel},
                   {u"listings"_s, r.listings},
                   {u"mapped"_s, r.mapped},
                   {u"already_mapped"_s, r.alreadyMapped},
                   {u"unmatched_remote"_s, remote},
                   {u"unmatched_local"_s, QJsonArray::fromStringList(r.unmatchedLocal)},
                   {u"drift"_s, drift},
                   {u"pushed"_s, QJsonArray::fromStringList(r.pushed)},
                   {u"adopted"_s, QJsonArray::fromStringList(r.adopted)}};
    if (r.dryRun)
        o.insert(u"dry_run"_s, true); // "mapped", "pushed", "adopted": what would be
    return o;
}

void printPull(const PullReport &r)
{
    Cli::printLine((r.dryRun ? u"%1: %2 listings, %3 would be mapped, %4 already mapped (dry run: "
                               "nothing was written)"_s
                             : u"%1: %2 listings, %3 newly mapped, %4 already mapped"_s)
                       .arg(r.channel)
                       .arg(r.listings)
                       .arg(r.mapped)
                       .arg(r.alreadyMapped));
    if (!r.unmatchedRemote.isEmpty()) {
        Cli::printLine(u"\nlistings on %1 with no SKU of ours:"_s.arg(r.channel));
        QList<QStringList> rows;
        for (const RemoteListing &l : r.unmatchedRemote)
            rows.append({l.remoteId, l.sku.isEmpty() ? u"(none)"_s : l.sku,
                         l.quantity ? QString::number(*l.quantity) : u"(no count)"_s});
        Cli::printTable({u"REMOTE ID"_s, u"SKU"_s, u"QUANTITY"_s}, rows, {2});
    }
    if (!r.unmatchedLocal.isEmpty())
        Cli::printLine(u"\nour SKUs with no listing on %1: %2"_s.arg(
            r.channel, r.unmatchedLocal.join(u", "_s)));
    if (!r.drift.isEmpty()) {
        Cli::printLine(u"\nnew listings showing another quantity than ours:"_s);
        QList<QStringList> rows;
        for (const DriftRow &d : r.drift)
            rows.append({d.sku, d.remoteId, QString::number(d.shown), QString::number(d.expected)});
        Cli::printTable({u"SKU"_s, u"REMOTE ID"_s, u"SHOWN"_s, u"EXPECTED"_s}, rows, {2, 3});
    }
    if (!r.pushed.isEmpty())
        Cli::printLine((r.dryRun ? u"\nwould send our quantity to %1 listing(s)"_s
                                 : u"\nsent our quantity to %1 listing(s)"_s)
                           .arg(r.pushed.size()));
    if (!r.adopted.isEmpty())
        Cli::printLine((r.dryRun ? u"\nwould take the channel's quantity as ours for %1"_s
                                 : u"\ntook the channel's quantity as ours for %1"_s)
                           .arg(r.adopted.join(u", "_s)));
    if (r.waitingLinesApplied > 0)
        Cli::printLine(u"%1 waiting order line(s) applied"_s.arg(r.waitingLinesApplied));
}

} // namespace

int runMapPull(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"map-pull"_s,
                     u"Page through a channel's catalogue and map every listing whose SKU is one "
                     "of ours. A new mapping never changes a channel unasked: listings showing "
                     "another quantity are listed as drift, unless --adopt says whose number "
                     "wins."_s);
    parser.addPositionalArgument(u"CHANNEL"_s, u"The channel's id in the config."_s);
    parser.addOption({u"config"_s, u"The config file (channels)."_s, u"FILE"_s});
    parser.addOption({u"json"_s, u"Print the report as JSON."_s});
    parser.addOption({u"adopt"_s,
                      u"Where a new listing differs: \"ours\" sends our quantity, \"theirs\" "
                      "takes the channel's as our available (only where no other channel lists "
                      "the SKU yet)."_s,
                      u"ours|theirs"_s});
    parser.addOption({u"dry-run"_s,
                      u"Read the catalogue and report what would be mapped, sent and adopted; "
                      "write nothing."_s});
    parser.addOption({u"actor"_s, u"Who is pulling, for the audit (default: $USER)."_s, u"name"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    if (parser.positionalArguments().size() != 1) {
        Cli::printError(u"expected exactly one CHANNEL"_s);
        return Cli::kBadInput;
    }
    AdoptPolicy adopt = AdoptPolicy::None;
    if (parser.isSet(u"adopt"_s)) {
        const auto policy = adoptPolicyFromName(parser.value(u"adopt"_s));
        if (!policy) {
            Cli::printError(
                u"--adopt must be ours or theirs, not \"%1\""_s.arg(parser.value(u"adopt"_s)));
            return Cli::kBadInput;
        }
        adopt = *policy;
    }
    const auto config = loadConfig(parser);
    if (!config)
        return Cli::kBadInput;
    const QString channelId = parser.positionalArguments().constFirst();
    const ChannelConfig *channel = config->channel(channelId);
    if (!channel) {
        Cli::printError(u"no channel \"%1\" in %2"_s.arg(channelId, parser.value(u"config"_s)));
        return Cli::kBadInput;
    }
    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;

    QNetworkAccessManager network;
    auto adapter = createChannelAdapter(*channel, &network, SystemClock::instance());
    QList<RemoteListing> pulled;
    QString pullError;
    {
        QEventLoop loop;
        bool answered = false;
        pullCatalogue(listingReadsOf(adapter.get()),
                      [&](const QList<RemoteListing> &listings, const QString &error) {
                          pulled = listings;
                          pullError = error;
                          answered = true;
                          loop.quit();
                      });
        if (!answered)
            loop.exec();
    }
    if (!pullError.isEmpty()) {
        Cli::printError(u"%1: %2 (nothing was mapped)"_s.arg(channelId, pullError));
        return Cli::kChannelFailed;
    }
    SyncEngine engine(*db);
    const PullMode mode = parser.isSet(u"dry-run"_s) ? PullMode::DryRun : PullMode::Map;
    const PullReport report = applyPull(*db, engine, channelId, pulled, adopt, actorOf(parser),
                                        QDateTime::currentMSecsSinceEpoch(), mode, channel->buffer);
    if (!report.ok()) {
        Cli::printError(u"%1: %2"_s.arg(channelId, report.error));
        return Cli::kUnusableDatabase;
    }
    if (mode == PullMode::Map && adopt == AdoptPolicy::Ours && !report.pushed.isEmpty()) {
        if (const int left = propagateUntilIdle(*db, adapter.get()); left > 0)
            Cli::printError(
                u"%1 listing(s) of %2 are still pending: `serve` sends them"_s.arg(left).arg(
                    channelId));
    }
    if (parser.isSet(u"json"_s))
        Cli::printJson(pullJson(report));
    else
        printPull(report);
    return Cli::kOk;
}

int runReconcile(const QStringList &args)
{
    QCommandLineParser parser;
    Cli::setUpParser(parser, u"reconcile"_s,
                     u"Read every mapped listing's quantity back from the channels and list "
                     "those that show another quantity than they should (drift). Listings with "
                     "a push pending or in flight are on their way, not drift."_s);
    parser.addOption({u"config"_s, u"The config file (channels)."_s, u"FILE"_s});
    parser.addOption({u"channel"_s, u"Only this channel."_s, u"ID"_s});
    parser.addOption({u"json"_s, u"Print the drift as JSON."_s});
    parser.addOption({u"fix"_s,
                      u"Send the drifting listings our quantity again (normal propagation, "
                      "audited as reconcile)."_s});
    parser.addOption({u"actor"_s, u"Who is fixing, for the audit (default: $USER)."_s, u"name"_s});
    int code = 0;
    if (!Cli::parse(parser, args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        Cli::printError(u"reconcile takes no arguments (use --channel ID)"_s);
        return Cli::kBadInput;
    }
    const auto config = loadConfig(parser);
    if (!config)
        return Cli::kBadInput;
    QList<ChannelConfig> channels;
    if (parser.isSet(u"channel"_s)) {
        const ChannelConfig *one = config->channel(parser.value(u"channel"_s));
        if (!one) {
            Cli::printError(u"no channel \"%1\" in %2"_s.arg(parser.value(u"channel"_s),
                                                             parser.value(u"config"_s)));
            return Cli::kBadInput;
        }
        channels.append(*one);
    } else {
        channels = config->channels;
    }
    auto db = Cli::openDatabase(parser);
    if (!db)
        return Cli::kUnusableDatabase;

    const bool fix = parser.isSet(u"fix"_s);
    QNetworkAccessManager network;
    QJsonArray out;
    QList<QStringList> rows;
    int result = Cli::kOk;
    for (const ChannelConfig &channel : std::as_const(channels)) {
        auto adapter = createChannelAdapter(channel, &network, SystemClock::instance());
        ReconcileReport report;
        {
            QEventLoop loop;
            bool answered = false;
            reconcileChannel(
                *db, channel.id, listingReadsOf(adapter.get()), SystemClock::instance(),
                [&](const ReconcileReport &r) {
                    report = r;
                    answered = true;
                    loop.quit();
                },
                channel.buffer);
            if (!answered)
                loop.exec();
        }
        if (!report.ok()) {
            Cli::printError(u"%1: %2"_s.arg(channel.id, report.error));
            result = Cli::kChannelFailed;
            continue;
        }
        bool fixed = false;
        if (fix && !report.drift.isEmpty()) {
            const auto armed = DriftStore(*db).resend(report.drift, actorOf(parser),
                                                      QDateTime::currentMSecsSinceEpoch());
            if (!armed) {
                Cli::printError(u"%1: cannot send again: %2"_s.arg(channel.id, armed.error()));
                return Cli::kUnusableDatabase;
            }
            const int left = propagateUntilIdle(*db, adapter.get());
            fixed = left == 0;
            if (left > 0)
                Cli::printError(u"%1: %2 listing(s) still pending: `serve` sends them"_s.arg(
                    channel.id, QString::number(left)));
        }
        for (const DriftRow &d : std::as_const(report.drift)) {
            QJsonObject o = driftJson(d, true);
            if (fix)
                o.insert(u"fixed"_s, fixed);
            out.append(o);
            QStringList row {d.channel,
                             d.sku,
                             d.remoteId,
                             QString::number(d.shown),
                             QString::number(d.expected),
                             sinceText(d.sinceMs)};
            if (fix)
                row.append(fixed ? u"yes"_s : u"no"_s);
            rows.append(row);
        }
    }
    if (parser.isSet(u"json"_s)) {
        Cli::printJson(out);
    } else if (rows.isEmpty()) {
        Cli::printLine(u"no drift: every compared listing shows what it should"_s);
    } else {
        QStringList headers {u"CHANNEL"_s, u"SKU"_s,      u"REMOTE ID"_s,
                             u"SHOWN"_s,   u"EXPECTED"_s, u"SINCE"_s};
        if (fix)
            headers.append(u"FIXED"_s);
        Cli::printTable(headers, rows, {3, 4});
    }
    return result;
}
