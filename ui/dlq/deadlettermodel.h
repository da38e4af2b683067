#pragma once

#include "console/consoletypes.h"

#include <QAbstractTableModel>

namespace ChannelDesk {

// The dead-letter queue as a table, one row per (channel, SKU). A new snapshot is merged in:
// rows that left the queue are removed, changed rows signal dataChanged, new rows are appended,
// so the selection survives updates.
class DeadLetterModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Channel, Sku, State, Attempts, Kind, FirstFailed, LastFailed, LastError, Count };
    enum Role { KeyChannelRole = Qt::UserRole + 1, KeySkuRole, SortRole };

    explicit DeadLetterModel(QObject *parent = nullptr);

    void setLetters(const QList<ChannelDesk::DeadLetter> &letters);
    const DeadLetter *letterAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "dead", or why it is being sent again: by hand, a newer version, the channel's recovery.
    static QString stateText(const DeadLetter &letter);

private:
    QList<DeadLetter> m_letters;
};

} // namespace ChannelDesk
