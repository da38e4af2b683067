#include "orderjson.h"

#include "domain/sku.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace ChannelDesk {

namespace {
using namespace Qt::StringLiterals;

// A JSON number that is a whole number in range, or a string of digits for ids.
bool wholeNumber(const QJsonValue &v, qint64 min, qint64 max, qint64 *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || d < double(min) || d > double(max))
        return false;
    *out = qint64(d);
    return true;
}
} // namespace

bool parseOrderJson(const QByteArray &json, OrderEvent *event, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"not valid JSON: %1 at offset %2"_s.arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = u"expected a JSON object"_s;
        return false;
    }
    const QJsonObject o = doc.object();
    const QJsonValue channel = o.value("channel"_L1);
    if (!channel.isString() || channel.toString().isEmpty()) {
        *error = u"\"channel\" must be a non-empty string"_s;
        return false;
    }
    const QJsonValue orderId = o.value("order_id"_L1);
    QString id;
    qint64 numericId = 0;
    if (orderId.isString()) {
        id = orderId.toString();
    } else if (wholeNumber(orderId, 0, (qint64(1) << 53), &numericId)) {
        id = QString::number(numericId);
    }
    if (id.isEmpty()) {
        *error = u"\"order_id\" must be a non-empty string or a whole number"_s;
        return false;
    }
    const QJsonValue lines = o.value("lines"_L1);
    if (!lines.isArray() || lines.toArray().isEmpty()) {
        *error = u"\"lines\" must be a non-empty array"_s;
        return false;
    }
    OrderEvent e;
    e.channel = channel.toString();
    e.orderId = id;
    const QJsonArray array = lines.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject line = array.at(i).toObject();
        const QJsonValue sku = line.value("sku"_L1);
        if (!sku.isString()) {
            *error = u"lines[%1].sku must be a string"_s.arg(i);
            return false;
        }
        qint64 qty = 0;
        if (!wholeNumber(line.value("qty"_L1), 1, Quantity::kMaxOrderLine, &qty)) {
            *error = u"lines[%1].qty must be a whole number from 1 to %2"_s.arg(i).arg(
                Quantity::kMaxOrderLine);
            return false;
        }
        e.lines.append({sku.toString(), qty});
    }
    if (const QString why = e.validationError(); !why.isEmpty()) {
        *error = why;
        return false;
    }
    *event = e;
    return true;
}

} // namespace ChannelDesk
