#pragma once

#include "channeladapter.h"
#include "httpexchange.h"

#include <QString>

namespace ChannelDesk {

// The one place that says which failures are worth retrying (DESIGN §3), so the adapters agree:
// timeouts, resets and refused connections, 408, 409 and 5xx are transient, 429 is throttling;
// any other 4xx (bad credentials, unknown listing, validation) is permanent.
FailureKind classifyHttpStatus(int status);
FailureKind classifyNetworkError(QNetworkReply::NetworkError error);
// The classification of a whole response: its status when the server answered, else how the
// transport failed.
FailureKind classifyResponse(const HttpResponse &response);

// A short human text for a failed call, for logs and the DLQ inspector: "HTTP 503" or
// "timeout: no answer within the request timeout".
QString describeFailure(const HttpResponse &response);

} // namespace ChannelDesk
