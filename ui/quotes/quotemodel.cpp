#include "quotes/quotemodel.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
QString money(qint64 cents)
{
    return QLocale().toString(double(cents) / 100.0, 'f', 2);
}

QString dateText(QDate d)
{
    return d.isValid() ? QLocale().toString(d, u"ddd yyyy-MM-dd"_s) : QString();
}

QString percent(double rate)
{
    return QuoteModel::tr("%1%").arg(QLocale().toString(rate * 100.0, 'f', 0));
}

QString errorKindText(CarrierErrorKind kind)
{
    switch (kind) {
    case CarrierErrorKind::Auth:
        return QuoteModel::tr("Authentication failed");
    case CarrierErrorKind::BadAddress:
        return QuoteModel::tr("Bad address");
    case CarrierErrorKind::NoService:
        return QuoteModel::tr("No service");
    case CarrierErrorKind::RateLimited:
        return QuoteModel::tr("Rate limited");
    case CarrierErrorKind::ServerError:
        return QuoteModel::tr("Server error");
    case CarrierErrorKind::Timeout:
        return QuoteModel::tr("Timed out");
    case CarrierErrorKind::Network:
        return QuoteModel::tr("Network error");
    case CarrierErrorKind::BadResponse:
        break;
    }
    return QuoteModel::tr("Bad response");
}

// Where the reliability came from, as the Reason column and the explanation say it.
QString historyText(const ScoredQuote &q)
{
    switch (q.reliabilitySource) {
    case ReliabilitySource::Zone:
        return QuoteModel::tr("%1 of %2 deliveries to %3 on time")
            .arg(q.history.onTime)
            .arg(q.history.total())
            .arg(q.reliabilityZone);
    case ReliabilitySource::AllZones:
        return QuoteModel::tr("none to %1 yet; %2 of %3 deliveries on time elsewhere")
            .arg(q.reliabilityZone)
            .arg(q.history.onTime)
            .arg(q.history.total());
    case ReliabilitySource::Prior:
        break;
    }
    return QuoteModel::tr("no delivery history yet: the default rate");
}

QString dropReason(const ScoredQuote &q, QDate promisedBy, const QString &currency)
{
    switch (q.promise) {
    case PromiseCheck::Late:
        return QuoteModel::tr("Late: arrives %1, promised %2")
            .arg(dateText(q.quote.estimatedDelivery), dateText(promisedBy));
    case PromiseCheck::Unknown:
        if (q.reason.startsWith("no delivery estimate"_L1))
            return QuoteModel::tr("No delivery estimate");
        break;
    case PromiseCheck::Meets:
    case PromiseCheck::NoPromise:
        break;
    }
    if (!q.comparableCostCents)
        return QuoteModel::tr("No exchange rate from %1 to %2").arg(q.quote.currency, currency);
    return q.reason; // a reason this version does not know by name: the core's own words
}

QString fateText(const ScoredQuote &q)
{
    switch (q.fate) {
    case QuoteFate::Chosen:
        return QuoteModel::tr("Chosen");
    case QuoteFate::Ranked:
        return QuoteModel::tr("Ranked #%1").arg(q.rank);
    case QuoteFate::Dropped:
        break;
    }
    return QuoteModel::tr("Dropped");
}

// Chosen, ranked by rank, dropped by score (unscored last), each group otherwise as it came.
int groupOf(const ScoredQuote &q)
{
    return q.fate == QuoteFate::Chosen ? 0 : q.fate == QuoteFate::Ranked ? 1 : 2;
}
} // namespace

const ScoredQuote *QuoteModel::chosenQuote(const QuoteResult &result)
{
    // Found by its fate, not its place: the table does not rely on the answer's order.
    const auto it = std::find_if(result.quotes.cbegin(), result.quotes.cend(),
                                 [](const ScoredQuote &q) { return q.fate == QuoteFate::Chosen; });
    return it == result.quotes.cend() ? nullptr : &*it;
}

QuoteModel::QuoteModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QColor QuoteModel::chosenBackground()
{
    return QColor(0xe3, 0xf4, 0xe1);
}

QColor QuoteModel::droppedForeground()
{
    return QColor(0x8a, 0x8a, 0x8a);
}

QString QuoteModel::displayName(const CarrierQuote &q)
{
    QString name = q.carrier.isEmpty() || q.service.startsWith(q.carrier, Qt::CaseInsensitive)
        ? q.service
        : q.carrier + u' ' + q.service;
    if (!q.source.isEmpty() && q.source.compare(q.carrier, Qt::CaseInsensitive) != 0)
        name = tr("%1 via %2").arg(name, q.source);
    return name;
}

// English needs one and many only; the two forms are separate strings so they read right without
// a translation loaded (a translation may word them as its language needs).
QString QuoteModel::explanation(const QuoteResult &result)
{
    int dropped = 0;
    int qualifying = 0;
    for (const ScoredQuote &q : result.quotes) {
        if (q.fate == QuoteFate::Dropped)
            ++dropped;
        else
            ++qualifying;
    }
    const int errors = int(result.errors.size());
    const QString errorText =
        errors == 1 ? tr("1 carrier error") : tr("%1 carrier errors").arg(errors);
    const ScoredQuote *chosen = chosenQuote(result);
    if (!chosen) {
        if (result.quotes.isEmpty() && result.errors.isEmpty())
            return tr("No quote: no carrier is configured (see the \"carriers\" array in "
                      "docs/carriers.md).");
        if (result.quotes.isEmpty())
            return tr("No quote: every carrier failed (%1).").arg(errorText);
        const QString droppedText = dropped == 1
            ? tr("No quote qualified: the only quote was dropped")
            : tr("No quote qualified: all %1 quotes were dropped").arg(dropped);
        return errors > 0 ? tr("%1, and %2.").arg(droppedText, errorText)
                          : tr("%1.").arg(droppedText);
    }
    const CarrierQuote &q = chosen->quote;
    QString where;
    switch (chosen->reliabilitySource) {
    case ReliabilitySource::Zone:
        where = tr("on time to %1").arg(chosen->reliabilityZone);
        break;
    case ReliabilitySource::AllZones:
        where = tr("on time over all zones");
        break;
    case ReliabilitySource::Prior:
        where = tr("on time by default (no history yet)");
        break;
    }
    const QString among = qualifying == 1
        ? tr("the only qualifying quote")
        : tr("the lowest of %1 qualifying quotes").arg(qualifying);
    QString tail;
    if (dropped > 0)
        tail += tr("; %1 dropped").arg(dropped);
    if (errors > 0)
        tail += (dropped > 0 ? tr(", %1") : tr("; %1")).arg(errorText);
    return tr("%1 chosen: %2 %3 at %4 %5 scores %6, %7%8.")
        .arg(displayName(q), money(q.costCents), q.currency, percent(chosen->reliability), where,
             QLocale().toString(chosen->score.value_or(0), 'f', 2), among, tail);
}

void QuoteModel::setResult(const QuoteResult &result)
{
    beginResetModel();
    m_result = result;
    m_hasResult = true;
    m_rows.clear();
    QList<int> order;
    for (int i = 0; i < int(result.quotes.size()); ++i)
        order.append(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const ScoredQuote &x = result.quotes.at(a);
        const ScoredQuote &y = result.quotes.at(b);
        if (groupOf(x) != groupOf(y))
            return groupOf(x) < groupOf(y);
        if (x.fate != QuoteFate::Dropped)
            return x.rank < y.rank;
        if (x.score.has_value() != y.score.has_value())
            return x.score.has_value();
        return x.score.value_or(0) < y.score.value_or(0);
    });
    for (int i : std::as_const(order))
        m_rows.append({i, -1});
    for (int i = 0; i < int(result.errors.size()); ++i)
        m_rows.append({-1, i});
    endResetModel();
}

void QuoteModel::clear()
{
    beginResetModel();
    m_result = {};
    m_rows.clear();
    m_hasResult = false;
    endResetModel();
}

int QuoteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QuoteModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant QuoteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (row.quote >= 0)
        return quoteData(m_result.quotes.at(row.quote), index.column(), role);
    return errorData(m_result.errors.at(row.error), index.column(), role);
}

QVariant QuoteModel::quoteData(const ScoredQuote &s, int column, int role) const
{
    const CarrierQuote &q = s.quote;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Source:
            return q.source;
        case Carrier:
            return q.carrier;
        case Service:
            return q.service;
        case Cost:
            return money(q.costCents);
        case Currency:
            return q.currency;
        case Delivery:
            return q.estimatedDelivery.isValid() ? dateText(q.estimatedDelivery) : tr("Unknown");
        case MeetsPromise:
            switch (s.promise) {
            case PromiseCheck::Meets:
                return tr("Yes");
            case PromiseCheck::Late:
                return tr("No");
            case PromiseCheck::Unknown:
                return tr("Unknown");
            case PromiseCheck::NoPromise:
                return tr("No promise");
            }
            break;
        case Reliability:
            return s.score ? QVariant(percent(s.reliability)) : QVariant();
        case Score:
            return s.score ? QVariant(QLocale().toString(*s.score, 'f', 2)) : QVariant();
        case Fate:
            return fateText(s);
        case Reason:
            return s.fate == QuoteFate::Dropped
                ? dropReason(s, m_result.promisedBy, m_result.currency)
                : historyText(s);
        }
        break;
    case SortRole:
        switch (column) {
        case Cost:
            return q.costCents;
        case Delivery:
            return q.estimatedDelivery;
        case Reliability:
            return s.score ? QVariant(s.reliability) : QVariant();
        case Score:
            return s.score ? QVariant(*s.score) : QVariant();
        case Fate:
            return s.fate == QuoteFate::Dropped ? 1000 : s.rank;
        default:
            return quoteData(s, column, Qt::DisplayRole);
        }
    case FateRole:
        return int(s.fate == QuoteFate::Chosen       ? RowKind::Chosen
                       : s.fate == QuoteFate::Ranked ? RowKind::Ranked
                                                     : RowKind::Dropped);
    case Qt::FontRole:
        if (s.fate == QuoteFate::Chosen) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::BackgroundRole:
        if (s.fate == QuoteFate::Chosen)
            return QBrush(chosenBackground());
        break;
    case Qt::ForegroundRole:
        if (s.fate == QuoteFate::Dropped)
            return QBrush(droppedForeground());
        break;
    case Qt::TextAlignmentRole:
        if (column == Cost || column == Reliability || column == Score)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (column == Cost && !q.surcharges.isEmpty()) {
            QStringList parts;
            for (const Surcharge &c : q.surcharges)
                parts.append(u"%1 %2"_s.arg(c.name, money(c.amountCents)));
            return tr("Includes %1").arg(parts.join(u", "_s));
        }
        if (column == Delivery && q.transitDays)
            return QString(
                (*q.transitDays == 1 ? tr("1 business day in transit")
                                     : tr("%1 business days in transit").arg(*q.transitDays)) +
                (q.guaranteed == Guarantee::Guaranteed ? tr(", guaranteed") : QString()));
        if (column == Reason || column == Fate)
            return quoteData(s, Reason, Qt::DisplayRole);
        break;
    default:
        break;
    }
    return {};
}

QVariant QuoteModel::errorData(const CarrierError &e, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Source:
            return e.source;
        case Carrier:
            return e.carrier;
        case Fate:
            return tr("Error");
        case Reason: {
            QString text = errorKindText(e.kind);
            if (e.httpStatus >= 400) // an aggregator's per-carrier message comes in a 2xx
                text += tr(" (HTTP %1)").arg(e.httpStatus);
            return e.message.isEmpty() ? text : tr("%1: %2").arg(text, e.message);
        }
        default:
            break;
        }
        break;
    case SortRole:
        return column == Fate ? QVariant(2000) : errorData(e, column, Qt::DisplayRole);
    case FateRole:
        return int(RowKind::Error);
    case Qt::ForegroundRole:
        return QBrush(droppedForeground());
    case Qt::ToolTipRole:
        if (column == Reason || column == Fate)
            return errorData(e, Reason, Qt::DisplayRole);
        break;
    default:
        break;
    }
    return {};
}

QVariant QuoteModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Source:
        return tr("Source");
    case Carrier:
        return tr("Carrier");
    case Service:
        return tr("Service");
    case Cost:
        return tr("Cost");
    case Currency:
        return tr("Currency");
    case Delivery:
        return tr("Est. delivery");
    case MeetsPromise:
        return tr("Meets promise");
    case Reliability:
        return tr("Reliability");
    case Score:
        return tr("Score");
    case Fate:
        return tr("Fate");
    case Reason:
        return tr("Reason");
    }
    return {};
}

} // namespace ChannelDesk
