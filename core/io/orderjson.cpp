#include "orderjson.h"

#include "domain/sku.h"

#include <QHash>
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
    OrderEvent e;
    e.channel = channel.toString();
    e.orderId = id;
    // A sale has no "event"; a lifecycle event names its kind and, but for a cancel, its id.
    const QJsonValue kind = o.value("event"_L1);
    if (!kind.isUndefined()) {
        if (!kind.isString() || !eventKindFromName(kind.toString(), &e.kind) ||
            e.kind == OrderEventKind::Sale) {
            *error = u"\"event\" must be one of cancel, refund, edit, ship"_s;
            return false;
        }
    }
    static const QHash<OrderEventKind, QString> idKeys {
        {OrderEventKind::Refund, u"refund_id"_s},
        {OrderEventKind::Edit, u"edit_id"_s},
        {OrderEventKind::Ship, u"shipment_id"_s},
    };
    if (idKeys.contains(e.kind)) {
        const QString key = idKeys.value(e.kind);
        const QJsonValue v = o.value(key);
        qint64 n = 0;
        if (v.isString())
            e.eventId = v.toString();
        else if (wholeNumber(v, 0, (qint64(1) << 53), &n))
            e.eventId = QString::number(n);
        if (e.eventId.isEmpty()) {
            *error = u"\"%1\" must be a non-empty string or a whole number"_s.arg(key);
            return false;
        }
    }
    const QJsonValue cancelled = o.value("cancelled"_L1);
    if (!cancelled.isUndefined()) {
        if (!cancelled.isBool() || e.kind != OrderEventKind::Sale) {
            *error = u"\"cancelled\" is a true or false of a sale"_s;
            return false;
        }
        e.cancelled = cancelled.toBool();
    }
    const QJsonValue lines = o.value("lines"_L1);
    const bool linesOptional = e.kind == OrderEventKind::Cancel || e.kind == OrderEventKind::Ship;
    if (lines.isUndefined() && linesOptional) {
        // all of the order
    } else if (!lines.isArray() || (lines.toArray().isEmpty() && !linesOptional)) {
        *error = u"\"lines\" must be a non-empty array"_s;
        return false;
    }
    const QJsonArray array = lines.toArray();
    // An edit may bring a line to 0; everything else moves at least one unit.
    const qint64 minQty = e.kind == OrderEventKind::Edit ? 0 : 1;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            *error = u"lines[%1] must be an object"_s.arg(i);
            return false;
        }
        const QJsonObject line = array.at(i).toObject();
        OrderLine l;
        for (const auto &[key, out] :
             {std::pair {"sku", &l.sku}, std::pair {"remote_id", &l.remoteId},
              std::pair {"line_id", &l.lineId}}) {
            const QJsonValue v = line.value(QLatin1StringView(key));
            qint64 n = 0;
            if (v.isString())
                *out = v.toString();
            else if (!v.isUndefined() && qstrcmp(key, "sku") != 0 &&
                     wholeNumber(v, 0, (qint64(1) << 53), &n))
                *out = QString::number(n);
            else if (!v.isUndefined()) {
                *error = u"lines[%1].%2 must be a string"_s.arg(i).arg(QLatin1StringView(key));
                return false;
            }
        }
        if (line.value("sku"_L1).isUndefined() && l.remoteId.isEmpty() && l.lineId.isEmpty()) {
            *error = u"lines[%1].sku must be a string"_s.arg(i);
            return false;
        }
        if (!wholeNumber(line.value("qty"_L1), minQty, Quantity::kMaxOrderLine, &l.quantity)) {
            *error = u"lines[%1].qty must be a whole number from %2 to %3"_s.arg(i).arg(minQty).arg(
                Quantity::kMaxOrderLine);
            return false;
        }
        const QJsonValue restock = line.value("restock"_L1);
        if (!restock.isUndefined()) {
            if (!restock.isBool() ||
                (e.kind != OrderEventKind::Refund && e.kind != OrderEventKind::Cancel)) {
                *error = u"lines[%1].restock is a true or false of a refund or cancel"_s.arg(i);
                return false;
            }
            l.restock = restock.toBool();
        } else if (e.kind == OrderEventKind::Refund) {
            l.restock = false; // a refund restocks only what it says it restocks
        }
        e.lines.append(l);
    }
    if (const QString why = e.validationError(); !why.isEmpty()) {
        *error = why;
        return false;
    }
    *event = e;
    return true;
}

} // namespace ChannelDesk
