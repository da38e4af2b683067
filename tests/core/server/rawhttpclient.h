#pragma once

// A raw HTTP/1.1 client on one QTcpSocket, for tests that need what QNetworkAccessManager will
// not do: half a header, a body that never ends, a chosen source address, many at once. It reads
// asynchronously (the server's handler runs on the test's thread, so nothing may block it).
#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTcpSocket>

#include <functional>
#include <memory>

class RawHttpClient : public QObject
{
public:
    // from: the source address to bind (any 127.x.y.z on Linux loopback), or null for any.
    RawHttpClient(quint16 port, const QHostAddress &from = {})
    {
        if (!from.isNull())
            m_socket.bind(from);
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
            m_received += m_socket.readAll();
            parse();
        });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { m_closed = true; });
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
            if (m_socket.state() != QAbstractSocket::ConnectedState)
                m_closed = true;
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    ~RawHttpClient() override
    {
        disconnect(&m_socket, nullptr, this, nullptr);
        m_socket.abort();
    }

    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    // A whole request; Content-Length is added for a body unless headers name it.
    void request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                 QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        QByteArray text = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        bool hasLength = false;
        for (const auto &[name, value] : headers) {
            text += name + ": " + value + "\r\n";
            hasLength |= name.compare("content-length", Qt::CaseInsensitive) == 0 ||
                name.compare("transfer-encoding", Qt::CaseInsensitive) == 0;
        }
        if (!hasLength && (!body.isEmpty() || method == "POST"))
            text += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        send(text + "\r\n" + body);
    }

    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool closed() const { return m_closed; }
    bool answered() const { return m_status != 0; }
    int status() const { return m_status; }
    QByteArray header(const QByteArray &lowerName) const { return m_headers.value(lowerName); }
    QByteArray body() const { return m_body; }
    qint64 bytesToWrite() const { return m_socket.bytesToWrite(); }
    QTcpSocket &socket() { return m_socket; }
    // Forgets the last answer, for the next request on the same connection.
    void reset()
    {
        m_status = 0;
        m_headers.clear();
        m_body.clear();
    }

private:
    void parse()
    {
        if (m_status != 0)
            return;
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_received.left(end).split('\n');
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                               lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = headers.value("content-length", "0").toLongLong();
        if (m_received.size() < end + 4 + length)
            return;
        const QList<QByteArray> statusLine = lines.first().split(' ');
        m_headers = headers;
        m_body = m_received.mid(end + 4, length);
        m_received.remove(0, end + 4 + length);
        m_status = statusLine.value(1).toInt();
        if (onAnswer)
            onAnswer();
    }

public:
    std::function<void()> onAnswer; // called when an answer is complete

    QTcpSocket m_socket;
    QByteArray m_received;
    QHash<QByteArray, QByteArray> m_headers;
    QByteArray m_body;
    int m_status = 0;
    bool m_closed = false;
};
