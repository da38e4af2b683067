#pragma once

#include <QJsonObject>
#include <QString>

namespace ChannelDesk {

// The limits of the local HTTP listener, enforced before a request's body is read. The config
// file's optional "listener" object names them (docs/channels.md); every one has a safe default
// and must be positive.
struct ListenerLimits
{
    // "max_connections": connections open at once, all clients together; beyond it nothing more
    // is accepted until a place frees (MHD_OPTION_CONNECTION_LIMIT).
    int maxConnections = 256;
    // "max_connections_per_address": connections open at once from one client address; the next
    // is closed at once (MHD_OPTION_PER_IP_CONNECTION_LIMIT).
    int maxConnectionsPerAddress = 32;
    // "max_header_bytes": request line and headers together; more is 431. The memory of a
    // connection is bounded by twice this plus room for I/O (MHD_OPTION_CONNECTION_MEMORY_LIMIT).
    int maxHeaderBytes = 16 * 1024;
    // "timeout_s": seconds a connection may stay silent, while its headers are awaited, its body
    // streams in or it idles between requests; then it is closed (MHD_OPTION_CONNECTION_TIMEOUT).
    int timeoutSeconds = 10;
    // "max_body_bytes": a request body; a POST must say its Content-Length (else 411), and one
    // over this is answered 413 before any of it is read, and its connection closed.
    qint64 maxBodyBytes = 1 << 20;
    // "max_in_flight": requests handed to the core and not yet answered; beyond it, 503 with
    // Retry-After (once the bounded body is in), so a stalled core gathers no unbounded queue.
    int maxInFlight = 64;

    friend bool operator==(const ListenerLimits &, const ListenerLimits &) = default;
};

// Reads the config's "listener" object into *limits (keys not given keep their defaults).
// Returns an error naming the field ("listener.timeout_s: ..."), or an empty string.
QString parseListenerLimits(const QJsonObject &object, ListenerLimits *limits);
// The file's form: only the keys that differ from the defaults.
QJsonObject listenerLimitsToJson(const ListenerLimits &limits);

} // namespace ChannelDesk
