#include "channels/httperror.h"

#include <QTest>

namespace ChannelDesk {

class TestHttpError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void status_data();
    void status();
    void network_data();
    void network();
    void responseUsesStatusFirst();
};

void TestHttpError::status_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<FailureKind>("expected");
    QTest::newRow("200") << 200 << FailureKind::None;
    QTest::newRow("207") << 207 << FailureKind::None;
    QTest::newRow("301") << 301 << FailureKind::Permanent;
    QTest::newRow("400") << 400 << FailureKind::Permanent;
    QTest::newRow("401") << 401 << FailureKind::Permanent;
    QTest::newRow("402") << 402 << FailureKind::Permanent;
    QTest::newRow("403") << 403 << FailureKind::Permanent;
    QTest::newRow("404") << 404 << FailureKind::Permanent;
    QTest::newRow("408") << 408 << FailureKind::Transient;
    QTest::newRow("409") << 409 << FailureKind::Transient;
    QTest::newRow("413") << 413 << FailureKind::Permanent;
    QTest::newRow("422") << 422 << FailureKind::Permanent;
    QTest::newRow("429") << 429 << FailureKind::Throttled;
    QTest::newRow("500") << 500 << FailureKind::Transient;
    QTest::newRow("502") << 502 << FailureKind::Transient;
    QTest::newRow("503") << 503 << FailureKind::Transient;
    QTest::newRow("504") << 504 << FailureKind::Transient;
}

void TestHttpError::status()
{
    QFETCH(int, status);
    QFETCH(FailureKind, expected);
    QCOMPARE(classifyHttpStatus(status), expected);
}

void TestHttpError::network_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("error");
    QTest::addColumn<FailureKind>("expected");
    QTest::newRow("reset") << QNetworkReply::RemoteHostClosedError << FailureKind::Transient;
    QTest::newRow("refused") << QNetworkReply::ConnectionRefusedError << FailureKind::Transient;
    QTest::newRow("timeout") << QNetworkReply::TimeoutError << FailureKind::Transient;
    QTest::newRow("temporary") << QNetworkReply::TemporaryNetworkFailureError
                               << FailureKind::Transient;
    QTest::newRow("tls") << QNetworkReply::SslHandshakeFailedError << FailureKind::Permanent;
    QTest::newRow("scheme") << QNetworkReply::ProtocolUnknownError << FailureKind::Permanent;
}

void TestHttpError::network()
{
    QFETCH(QNetworkReply::NetworkError, error);
    QFETCH(FailureKind, expected);
    QCOMPARE(classifyNetworkError(error), expected);
}

void TestHttpError::responseUsesStatusFirst()
{
    HttpResponse answered;
    answered.status = 404;
    answered.networkError = QNetworkReply::ContentNotFoundError;
    QCOMPARE(classifyResponse(answered), FailureKind::Permanent);
    answered.status = 503;
    answered.networkError = QNetworkReply::ServiceUnavailableError;
    QCOMPARE(classifyResponse(answered), FailureKind::Transient);

    HttpResponse timedOut;
    timedOut.networkError = QNetworkReply::OperationCanceledError;
    timedOut.timedOut = true;
    QCOMPARE(classifyResponse(timedOut), FailureKind::Transient);
}

} // namespace ChannelDesk

QTEST_GUILESS_MAIN(ChannelDesk::TestHttpError)
#include "tst_httperror.moc"
