#pragma once

#include "channeladapter.h"
#include "httpexchange.h"
#include "util/clock.h"

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

// A read's answer as a ReadStatus: the HTTP status, its failure kind, Retry-After and whether it
// was a 429. `code` and `message` are the channel's own words from its error body (no message:
// describeFailure()). A success whose body is not the shape the read expects (`bodyOk` false)
// is a transient failure.
ReadStatus readStatusOf(const HttpResponse &response, const Clock &clock, const QString &code,
                        const QString &message, bool bodyOk);

} // namespace ChannelDesk
