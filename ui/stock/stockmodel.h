#pragma once

#include "console/consoletypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ChannelDesk {

// The live stock table: one row per SKU with the source of truth (on hand, committed to orders
// not yet shipped, available; a negative available is units owed) and, per channel, what it
// should show under its buffer rule beside what it last acknowledged, sync state and lag. Loaded
// once, then kept current by batches of changed rows: dataChanged over the touched row spans (one
// whole-table signal when most rows changed), inserts for new SKUs, never a reset after the first
// load.
class StockModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Sku, Title, OnHand, Committed, Available, Buffer, Version, Paused, FirstChannel };
    enum Role {
        SortRole = Qt::UserRole + 1, // a number for the numeric columns, text otherwise
        ProblemRole, // bool: low stock, paused, or a channel retrying or dead
        SkuRole,
    };
    static constexpr qint64 kLowStock = 5; // available minus the safety buffer at or below this

    explicit StockModel(QObject *parent = nullptr);

    void setChannels(const QStringList &channels);
    QStringList channels() const { return m_channels; }
    // Each channel's config rule, in the order of the channels: with each row's own overrides,
    // what a channel cell says the channel should show.
    void setChannelBuffers(const QList<ChannelDesk::BufferOverride> &buffers);
    BufferOverride channelBuffer(int channel) const { return m_channelBuffers.value(channel); }
    // Replaces everything (the first load).
    void load(const QList<ChannelDesk::StockRow> &rows);
    // Applies a batch of changed (or new) rows.
    void applyChanges(const QList<ChannelDesk::StockRow> &rows);

    const StockRow *rowAt(int row) const;
    int rowOf(const QString &sku) const { return m_index.value(sku, -1); }
    static bool isProblem(const StockRow &row);
    static bool isLowStock(const StockRow &row);
    // The tooltip of one channel cell: state, acknowledged quantity, last sync lag, how long it
    // has been out of sync and the last error.
    // The order SortRole gives, straight from the rows (the proxy sorts 100,000 of them).
    static bool lessThan(const StockRow &a, const StockRow &b, int column);
    static QString cellToolTip(const ListingCell &cell, const QString &channel);
    // The buffer part of a channel cell's tooltip: what it should show, and by which rule.
    static QString bufferToolTip(const StockRow &row, int channel, const BufferOverride &rule);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant cellData(const StockRow &row, int column, int role) const;
    QVariant channelData(const StockRow &row, int channel, int role) const;

    QStringList m_channels;
    QList<BufferOverride> m_channelBuffers;
    QList<StockRow> m_rows;
    QHash<QString, int> m_index;
};

} // namespace ChannelDesk
