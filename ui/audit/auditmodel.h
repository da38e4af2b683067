#pragma once

#include "domain/mutation.h"

#include <QAbstractTableModel>

namespace ChannelDesk {

// A page of the mutation log, as the Audit tab loaded it.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Id,
        Time,
        Sku,
        Kind,
        Delta,
        After,
        Version,
        Channel,
        Order,
        Actor,
        Reason,
        Count
    };

    explicit AuditModel(QObject *parent = nullptr);

    void setMutations(const QList<ChannelDesk::Mutation> &mutations);
    // The rows as CSV (header first), quoted where needed.
    QString toCsv() const;
    // The kind as the Kind column and the filter name it; kindName() is the stored key.
    static QString kindText(MutationKind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString text(const Mutation &m, int column) const;

    QList<Mutation> m_rows;
};

} // namespace ChannelDesk
