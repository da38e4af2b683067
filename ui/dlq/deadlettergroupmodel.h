#pragma once

#include "console/consoletypes.h"

#include <QAbstractItemModel>

namespace ChannelDesk {

// The dead letters counted by channel, then by error (the channel's own code, else the HTTP
// status, else "no answer"), as a two-level tree the merchant reads at a glance: "ebay 12 /
// HTTP 401 10 / 25001 2". A new snapshot is merged in (rows removed, inserted and recounted in
// place), so the selection survives updates.
class DeadLetterGroupModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Letters, Count };
    // ChannelRole on every row; GroupRole (the error group's key) on the second level only.
    enum Role { ChannelRole = Qt::UserRole + 1, GroupRole };

    explicit DeadLetterGroupModel(QObject *parent = nullptr);

    // The error a letter is grouped under: "woocommerce_rest_product_invalid_id (HTTP 400)",
    // "HTTP 401", "no answer".
    static QString groupOf(const DeadLetter &letter);

    void setLetters(const QList<ChannelDesk::DeadLetter> &letters);
    int total() const { return m_total; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        QString key;
        int count = 0;
    };
    struct Channel
    {
        quintptr serial = 0; // names it in its groups' indexes, whatever its row
        QString id;
        int count = 0;
        QList<Group> groups; // by key
    };
    // Second-level rows carry their channel's serial as internal id; first-level rows 0.
    static constexpr quintptr kTopLevel = 0;
    int rowOfSerial(quintptr serial) const;

    QList<Channel> m_channels; // by id
    quintptr m_nextSerial = 1;
    int m_total = 0;
};

} // namespace ChannelDesk
