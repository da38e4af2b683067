#include "channels/connectiontester.h"

#include "channels/channelfactory.h"
#include "channels/channelreader.h"
#include "channels/httpexchange.h"

#include <QNetworkAccessManager>
#include <QPointer>

#include <memory>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

ConnectionTester::ConnectionTester(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
{
}

ConnectionTester::~ConnectionTester() = default;

void ConnectionTester::test(const ChannelConfig &config,
                            std::function<void(const ConnectionCheck &)> done)
{
    std::unique_ptr<ChannelAdapter> adapter =
        createChannelAdapter(config, m_network, m_clock, this);
    auto *reader = dynamic_cast<ChannelReader *>(adapter.get());
    if (!reader) {
        ConnectionCheck check;
        check.failure = FailureKind::Permanent;
        check.problem = ConnectionProblem::ChannelError;
        check.message = u"\"%1\" is not a channel type ChannelDesk knows"_s.arg(config.type);
        answerLater(this, std::move(done), check);
        return;
    }
    // The adapter is this object's child until it answered, then goes on the next turn of the
    // event loop (not from inside its own callback).
    QPointer<ChannelAdapter> owned(adapter.release());
    reader->checkConnection([owned, done = std::move(done)](const ConnectionCheck &check) {
        done(check);
        if (owned)
            owned->deleteLater();
    });
}

} // namespace ChannelDesk
