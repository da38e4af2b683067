#pragma once

#include <QByteArray>
#include <QHash>
#include <QMetaObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;

namespace ChannelDesk {

// What came back from one HTTP call: the status and body when the server answered, or the
// transport failure (timeout, reset, refused) when it did not.
struct HttpResponse
{
    int status = 0; // 0 when no HTTP answer came
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case name -> value
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorText; // Qt's description of a transport failure
    bool timedOut = false;

    bool answered() const { return status != 0; }
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

// Builds a request with the settings every adapter wants: a transfer timeout, HTTP/2 where the
// server offers it (it matters with many channels, API-NOTES "General HTTP behaviour"), no
// redirects followed (an API that redirects a write is misconfigured, not to be chased).
QNetworkRequest makeApiRequest(const QUrl &url, int timeoutMs);

// Sends one request and calls `done` exactly once with the outcome, on `context`'s thread.
// With a manager on `context`'s thread the reply is owned by `context`: destroying it aborts the
// call and `done` is not called. With a NetworkThread's manager (`context` on the thread that
// made the NetworkThread) the call is made on the network thread and owned by the manager;
// destroying `context` only means `done` is not called. `done` must not destroy `context`
// synchronously (deleteLater() is fine): on the manager's thread it runs inside Qt's handling
// of the reply, which is `context`'s child.
void sendHttp(QNetworkAccessManager *network, QObject *context, const QNetworkRequest &request,
              const QByteArray &verb, const QByteArray &body,
              std::function<void(const HttpResponse &)> done);

// "https://shop.example/" + "/admin/api" -> "https://shop.example/admin/api": base URLs are
// the API's root as the channel documents it, with or without a trailing slash.
QUrl apiUrl(const QUrl &base, const QString &path);

// A request or response body as kept for the DLQ inspector: text, cut at 64 KiB.
QString bodyForInspector(const QByteArray &body);

// Calls `done(result)` on the next turn of `context`'s event loop, for answers known before any
// request is sent: callbacks are never called from inside the call that asked for them.
template<typename Result>
void answerLater(QObject *context, std::function<void(const Result &)> done, Result result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

} // namespace ChannelDesk
