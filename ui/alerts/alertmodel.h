#pragma once

#include "metrics/alert.h"

#include <QAbstractTableModel>

namespace ChannelDesk {

// The active alerts: severity, rule, channel, message, measured value and since when.
class AlertModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Severity, Rule, Channel, Message, Since, Count };

    explicit AlertModel(QObject *parent = nullptr);

    void setAlerts(const QList<ChannelDesk::Alert> &alerts);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Alert> m_alerts;
};

} // namespace ChannelDesk
