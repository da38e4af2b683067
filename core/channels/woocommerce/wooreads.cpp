// WooCommerce's catalogue and quantities through the REST API v3, following
// https://woocommerce.github.io/woocommerce-rest-api-docs/ ("List all products": per_page at
// most 100, page, include, orderby id; the X-WP-Total and X-WP-TotalPages headers; product
// type simple|grouped|external|variable; manage_stock, stock_quantity null when stock is not
// managed. "List all product variations": products/<id>/variations with the same paging and
// include; a variation's manage_stock is true, false or "parent").
#include "channels/connectioncheck.h"
#include "channels/httperror.h"
#include "channels/jsonutil.h"
#include "wooadapter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

int totalPages(const HttpResponse &response)
{
    bool ok = false;
    const int pages = response.header("x-wp-totalpages").trimmed().toInt(&ok);
    return ok ? pages : 1;
}

// A product's or variation's count: only when WooCommerce manages its stock (a variation may
// defer to its parent's, "parent", and then shows the parent's count).
std::optional<qint64> stockOf(const QJsonObject &product)
{
    const QJsonValue manage = product.value(u"manage_stock"_s);
    const bool managed = manage.isBool() ? manage.toBool() : manage.toString() == "parent"_L1;
    if (!managed)
        return std::nullopt;
    return jsonInteger(product.value(u"stock_quantity"_s));
}

QString idsText(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u',');
}

} // namespace

// One listListings() page: the products of one page, then the variations of its variable ones.
struct WooAdapter::ListingsRead
{
    int page = 1;
    int pages = 1;
    ListingPage result;
    QList<std::pair<qint64, QString>> variable; // parent id and name, still to read
    int variationPage = 1;
    std::function<void(const ListingPage &)> done;
};

void WooAdapter::get(const QString &path, const QUrlQuery &query,
                     std::function<void(const HttpResponse &)> done)
{
    QNetworkRequest get = request(path);
    QUrl url = get.url();
    url.setQuery(query);
    get.setUrl(url);
    sendHttp(m_network, this, get, "GET", {}, std::move(done));
}

ReadStatus WooAdapter::readFailure(const HttpResponse &response, const Clock &clock)
{
    // Collections answer a JSON list; errors {code, message, data: {status}}.
    const QJsonDocument doc = QJsonDocument::fromJson(response.body);
    const QJsonObject error = doc.object();
    return readStatusOf(response, clock, error.value(u"code"_s).toString(),
                        error.value(u"message"_s).toString(), doc.isArray());
}

void WooAdapter::listListings(const QString &pageToken,
                              std::function<void(const ListingPage &)> done)
{
    auto read = std::make_shared<ListingsRead>();
    read->page = pageToken.isEmpty() ? 1 : pageToken.toInt();
    read->done = std::move(done);
    if (read->page < 1) {
        read->result.failure = FailureKind::Permanent;
        read->result.message = u"\"%1\" is not a page of this catalogue"_s.arg(pageToken);
        answerLater(this, std::move(read->done), read->result);
        return;
    }
    QUrlQuery query;
    query.addQueryItem(u"per_page"_s, QString::number(kPageSize));
    query.addQueryItem(u"page"_s, QString::number(read->page));
    query.addQueryItem(u"orderby"_s, u"id"_s);
    query.addQueryItem(u"order"_s, u"asc"_s);
    get(u"products"_s, query, [this, read](const HttpResponse &response) {
        const ReadStatus status = readFailure(response, m_clock);
        if (!status.ok()) {
            static_cast<ReadStatus &>(read->result) = status;
            read->done(read->result);
            return;
        }
        read->pages = totalPages(response);
        const QJsonArray products = QJsonDocument::fromJson(response.body).array();
        for (const QJsonValue &value : products) {
            const QJsonObject product = value.toObject();
            const qint64 id = jsonInteger(product.value(u"id"_s)).value_or(0);
            const QString type = product.value(u"type"_s).toString();
            if (id <= 0 || type == "grouped"_L1 || type == "external"_L1)
                continue; // no stock of their own
            if (type == "variable"_L1) {
                read->variable.append({id, product.value(u"name"_s).toString()});
                continue;
            }
            read->result.listings.append({QString::number(id),
                                          product.value(u"sku"_s).toString().trimmed(),
                                          stockOf(product), product.value(u"name"_s).toString()});
        }
        if (read->page < read->pages)
            read->result.nextPageToken = QString::number(read->page + 1);
        readVariations(read);
    });
}

void WooAdapter::readVariations(std::shared_ptr<ListingsRead> read)
{
    if (read->variable.isEmpty()) {
        read->done(read->result);
        return;
    }
    // Named copies, not a structured binding: clang 14 (the fuzz and sanitizer build) cannot
    // capture a binding in a lambda.
    const qint64 parent = read->variable.first().first;
    const QString parentName = read->variable.first().second;
    QUrlQuery query;
    query.addQueryItem(u"per_page"_s, QString::number(kPageSize));
    query.addQueryItem(u"page"_s, QString::number(read->variationPage));
    get(u"products/%1/variations"_s.arg(parent), query,
        [this, read, parent, parentName](const HttpResponse &response) {
            const ReadStatus status = readFailure(response, m_clock);
            if (!status.ok()) {
                // The whole page is read again: its token stays where it was.
                ListingPage failed;
                static_cast<ReadStatus &>(failed) = status;
                read->done(failed);
                return;
            }
            const QJsonArray variations = QJsonDocument::fromJson(response.body).array();
            for (const QJsonValue &value : variations) {
                const QJsonObject variation = value.toObject();
                const qint64 id = jsonInteger(variation.value(u"id"_s)).value_or(0);
                if (id <= 0)
                    continue;
                QString name = variation.value(u"name"_s).toString();
                if (name.isEmpty())
                    name = u"%1 #%2"_s.arg(parentName).arg(id);
                read->result.listings.append({WooTarget {parent, id}.remoteId(),
                                              variation.value(u"sku"_s).toString().trimmed(),
                                              stockOf(variation), name});
            }
            if (read->variationPage < totalPages(response)) {
                ++read->variationPage;
            } else {
                read->variable.removeFirst();
                read->variationPage = 1;
            }
            readVariations(read);
        });
}

void WooAdapter::readQuantityBatch(const QStringList &remoteIds,
                                   std::function<void(const QuantitiesRead &)> done)
{
    auto result = std::make_shared<QuantitiesRead>();
    // The calls to make: products?include= for simple products, one variations?include= per
    // parent; each maps the ids it answers for back to the remote ids asked.
    QHash<qint64, QStringList> simple; // product id -> remote ids as asked
    QHash<qint64, QHash<qint64, QStringList>> variations; // parent -> variation -> asked
    for (const QString &remoteId : remoteIds) {
        const auto target = WooTarget::parse(remoteId);
        if (!target)
            result->missing.insert(remoteId,
                                   u"not \"<product id>\" or "
                                   "\"<product id>/<variation id>\""_s);
        else if (target->isVariation())
            variations[target->productId][target->variationId].append(remoteId);
        else
            simple[target->productId].append(remoteId);
    }
    struct Call
    {
        QString path;
        QHash<qint64, QStringList> asked;
    };
    QList<Call> calls;
    if (!simple.isEmpty())
        calls.append({u"products"_s, simple});
    for (auto it = variations.cbegin(); it != variations.cend(); ++it)
        calls.append({u"products/%1/variations"_s.arg(it.key()), it.value()});
    if (calls.isEmpty()) {
        answerLater(this, std::move(done), *result);
        return;
    }
    auto remaining = std::make_shared<qsizetype>(calls.size());
    auto finish = std::make_shared<std::function<void(const QuantitiesRead &)>>(std::move(done));
    for (const Call &call : std::as_const(calls)) {
        QList<qint64> ids = call.asked.keys();
        std::sort(ids.begin(), ids.end());
        QUrlQuery query;
        query.addQueryItem(u"include"_s, idsText(ids));
        query.addQueryItem(u"per_page"_s, QString::number(kPageSize));
        get(call.path, query,
            [this, result, remaining, finish, asked = call.asked](const HttpResponse &response) {
                const ReadStatus status = readFailure(response, m_clock);
                if (!status.ok()) {
                    static_cast<ReadStatus &>(*result) = status;
                } else {
                    QHash<qint64, QJsonObject> answered;
                    for (const QJsonValue &value : QJsonDocument::fromJson(response.body).array()) {
                        const QJsonObject product = value.toObject();
                        answered.insert(jsonInteger(product.value(u"id"_s)).value_or(0), product);
                    }
                    for (auto it = asked.cbegin(); it != asked.cend(); ++it) {
                        const auto found = answered.constFind(it.key());
                        if (found == answered.cend()) {
                            for (const QString &remoteId : it.value())
                                result->missing.insert(remoteId, u"unknown product"_s);
                            continue;
                        }
                        const std::optional<qint64> stock = stockOf(*found);
                        for (const QString &remoteId : it.value()) {
                            if (stock)
                                result->quantities.insert(remoteId, *stock);
                            else
                                result->missing.insert(remoteId, u"stock is not managed"_s);
                        }
                    }
                }
                if (--*remaining == 0)
                    (*finish)(*result);
            });
    }
}

// GET products?per_page=1: one product, with the consumer key and secret as every call.
void WooAdapter::checkConnection(std::function<void(const ConnectionCheck &)> done)
{
    QUrlQuery query;
    query.addQueryItem(u"per_page"_s, u"1"_s);
    get(u"products"_s, query, [this, done = std::move(done)](const HttpResponse &response) {
        done(connectionCheckOf(response, readFailure(response, m_clock), m_settings.baseUrl));
    });
}

} // namespace ChannelDesk
