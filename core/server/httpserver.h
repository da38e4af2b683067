#pragma once

#include "server/listenerlimits.h"
#include "util/postedcalls.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>

struct MHD_Daemon;
struct MHD_Connection;

namespace ChannelDesk {

// One HTTP request, whole: what the listener hands the core once its body is in.
struct ServerRequest
{
    QByteArray method; // "GET", "POST"
    QByteArray path; // without the query, still percent-encoded
    QHash<QByteArray, QByteArray> headers; // lower-case name -> value
    QByteArray body;
    QString peer; // the client's address
};

struct ServerResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // extra ones (Retry-After, Allow)
};

// Answers a request, once, from any thread; later calls, and calls after the server is gone,
// do nothing.
using ServerReply = std::function<void(ServerResponse)>;
// Runs on the thread that created the server; may answer at once or later.
using ServerHandler = std::function<void(const ServerRequest &, ServerReply)>;
// Offered every request whose body is in, first, on the listener's own thread: takes it (true)
// and answers it through the reply, at once or later from any thread, or leaves it (false) to
// the ServerHandler. It must not block: that thread serves every connection.
using ListenerHandler = std::function<bool(const ServerRequest &, const ServerReply &)>;

// An HTTP/1.1 listener on GNU libmicrohttpd, run by libmicrohttpd's own thread, so no client can
// stall the thread that created it. It enforces ListenerLimits before a body is read: the
// connection limits and the timeout by libmicrohttpd's options, the header size, Content-Length
// and the requests in flight by itself. A request whose body is in has its connection suspended
// until it is answered (libmicrohttpd's suspend/resume); it is offered to the ListenerHandler on
// the listener's thread, and otherwise handed to the creating thread by a queued call. Every
// error it answers itself is a JSON {"error": "..."} body.
class HttpServer
{
public:
    HttpServer(ListenerLimits limits, ServerHandler handler, ListenerHandler onListener = {});
    ~HttpServer(); // answers what is still waiting 503, then stops listening

    // "localhost" or an IPv4/IPv6 address; port 0 picks one. Returns the port, or 0 and sets
    // *error.
    quint16 listen(const QString &host, quint16 port, QString *error);

    const ListenerLimits &limits() const { return m_limits; }
    int inFlight() const;

    static ServerResponse jsonError(int status, const QString &message);

    struct Shared; // what replies share with the server (may outlive it)
    struct Exchange; // one request on its way

private:
    ListenerLimits m_limits;
    std::unique_ptr<PostedCalls> m_context; // queued calls to the handler land on its thread
    std::shared_ptr<Shared> m_shared;
    MHD_Daemon *m_daemon = nullptr;
};

} // namespace ChannelDesk
