#pragma once

#include "channels/channelreader.h"
#include "channels/httpexchange.h"

namespace ChannelDesk {

// What kind of trouble a connection test ran into, so that the console can say it in the
// merchant's words; the channel's own answer is in the ReadStatus beside it.
enum class ConnectionProblem {
    None,
    TokenRefused, // HTTP 401 or 403 (or the token service said no): the credentials
    AddressNotFound, // the host name does not resolve (DNS)
    Tls, // the secure connection could not be made (certificate, handshake)
    Timeout, // no answer in time
    Unreachable, // connection refused, reset, no route
    NotAnApi, // HTTP 404: the address answers, but is not the channel's API there
    ChannelError, // any other HTTP error: the channel said no
    BadAnswer, // 2xx, but not the answer the call expects
};

// The outcome of ChannelReader::checkConnection(): one real read call to the channel.
struct ConnectionCheck : ReadStatus
{
    ConnectionProblem problem = ConnectionProblem::None;
    QString shopName; // what the channel calls the shop, when its answer says (Shopify)
};

// A check from the call's response and the adapter's reading of it (status.ok() when the call
// answered as expected). `url` is the address called: an https one closed before any answer
// failed in its TLS handshake (a plain-HTTP server drops the connection when TLS starts).
ConnectionCheck connectionCheckOf(const HttpResponse &response, const ReadStatus &status,
                                  const QUrl &url);

// "token_refused", "address_not_found", ... for logs and the CLI.
QString connectionProblemName(ConnectionProblem problem);

} // namespace ChannelDesk
