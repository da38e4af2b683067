#include "httperror.h"

using namespace Qt::StringLiterals;

namespace ChannelDesk {

FailureKind classifyHttpStatus(int status)
{
    if (status >= 200 && status < 300)
        return FailureKind::None;
    if (status == 429)
        return FailureKind::Throttled;
    if (status == 408 || status == 409 || status == 425 || status >= 500)
        return FailureKind::Transient;
    // Other 4xx, and 1xx/3xx which an API call should never end on.
    return FailureKind::Permanent;
}

FailureKind classifyNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError:
        return FailureKind::None;
    // The network or the far end had a bad moment: try again later.
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::UnknownServerError:
    case QNetworkReply::ProtocolFailure:
        return FailureKind::Transient;
    // A wrong URL scheme, a certificate that does not verify, a proxy that wants credentials:
    // retrying will not fix configuration.
    default:
        return FailureKind::Permanent;
    }
}

FailureKind classifyResponse(const HttpResponse &response)
{
    if (response.answered())
        return classifyHttpStatus(response.status);
    if (response.timedOut)
        return FailureKind::Transient;
    return classifyNetworkError(response.networkError);
}

QString describeFailure(const HttpResponse &response)
{
    if (response.answered())
        return u"HTTP %1"_s.arg(response.status);
    if (response.timedOut)
        return u"timeout: "_s + response.errorText;
    return u"network error: "_s + response.errorText;
}

} // namespace ChannelDesk
