#pragma once

#include <QPointer>
#include <QSortFilterProxyModel>
#include <QTimer>

namespace ChannelDesk {

class StockModel;

// Sorts the stock table numerically and filters it by text (SKU or title) and, optionally, to
// the rows with a problem.
//
// Sorted by a column that does not move (SKU, title) the proxy follows every change at once.
// Sorted by one that moves with the stock (available, version, a channel's quantity) with
// thousands of changes a second, re-sorting on every change would move rows under the
// merchant's eyes and cost a relayout of the whole table per changed span; there the rows
// update in place and the order (and the filter) catch up at most once per resortIntervalMs.
class StockFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    static constexpr int kResortIntervalMs = 1000;

    explicit StockFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    void setOnlyProblems(bool only);
    bool onlyProblems() const { return m_onlyProblems; }

    void setResortInterval(int ms) { m_resort.setInterval(ms); }
    int resortInterval() const { return m_resort.interval(); }
    // True when the order follows every change at once (a column that does not move).
    static bool isStableColumn(int column);

    void setSourceModel(QAbstractItemModel *model) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void sourceChanged();
    void catchUp();

    QPointer<StockModel> m_stock;
    QList<QMetaObject::Connection> m_sourceConnections;
    QString m_text;
    bool m_onlyProblems = false;
    bool m_stale = false;
    QTimer m_resort;
};

} // namespace ChannelDesk
