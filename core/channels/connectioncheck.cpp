#include "channels/connectioncheck.h"

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
ConnectionProblem transportProblem(const HttpResponse &response, const QUrl &url)
{
    if (response.timedOut)
        return ConnectionProblem::Timeout;
    const bool https = url.scheme() == "https"_L1;
    switch (response.networkError) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::UnknownNetworkError:
        return https ? ConnectionProblem::Tls : ConnectionProblem::Unreachable;
    case QNetworkReply::HostNotFoundError:
        return ConnectionProblem::AddressNotFound;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        return ConnectionProblem::Tls;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        return ConnectionProblem::Timeout;
    default:
        return ConnectionProblem::Unreachable;
    }
}
} // namespace

ConnectionCheck connectionCheckOf(const HttpResponse &response, const ReadStatus &status,
                                  const QUrl &url)
{
    ConnectionCheck check;
    static_cast<ReadStatus &>(check) = status;
    if (status.ok())
        return check;
    const int http = response.answered() ? response.status : status.httpStatus;
    if (http == 401 || http == 403)
        check.problem = ConnectionProblem::TokenRefused;
    else if (http == 404)
        check.problem = ConnectionProblem::NotAnApi;
    else if (http >= 200 && http < 300)
        check.problem = ConnectionProblem::BadAnswer;
    else if (http != 0)
        check.problem = ConnectionProblem::ChannelError;
    else
        check.problem = transportProblem(response, url);
    if (check.message.isEmpty())
        check.message = response.errorText;
    return check;
}

QString connectionProblemName(ConnectionProblem problem)
{
    switch (problem) {
    case ConnectionProblem::None:
        return u"ok"_s;
    case ConnectionProblem::TokenRefused:
        return u"token_refused"_s;
    case ConnectionProblem::AddressNotFound:
        return u"address_not_found"_s;
    case ConnectionProblem::Tls:
        return u"tls"_s;
    case ConnectionProblem::Timeout:
        return u"timeout"_s;
    case ConnectionProblem::Unreachable:
        return u"unreachable"_s;
    case ConnectionProblem::NotAnApi:
        return u"not_an_api"_s;
    case ConnectionProblem::ChannelError:
        return u"channel_error"_s;
    case ConnectionProblem::BadAnswer:
        return u"bad_answer"_s;
    }
    return {};
}

} // namespace ChannelDesk
