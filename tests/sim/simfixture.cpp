#include "simfixture.h"

using namespace Qt::StringLiterals;

namespace ChannelDesk::Testing {

QByteArray Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString itemGid(const QString &id)
{
    return u"gid://shopify/InventoryItem/"_s + id;
}

QByteArray setQuantitiesBody(const QString &key, const QJsonArray &quantities)
{
    const QString query =
        u"mutation Set($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: "
        u"$input) @idempotent(key: \"%1\") { inventoryAdjustmentGroup { createdAt reason "
        u"changes { name delta } } userErrors { field message code } } }"_s.arg(key);
    const QJsonObject input {
        {u"name"_s, u"available"_s}, {u"reason"_s, u"correction"_s}, {u"quantities"_s, quantities}};
    return QJsonDocument(QJsonObject {{u"query"_s, query},
                                      {u"variables"_s, QJsonObject {{u"input"_s, input}}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject quantity(const QString &id, qint64 value, const QJsonValue &changeFrom,
                     const QString &location)
{
    return QJsonObject {{u"inventoryItemId"_s, itemGid(id)},
                        {u"locationId"_s, location},
                        {u"quantity"_s, value},
                        {u"changeFromQuantity"_s, changeFrom}};
}

QJsonObject userErrorsOf(const Reply &reply)
{
    return reply.json.value("data"_L1).toObject().value("inventorySetQuantities"_L1).toObject();
}

void SimFixture::setUp()
{
    m_clock = std::make_unique<ManualClock>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_received.clear();
    m_receiverStatuses.clear();

    // A local stand-in for ChannelDesk's webhook endpoint.
    m_receiver = std::make_unique<QHttpServer>();
    m_receiver->route(u"/webhooks/<arg>"_s,
                      [this](const QString &, const QHttpServerRequest &request,
                             QHttpServerResponder &&responder) {
                          Received received;
                          received.body = request.body();
                          for (const auto &[name, value] : request.headers())
                              received.headers.insert(name.toLower(), value);
                          m_received.append(received);
                          const int status =
                              m_receiverStatuses.isEmpty() ? 200 : m_receiverStatuses.takeFirst();
                          responder.write(QHttpServerResponder::StatusCode(status));
                      });
    const quint16 receiverPort = m_receiver->listen(QHostAddress::LocalHost, 0);
    QVERIFY(receiverPort != 0);
    const QString hooks = u"http://127.0.0.1:%1/webhooks/"_s.arg(receiverPort);

    const QJsonArray channels {
        QJsonObject {{u"id"_s, u"shop-us"_s},
                     {u"type"_s, u"shopify"_s},
                     {u"token"_s, QString::fromLatin1(kShopToken)},
                     {u"webhook_secret"_s, QString::fromLatin1(kShopSecret)},
                     {u"webhook_url"_s, QString(hooks + u"shop-us"_s)},
                     {u"webhook_retry_ms"_s, 20},
                     {u"location_id"_s, 124656943},
                     {u"listings"_s,
                      QJsonObject {{u"30322695"_s, 12},
                                   {u"30322696"_s,
                                    QJsonObject {{u"quantity"_s, 5},
                                                 {u"sku"_s, u"MUG-RED"_s},
                                                 {u"variant_id"_s, 777}}}}}},
        QJsonObject {
            {u"id"_s, u"woo"_s},
            {u"type"_s, u"woocommerce"_s},
            {u"consumer_key"_s, u"ck_test"_s},
            {u"consumer_secret"_s, u"cs_test"_s},
            {u"webhook_secret"_s, QString::fromLatin1(kWooSecret)},
            {u"webhook_url"_s, QString(hooks + u"woo"_s)},
            {u"webhook_retry_ms"_s, 20},
            {u"listings"_s,
             QJsonObject {{u"93"_s, QJsonObject {{u"quantity"_s, 20}, {u"sku"_s, u"TEE-S"_s}}},
                          {u"94/101"_s, 8},
                          {u"95"_s, QJsonObject {{u"quantity"_s, 4}, {u"status"_s, u"draft"_s}}}}}},
        QJsonObject {{u"id"_s, u"ebay"_s},
                     {u"type"_s, u"ebay"_s},
                     {u"token"_s, u"v^1.1#ebay"_s},
                     {u"daily_revision_limit"_s, 2},
                     {u"listings"_s, QJsonObject {{u"A-1"_s, 10}, {u"A-2"_s, 3}}}},
        QJsonObject {{u"id"_s, u"amz"_s},
                     {u"type"_s, u"amazon"_s},
                     {u"seller_id"_s, u"A2SELLER"_s},
                     {u"marketplace_id"_s, u"ATVPDKIKX0DER"_s},
                     {u"lwa_client_id"_s, u"amzn1.application-oa2-client.x"_s},
                     {u"lwa_client_secret"_s, u"lwa-secret"_s},
                     {u"refresh_token"_s, u"Atzr|refresh"_s},
                     {u"listings"_s, QJsonObject {{u"B-1"_s, 30}}}}};
    m_sim = std::make_unique<ChannelSimulator>(*m_clock);
    QString error;
    QVERIFY2(m_sim->configure(channels, &error), qPrintable(error));
    m_server = std::make_unique<QHttpServer>();
    m_sim->install(*m_server);
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void SimFixture::tearDown()
{
    m_server.reset();
    m_sim.reset();
    m_receiver.reset();
    m_network.reset();
}

Reply SimFixture::call(const QByteArray &method, const QString &path, const QByteArray &body,
                       const QList<std::pair<QByteArray, QByteArray>> &headers,
                       int transferTimeoutMs)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (transferTimeoutMs > 0)
        request.setTransferTimeout(transferTimeoutMs);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Reply result;
    result.error = reply->error();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    result.status = status.isValid() ? status.toInt() : -1;
    if (reply->isOpen())
        result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

Reply SimFixture::shopify(const QByteArray &body, const QByteArray &token, int transferTimeoutMs)
{
    return call("POST", u"/shop-us/admin/api/2026-07/graphql.json"_s, body,
                {{"X-Shopify-Access-Token", token}}, transferTimeoutMs);
}

Reply SimFixture::sim(const QByteArray &method, const QString &channel, const QString &what,
                      const QJsonObject &body)
{
    return call(method, u"/_sim/%1/%2"_s.arg(channel, what),
                body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
}

QString SimFixture::amazonToken()
{
    const Reply reply = call("POST", u"/amz/auth/o2/token"_s,
                             "grant_type=refresh_token&refresh_token=Atzr%7Crefresh"
                             "&client_id=amzn1.application-oa2-client.x&client_secret=lwa-secret",
                             {{"Content-Type", "application/x-www-form-urlencoded"}});
    return reply.json.value("access_token"_L1).toString();
}

AmazonSettings SimFixture::amazonSettings() const
{
    AmazonSettings settings;
    settings.channelId = u"amz"_s;
    settings.baseUrl = QUrl(u"http://127.0.0.1:%1/amz"_s.arg(m_port));
    settings.sellerId = u"A2SELLER"_s;
    settings.marketplaceId = u"ATVPDKIKX0DER"_s;
    settings.lwa.tokenBase = settings.baseUrl;
    settings.lwa.clientId = "amzn1.application-oa2-client.x";
    settings.lwa.clientSecret = "lwa-secret";
    settings.lwa.refreshToken = "Atzr|refresh";
    settings.timeoutMs = 5000;
    settings.feedFirstPollMs = 10;
    settings.feedPollMs = 20;
    return settings;
}

ChannelConfig SimFixture::channelConfig(const QString &channel, const QString &type) const
{
    ChannelConfig config;
    config.id = channel;
    config.type = type;
    config.baseUrl = QUrl(u"http://127.0.0.1:%1/%2"_s.arg(m_port).arg(channel));
    config.requestTimeoutMs = 5000;
    config.locationId = u"124656943"_s;
    config.sellerId = u"A2SELLER"_s;
    config.marketplaceId = u"ATVPDKIKX0DER"_s;
    config.lwaUrl = config.baseUrl;
    config.credentials = {{u"token"_s, channel == "ebay"_L1 ? "v^1.1#ebay"_ba : kShopToken},
                          {u"consumer_key"_s, "ck_test"},
                          {u"consumer_secret"_s, "cs_test"},
                          {u"lwa_client_id"_s, "amzn1.application-oa2-client.x"},
                          {u"lwa_client_secret"_s, "lwa-secret"},
                          {u"refresh_token"_s, "Atzr|refresh"}};
    return config;
}

} // namespace ChannelDesk::Testing
