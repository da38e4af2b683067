#pragma once

// CoreRuntime's own parts, shared by its source files (not for anyone else).

#include "channels/channeladapter.h"
#include "channels/channelconfig.h"
#include "channels/webhook.h"
#include "runtime/coreruntime.h"
#include "sync/propagator.h"
#include "sync/readpacer.h"

#include <QNetworkAccessManager>

#include <memory>

namespace ChannelDesk {

struct CoreRuntime::Channel
{
    ChannelConfig config;
    // Each channel its own connections: Qt keeps at most 6 per host and manager, and channels
    // may share a host (eBay marketplaces, several stores behind one gateway), so a shared
    // manager would let a busy or slow channel queue another's calls behind its own. It lives
    // on the runtime's network thread, which owns it.
    QNetworkAccessManager *network = nullptr;
    std::unique_ptr<ChannelAdapter> adapter;
    std::unique_ptr<WebhookParser> parser; // null: the channel is polled
    std::unique_ptr<Propagator> propagator;
    std::unique_ptr<ReadPacer> reads; // after the propagator: it uses its bucket
    IntakeMode intake = IntakeMode::Webhook; // the config's, else the type's
    qint64 pollIntervalMs = 0; // 0: not polled
    qint64 nextPollAtMs = 0; // by the runtime's clock
    bool polling = false;
    qint64 leaseToken = 0; // the channel's propagation lease held (PostgreSQL); 0: not held
};

} // namespace ChannelDesk
