#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QUrl>
#include <QUrlQuery>

#include <deque>
#include <functional>
#include <vector>

namespace ChannelDesk::Test {

// One request as the fake channel received it.
struct RecordedRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// What the fake channel answers; `neverAnswer` holds the connection open without a reply.
struct CannedResponse
{
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    bool neverAnswer = false;
    QByteArray contentType = "application/json";

    static CannedResponse json(int status, const QByteArray &body,
                               QList<std::pair<QByteArray, QByteArray>> headers = {})
    {
        return CannedResponse {status, body, std::move(headers), false, "application/json"};
    }
    static CannedResponse silence() { return CannedResponse {0, {}, {}, true, {}}; }
};

// A loopback HTTP server standing in for a channel's API in adapter tests: it records every
// request and answers with the canned responses queued, in order, or from a handler.
class FakeChannelServer
{
public:
    FakeChannelServer()
    {
        m_server.setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                handle(request, std::move(responder));
            });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    bool listening() const { return m_port != 0; }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    void enqueue(const CannedResponse &response) { m_queue.push_back(response); }
    void setHandler(std::function<CannedResponse(const RecordedRequest &)> handler)
    {
        m_handler = std::move(handler);
    }
    const QList<RecordedRequest> &requests() const { return m_requests; }

private:
    static QByteArray methodName(QHttpServerRequest::Method method)
    {
        switch (method) {
        case QHttpServerRequest::Method::Get:
            return "GET";
        case QHttpServerRequest::Method::Put:
            return "PUT";
        case QHttpServerRequest::Method::Delete:
            return "DELETE";
        case QHttpServerRequest::Method::Post:
            return "POST";
        case QHttpServerRequest::Method::Head:
            return "HEAD";
        case QHttpServerRequest::Method::Options:
            return "OPTIONS";
        case QHttpServerRequest::Method::Patch:
            return "PATCH";
        default:
            return "OTHER";
        }
    }

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
    {
        RecordedRequest recorded;
        recorded.method = methodName(request.method());
        recorded.path = request.url().path(QUrl::FullyEncoded);
        recorded.query = request.query();
        const auto headers = request.headers();
        for (const auto &[name, value] : headers)
            recorded.headers.insert(name.toLower(), value);
        recorded.body = request.body();
        m_requests.append(recorded);

        CannedResponse canned;
        if (m_handler) {
            canned = m_handler(recorded);
        } else if (!m_queue.empty()) {
            canned = m_queue.front();
            m_queue.pop_front();
        } else {
            canned = CannedResponse::json(500, R"({"error":"no canned response left"})");
        }
        if (canned.neverAnswer) {
            m_held.push_back(std::move(responder));
            return;
        }
        QHttpServerResponse response(canned.contentType, canned.body,
                                     static_cast<QHttpServerResponse::StatusCode>(canned.status));
        for (const auto &[name, value] : canned.headers)
            response.addHeader(name, value);
        response.write(std::move(responder));
    }

    QHttpServer m_server;
    quint16 m_port = 0;
    std::deque<CannedResponse> m_queue;
    std::function<CannedResponse(const RecordedRequest &)> m_handler;
    QList<RecordedRequest> m_requests;
    std::vector<QHttpServerResponder> m_held;
};

// Collects an adapter's callback so a test can wait for it and check it came exactly once.
template<typename Result> struct Capture
{
    int calls = 0;
    Result value {};
    std::function<void(const Result &)> callback()
    {
        return [this](const Result &result) {
            value = result;
            ++calls;
        };
    }
};

} // namespace ChannelDesk::Test
