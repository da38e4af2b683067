#include "channelconfig.h"

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
    ChannelReader(const QJsonObject &object, const QString &path, const QProcessEnvironment &env,
                  SecretPolicy policy)
        : m_object(object)
        , m_path(path)
        , m_env(env)
        , m_policy(policy)
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
    bool readSecret(const QJsonObject &object, const QString &field, const QString &fieldPath,
                    bool required, QByteArray *value);
    bool readUrl(const QString &text, const QString &field, QUrl *url);

    QJsonObject m_object;
    QString m_path;
    const QProcessEnvironment &m_env;
    SecretPolicy m_policy;
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

bool ChannelReader::readSecret(const QJsonObject &object, const QString &field,
                               const QString &fieldPath, bool required, QByteArray *value)
{
    if (!required && (object.value(field).isUndefined() || object.value(field).isNull()))
        return true;
    const auto name = requiredString(object, field, fieldPath);
    if (!name)
        return false;
    static const QRegularExpression envName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (!envName.match(*name).hasMatch())
        return fail(fieldPath, u"\"%1\" is not an environment variable name"_s.arg(*name));
    const QString secret = m_env.value(*name);
    if (secret.isEmpty() && m_policy == SecretPolicy::Require)
        return fail(fieldPath, u"environment variable %1 is not set"_s.arg(*name));
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

std::optional<ChannelConfig> ChannelReader::read()
{
    ChannelConfig config;
    const auto id = requiredString(m_object, u"id"_s, u"id"_s);
    if (!id)
        return std::nullopt;
    static const QRegularExpression idPattern(u"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"_s);
    if (!idPattern.match(*id).hasMatch()) {
        fail(u"id"_s, u"\"%1\" must be 1-64 letters, digits, '-', '_' or '.'"_s.arg(*id));
        return std::nullopt;
    }
    config.id = *id;

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
    const QJsonValue buffer = m_object.value(u"safety_buffer"_s);
    if (!buffer.isUndefined() && !buffer.isNull()) {
        const qint64 integer = buffer.toInteger(-1);
        if (!buffer.isDouble() || integer < 0) {
            fail(u"safety_buffer"_s, u"must be a whole number of 0 or more"_s);
            return std::nullopt;
        }
        config.safetyBuffer = integer;
    }
    const QJsonValue timeout = m_object.value(u"request_timeout_ms"_s);
    if (!timeout.isUndefined() && !timeout.isNull()) {
        const qint64 integer = timeout.toInteger(-1);
        if (!timeout.isDouble() || integer < 100 || integer > 600000) {
            fail(u"request_timeout_ms"_s, u"must be a whole number from 100 to 600000"_s);
            return std::nullopt;
        }
        config.requestTimeoutMs = static_cast<int>(integer);
    }

    const QJsonValue credentialsValue = m_object.value(u"credentials"_s);
    if (credentialsValue.isUndefined() || credentialsValue.isNull()) {
        fail(u"credentials"_s, u"missing"_s);
        return std::nullopt;
    }
    if (!credentialsValue.isObject()) {
        fail(u"credentials"_s, u"must be an object"_s);
        return std::nullopt;
    }
    const QJsonObject credentials = credentialsValue.toObject();

    // Each type's credential fields: (field in "credentials", role in ChannelConfig).
    QList<std::pair<QString, QString>> secretFields;
    bool hasWebhooks = false;
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
        secretFields = {{u"token_env"_s, u"token"_s}};
        hasWebhooks = true;
    } else if (config.type == u"woocommerce"_s) {
        secretFields = {{u"consumer_key_env"_s, u"consumer_key"_s},
                        {u"consumer_secret_env"_s, u"consumer_secret"_s}};
        hasWebhooks = true;
    } else if (config.type == u"ebay"_s) {
        secretFields = {{u"token_env"_s, u"token"_s}};
    } else {
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
        secretFields = {{u"lwa_client_id_env"_s, u"lwa_client_id"_s},
                        {u"lwa_client_secret_env"_s, u"lwa_client_secret"_s},
                        {u"refresh_token_env"_s, u"refresh_token"_s}};
    }
    for (const auto &[field, role] : secretFields) {
        QByteArray secret;
        if (!readSecret(credentials, field, u"credentials."_s + field, true, &secret))
            return std::nullopt;
        config.credentials.insert(role, secret);
    }
    if (hasWebhooks) {
        QByteArray current;
        QByteArray previous;
        if (!readSecret(m_object, u"webhook_secret_env"_s, u"webhook_secret_env"_s, true,
                        &current) ||
            !readSecret(m_object, u"previous_webhook_secret_env"_s,
                        u"previous_webhook_secret_env"_s, false, &previous))
            return std::nullopt;
        for (const QByteArray &secret : {current, previous}) {
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
    const QJsonObject root = document.object();
    ChannelsConfig config;

    const QJsonValue listen = root.value(u"listen"_s);
    if (!listen.isUndefined() && !listen.isNull()) {
        if (!listen.isString() || !parseListen(listen.toString(), &config)) {
            result.error = u"listen: must be \"host:port\", e.g. \"127.0.0.1:8787\""_s;
            return result;
        }
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
        ChannelReader reader(channels.at(i).toObject(), path, environment, secrets);
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

} // namespace ChannelDesk
