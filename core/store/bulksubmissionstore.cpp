#include "bulksubmissionstore.h"

#include "storequery.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ChannelDesk {

using namespace Qt::StringLiterals;

namespace {

QString listingsJson(const QList<StoredBulkSubmission::Listing> &listings)
{
    QJsonArray array;
    for (const StoredBulkSubmission::Listing &l : listings)
        array.append(QJsonArray {l.sku, l.remoteId, l.version, l.quantity, l.paused});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<StoredBulkSubmission::Listing> listingsFrom(const QString &json)
{
    QList<StoredBulkSubmission::Listing> out;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    out.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonArray row = value.toArray();
        out.append({row.at(0).toString(), row.at(1).toString(), row.at(2).toInteger(),
                    row.at(3).toInteger(), row.at(4).toBool()});
    }
    return out;
}

StoredBulkSubmission submissionFrom(const QSqlQuery &q)
{
    StoredBulkSubmission s;
    s.channel = q.value(0).toString();
    s.submission = q.value(1).toString();
    s.remoteId = q.value(2).toString();
    s.submittedAtMs = q.value(3).toLongLong();
    s.listings = listingsFrom(q.value(4).toString());
    return s;
}

Status run(Database &db, const QString &sql, const QVariantList &binds, const char *doing)
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return queryError(q, doing);
    return {};
}

} // namespace

Status BulkSubmissionStore::record(const StoredBulkSubmission &s)
{
    return run(
        m_db,
        u"INSERT INTO bulk_submissions (channel, submission, remote_id, submitted_at, "
        "listings) VALUES (?, ?, ?, ?, ?)"_s,
        {s.channel, s.submission, nonNull(s.remoteId), s.submittedAtMs, listingsJson(s.listings)},
        "cannot record a bulk submission:");
}

Status BulkSubmissionStore::accepted(const QString &channel, const QString &submission,
                                     const QString &remoteId, qsizetype carried)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT listings FROM bulk_submissions WHERE channel = ? AND submission = ?"_s);
    q.addBindValue(channel);
    q.addBindValue(submission);
    if (!q.exec())
        return queryError(q, "cannot read a bulk submission:");
    if (!q.next())
        return Error {u"no bulk submission %1 of %2"_s.arg(submission, channel)};
    QList<StoredBulkSubmission::Listing> listings = listingsFrom(q.value(0).toString());
    q.finish();
    if (carried < listings.size())
        listings.resize(std::max<qsizetype>(0, carried));
    return run(m_db,
               u"UPDATE bulk_submissions SET remote_id = ?, listings = ? WHERE channel = ? AND "
               "submission = ?"_s,
               {nonNull(remoteId), listingsJson(listings), channel, submission},
               "cannot record a bulk submission's id:");
}

Status BulkSubmissionStore::remove(const QString &channel, const QString &submission)
{
    return run(m_db, u"DELETE FROM bulk_submissions WHERE channel = ? AND submission = ?"_s,
               {channel, submission}, "cannot remove a bulk submission:");
}

Result<QList<StoredBulkSubmission>> BulkSubmissionStore::forChannel(const QString &channel) const
{
    return selectRows(m_db,
                      u"SELECT channel, submission, remote_id, submitted_at, listings FROM "
                      "bulk_submissions WHERE channel = ? ORDER BY submitted_at, submission"_s,
                      {channel}, &submissionFrom, "cannot read the bulk submissions:");
}

} // namespace ChannelDesk
