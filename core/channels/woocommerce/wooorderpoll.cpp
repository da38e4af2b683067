// WooCommerce orders by polling, following the REST API v3 "List all orders"
// (https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-orders) and its controller
// (WC_REST_CRUD_Controller::prepare_objects_query in WooCommerce's source): modified_after
// (since WooCommerce 5.8; strictly after, compared with post_modified_gmt when dates_are_gmt is
// true, whole seconds), orderby=modified (sorted "modified ID"), order=asc, per_page at most
// 100, page; date_modified_gmt without a zone, in UTC. Each order is read by the rules of the
// order webhooks (WooWebhookParser::readOrder), so polled events carry the same ids.
#include "channels/jsonutil.h"
#include "channels/orderpolling.h"
#include "channels/woocommerce/woowebhookparser.h"
#include "util/timeformat.h"
#include "wooadapter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_DECLARE_LOGGING_CATEGORY(lcWoo)

namespace {

// WooCommerce's *_gmt times carry no zone; they are UTC.
QDateTime gmtTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    const bool zoned = text.endsWith(u'Z') || text.contains(u'+') || text.lastIndexOf(u'-') > 9;
    return parseIsoTime(zoned ? text : text + u'Z');
}

} // namespace

// One poll: pages by keyset (each page starts at the mark reached, not at a page number, so an
// order modified during the poll never shifts another one past a page boundary unseen).
struct WooAdapter::OrderPoll
{
    PollMark mark;
    int page = 1; // > 1 only while a whole page was of the mark's own second
    FetchOrdersResult result;
    std::function<void(const FetchOrdersResult &)> done;
};

void WooAdapter::fetchOrders(const QString &highWaterMark,
                             std::function<void(const FetchOrdersResult &)> done)
{
    auto poll = std::make_shared<OrderPoll>();
    poll->mark = PollMark::parse(highWaterMark, m_clock.nowMs(), m_settings.initialLookbackMs);
    poll->done = std::move(done);
    fetchOrderPage(poll);
}

void WooAdapter::fetchOrderPage(std::shared_ptr<OrderPoll> poll)
{
    // "After" is strict and times are whole seconds: ask from one second before the mark, and
    // skip what was handed over at the mark's own second.
    const QDateTime from = poll->mark.at.addSecs(-1);
    QUrlQuery query;
    query.addQueryItem(u"modified_after"_s, from.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss"_s));
    query.addQueryItem(u"dates_are_gmt"_s, u"true"_s);
    query.addQueryItem(u"orderby"_s, u"modified"_s);
    query.addQueryItem(u"order"_s, u"asc"_s);
    query.addQueryItem(u"per_page"_s, QString::number(kPageSize));
    query.addQueryItem(u"page"_s, QString::number(poll->page));
    get(u"orders"_s, query, [this, poll](const HttpResponse &response) {
        const ReadStatus status = readFailure(response, m_clock);
        if (!status.ok()) {
            // What was handed over stays handed over; the mark is just past it.
            poll->result.failure = status.failure;
            poll->result.message = status.message;
            poll->result.retryAfterMs = status.retryAfterMs;
            poll->result.nextHighWaterMark = poll->mark.toString();
            poll->done(poll->result);
            return;
        }
        const QJsonArray orders = QJsonDocument::fromJson(response.body).array();
        for (const QJsonValue &value : orders) {
            const QJsonObject order = value.toObject();
            const QString id = jsonIdString(order.value(u"id"_s));
            const QDateTime modified = gmtTime(order.value(u"date_modified_gmt"_s).toString());
            if (id.isEmpty() || poll->mark.covers(id, modified))
                continue;
            WebhookResult read;
            if (WooWebhookParser::readOrder(order, &read)) {
                for (OrderEvent event : std::as_const(read.events)) {
                    event.channel = m_settings.channelId;
                    event.receivedAtMs = m_clock.nowMs();
                    poll->result.orders.append(event);
                }
                if (read.onlyForKnownOrder)
                    poll->result.onlyForKnownOrders.insert(id);
                if (!read.refundsToRead.isEmpty())
                    poll->result.refundsToRead.insert(id, read.refundsToRead);
            } else if (read.kind == WebhookResult::Kind::BadRequest) {
                qCWarning(lcWoo) << m_settings.channelId << "order" << id
                                 << "not read:" << read.message;
            }
            poll->mark.advance(id, modified);
        }
        if (orders.size() < kPageSize) {
            poll->result.nextHighWaterMark = poll->mark.toString();
            poll->done(poll->result);
            return;
        }
        // A full page: more follow. Start again at the mark reached; when the whole page is of
        // the mark's own second (more than a page of orders changed in one second), the next
        // page of that same query.
        const QDateTime first =
            gmtTime(orders.first().toObject().value(u"date_modified_gmt"_s).toString());
        poll->page = first == poll->mark.at ? poll->page + 1 : 1;
        fetchOrderPage(poll);
    });
}

} // namespace ChannelDesk
