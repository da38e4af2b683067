#pragma once

#include <QSortFilterProxyModel>

namespace ChannelDesk {

// Sorts the stock table numerically and filters it by text (SKU or title) and, optionally, to
// the rows with a problem.
class StockFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit StockFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    void setOnlyProblems(bool only);
    bool onlyProblems() const { return m_onlyProblems; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    bool m_onlyProblems = false;
};

} // namespace ChannelDesk
