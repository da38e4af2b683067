#include "carrierconfig.h"

#include "io/jsonkeys.h"
#include "util/controlchars.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

bool isCurrencyCode(const QString &code)
{
    static const QRegularExpression iso(u"^[A-Z]{3}\\z"_s);
    return iso.match(code).hasMatch();
}

bool isEnvName(const QString &name)
{
    static const QRegularExpression env(u"^[A-Za-z_][A-Za-z0-9_]*\\z"_s);
    return env.match(name).hasMatch();
}

bool readEnvName(const QJsonObject &credentials, const QString &key, const QString &where,
                 QString *out, QString *error)
{
    const QJsonValue v = credentials.value(key);
    if (!v.isString() || !isEnvName(v.toString())) {
        *error =
            u"%1.credentials.%2: expected the name of an environment variable"_s.arg(where, key);
        return false;
    }
    *out = v.toString();
    return true;
}

// With sources, resolves the credential of `field` into c->secrets; the env name is then optional
// when the keychain is consulted.
bool readCredential(const QJsonObject &credentials, const SecretField &field, const QString &where,
                    const SecretSources *sources, CarrierConfig *c, QString *out, QString *error)
{
    const QJsonValue named = credentials.value(field.envField);
    const bool optionalName = sources && sources->keychain && named.isUndefined();
    if (!optionalName && !readEnvName(credentials, field.envField, where, out, error))
        return false;
    if (!sources)
        return true;
    const QString key = SecretKeys::carrier(c->id, field.role);
    if (sources->keychain) {
        const std::optional<QByteArray> stored = sources->keychain(key);
        if (stored && !stored->isEmpty()) {
            c->secrets.insert(field.role, *stored);
            return true;
        }
    }
    const QString value = out->isEmpty() ? QString() : sources->environment.value(*out);
    if (!value.isEmpty()) {
        c->secrets.insert(field.role, value.toUtf8());
        return true;
    }
    if (sources->policy == SecretPolicy::Optional || !c->enabled)
        return true;
    const QString path = u"%1.credentials.%2"_s.arg(where, field.envField);
    if (!sources->keychain)
        *error = u"%1: environment variable %2 is not set"_s.arg(path, *out);
    else if (out->isEmpty())
        *error = u"%1: missing, and the keychain has no %2"_s.arg(path, key);
    else
        *error = u"%1: environment variable %2 is not set, and the keychain has no %3"_s.arg(
            path, *out, key);
    return false;
}

bool parseCarrier(const QJsonValue &value, int index, const SecretSources *sources,
                  CarrierConfig *c, QString *error)
{
    const QString where = u"carriers[%1]"_s.arg(index);
    if (!value.isObject()) {
        *error = where + u": expected an object"_s;
        return false;
    }
    const QJsonObject o = value.toObject();
    static const QRegularExpression idPattern(u"^[a-z0-9][a-z0-9_-]{0,39}\\z"_s);
    c->id = o.value("id"_L1).toString();
    if (!idPattern.match(c->id).hasMatch()) {
        *error = where +
            u".id: expected a short lower-case name (letters, digits, - and _), like \"ups\""_s;
        return false;
    }
    const QString type = o.value("type"_L1).toString();
    if (type == "easypost"_L1) {
        c->type = CarrierType::EasyPost;
    } else if (type == "shippo"_L1) {
        c->type = CarrierType::Shippo;
    } else if (type == "ups"_L1) {
        c->type = CarrierType::Ups;
    } else if (type == "fedex"_L1) {
        c->type = CarrierType::Fedex;
    } else {
        *error = where + u".type: expected \"ups\", \"fedex\", \"easypost\" or \"shippo\""_s;
        return false;
    }
    const QString base = o.value("base_url"_L1).toString();
    c->baseUrl = QUrl(base, QUrl::StrictMode);
    if (base.isEmpty() || !c->baseUrl.isValid() ||
        (c->baseUrl.scheme() != "https"_L1 && c->baseUrl.scheme() != "http"_L1) ||
        c->baseUrl.host().isEmpty()) {
        *error = where + u".base_url: expected an http(s) URL such as https://api.easypost.com"_s;
        return false;
    }
    const QJsonValue credentials = o.value("credentials"_L1);
    const bool keychain = sources && sources->keychain;
    if (!credentials.isObject() && !(keychain && credentials.isUndefined())) {
        *error = where + u".credentials: expected an object naming environment variables"_s;
        return false;
    }
    if (o.contains("timeout_ms"_L1)) {
        const QJsonValue t = o.value("timeout_ms"_L1);
        const double ms = t.toDouble(-1);
        if (!t.isDouble() || ms < 1 || ms > 120000 || ms != double(qint64(ms))) {
            *error = where + u".timeout_ms: expected a whole number of milliseconds, 1 to 120000"_s;
            return false;
        }
        c->timeoutMs = int(ms);
    }
    if (o.contains("account_number"_L1)) {
        if (!o.value("account_number"_L1).isString() ||
            hasControlCharacter(o.value("account_number"_L1).toString())) {
            *error = where + u".account_number: expected a string without control characters"_s;
            return false;
        }
        c->accountNumber = o.value("account_number"_L1).toString();
    }
    if (o.contains("enabled"_L1)) {
        if (!o.value("enabled"_L1).isBool()) {
            *error = where + u".enabled: expected true or false"_s;
            return false;
        }
        c->enabled = o.value("enabled"_L1).toBool();
    }
    // Credentials last, so that a disabled carrier needs none.
    const QJsonObject cred = credentials.toObject();
    const QList<SecretField> fields = SecretKeys::carrierFields(type);
    for (const SecretField &field : fields) {
        QString *name = field.role == "api_key"_L1 ? &c->apiKeyEnv
            : field.role == "client_id"_L1         ? &c->clientIdEnv
                                                   : &c->clientSecretEnv;
        if (!readCredential(cred, field, where, sources, c, name, error))
            return false;
    }
    return true;
}

bool parseQuote(const QJsonValue &value, QuoteSettings *q, QString *error)
{
    if (value.isUndefined())
        return true;
    if (!value.isObject()) {
        *error = u"quote: expected an object"_s;
        return false;
    }
    const QJsonObject o = value.toObject();
    if (o.contains("currency"_L1)) {
        q->currency = o.value("currency"_L1).toString();
        if (!isCurrencyCode(q->currency)) {
            *error = u"quote.currency: expected an ISO 4217 code such as \"USD\""_s;
            return false;
        }
    }
    if (o.contains("exchange_rates"_L1)) {
        const QJsonValue rates = o.value("exchange_rates"_L1);
        if (!rates.isObject()) {
            *error = u"quote.exchange_rates: expected an object such as {\"CAD\": 0.73}"_s;
            return false;
        }
        const QJsonObject r = rates.toObject();
        for (auto it = r.begin(); it != r.end(); ++it) {
            const double rate = it.value().toDouble(-1);
            if (!isCurrencyCode(it.key()) || !it.value().isDouble() || rate <= 0) {
                *error = u"quote.exchange_rates.%1: expected a currency code and a positive "
                         "number of %2 per unit"_s.arg(it.key(), q->currency);
                return false;
            }
            q->exchangeRates.insert(it.key(), rate);
        }
    }
    if (o.contains("allow_unknown_delivery"_L1)) {
        if (!o.value("allow_unknown_delivery"_L1).isBool()) {
            *error = u"quote.allow_unknown_delivery: expected true or false"_s;
            return false;
        }
        q->allowUnknownDelivery = o.value("allow_unknown_delivery"_L1).toBool();
    }
    if (o.contains("prior"_L1)) {
        const QJsonObject p = o.value("prior"_L1).toObject();
        const double rate = p.value("on_time_rate"_L1).toDouble(q->priorOnTimeRate);
        const double weight = p.value("weight"_L1).toDouble(q->priorWeight);
        if (!o.value("prior"_L1).isObject() || rate <= 0 || rate >= 1) {
            *error = u"quote.prior.on_time_rate: expected a number between 0 and 1"_s;
            return false;
        }
        if (weight <= 0) {
            *error = u"quote.prior.weight: expected a positive number of deliveries"_s;
            return false;
        }
        q->priorOnTimeRate = rate;
        q->priorWeight = weight;
    }
    return true;
}
} // namespace

QString toString(CarrierType type)
{
    switch (type) {
    case CarrierType::EasyPost:
        return u"easypost"_s;
    case CarrierType::Shippo:
        return u"shippo"_s;
    case CarrierType::Ups:
        return u"ups"_s;
    case CarrierType::Fedex:
        break;
    }
    return u"fedex"_s;
}

static bool parseCarriers(const QJsonObject &root, const SecretSources *sources,
                          CarrierSettings *settings, QString *error)
{
    CarrierSettings parsed;
    const QJsonValue carriers = root.value("carriers"_L1);
    if (!carriers.isArray()) {
        *error = u"carriers: expected an array of carriers"_s;
        return false;
    }
    const QJsonArray list = carriers.toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        CarrierConfig c;
        if (!parseCarrier(list.at(i), int(i), sources, &c, error))
            return false;
        if (ids.contains(c.id)) {
            *error = u"carriers[%1].id: \"%2\" is configured twice"_s.arg(i).arg(c.id);
            return false;
        }
        ids.insert(c.id);
        parsed.carriers.append(c);
    }
    if (!parseQuote(root.value("quote"_L1), &parsed.quote, error))
        return false;
    *settings = parsed;
    return true;
}

bool parseCarrierSettings(const QJsonObject &root, CarrierSettings *settings, QString *error)
{
    return parseCarriers(root, nullptr, settings, error);
}

namespace {
bool parseCarrierJson(const QByteArray &json, const SecretSources *sources,
                      CarrierSettings *settings, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"not valid JSON: %1 at offset %2"_s.arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = u"expected a JSON object"_s;
        return false;
    }
    if (const auto duplicate = firstDuplicateJsonKey(json)) {
        *error = u"%1 is given twice (the second at offset %2); keep one"_s.arg(duplicate->path)
                     .arg(duplicate->offset);
        return false;
    }
    return parseCarriers(doc.object(), sources, settings, error);
}
} // namespace

bool parseCarrierSettings(const QByteArray &json, CarrierSettings *settings, QString *error)
{
    return parseCarrierJson(json, nullptr, settings, error);
}

bool parseCarrierSettings(const QByteArray &json, const SecretSources &sources,
                          CarrierSettings *settings, QString *error)
{
    return parseCarrierJson(json, &sources, settings, error);
}

} // namespace ChannelDesk
