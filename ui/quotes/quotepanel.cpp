#include "quotes/quotepanel.h"

#include "console/corebridge.h"
#include "quotes/quotemodel.h"
#include "quotes/recentordermodel.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
constexpr int kDefaultPromiseBusinessDays = 3;

QDate todayUtc()
{
    return QDateTime::currentDateTimeUtc().date();
}

// Two fields are the same request when this says so: the button then re-quotes.
QString requestKey(const ShipmentRequest &r)
{
    QStringList parts {r.orderId,         r.promisedBy.toString(Qt::ISODate),
                       r.from.postalCode, r.from.country,
                       r.to.postalCode,   r.to.country,
                       r.to.city};
    for (const Parcel &p : r.parcels) {
        parts.append(
            u"%1/%2/%3/%4"_s.arg(p.weightGrams).arg(p.lengthCm).arg(p.widthCm).arg(p.heightCm));
    }
    return parts.join(u'\n');
}

QLineEdit *countryEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(QuotePanel::tr("Country"));
    edit->setToolTip(QuotePanel::tr("Two-letter country code (US, CA, DE)"));
    edit->setMaxLength(2);
    edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z]{0,2}"_s), edit));
    edit->setMaximumWidth(edit->fontMetrics().horizontalAdvance(u"MMMMM"_s) + 16);
    return edit;
}

QDoubleSpinBox *centimetres(const QString &objectName, const QString &tip, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(0.5, 300);
    box->setDecimals(1);
    box->setSuffix(QuotePanel::tr(" cm"));
    box->setToolTip(tip);
    return box;
}

QLabel *times(QWidget *parent)
{
    return new QLabel(u"\u00d7"_s, parent);
}
} // namespace

QuotePanel::QuotePanel(CoreBridge *bridge, QWidget *parent)
    : QWidget(parent)
    , m_bridge(bridge)
    , m_model(new QuoteModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_orders(new RecentOrderModel(this))
    , m_orderView(new QTableView(this))
    , m_freeze(new QCheckBox(tr("Free&ze the list"), this))
    , m_view(new QTableView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_orderId(new QLineEdit(this))
    , m_promisedBy(new QDateEdit(this))
    , m_toPostalCode(new QLineEdit(this))
    , m_toCountry(countryEdit(u"quoteToCountry"_s, this))
    , m_toCity(new QLineEdit(this))
    , m_fromPostalCode(new QLineEdit(this))
    , m_fromCountry(countryEdit(u"quoteFromCountry"_s, this))
    , m_weight(new QSpinBox(this))
    , m_length(centimetres(u"quoteLength"_s, tr("Length"), this))
    , m_width(centimetres(u"quoteWidth"_s, tr("Width"), this))
    , m_height(centimetres(u"quoteHeight"_s, tr("Height"), this))
    , m_quote(new QPushButton(tr("&Get quotes"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_explanation(new QLabel(this))
{
    setObjectName(u"quotePanel"_s);

    // Recent orders, newest first.
    m_orderView->setObjectName(u"recentOrdersView"_s);
    m_orderView->setModel(m_orders);
    m_orderView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_orderView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_orderView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_orderView->verticalHeader()->hide();
    m_orderView->verticalHeader()->setDefaultSectionSize(m_orderView->fontMetrics().height() + 6);
    m_orderView->horizontalHeader()->setStretchLastSection(true);
    m_orderView->setWordWrap(false);
    m_orderView->setToolTip(tr("Pick an order to fill in the shipment; double-click to quote it "
                               "at once."));
    const QFontMetrics fm = m_orderView->fontMetrics();
    m_orderView->setColumnWidth(RecentOrderModel::Time, fm.horizontalAdvance(u"00:00:00"_s) + 16);
    m_orderView->setColumnWidth(RecentOrderModel::Channel,
                                fm.horizontalAdvance(u"woo-outlet"_s) + 16);
    m_orderView->setColumnWidth(RecentOrderModel::Order,
                                fm.horizontalAdvance(u"820982911946154000"_s) + 8);
    m_orderView->setColumnWidth(RecentOrderModel::Items,
                                fm.horizontalAdvance(u"2 \u00d7 SKU-00000"_s) + 16);
    auto *ordersBox = new QGroupBox(tr("Recent &orders"), this);
    auto *ordersLayout = new QVBoxLayout(ordersBox);
    ordersLayout->addWidget(m_orderView);
    m_freeze->setObjectName(u"freezeOrders"_s);
    m_freeze->setToolTip(tr("Hold new orders back while you pick one; they are added when you "
                            "let go."));
    ordersLayout->addWidget(m_freeze);

    // The shipment: from the picked order, or typed in.
    m_orderId->setObjectName(u"quoteOrderId"_s);
    m_orderId->setPlaceholderText(tr("Order id (optional)"));
    m_promisedBy->setObjectName(u"quotePromisedBy"_s);
    m_promisedBy->setCalendarPopup(true);
    m_promisedBy->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_promisedBy->setToolTip(tr("The delivery date promised to the customer: later quotes are "
                                "dropped"));
    m_promisedBy->setDate(addBusinessDays(todayUtc(), kDefaultPromiseBusinessDays));
    m_toPostalCode->setObjectName(u"quoteToPostalCode"_s);
    m_toPostalCode->setPlaceholderText(tr("Postal code"));
    m_toCity->setObjectName(u"quoteToCity"_s);
    m_toCity->setPlaceholderText(tr("City (optional)"));
    m_fromPostalCode->setObjectName(u"quoteFromPostalCode"_s);
    m_fromPostalCode->setPlaceholderText(tr("Postal code"));
    m_fromPostalCode->setToolTip(tr("Where you ship from; kept as the default"));
    m_weight->setObjectName(u"quoteWeight"_s);
    m_weight->setRange(1, 70'000);
    m_weight->setSingleStep(100);
    m_weight->setSuffix(tr(" g"));
    m_weight->setToolTip(tr("Weight of the parcel, packed"));

    auto *promised = new QLabel(tr("Promised &by:"), this);
    promised->setBuddy(m_promisedBy);
    auto *orderRow = new QHBoxLayout;
    orderRow->addWidget(m_orderId, 1);
    orderRow->addWidget(promised);
    orderRow->addWidget(m_promisedBy);
    auto *toRow = new QHBoxLayout;
    toRow->addWidget(m_toPostalCode, 1);
    toRow->addWidget(m_toCountry);
    toRow->addWidget(m_toCity, 2);
    auto *fromRow = new QHBoxLayout;
    fromRow->addWidget(m_fromPostalCode, 1);
    fromRow->addWidget(m_fromCountry);
    fromRow->addStretch(2);
    auto *parcelRow = new QHBoxLayout;
    parcelRow->addWidget(m_weight);
    parcelRow->addSpacing(12);
    parcelRow->addWidget(m_length);
    parcelRow->addWidget(times(this));
    parcelRow->addWidget(m_width);
    parcelRow->addWidget(times(this));
    parcelRow->addWidget(m_height);
    parcelRow->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("O&rder:"), orderRow);
    form->addRow(tr("Ship &to:"), toRow);
    form->addRow(tr("Ship &from:"), fromRow);
    form->addRow(tr("&Parcel:"), parcelRow);
    static_cast<QLabel *>(form->labelForField(orderRow))->setBuddy(m_orderId);
    static_cast<QLabel *>(form->labelForField(toRow))->setBuddy(m_toPostalCode);
    static_cast<QLabel *>(form->labelForField(fromRow))->setBuddy(m_fromPostalCode);
    static_cast<QLabel *>(form->labelForField(parcelRow))->setBuddy(m_weight);

    m_quote->setObjectName(u"getQuotes"_s);
    m_quote->setDefault(true);
    m_quote->setEnabled(m_bridge && m_bridge->isStarted());
    m_progress->setObjectName(u"quoteProgress"_s);
    m_progress->setRange(0, 0); // busy: carriers answer all at once or not at all
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_status->setObjectName(u"quoteStatus"_s);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_quote);
    actions->addWidget(m_progress);
    actions->addWidget(m_status, 1);
    form->addRow(actions);

    auto *shipmentBox = new QGroupBox(tr("Shipment"), this);
    shipmentBox->setLayout(form);

    auto *top = new QWidget(this);
    auto *topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(ordersBox, 5);
    topLayout->addWidget(shipmentBox, 4);

    // The answer: one sentence, then every quote and error.
    m_explanation->setObjectName(u"quoteExplanation"_s);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setText(tr("Pick an order on the left, or fill in the shipment, then press "
                              "Get quotes: every carrier is asked at once."));
    m_explanation->setContentsMargins(8, 6, 8, 6);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(QuoteModel::SortRole);
    m_view->setObjectName(u"quoteView"_s);
    m_view->setModel(m_proxy);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSortIndicatorClearable(true); // back to the score order
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_explanation);
    bottomLayout->addWidget(m_view, 1);

    m_splitter->setObjectName(u"quoteSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(top);
    m_splitter->addWidget(bottom);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);

    loadDefaults();

    connect(m_quote, &QPushButton::clicked, this, &QuotePanel::requestQuotes);
    for (QLineEdit *edit :
         {m_orderId, m_toPostalCode, m_toCountry, m_toCity, m_fromPostalCode, m_fromCountry}) {
        connect(edit, &QLineEdit::returnPressed, this, &QuotePanel::requestQuotes);
        connect(edit, &QLineEdit::textChanged, this, &QuotePanel::fieldsEdited);
    }
    connect(m_promisedBy, &QDateEdit::dateChanged, this, &QuotePanel::fieldsEdited);
    connect(m_weight, &QSpinBox::valueChanged, this, &QuotePanel::fieldsEdited);
    for (QDoubleSpinBox *box : {m_length, m_width, m_height})
        connect(box, &QDoubleSpinBox::valueChanged, this, &QuotePanel::fieldsEdited);
    connect(m_freeze, &QCheckBox::toggled, this, [this](bool frozen) {
        if (!frozen)
            addOrders(std::exchange(m_heldOrders, {}));
    });
    connect(m_orderView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &QuotePanel::onOrderSelected);
    connect(m_orderView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const OrderEvent *order = m_orders->orderAt(index.row()))
            Q_EMIT orderTimelineRequested(order->channel, order->orderId);
    });
    if (m_bridge) {
        connect(m_bridge, &CoreBridge::started, this, [this] { m_quote->setEnabled(!m_pending); });
        connect(m_bridge, &CoreBridge::ordersReceived, this, &QuotePanel::addOrders);
        connect(m_bridge, &CoreBridge::quoteFinished, this, &QuotePanel::onQuoteFinished);
    }
}

QuotePanel::~QuotePanel()
{
    saveDefaults();
}

ShipmentRequest QuotePanel::request() const
{
    ShipmentRequest r;
    r.orderId = m_orderId->text().trimmed();
    if (r.orderId.isEmpty())
        r.orderId = u"manual"_s;
    r.promisedBy = m_promisedBy->date();
    r.from.postalCode = m_fromPostalCode->text().trimmed();
    r.from.country = m_fromCountry->text().trimmed().toUpper();
    r.to.postalCode = m_toPostalCode->text().trimmed();
    r.to.country = m_toCountry->text().trimmed().toUpper();
    r.to.city = m_toCity->text().trimmed();
    r.parcels = {
        Parcel {m_weight->value(), m_length->value(), m_width->value(), m_height->value()}};
    return r;
}

void QuotePanel::pickOrder(const OrderEvent &order)
{
    m_pickedChannel = order.channel;
    m_pickedId = order.orderId;
    m_orderId->setText(order.orderId);
    m_toPostalCode->setText(order.shipTo.postalCode);
    m_toCountry->setText(order.shipTo.country);
    m_toCity->setText(order.shipTo.city);
    m_promisedBy->setDate(addBusinessDays(todayUtc(), kDefaultPromiseBusinessDays));
    if (order.shipTo.isEmpty())
        m_status->setText(tr("Order %1 has no ship-to address: enter it.").arg(order.orderId));
    else if (!m_pending)
        m_status->clear();
}

void QuotePanel::addOrders(const QList<OrderEvent> &orders)
{
    if (!m_freeze->isChecked()) {
        // New rows move the current one, or push it off the end: the order picked stays picked.
        m_listChanging = true;
        m_orders->addOrders(orders);
        // Once the picked order falls off the end, the view moves its highlight to a neighbour:
        // show none rather than one the shipment is not about.
        const OrderEvent *current = m_orders->orderAt(m_orderView->currentIndex().row());
        if (current && (current->channel != m_pickedChannel || current->orderId != m_pickedId)) {
            m_orderView->selectionModel()->clear();
        }
        m_listChanging = false;
        return;
    }
    m_heldOrders += orders;
    if (m_heldOrders.size() > m_orders->maxRows())
        m_heldOrders.remove(0, m_heldOrders.size() - m_orders->maxRows());
}

void QuotePanel::onOrderSelected()
{
    if (m_listChanging)
        return;
    const QModelIndex current = m_orderView->currentIndex();
    if (const OrderEvent *order = m_orders->orderAt(current.row()))
        pickOrder(*order);
}

bool QuotePanel::quoteNewestOrder()
{
    if (m_orders->rowCount() == 0)
        return false;
    m_orderView->selectRow(0);
    if (const OrderEvent *order = m_orders->orderAt(0))
        pickOrder(*order);
    requestQuotes();
    return m_pending != 0;
}

void QuotePanel::requestQuotes()
{
    if (!m_bridge || m_pending)
        return;
    const ShipmentRequest r = request();
    if (r.to.postalCode.isEmpty() || r.to.country.size() != 2 || r.from.postalCode.isEmpty() ||
        r.from.country.size() != 2) {
        m_status->setText(tr("Enter a postal code and a two-letter country for both ship-to "
                             "and ship-from."));
        return;
    }
    saveDefaults();
    m_pending = m_bridge->requestQuote(r);
    m_requestedKey = requestKey(r);
    m_answered = false;
    setWaiting(true);
}

void QuotePanel::onQuoteFinished(quint64 requestId, const QuoteResult &result)
{
    if (requestId != m_pending)
        return; // an answer nobody waits for any more
    m_pending = 0;
    setWaiting(false);
    showResult(result);
}

void QuotePanel::showResult(const QuoteResult &result)
{
    const bool first = !m_model->hasResult();
    m_model->setResult(result);
    if (first && m_model->rowCount() > 0) {
        m_view->resizeColumnsToContents();
        // The reason column stretches; the others need not be wider than their header and a
        // typical value.
        m_view->horizontalHeader()->setStretchLastSection(true);
    }
    m_explanation->setText(QuoteModel::explanation(result));
    m_explanation->setStyleSheet(
        QuoteModel::chosenQuote(result)
            ? u"QLabel { background: %1; border-left: 4px solid #3b8f3e; }"_s.arg(
                  QuoteModel::chosenBackground().name())
            : u"QLabel { background: #fdf0d9; border-left: 4px solid #c77c0e; }"_s);
    const QString seconds = QLocale().toString(double(result.elapsedMs) / 1000.0, 'f', 1);
    m_status->setText(result.quotes.size() == 1
                          ? tr("1 quote in %1 s").arg(seconds)
                          : tr("%1 quotes in %2 s").arg(result.quotes.size()).arg(seconds));
    m_shownKey = m_pending || m_requestedKey.isEmpty() ? requestKey(request()) : m_requestedKey;
    m_answered = true;
    fieldsEdited();
    Q_EMIT quoteShown();
}

void QuotePanel::setWaiting(bool waiting)
{
    m_progress->setVisible(waiting);
    m_quote->setEnabled(!waiting && m_bridge && m_bridge->isStarted());
    if (waiting) {
        const int carriers = m_bridge ? int(m_bridge->info().carriers.size()) : 0;
        m_status->setText(carriers == 1 ? tr("Waiting for 1 carrier\u2026")
                                        : tr("Waiting for %1 carriers\u2026").arg(carriers));
    }
}

void QuotePanel::fieldsEdited()
{
    // The shipment on screen again: the button asks the carriers again.
    const bool same = m_answered && requestKey(request()) == m_shownKey;
    m_quote->setText(same ? tr("Re-quo&te") : tr("&Get quotes"));
}

void QuotePanel::loadDefaults()
{
    QSettings settings;
    settings.beginGroup(u"QuotePanel"_s);
    m_fromPostalCode->setText(settings.value(u"fromPostalCode"_s, u"10001"_s).toString());
    m_fromCountry->setText(settings.value(u"fromCountry"_s, u"US"_s).toString());
    m_weight->setValue(settings.value(u"weightGrams"_s, 1200).toInt());
    m_length->setValue(settings.value(u"lengthCm"_s, 30.0).toDouble());
    m_width->setValue(settings.value(u"widthCm"_s, 20.0).toDouble());
    m_height->setValue(settings.value(u"heightCm"_s, 10.0).toDouble());
    settings.endGroup();
}

void QuotePanel::saveDefaults() const
{
    QSettings settings;
    settings.beginGroup(u"QuotePanel"_s);
    settings.setValue(u"fromPostalCode"_s, m_fromPostalCode->text().trimmed());
    settings.setValue(u"fromCountry"_s, m_fromCountry->text().trimmed().toUpper());
    settings.setValue(u"weightGrams"_s, m_weight->value());
    settings.setValue(u"lengthCm"_s, m_length->value());
    settings.setValue(u"widthCm"_s, m_width->value());
    settings.setValue(u"heightCm"_s, m_height->value());
    settings.endGroup();
}

} // namespace ChannelDesk
