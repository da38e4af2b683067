#include "channelreader.h"

#include "channels/connectioncheck.h"
#include "channels/httpexchange.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

void ChannelReader::fetchRefunds(const QString &orderId,
                                 std::function<void(const FetchOrdersResult &)> done)
{
    FetchOrdersResult result;
    result.failure = FailureKind::Permanent;
    result.message = u"this channel does not read refunds of order %1 from its API"_s.arg(orderId);
    answerLater(readContext(), std::move(done), result);
}

void ChannelReader::checkConnection(std::function<void(const ConnectionCheck &)> done)
{
    ConnectionCheck check;
    check.failure = FailureKind::Permanent;
    check.problem = ConnectionProblem::ChannelError;
    check.message = u"this channel has no connection test"_s;
    answerLater(readContext(), std::move(done), check);
}

namespace {

// One readQuantities() call cut into the channel's bulk calls, read one after the other.
struct ChunkedRead
{
    QList<QStringList> chunks;
    qsizetype next = 0;
    QuantitiesRead merged;
    std::function<void(const QuantitiesRead &)> done;
};

} // namespace

void ChannelReader::readQuantities(const QStringList &remoteIds,
                                   std::function<void(const QuantitiesRead &)> done)
{
    const int size = std::max(1, maxQuantitiesPerRead());
    if (remoteIds.size() <= size) {
        if (remoteIds.isEmpty())
            answerLater(readContext(), std::move(done), QuantitiesRead {});
        else
            readQuantityBatch(remoteIds, std::move(done));
        return;
    }
    auto read = std::make_shared<ChunkedRead>();
    for (qsizetype i = 0; i < remoteIds.size(); i += size)
        read->chunks.append(remoteIds.mid(i, size));
    read->done = std::move(done);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, read, step] {
        readQuantityBatch(read->chunks.at(read->next), [read, step](const QuantitiesRead &part) {
            read->merged.quantities.insert(part.quantities);
            read->merged.missing.insert(part.missing);
            read->merged.retryAfterMs = part.retryAfterMs;
            read->merged.throttled = read->merged.throttled || part.throttled;
            read->merged.httpStatus = part.httpStatus;
            if (!part.ok()) {
                read->merged.failure = part.failure;
                read->merged.message = part.message;
                read->merged.errorCode = part.errorCode;
            }
            if (!part.ok() || ++read->next >= read->chunks.size()) {
                auto done = std::move(read->done);
                *step = nullptr; // breaks the cycle step -> lambda -> step
                done(read->merged);
                return;
            }
            (*step)();
        });
    };
    (*step)();
}

} // namespace ChannelDesk
