#pragma once

// Wire helpers shared by the carrier simulator's files (carriersim*.cpp); not part of its API.
#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QString>

#include <utility>

class QHttpServerRequest;

namespace ChannelDesk::CarrierSimWire {

QByteArray json(const QJsonObject &o);
QJsonObject bodyOf(const QHttpServerRequest &r);
// "Basic base64(user:password)" -> (user, password)
std::pair<QString, QString> basicCredentials(const QHttpServerRequest &r);
QByteArray bearer(const QHttpServerRequest &r);
QString money(qint64 cents);
QString dayOfWeek(QDate d);

} // namespace ChannelDesk::CarrierSimWire
