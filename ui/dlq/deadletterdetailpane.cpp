#include "dlq/deadletterdetailpane.h"

#include "dlq/attemptmodel.h"
#include "store/deadletterqueue.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
// JSON indented; a body the adapter prefixed with its method and path ("POST products/batch
// {...}") keeps the prefix on its own line.
QString pretty(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isNull())
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    const qsizetype brace = text.indexOf(QRegularExpression(u"[\\[{]"_s));
    if (brace <= 0)
        return text;
    const QJsonDocument body = QJsonDocument::fromJson(text.mid(brace).toUtf8());
    return body.isNull() ? text
                         : text.left(brace).trimmed() + u'\n' +
            QString::fromUtf8(body.toJson(QJsonDocument::Indented));
}

QPlainTextEdit *bodyView(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setPlaceholderText(placeholder);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    edit->setFont(mono);
    return edit;
}

QWidget *titled(const QString &title, QWidget *body, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(new QLabel(title, box));
    layout->addWidget(body, 1);
    return box;
}

QString changeText(const Mutation &m)
{
    const QString delta = m.delta > 0 ? u"+%1"_s.arg(m.delta) : QString::number(m.delta);
    return u"%1 %2"_s.arg(kindName(m.kind), delta);
}
} // namespace

DeadLetterDetailPane::DeadLetterDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_attempts(new AttemptModel(this))
    , m_attemptView(new QTableView(this))
    , m_request(bodyView(u"dlqAttemptRequest"_s, tr("The request of the selected attempt"), this))
    , m_response(bodyView(u"dlqAttemptResponse"_s,
                          tr("The channel's answer to it (none: no answer came)"), this))
    , m_orders(new QTreeWidget(this))
    , m_ordersNote(new QLabel(this))
    , m_history(bodyView(u"deadLetterDetail"_s,
                         tr("Select a dead letter to see every attempt, the orders behind it "
                            "and its history."),
                         this))
{
    setObjectName(u"deadLetterDetailPane"_s);
    m_tabs->setObjectName(u"dlqDetailTabs"_s);

    m_attemptView->setObjectName(u"dlqAttempts"_s);
    m_attemptView->setModel(m_attempts);
    m_attemptView->verticalHeader()->hide();
    m_attemptView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attemptView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_attemptView->setWordWrap(false);
    m_attemptView->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics fm = fontMetrics();
    m_attemptView->setColumnWidth(AttemptModel::Time,
                                  fm.horizontalAdvance(u"0000-00-00 00:00:00"_s) + 16);
    for (int c : {AttemptModel::Version, AttemptModel::Attempt, AttemptModel::Status})
        m_attemptView->setColumnWidth(
            c, fm.horizontalAdvance(m_attempts->headerData(c, Qt::Horizontal).toString()) + 28);
    m_attemptView->setColumnWidth(AttemptModel::Code,
                                  fm.horizontalAdvance(u"CHANGE_FROM_QUANTITY_STALE"_s) + 16);
    m_attemptView->setColumnWidth(AttemptModel::Kind, fm.horizontalAdvance(u"transient"_s) + 28);
    auto *bodies = new QSplitter(Qt::Horizontal, this);
    bodies->setObjectName(u"dlqBodiesSplitter"_s);
    bodies->addWidget(titled(tr("Request"), m_request, bodies));
    bodies->addWidget(titled(tr("Answer"), m_response, bodies));
    auto *attemptsTab = new QSplitter(Qt::Vertical, this);
    attemptsTab->setObjectName(u"dlqAttemptsSplitter"_s);
    attemptsTab->addWidget(m_attemptView);
    attemptsTab->addWidget(bodies);
    attemptsTab->setStretchFactor(0, 1);
    attemptsTab->setStretchFactor(1, 1);

    m_orders->setObjectName(u"dlqOrders"_s);
    m_orders->setRootIsDecorated(false);
    m_orders->setUniformRowHeights(true);
    m_orders->setHeaderLabels({tr("Time"), tr("Channel"), tr("Order"), tr("Change"),
                               tr("Available after"), tr("Version")});
    m_orders->header()->setStretchLastSection(false);
    m_orders->setColumnWidth(0, fm.horizontalAdvance(u"0000-00-00 00:00:00"_s) + 16);
    m_ordersNote->setObjectName(u"dlqOrdersNote"_s);
    m_ordersNote->setWordWrap(true);
    auto *ordersTab = new QWidget(this);
    auto *ordersLayout = new QVBoxLayout(ordersTab);
    ordersLayout->setContentsMargins(0, 4, 0, 0);
    ordersLayout->addWidget(m_ordersNote);
    ordersLayout->addWidget(m_orders, 1);

    m_tabs->addTab(attemptsTab, tr("Attempts"));
    m_tabs->addTab(ordersTab, tr("Orders behind it"));
    m_tabs->addTab(m_history, tr("History"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_attemptView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeadLetterDetailPane::showAttempt);
    connect(m_attempts, &QAbstractItemModel::modelReset, this, [this] {
        // The newest attempt first: it is the one that parked the letter.
        if (m_attempts->rowCount() > 0) {
            m_attemptView->selectRow(m_attempts->rowCount() - 1);
            // Channel codes run long (woocommerce_rest_product_invalid_id).
            m_attemptView->resizeColumnToContents(AttemptModel::Code);
            m_attemptView->setColumnWidth(
                AttemptModel::Code, std::min(m_attemptView->columnWidth(AttemptModel::Code), 360));
        }
        showAttempt();
    });
    connect(m_orders, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT orderTimelineRequested(item->data(1, Qt::UserRole).toString(),
                                      item->data(2, Qt::UserRole).toString());
    });
    setLetter(nullptr);
}

void DeadLetterDetailPane::setLetter(const DeadLetter *d)
{
    const QString channel = d ? d->channel : QString();
    const QString sku = d ? d->sku : QString();
    if (channel != m_channel || sku != m_sku) {
        m_channel = channel;
        m_sku = sku;
        DeadLetterDetail none;
        none.channel = channel;
        none.sku = sku;
        setDetail(none);
    }
    if (!d) {
        m_history->clear();
        return;
    }
    m_history->setPlainText(tr("%1 on %2, version %3, %n attempt(s), %4\nLast error: %5\n\n"
                               "Last request:\n%6\n\nLast answer:\n%7\n\nHistory:\n%8",
                               nullptr, int(d->attempts))
                                .arg(d->sku, d->channel)
                                .arg(d->version)
                                .arg(d->retrying ? tr("retrying now") : tr("dead"), d->lastError,
                                     pretty(d->request), pretty(d->response), pretty(d->history)));
}

void DeadLetterDetailPane::setDetail(const DeadLetterDetail &detail)
{
    if (detail.channel != m_channel || detail.sku != m_sku)
        return;
    m_detail = detail;
    m_attempts->setAttempts(detail.attempts);
    m_tabs->setTabText(0,
                       detail.attempts.isEmpty() ? tr("Attempts")
                                                 : tr("Attempts (%1)").arg(detail.attempts.size()));
    m_tabs->setTabText(1,
                       detail.orders.isEmpty()
                           ? tr("Orders behind it")
                           : tr("Orders behind it (%1)").arg(detail.orders.size()));
    m_orders->clear();
    for (const Mutation &m : detail.orders) {
        auto *item = new QTreeWidgetItem(
            m_orders,
            {QDateTime::fromMSecsSinceEpoch(m.atMs).toString(u"yyyy-MM-dd HH:mm:ss"_s), m.channel,
             m.orderId, changeText(m), QString::number(m.availableAfter),
             QString::number(m.version)});
        item->setData(1, Qt::UserRole, m.channel);
        item->setData(2, Qt::UserRole, m.orderId);
        item->setToolTip(2, tr("Double-click for the order's timeline"));
    }
    if (!detail.error.isEmpty())
        m_ordersNote->setText(tr("Could not read the letter's details: %1").arg(detail.error));
    else if (m_sku.isEmpty())
        m_ordersNote->clear();
    else if (detail.orders.isEmpty())
        m_ordersNote->setText(tr("No order moved %1 since %2 last acknowledged it (version %3).")
                                  .arg(m_sku, m_channel)
                                  .arg(detail.ackedVersion));
    else
        m_ordersNote->setText(tr("The orders that changed %1 since %2 last acknowledged it "
                                 "(version %3), newest first. Double-click one for its "
                                 "timeline.")
                                  .arg(m_sku, m_channel)
                                  .arg(detail.ackedVersion));
}

void DeadLetterDetailPane::showAttempt()
{
    const ListingAttempt *a = m_attempts->attemptAt(m_attemptView->currentIndex().row());
    m_request->setPlainText(a ? pretty(a->request) : QString());
    m_response->setPlainText(a ? pretty(a->response) : QString());
}

} // namespace ChannelDesk
