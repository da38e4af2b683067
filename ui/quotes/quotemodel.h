#pragma once

#include "carriers/quoteresult.h"

#include <QAbstractTableModel>
#include <QColor>

namespace ChannelDesk {

// The answer to one quote request as a table: the chosen quote first, then the ranked ones by
// score, then the dropped ones (greyed, with why), then each carrier error as a greyed row of its
// own. A new answer replaces the whole table.
class QuoteModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Source,
        Carrier,
        Service,
        Cost,
        Currency,
        Delivery,
        MeetsPromise,
        Reliability,
        Score,
        Fate,
        Reason,
        Count
    };
    enum Role { SortRole = Qt::UserRole + 1, FateRole };
    // What FateRole answers for each row.
    enum class RowKind { Chosen, Ranked, Dropped, Error };

    explicit QuoteModel(QObject *parent = nullptr);

    void setResult(const ChannelDesk::QuoteResult &result);
    void clear();
    const QuoteResult &result() const { return m_result; }
    bool hasResult() const { return m_hasResult; }

    // The chosen row's background, and the text colour of dropped quotes and errors.
    static QColor chosenBackground();
    static QColor droppedForeground();
    // The chosen quote of result, or null when none qualified.
    static const ScoredQuote *chosenQuote(const QuoteResult &result);
    // The choice in one sentence, from the result's score inputs.
    static QString explanation(const QuoteResult &result);
    // "UPS Ground", "USPS Priority Mail via shippo"
    static QString displayName(const CarrierQuote &quote);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int quote = -1; // index into m_result.quotes
        int error = -1; // or into m_result.errors
    };
    QVariant quoteData(const ScoredQuote &q, int column, int role) const;
    QVariant errorData(const CarrierError &e, int column, int role) const;

    QuoteResult m_result;
    QList<Row> m_rows;
    bool m_hasResult = false;
};

} // namespace ChannelDesk
