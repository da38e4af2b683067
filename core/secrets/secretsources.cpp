#include "secrets/secretsources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ChannelDesk::SecretKeys {

QString channel(const QString &id, const QString &role)
{
    return u"channel/"_s + id + u'/' + role;
}

QString carrier(const QString &id, const QString &role)
{
    return u"carrier/"_s + id + u'/' + role;
}

QList<SecretField> channelFields(const QString &type)
{
    const SecretField webhook {u"webhook_secret"_s, u"webhook_secret_env"_s, false, true};
    const SecretField previous {u"previous_webhook_secret"_s, u"previous_webhook_secret_env"_s,
                                false, false};
    if (type == "shopify"_L1)
        return {{u"token"_s, u"token_env"_s}, webhook, previous};
    if (type == "woocommerce"_L1)
        return {{u"consumer_key"_s, u"consumer_key_env"_s},
                {u"consumer_secret"_s, u"consumer_secret_env"_s},
                webhook,
                previous};
    if (type == "ebay"_L1)
        return {{u"token"_s, u"token_env"_s}};
    if (type == "amazon"_L1)
        return {{u"lwa_client_id"_s, u"lwa_client_id_env"_s},
                {u"lwa_client_secret"_s, u"lwa_client_secret_env"_s},
                {u"refresh_token"_s, u"refresh_token_env"_s}};
    return {};
}

QList<SecretField> carrierFields(const QString &type)
{
    if (type == "easypost"_L1 || type == "shippo"_L1)
        return {{u"api_key"_s, u"api_key_env"_s}};
    if (type == "ups"_L1 || type == "fedex"_L1)
        return {{u"client_id"_s, u"client_id_env"_s}, {u"client_secret"_s, u"client_secret_env"_s}};
    return {};
}

QStringList keysIn(const QByteArray &configJson)
{
    const QJsonObject root = QJsonDocument::fromJson(configJson).object();
    QStringList keys;
    const QJsonArray channels = root.value("channels"_L1).toArray();
    for (const QJsonValue &value : channels) {
        const QString id = value["id"_L1].toString();
        if (id.isEmpty())
            continue;
        const QList<SecretField> fields = channelFields(value["type"_L1].toString());
        for (const SecretField &f : fields)
            keys.append(channel(id, f.role));
    }
    const QJsonArray carriers = root.value("carriers"_L1).toArray();
    for (const QJsonValue &value : carriers) {
        const QString id = value["id"_L1].toString();
        if (id.isEmpty())
            continue;
        const QList<SecretField> fields = carrierFields(value["type"_L1].toString());
        for (const SecretField &f : fields)
            keys.append(carrier(id, f.role));
    }
    keys.removeDuplicates();
    return keys;
}

} // namespace ChannelDesk::SecretKeys
