#include "httpexchange.h"

#include "networkthread.h"
#include "util/postedcalls.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

QNetworkRequest makeApiRequest(const QUrl &url, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    return request;
}

namespace {

// What a call in flight answers to, a child of its reply: it goes with the reply, so a caller
// destroyed before the answer takes its replies, and their answers, with it.
class PendingAnswer : public QObject
{
    Q_OBJECT
public:
    PendingAnswer(QNetworkReply *reply, std::function<void(const HttpResponse &)> done)
        : QObject(reply)
        , done(std::move(done))
    {
    }
    std::function<void(const HttpResponse &)> done;
};

HttpResponse responseOf(QNetworkReply *reply)
{
    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An aborted reply (a timeout, a shutdown) is closed: nothing to read.
    response.body = reply->isOpen() ? reply->readAll() : QByteArray();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &[name, value] : pairs)
        response.headers.insert(name.toLower(), value);
    response.networkError = reply->error();
    // The transfer timeout aborts the reply: Qt reports it as a timeout
    // or, in some versions, as a cancellation we never asked for.
    response.timedOut = !response.answered() &&
        (reply->error() == QNetworkReply::TimeoutError ||
         reply->error() == QNetworkReply::OperationCanceledError);
    if (!response.answered())
        response.errorText =
            response.timedOut ? u"no answer within the request timeout"_s : reply->errorString();
    return response;
}

// Replies are answered through their manager's finished(), connected once per manager; the
// callback and what it holds live in the reply's PendingAnswer, destroyed with the reply on its
// own thread. A connection per reply holding them could be dropped by Qt on its own HTTP thread,
// after the reply's thread made it, ordered by Qt's locks that ThreadSanitizer cannot see
// (docs/architecture.md, "The console's threads"). The manager's one connection lives and dies
// with the manager, on its thread. `done` runs inside that signal, so it must not destroy its
// context there and then (the reply is its child, and Qt reads it after the signal).
void answerThroughManager(QNetworkAccessManager *network)
{
    static constexpr char kConnected[] = "channeldesk_answers";
    if (network->property(kConnected).toBool())
        return;
    network->setProperty(kConnected, true);
    QObject::connect(network, &QNetworkAccessManager::finished, network, [](QNetworkReply *reply) {
        auto *pending = reply->findChild<PendingAnswer *>(QString(), Qt::FindDirectChildrenOnly);
        if (!pending)
            return; // made by someone else
        reply->deleteLater();
        const auto done = std::move(pending->done);
        delete pending; // answered once
        done(responseOf(reply));
    });
}

// One call on the manager's own thread, answered to `context` there.
void sendHere(QNetworkAccessManager *network, QObject *context, const QNetworkRequest &request,
              const QByteArray &verb, const QByteArray &body,
              std::function<void(const HttpResponse &)> done)
{
    answerThroughManager(network);
    QNetworkReply *reply = network->sendCustomRequest(request, verb, body);
    reply->setParent(context);
    new PendingAnswer(reply, std::move(done));
}

} // namespace

void sendHttp(QNetworkAccessManager *network, QObject *context, const QNetworkRequest &request,
              const QByteArray &verb, const QByteArray &body,
              std::function<void(const HttpResponse &)> done)
{
    if (network->thread() == context->thread()) {
        sendHere(network, context, request, verb, body, std::move(done));
        return;
    }
    // The manager lives on a NetworkThread: the call is made there, owned by the manager, and
    // only its answer comes back, to the thread that made the NetworkThread, where `context`
    // is checked before it is told (destroyed meanwhile: the answer is dropped).
    auto *calls = qobject_cast<NetworkCalls *>(network->parent());
    if (!calls || calls->answers()->thread() != context->thread())
        qFatal("sendHttp: a manager on another thread must be a NetworkThread's, and the caller "
               "on the thread that made it");
    PostedCalls *answers = calls->answers();
    calls->push([network, answers, guard = QPointer<QObject>(context), request, verb, body,
                 done = std::move(done)]() mutable {
        sendHere(network, network, request, verb, body,
                 [answers, guard, done = std::move(done)](const HttpResponse &response) mutable {
                     answers->push([guard, done = std::move(done), response] {
                         if (guard)
                             done(response);
                     });
                 });
    });
}

QString bodyForInspector(const QByteArray &body)
{
    constexpr qsizetype kMaxKept = 64 * 1024;
    if (body.size() <= kMaxKept)
        return QString::fromUtf8(body);
    return QString::fromUtf8(body.left(kMaxKept)) + u"\u2026 (%1 bytes in all)"_s.arg(body.size());
}

QUrl apiUrl(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + (path.startsWith(u'/') ? path : u'/' + path));
    return url;
}

} // namespace ChannelDesk

#include "httpexchange.moc"
