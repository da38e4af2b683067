#pragma once

#include <QSortFilterProxyModel>

namespace ChannelDesk {

// The dead-letter table narrowed to what the group tree selects: one channel, or one channel's
// error group (DeadLetterGroupModel::groupOf); sorted by DeadLetterModel::SortRole.
class DeadLetterFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit DeadLetterFilterProxy(QObject *parent = nullptr);

    // Empty channel: every letter; empty group: every letter of the channel.
    void setGroup(const QString &channel, const QString &group);
    QString channel() const { return m_channel; }
    QString group() const { return m_group; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_channel;
    QString m_group;
};

} // namespace ChannelDesk
