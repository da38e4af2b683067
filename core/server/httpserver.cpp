// The listener on GNU libmicrohttpd. Options and call rules followed: microhttpd.h of 0.9.75
// (Debian 12's libmicrohttpd-dev) and the GNU libmicrohttpd manual: MHD_queue_response may be
// called on a suspended connection at any moment, MHD_resume_connection from any thread, and
// MHD_stop_daemon only once no connection is suspended.
#include "httpserver.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaObject>

#include <atomic>
#include <cstring>
#include <microhttpd.h>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unordered_set>

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcHttp, "channeldesk.http")

using namespace Qt::StringLiterals;

struct HttpServer::Shared
{
    ListenerLimits limits;
    ServerHandler handler;
    ListenerHandler onListener; // may be empty
    PostedCalls *context = nullptr; // outlives the daemon's thread (the destructor's order)
    std::weak_ptr<Shared> self; // what each exchange holds, so a late reply finds it
    std::atomic<int> inFlight {0};
    std::mutex mutex; // guards waiting, stopping and every Exchange's answered
    std::unordered_set<Exchange *> waiting; // suspended, the handler's answer awaited
    bool stopping = false;
};

struct HttpServer::Exchange
{
    std::shared_ptr<Shared> shared;
    MHD_Connection *connection = nullptr;
    ServerRequest request;
    qint64 headerBytes = 0;
    bool answeredEarly = false; // a response was queued before the body was read
    bool draining = false; // over the body limit, but read (and dropped) before the 413
    bool dispatched = false; // handed to the handler, the connection suspended
    bool answered = false; // under shared->mutex
};

namespace {

using ExchangePtr = std::shared_ptr<HttpServer::Exchange>;

constexpr int kRetryAfterSeconds = 1;

MHD_Response *makeResponse(const ServerResponse &r)
{
    MHD_Response *response = MHD_create_response_from_buffer(
        size_t(r.body.size()), const_cast<char *>(r.body.constData()), MHD_RESPMEM_MUST_COPY);
    if (!response)
        return nullptr;
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, r.contentType.constData());
    for (const auto &[name, value] : r.headers)
        MHD_add_response_header(response, name.constData(), value.constData());
    return response;
}

// Queues r on the connection; from the access handler, or on a suspended connection.
void queue(MHD_Connection *connection, const ServerResponse &r)
{
    MHD_Response *response = makeResponse(r);
    if (!response)
        return;
    MHD_queue_response(connection, unsigned(r.status), response);
    MHD_destroy_response(response);
}

// Answers an exchange the handler has, once: queued, resumed, the in-flight count given back.
void answer(HttpServer::Exchange &ex, const ServerResponse &r)
{
    HttpServer::Shared &shared = *ex.shared;
    std::lock_guard lock(shared.mutex);
    if (ex.answered)
        return;
    ex.answered = true;
    shared.waiting.erase(&ex);
    // Its place is given back before the answer can reach the client: a client that sends its
    // next request at once must find it free (else, at the limit, a 503 it did not earn).
    --shared.inFlight;
    queue(ex.connection, r);
    MHD_resume_connection(ex.connection);
}

MHD_Result collectHeader(void *cls, MHD_ValueKind, const char *key, const char *value)
{
    auto *ex = static_cast<HttpServer::Exchange *>(cls);
    const QByteArray name = QByteArray(key).toLower();
    const QByteArray v(value ? value : "");
    ex->headerBytes += name.size() + v.size() + 4; // ": " and CRLF
    const auto it = ex->request.headers.find(name);
    if (it == ex->request.headers.end())
        ex->request.headers.insert(name, v);
    else
        *it += ", " + v; // repeated fields join (RFC 9110, 5.3)
    return MHD_YES;
}

QString peerOf(MHD_Connection *connection)
{
    const MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr)
        return {};
    return QHostAddress(info->client_addr).toString();
}

// Refuses at once, before any body is read; the connection is closed after the answer, so a
// client cannot go on sending what was refused.
MHD_Result refuse(HttpServer::Exchange &ex, ServerResponse r)
{
    ex.answeredEarly = true;
    if (ex.request.headers.contains("content-length") ||
        ex.request.headers.contains("transfer-encoding"))
        r.headers.emplaceBack("Connection", "close");
    queue(ex.connection, r);
    return MHD_YES;
}

ServerResponse tooLarge(const ListenerLimits &limits)
{
    return HttpServer::jsonError(413, u"body over %1 bytes"_s.arg(limits.maxBodyBytes));
}

// The first call for a request: its headers are in, its body is not read yet.
MHD_Result begin(HttpServer::Shared &shared, HttpServer::Exchange &ex)
{
    const ListenerLimits &limits = shared.limits;
    const QByteArray requestLine = ex.request.method + ' ' + ex.request.path + " HTTP/1.1\r\n";
    if (ex.headerBytes + requestLine.size() > limits.maxHeaderBytes)
        return refuse(ex,
                      HttpServer::jsonError(
                          431, u"request headers over %1 bytes"_s.arg(limits.maxHeaderBytes)));
    const bool hasBody =
        ex.request.method == "POST" || ex.request.method == "PUT" || ex.request.method == "PATCH";
    if (ex.request.headers.contains("transfer-encoding"))
        return refuse(
            ex,
            HttpServer::jsonError(411, u"a body must be sent with Content-Length, not chunked"_s));
    const auto length = ex.request.headers.constFind("content-length");
    if (length != ex.request.headers.cend()) {
        bool ok = false;
        const qint64 declared = length->trimmed().toLongLong(&ok);
        if (!ok || declared < 0)
            return refuse(ex, HttpServer::jsonError(400, u"Content-Length is not a number"_s));
        if (declared > limits.maxBodyBytes) {
            // A client that waits for 100-continue, or announces far more than the limit, is
            // refused at once. One already sending a body a little over it has that body read
            // and thrown away first: closing on unread bytes resets the connection, and the
            // client would never see its 413.
            if (ex.request.headers.contains("expect") || declared > 2 * limits.maxBodyBytes)
                return refuse(ex, tooLarge(limits));
            ex.draining = true;
        }
    } else if (hasBody) {
        return refuse(ex, HttpServer::jsonError(411, u"Content-Length required"_s));
    }
    // The cap on requests in flight is checked when the body is in (dispatch): a body within
    // the limit is read and the 503 answered on a connection that stays usable.
    return MHD_YES;
}

// The last call: the body is in; hand it to the handler's thread and wait for its answer.
MHD_Result dispatch(HttpServer::Shared &shared, const ExchangePtr &ex)
{
    if (shared.inFlight.fetch_add(1) >= shared.limits.maxInFlight) {
        --shared.inFlight;
        ServerResponse busy = HttpServer::jsonError(503, u"too many requests in flight"_s);
        busy.headers.emplaceBack("Retry-After", QByteArray::number(kRetryAfterSeconds));
        queue(ex->connection, busy);
        ex->answeredEarly = true;
        return MHD_YES;
    }
    {
        std::lock_guard lock(shared.mutex);
        if (shared.stopping) {
            --shared.inFlight;
            queue(ex->connection, HttpServer::jsonError(503, u"shutting down"_s));
            ex->answeredEarly = true;
            return MHD_YES;
        }
        ex->dispatched = true;
        shared.waiting.insert(ex.get());
        MHD_suspend_connection(ex->connection);
    }
    // Suspended and registered first: the answer may come from another thread at once.
    const ServerReply reply = [ex](ServerResponse r) { answer(*ex, r); };
    if (shared.onListener && shared.onListener(ex->request, reply))
        return MHD_YES;
    shared.context->push([ex, reply] { ex->shared->handler(ex->request, reply); });
    return MHD_YES;
}

MHD_Result access(void *cls, MHD_Connection *connection, const char *url, const char *method,
                  const char *, const char *uploadData, size_t *uploadDataSize, void **context)
{
    auto &shared = *static_cast<HttpServer::Shared *>(cls);
    auto *holder = static_cast<ExchangePtr *>(*context);
    if (!holder) {
        holder = new ExchangePtr(std::make_shared<HttpServer::Exchange>());
        *context = holder; // deleted by completed()
        HttpServer::Exchange &ex = **holder;
        ex.shared = shared.self.lock(); // kept past the server's end by a late reply
        ex.connection = connection;
        ex.request.method = method;
        ex.request.path = url;
        ex.request.peer = peerOf(connection);
        MHD_get_connection_values(connection, MHD_HEADER_KIND, collectHeader, &ex);
        return begin(shared, ex);
    }
    const ExchangePtr &ex = *holder;
    if (ex->answeredEarly || ex->dispatched || (ex->draining && *uploadDataSize > 0)) {
        *uploadDataSize = 0; // refused: nothing of it is kept
        return MHD_YES;
    }
    if (ex->draining) { // all of it read and dropped: now the 413, and the connection closes
        ex->answeredEarly = true;
        ServerResponse r = tooLarge(shared.limits);
        r.headers.emplaceBack("Connection", "close");
        queue(ex->connection, r);
        return MHD_YES;
    }
    if (*uploadDataSize > 0) {
        // Content-Length was checked; this guards what arrives beyond it all the same.
        if (ex->request.body.size() + qint64(*uploadDataSize) > shared.limits.maxBodyBytes)
            return MHD_NO; // closes the connection
        ex->request.body.append(uploadData, qsizetype(*uploadDataSize));
        *uploadDataSize = 0;
        return MHD_YES;
    }
    return dispatch(shared, ex);
}

// Keeps the path as sent (percent-encoded): the routes decode their own argument, so that an
// encoded '/' inside a SKU stays inside it.
size_t keepEscaped(void *, MHD_Connection *, char *text)
{
    return std::strlen(text);
}

void completed(void *, MHD_Connection *, void **context, MHD_RequestTerminationCode)
{
    delete static_cast<ExchangePtr *>(*context);
    *context = nullptr;
}

} // namespace

HttpServer::HttpServer(ListenerLimits limits, ServerHandler handler, ListenerHandler onListener)
    : m_limits(limits)
    , m_context(std::make_unique<PostedCalls>())
    , m_shared(std::make_shared<Shared>())
{
    m_shared->limits = limits;
    m_shared->handler = std::move(handler);
    m_shared->onListener = std::move(onListener);
    m_shared->context = m_context.get();
    m_shared->self = m_shared;
}

HttpServer::~HttpServer()
{
    if (m_daemon) {
        {
            // No connection may stay suspended when the daemon stops: answer those waiting.
            std::lock_guard lock(m_shared->mutex);
            m_shared->stopping = true;
            const ServerResponse down = jsonError(503, u"shutting down"_s);
            for (Exchange *ex : m_shared->waiting) {
                ex->answered = true;
                --m_shared->inFlight;
                queue(ex->connection, down);
                MHD_resume_connection(ex->connection);
            }
            m_shared->waiting.clear();
        }
        MHD_stop_daemon(m_daemon);
    }
}

int HttpServer::inFlight() const
{
    return m_shared->inFlight.load();
}

ServerResponse HttpServer::jsonError(int status, const QString &message)
{
    return {status,
            "application/json",
            QJsonDocument(QJsonObject {{u"error"_s, message}}).toJson(QJsonDocument::Compact),
            {}};
}

quint16 HttpServer::listen(const QString &host, quint16 port, QString *error)
{
    QHostAddress address;
    if (host == "localhost"_L1)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host)) {
        *error = u"listen: \"%1\" is not an IP address"_s.arg(host);
        return 0;
    }
    sockaddr_storage storage {};
    unsigned flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_ALLOW_SUSPEND_RESUME;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &a, sizeof a);
        flags |= MHD_USE_IPv6;
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
    }
    // Headers live in the connection's memory pool, beside its read and write buffers.
    const size_t memory = size_t(m_limits.maxHeaderBytes) * 2 + 16 * 1024;
    m_daemon = MHD_start_daemon(
        flags, port, nullptr, nullptr, &access, m_shared.get(), MHD_OPTION_SOCK_ADDR,
        reinterpret_cast<sockaddr *>(&storage), MHD_OPTION_CONNECTION_LIMIT,
        unsigned(m_limits.maxConnections), MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        unsigned(m_limits.maxConnectionsPerAddress), MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory,
        MHD_OPTION_CONNECTION_TIMEOUT, unsigned(m_limits.timeoutSeconds),
        MHD_OPTION_NOTIFY_COMPLETED, &completed, nullptr, MHD_OPTION_UNESCAPE_CALLBACK,
        &keepEscaped, nullptr, MHD_OPTION_END);
    if (!m_daemon) {
        *error = u"cannot listen on %1:%2 (in use, or not allowed)"_s.arg(host).arg(port);
        return 0;
    }
    const MHD_DaemonInfo *info = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_BIND_PORT);
    const quint16 bound = info ? info->port : port;
    qCDebug(lcHttp).noquote() << "listening on" << host << bound;
    return bound;
}

} // namespace ChannelDesk
