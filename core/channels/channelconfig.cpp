#include "channelconfig.h"

#include "bufferconfig.h"
#include "domain/channelid.h"
#include "domain/sku.h"
#include "io/jsonkeys.h"
#include "util/controlchars.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

const QStringList kTypes = {u"shopify"_s, u"woocommerce"_s, u"ebay"_s, u"amazon"_s};

// Reads one channel object; the first problem found is kept with its field path.
class ChannelReader
{
public:
    ChannelReader(const QJsonObject &object, const QString &path, const SecretSources &sources)
        : m_object(object)
        , m_path(path)
        , m_sources(sources)
    {
    }

    std::optional<ChannelConfig> read();
    QString error() const { return m_error; }

private:
    bool fail(const QString &field, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = u"%1.%2: %3"_s.arg(m_path, field, what);
        return false;
    }
    std::optional<QString> requiredString(const QJsonObject &object, const QString &field,
                                          const QString &fieldPath);
    std::optional<QString> optionalString(const QJsonObject &object, const QString &field,
                                          const QString &fieldPath);
    bool readSecret(const QJsonObject &object, const SecretField &field, const QString &fieldPath,
                    QByteArray *value);
    bool readUrl(const QString &text, const QString &field, QUrl *url);
    // "intake" and "poll_interval_s" (after "type": eBay and Amazon have no order webhooks).
    bool readIntake(ChannelConfig *config);

    QJsonObject m_object;
    QString m_path;
    const SecretSources &m_sources;
    QString m_id;
    QString m_error;
};

std::optional<QString> ChannelReader::requiredString(const QJsonObject &object,
                                                     const QString &field, const QString &fieldPath)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull()) {
        fail(fieldPath, u"missing"_s);
        return std::nullopt;
    }
    if (!value.isString()) {
        fail(fieldPath, u"must be a string"_s);
        return std::nullopt;
    }
    const QString text = value.toString().trimmed();
    if (text.isEmpty()) {
        fail(fieldPath, u"must not be empty"_s);
        return std::nullopt;
    }
    if (hasControlCharacter(text)) {
        fail(fieldPath, u"must not contain control characters"_s);
        return std::nullopt;
    }
    return text;
}

std::optional<QString> ChannelReader::optionalString(const QJsonObject &object,
                                                     const QString &field, const QString &fieldPath)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return QString();
    return requiredString(object, field, fieldPath);
}

bool ChannelReader::readSecret(const QJsonObject &object, const SecretField &field,
                               const QString &fieldPath, QByteArray *value)
{
    const QJsonValue named = object.value(field.envField);
    const bool hasName = !named.isUndefined() && !named.isNull();
    QString name;
    if (hasName || (field.required && !m_sources.keychain)) {
        const auto text = requiredString(object, field.envField, fieldPath);
        if (!text)
            return false;
        static const QRegularExpression envName(u"^[A-Za-z_][A-Za-z0-9_]*\\z"_s);
        if (!envName.match(*text).hasMatch())
            return fail(fieldPath, u"\"%1\" is not an environment variable name"_s.arg(*text));
        name = *text;
    }
    // The keychain wins; the environment variable is the fallback.
    const QString key = SecretKeys::channel(m_id, field.role);
    if (m_sources.keychain) {
        const std::optional<QByteArray> stored = m_sources.keychain(key);
        if (stored && !stored->isEmpty()) {
            *value = *stored;
            return true;
        }
    }
    const QString secret = name.isEmpty() ? QString() : m_sources.environment.value(name);
    if (secret.isEmpty() && m_sources.policy == SecretPolicy::Require &&
        (field.required || !name.isEmpty())) {
        if (!m_sources.keychain)
            return fail(fieldPath, u"environment variable %1 is not set"_s.arg(name));
        if (name.isEmpty())
            return fail(fieldPath, u"missing, and the keychain has no %1"_s.arg(key));
        return fail(
            fieldPath,
            u"environment variable %1 is not set, and the keychain has no %2"_s.arg(name, key));
    }
    *value = secret.toUtf8();
    return true;
}

bool ChannelReader::readUrl(const QString &text, const QString &field, QUrl *url)
{
    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty() ||
        (parsed.scheme() != u"http"_s && parsed.scheme() != u"https"_s))
        return fail(field, u"\"%1\" is not an http(s) URL"_s.arg(text));
    if (parsed.hasQuery() || parsed.hasFragment())
        return fail(field, u"must not carry a query or fragment"_s);
    *url = parsed;
    return true;
}

bool ChannelReader::readIntake(ChannelConfig *config)
{
    const QJsonValue intake = m_object.value(u"intake"_s);
    if (!intake.isUndefined() && !intake.isNull()) {
        const auto parsed = intakeFromName(intake.toString());
        if (!intake.isString() || !parsed)
            return fail(u"intake"_s, u"must be \"webhook\", \"poll\" or \"both\""_s);
        static const QStringList noWebhooks = {u"ebay"_s, u"amazon"_s};
        if (intakeTakesWebhooks(*parsed) && noWebhooks.contains(config->type))
            return fail(u"intake"_s,
                        u"%1 delivers no order webhooks: its orders are polled (\"poll\")"_s.arg(
                            config->type));
        config->intake = parsed;
    }
    const QJsonValue interval = m_object.value(u"poll_interval_s"_s);
    if (!interval.isUndefined() && !interval.isNull()) {
        const qint64 seconds = interval.toInteger(-1);
        if (!interval.isDouble() || interval.toDouble() != double(seconds) || seconds < 1 ||
            seconds > 86400)
            return fail(u"poll_interval_s"_s,
                        u"must be a whole number of seconds from 1 to 86400"_s);
        config->pollIntervalSeconds = int(seconds);
    }
    return true;
}

std::optional<ChannelConfig> ChannelReader::read()
{
    ChannelConfig config;
    const auto id = requiredString(m_object, u"id"_s, u"id"_s);
    if (!id)
        return std::nullopt;
    if (const QString error = ChannelId::validationError(*id); !error.isEmpty()) {
        fail(u"id"_s, error);
        return std::nullopt;
    }
    config.id = *id;
    m_id = *id;

    const auto type = requiredString(m_object, u"type"_s, u"type"_s);
    if (!type)
        return std::nullopt;
    if (!kTypes.contains(*type)) {
        fail(u"type"_s, u"\"%1\" is not one of %2"_s.arg(*type, kTypes.join(u", "_s)));
        return std::nullopt;
    }
    config.type = *type;

    const auto base = requiredString(m_object, u"base_url"_s, u"base_url"_s);
    if (!base || !readUrl(*base, u"base_url"_s, &config.baseUrl))
        return std::nullopt;

    const auto version = optionalString(m_object, u"api_version"_s, u"api_version"_s);
    if (!version)
        return std::nullopt;
    config.apiVersion = *version;

    const QJsonValue rate = m_object.value(u"max_requests_per_second"_s);
    if (!rate.isUndefined() && !rate.isNull()) {
        if (!rate.isDouble() || !(rate.toDouble() > 0) || !std::isfinite(rate.toDouble())) {
            fail(u"max_requests_per_second"_s, u"must be a number above 0"_s);
            return std::nullopt;
        }
        config.maxRequestsPerSecond = rate.toDouble();
    }
    const QJsonValue safetyBuffer = m_object.value(u"safety_buffer"_s);
    if (!safetyBuffer.isUndefined() && !safetyBuffer.isNull()) {
        const qint64 integer = safetyBuffer.toInteger(-1);
        if (!safetyBuffer.isDouble() || integer < 0 || integer > Quantity::kMax) {
            fail(u"safety_buffer"_s, u"must be a whole number from 0 to %1"_s.arg(Quantity::kMax));
            return std::nullopt;
        }
        config.buffer.pauseAt = integer; // the older key: buffer.pause_at wins over it
    }
    const std::optional<qint64> legacyPauseAt = config.buffer.pauseAt;
    if (const QString error =
            parseBufferConfig(m_object.value(u"buffer"_s), m_path + u".buffer"_s, &config.buffer);
        !error.isEmpty()) {
        m_error = error;
        return std::nullopt;
    }
    if (!config.buffer.pauseAt)
        config.buffer.pauseAt = legacyPauseAt;
    const QJsonValue timeout = m_object.value(u"request_timeout_ms"_s);
    if (!timeout.isUndefined() && !timeout.isNull()) {
        const qint64 integer = timeout.toInteger(-1);
        if (!timeout.isDouble() || integer < 100 || integer > 600000) {
            fail(u"request_timeout_ms"_s, u"must be a whole number from 100 to 600000"_s);
            return std::nullopt;
        }
        config.requestTimeoutMs = static_cast<int>(integer);
    }
    const QJsonValue reconcile = m_object.value(u"reconcile_interval_s"_s);
    if (!reconcile.isUndefined() && !reconcile.isNull()) {
        const qint64 integer = reconcile.toInteger(-1);
        if (!reconcile.isDouble() || reconcile.toDouble() != double(integer) || integer < 0 ||
            integer > 7 * 24 * 3600) {
            fail(u"reconcile_interval_s"_s,
                 u"must be a whole number of seconds from 0 (off) to 604800"_s);
            return std::nullopt;
        }
        config.reconcileIntervalS = static_cast<int>(integer);
    }

    if (!readIntake(&config))
        return std::nullopt;

    const QJsonValue credentialsValue = m_object.value(u"credentials"_s);
    const bool noCredentials = credentialsValue.isUndefined() || credentialsValue.isNull();
    if (noCredentials && !m_sources.keychain) {
        fail(u"credentials"_s, u"missing"_s);
        return std::nullopt;
    }
    if (!noCredentials && !credentialsValue.isObject()) {
        fail(u"credentials"_s, u"must be an object"_s);
        return std::nullopt;
    }
    const QJsonObject credentials = credentialsValue.toObject();

    if (config.type == u"shopify"_s) {
        const auto location = requiredString(m_object, u"location_id"_s, u"location_id"_s);
        if (!location)
            return std::nullopt;
        static const QRegularExpression locationPattern(u"^(gid://shopify/Location/)?[0-9]+$"_s);
        if (!locationPattern.match(*location).hasMatch()) {
            fail(u"location_id"_s,
                 u"\"%1\" is not a location id (digits or gid://shopify/Location/<n>)"_s.arg(
                     *location));
            return std::nullopt;
        }
        config.locationId = *location;
    } else if (config.type == u"amazon"_s) {
        const auto seller = requiredString(m_object, u"seller_id"_s, u"seller_id"_s);
        if (!seller)
            return std::nullopt;
        config.sellerId = *seller;
        const auto marketplace = requiredString(m_object, u"marketplace_id"_s, u"marketplace_id"_s);
        if (!marketplace)
            return std::nullopt;
        config.marketplaceId = *marketplace;
        const auto lwa = optionalString(m_object, u"lwa_url"_s, u"lwa_url"_s);
        if (!lwa)
            return std::nullopt;
        config.lwaUrl = QUrl(u"https://api.amazon.com"_s);
        if (!lwa->isEmpty() && !readUrl(*lwa, u"lwa_url"_s, &config.lwaUrl))
            return std::nullopt;
        const QJsonValue feed = m_object.value(u"feed_threshold"_s);
        if (!feed.isUndefined() && !feed.isNull()) {
            const qint64 integer = feed.toInteger(-1);
            if (!feed.isDouble() || feed.toDouble() != double(integer) || integer < 0 ||
                integer > 1'000'000) {
                fail(u"feed_threshold"_s, u"must be a whole number from 0 (off) to 1000000"_s);
                return std::nullopt;
            }
            config.feedThreshold = static_cast<int>(integer);
        }
    }
    // Credentials first, then the webhook secrets (current, then previous during a rotation).
    const QList<SecretField> fields = SecretKeys::channelFields(config.type);
    for (const SecretField &field : fields) {
        QByteArray secret;
        if (field.inCredentials) {
            if (!readSecret(credentials, field, u"credentials."_s + field.envField, &secret))
                return std::nullopt;
            config.credentials.insert(field.role, secret);
        } else {
            // A channel whose orders are only polled receives no webhook to verify.
            SecretField webhook = field;
            if (config.intake == IntakeMode::Poll)
                webhook.required = false;
            if (!readSecret(m_object, webhook, webhook.envField, &secret))
                return std::nullopt;
            if (!secret.isEmpty())
                config.webhookSecrets.append(secret);
        }
    }
    return config;
}

bool parseListen(const QString &text, ChannelsConfig *config)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return false;
    if (host != u"localhost"_s && QHostAddress(host).isNull())
        return false;
    config->listenHost = host;
    config->listenPort = static_cast<quint16>(port);
    return true;
}

// The optional "alerts" object; returns an error naming the field, or an empty string.
QString parseAlerts(const QJsonValue &value, AlertThresholds *alerts)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject())
        return u"alerts: must be an object"_s;
    const QJsonObject object = value.toObject();
    struct Limit
    {
        const char *field;
        double *target;
        double min; // exclusive
        double max; // inclusive
        const char *what;
    };
    const Limit limits[] = {
        {"lag_p99_seconds", &alerts->lagP99Seconds, 0, 86400,
         "must be a number of seconds above 0"},
        {"lag_max_seconds", &alerts->lagMaxSeconds, 0, 86400,
         "must be a number of seconds above 0"},
        {"success_rate_min", &alerts->successRateMin, -1e-9, 1, "must be a number from 0 to 1"},
    };
    for (const Limit &limit : limits) {
        const QJsonValue v = object.value(QLatin1StringView(limit.field));
        if (v.isUndefined() || v.isNull())
            continue;
        const double number = v.toDouble(-1);
        if (!v.isDouble() || !std::isfinite(number) || number <= limit.min || number > limit.max)
            return u"alerts.%1: %2"_s.arg(QLatin1StringView(limit.field),
                                          QLatin1StringView(limit.what));
        *limit.target = number;
    }
    return {};
}

} // namespace

const ChannelConfig *ChannelsConfig::channel(const QString &id) const
{
    for (const ChannelConfig &config : channels) {
        if (config.id == id)
            return &config;
    }
    return nullptr;
}

ChannelsConfigResult parseChannelsConfig(const QByteArray &json,
                                         const QProcessEnvironment &environment,
                                         SecretPolicy secrets)
{
    return parseChannelsConfig(json, SecretSources {environment, {}, secrets});
}

ChannelsConfigResult parseChannelsConfig(const QByteArray &json, const SecretSources &sources)
{
    ChannelsConfigResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = u"config: not valid JSON at offset %1: %2"_s.arg(parseError.offset)
                           .arg(parseError.errorString());
        return result;
    }
    if (!document.isObject()) {
        result.error = u"config: must be a JSON object"_s;
        return result;
    }
    if (const auto duplicate = firstDuplicateJsonKey(json)) {
        result.error =
            u"config: %1 is given twice (the second at offset %2); keep one"_s.arg(duplicate->path)
                .arg(duplicate->offset);
        return result;
    }
    const QJsonObject root = document.object();
    ChannelsConfig config;

    const QJsonValue listen = root.value(u"listen"_s);
    if (!listen.isUndefined() && !listen.isNull()) {
        if (!listen.isString() || !parseListen(listen.toString(), &config)) {
            result.error = u"listen: must be \"host:port\", e.g. \"127.0.0.1:8787\""_s;
            return result;
        }
    }
    const QJsonValue listener = root.value(u"listener"_s);
    if (!listener.isUndefined() && !listener.isNull()) {
        result.error = listener.isObject()
            ? parseListenerLimits(listener.toObject(), &config.listener)
            : u"listener: must be an object"_s;
        if (!result.error.isEmpty())
            return result;
    }

    const QJsonValue buffer = root.value(u"safety_buffer"_s);
    if (!buffer.isUndefined() && !buffer.isNull()) {
        const qint64 integer = buffer.toInteger(-1);
        if (!buffer.isDouble() || integer < 0 || integer > Quantity::kMax) {
            result.error =
                u"safety_buffer: must be a whole number from 0 to %1"_s.arg(Quantity::kMax);
            return result;
        }
        config.defaultSafetyBuffer = integer;
    }
    result.error = parseAlerts(root.value(u"alerts"_s), &config.alerts);
    if (!result.error.isEmpty())
        return result;
    const QJsonValue durability = root.value(u"durability"_s);
    if (!durability.isUndefined() && !durability.isNull()) {
        if (durability != u"full"_s && durability != u"normal"_s) {
            result.error = u"durability: must be \"full\" or \"normal\""_s;
            return result;
        }
        config.durabilityFull = durability == u"full"_s;
    }
    const QJsonValue retention = root.value(u"inbox_retention_days"_s);
    if (!retention.isUndefined() && !retention.isNull()) {
        const qint64 days = retention.toInteger(-1);
        if (!retention.isDouble() || days < 1 || days > 3650) {
            result.error = u"inbox_retention_days: must be a whole number from 1 to 3650"_s;
            return result;
        }
        config.inboxRetentionDays = int(days);
    }

    const QJsonValue channelsValue = root.value(u"channels"_s);
    if (channelsValue.isUndefined() || channelsValue.isNull()) {
        result.error = u"channels: missing"_s;
        return result;
    }
    if (!channelsValue.isArray()) {
        result.error = u"channels: must be an array"_s;
        return result;
    }
    const QJsonArray channels = channelsValue.toArray();
    QSet<QString> seen;
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const QString path = u"channels[%1]"_s.arg(i);
        if (!channels.at(i).isObject()) {
            result.error = path + u": must be an object"_s;
            return result;
        }
        ChannelReader reader(channels.at(i).toObject(), path, sources);
        auto channel = reader.read();
        if (!channel) {
            result.error = reader.error();
            return result;
        }
        if (seen.contains(channel->id)) {
            result.error = u"%1.id: \"%2\" is used by an earlier channel"_s.arg(path, channel->id);
            return result;
        }
        seen.insert(channel->id);
        if (!channel->buffer.pauseAt)
            channel->buffer.pauseAt = config.defaultSafetyBuffer;
        config.channels.append(*channel);
    }
    result.config = config;
    return result;
}

ChannelsConfigResult loadChannelsConfig(const QString &path, const QProcessEnvironment &environment,
                                        SecretPolicy secrets)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ChannelsConfigResult result;
        result.error = u"config: cannot read %1: %2"_s.arg(path, file.errorString());
        return result;
    }
    return parseChannelsConfig(file.readAll(), environment, secrets);
}

QJsonObject channelsConfigToJson(const ChannelsConfig &config)
{
    QJsonObject root;
    const bool v6 = config.listenHost.contains(u':');
    root.insert(
        u"listen"_s,
        QString((v6 ? u"[%1]:%2"_s : u"%1:%2"_s).arg(config.listenHost).arg(config.listenPort)));
    if (const QJsonObject listener = listenerLimitsToJson(config.listener); !listener.isEmpty())
        root.insert(u"listener"_s, listener);
    if (config.defaultSafetyBuffer)
        root.insert(u"safety_buffer"_s, *config.defaultSafetyBuffer);
    if (!config.durabilityFull)
        root.insert(u"durability"_s, u"normal"_s);
    if (config.inboxRetentionDays != ChannelsConfig().inboxRetentionDays)
        root.insert(u"inbox_retention_days"_s, config.inboxRetentionDays);
    const AlertThresholds defaults;
    if (!(config.alerts == defaults))
        root.insert(u"alerts"_s,
                    QJsonObject {{u"lag_p99_seconds"_s, config.alerts.lagP99Seconds},
                                 {u"lag_max_seconds"_s, config.alerts.lagMaxSeconds},
                                 {u"success_rate_min"_s, config.alerts.successRateMin}});
    QJsonArray channels;
    for (const ChannelConfig &c : config.channels) {
        QJsonObject o {{u"id"_s, c.id},
                       {u"type"_s, c.type},
                       {u"base_url"_s, c.baseUrl.toString()},
                       {u"credentials"_s, QJsonObject()}};
        if (!c.locationId.isEmpty())
            o.insert(u"location_id"_s, c.locationId);
        if (!c.sellerId.isEmpty())
            o.insert(u"seller_id"_s, c.sellerId);
        if (!c.marketplaceId.isEmpty())
            o.insert(u"marketplace_id"_s, c.marketplaceId);
        if (c.type == u"amazon"_s && c.lwaUrl.isValid())
            o.insert(u"lwa_url"_s, c.lwaUrl.toString());
        if (c.feedThreshold)
            o.insert(u"feed_threshold"_s, *c.feedThreshold);
        if (c.maxRequestsPerSecond)
            o.insert(u"max_requests_per_second"_s, *c.maxRequestsPerSecond);
        if (!c.buffer.isEmpty())
            o.insert(u"buffer"_s, bufferConfigToJson(c.buffer));
        if (c.intake)
            o.insert(u"intake"_s, intakeName(*c.intake));
        if (c.pollIntervalSeconds)
            o.insert(u"poll_interval_s"_s, *c.pollIntervalSeconds);
        if (c.reconcileIntervalS != ChannelConfig().reconcileIntervalS)
            o.insert(u"reconcile_interval_s"_s, c.reconcileIntervalS);
        channels.append(o);
    }
    root.insert(u"channels"_s, channels);
    return root;
}

BufferRules bufferRules(const ChannelsConfig &config)
{
    QHash<QString, BufferOverride> channels;
    for (const ChannelConfig &c : config.channels)
        channels.insert(c.id, c.buffer);
    return BufferRules(channels);
}

} // namespace ChannelDesk
