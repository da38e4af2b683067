#include "channeladapter.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

void ChannelAdapter::fetchOrders(const QString &highWaterMark,
                                 std::function<void(const FetchOrdersResult &)> done)
{
    // Channels with order webhooks are never polled; answer on the next event-loop turn so the
    // callback is never re-entrant, as every other adapter call is.
    FetchOrdersResult result;
    result.failure = FailureKind::Permanent;
    result.message =
        u"channel %1 (%2) delivers orders by webhook and is not polled"_s.arg(channelId(), type());
    result.nextHighWaterMark = highWaterMark;
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

void ChannelAdapter::fetchRefunds(const QString &orderId,
                                  std::function<void(const FetchOrdersResult &)> done)
{
    FetchOrdersResult result;
    result.failure = FailureKind::Permanent;
    result.message = u"channel %1 (%2) does not read refunds of order %3 from its API"_s.arg(
        channelId(), type(), orderId);
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

} // namespace ChannelDesk
