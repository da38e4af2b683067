#pragma once

#include "intake/delivery.h"
#include "runtime/coreruntime.h"

#include <QString>

#include <memory>

class QHttpServer;

namespace ChannelDesk {

// The local HTTP endpoints of the sync core, on QHttpServer:
//   POST /webhooks/<channel-id>   signed order webhooks in (answered once kept in the inbox)
//   GET  /metrics                 Prometheus text
//   GET  /v1/inventory/<sku>      the real-time read API
//   GET  /healthz
// Errors are JSON bodies with an "error" field. Deleting it stops listening.
class HttpApi
{
public:
    explicit HttpApi(CoreRuntime &runtime);
    ~HttpApi();

    // Returns the port listened on, or 0 and sets *error.
    quint16 listen(const QString &host, quint16 port, QString *error);

private:
    // Hands a webhook to the runtime's OrderIntake and returns its answer.
    CoreRuntime::HttpAnswer receive(const Delivery &delivery);

    CoreRuntime &m_runtime;
    std::unique_ptr<QHttpServer> m_server;
};

} // namespace ChannelDesk
