#pragma once

#include "store/attemptlog.h"

#include <QAbstractTableModel>

namespace ChannelDesk {

// The kept attempts of one dead letter, oldest first: time, version, attempt count, HTTP status,
// the channel's code, kind and message. The request and answer of a row are read with
// attemptAt(). A new letter replaces the whole list.
class AttemptModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Version, Attempt, Status, Code, Kind, Message, Count };

    explicit AttemptModel(QObject *parent = nullptr);

    void setAttempts(const QList<ChannelDesk::ListingAttempt> &attempts);
    const ListingAttempt *attemptAt(int row) const;
    // "transient", "throttled", ... in the merchant's language.
    static QString kindText(const QString &kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ListingAttempt> m_attempts;
};

} // namespace ChannelDesk
