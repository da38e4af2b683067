#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace ChannelDesk {

// What a row of the mutation log records. The log is both the audit trail and the change feed
// that propagation reads (DESIGN §2.3).
enum class MutationKind {
    Order, // an order took stock (negative delta)
    Adjust, // a manual correction by a person
    Import, // an absolute set from an import
    Pause, // the listing guard paused the SKU (delta 0)
    Resume, // the listing guard resumed the SKU (delta 0)
    OversellAttempt, // an order asked for more than was available; nothing changed (delta 0)
    UnknownSku, // an order named a SKU we do not hold; recorded, nothing changed (delta 0)
    DeadLetterRetry, // a person sent a dead-lettered listing again (delta 0)
    DeadLetterDiscard, // a person gave up on a dead-lettered update (delta 0)
};

QString kindName(MutationKind kind);
// Returns false when the text names no kind.
bool kindFromName(const QString &text, MutationKind *kind);
// Whether a mutation of this kind changed the stock row (and so its version).
bool changesStock(MutationKind kind);

struct Mutation
{
    qint64 id = 0; // assigned by the store on append
    QString sku;
    qint64 delta = 0;
    qint64 availableAfter = 0;
    qint64 version = 0; // the stock row's version after this mutation
    MutationKind kind = MutationKind::Order;
    QString channel;
    QString orderId;
    QString actor;
    QString reason;
    qint64 atMs = 0;
    bool pausedAfter = false;

    friend bool operator==(const Mutation &, const Mutation &) = default;
};

} // namespace ChannelDesk

Q_DECLARE_METATYPE(ChannelDesk::Mutation)
