#include "orders/ordertimelinedialog.h"

#include "console/corebridge.h"
#include "orders/ordermodel.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
QTableWidget *table(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QTableWidgetItem *item(const QString &text, bool number = false)
{
    auto *i = new QTableWidgetItem(text);
    if (number)
        i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

QTableWidgetItem *number(qint64 value)
{
    return item(QString::number(value), true);
}

QString timeText(qint64 ms)
{
    if (ms <= 0)
        return u"\u2014"_s;
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    return QLocale().toString(t, u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

QWidget *boxed(const QString &title, const QString &name, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    box->setObjectName(name);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}
} // namespace

OrderTimelineDialog::OrderTimelineDialog(CoreBridge *bridge, QString channel, QString orderId,
                                         QWidget *parent)
    : QDialog(parent)
    , m_bridge(bridge)
    , m_channel(std::move(channel))
    , m_orderId(std::move(orderId))
    , m_title(new QLabel(this))
    , m_lines(table(u"timelineLines"_s,
                    {tr("Line"), tr("SKU"), tr("Product id"), tr("Ordered"), tr("Applied"),
                     tr("Restocked"), tr("Shipped"), tr("Waiting"), tr("Owed"), tr("Note")},
                    this))
    , m_events(table(u"timelineEvents"_s,
                     {tr("Time"), tr("Event"), tr("Event id"), tr("Version"), tr("Detail")}, this))
    , m_pushes(table(u"timelinePushes"_s,
                     {tr("Channel"), tr("SKU"), tr("Version"), tr("State"), tr("Sent"),
                      tr("Acknowledged"), tr("Lag"), tr("Error")},
                     this))
{
    setObjectName(u"orderTimelineDialog"_s);
    setWindowTitle(tr("Order %1 from %2").arg(m_orderId, m_channel));
    m_title->setObjectName(u"timelineTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setText(tr("Reading order %1 from %2…").arg(m_orderId, m_channel));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"timelineSplitter"_s);
    splitter->addWidget(boxed(tr("Lines"), u"timelineLinesBox"_s, m_lines, splitter));
    splitter->addWidget(boxed(tr("What happened"), u"timelineEventsBox"_s, m_events, splitter));
    splitter->addWidget(
        boxed(tr("Channel pushes of these versions"), u"timelinePushesBox"_s, m_pushes, splitter));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"timelineButtons"_s);
    QPushButton *refreshButton = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refreshButton->setObjectName(u"timelineRefresh"_s);
    connect(refreshButton, &QPushButton::clicked, this, &OrderTimelineDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1100, 760);

    if (m_bridge) {
        connect(m_bridge, &CoreBridge::orderTimelineReady, this,
                [this](const QString &channel, const QString &orderId,
                       const OrderTimeline &timeline, const QString &error) {
                    if (channel == m_channel && orderId == m_orderId)
                        setTimeline(timeline, error);
                });
    }
    refresh();
}

void OrderTimelineDialog::refresh()
{
    if (m_bridge)
        m_bridge->requestOrderTimeline(m_channel, m_orderId);
}

void OrderTimelineDialog::setTimeline(const OrderTimeline &timeline, const QString &error)
{
    if (!error.isEmpty()) {
        m_title->setText(tr("Cannot read order %1 from %2: %3").arg(m_orderId, m_channel, error));
        return;
    }
    if (!timeline.found) {
        m_title->setText(tr("No order %1 from %2 in the ledger.").arg(m_orderId, m_channel));
        return;
    }
    const LedgerOrder &order = timeline.order;
    m_title->setText(
        tr("Order %1 from %2: %3. Received %4; %n line(s).", nullptr, int(order.lines.size()))
            .arg(m_orderId, m_channel, OrderModel::statusText(orderStatusName(order.status())),
                 timeText(order.receivedAtMs)));

    m_lines->setRowCount(int(order.lines.size()));
    for (int r = 0; r < int(order.lines.size()); ++r) {
        const LedgerLine &l = order.lines.at(r);
        m_lines->setItem(r, 0, item(l.lineId.isEmpty() ? QString::number(l.lineNo) : l.lineId));
        m_lines->setItem(r, 1, item(l.sku.isEmpty() ? u"\u2014"_s : l.sku));
        m_lines->setItem(r, 2, item(l.remoteId.isEmpty() ? u"\u2014"_s : l.remoteId));
        m_lines->setItem(r, 3, number(l.ordered));
        m_lines->setItem(r, 4, number(l.applied));
        m_lines->setItem(r, 5, number(l.restocked));
        m_lines->setItem(r, 6, number(l.shipped));
        m_lines->setItem(r, 7, number(l.waiting));
        QTableWidgetItem *owed = number(l.owed);
        if (l.owed > 0)
            owed->setForeground(QColor(0xb0, 0x1c, 0x1c));
        m_lines->setItem(r, 8, owed);
        m_lines->setItem(r, 9, item(l.note));
    }

    m_events->setRowCount(int(timeline.entries.size()));
    for (int r = 0; r < int(timeline.entries.size()); ++r) {
        const OrderTimeline::Entry &e = timeline.entries.at(r);
        m_events->setItem(r, 0, item(timeText(e.atMs)));
        m_events->setItem(r, 1, item(e.kind));
        m_events->setItem(r, 2, item(e.eventId.isEmpty() ? u"\u2014"_s : e.eventId));
        m_events->setItem(r, 3, e.version > 0 ? number(e.version) : item(QString()));
        QTableWidgetItem *detail = item(e.detail);
        detail->setToolTip(e.detail);
        m_events->setItem(r, 4, detail);
    }

    m_pushes->setRowCount(int(timeline.pushes.size()));
    for (int r = 0; r < int(timeline.pushes.size()); ++r) {
        const PushRecord &p = timeline.pushes.at(r);
        m_pushes->setItem(r, 0, item(p.channel));
        m_pushes->setItem(r, 1, item(p.sku));
        m_pushes->setItem(r, 2, number(p.version));
        QTableWidgetItem *state = item(p.state);
        if (p.state != "acknowledged"_L1)
            state->setBackground(p.state == "dead_lettered"_L1 ? QColor(0xf8, 0xb4, 0xb4)
                                                               : QColor(0xff, 0xd8, 0xa8));
        m_pushes->setItem(r, 3, state);
        m_pushes->setItem(r, 4, item(timeText(p.sentAtMs)));
        m_pushes->setItem(r, 5, item(timeText(p.ackedAtMs)));
        m_pushes->setItem(r, 6,
                          p.lagMs >= 0 ? item(tr("%L1 ms").arg(p.lagMs), true) : item(QString()));
        QTableWidgetItem *errorItem = item(p.error);
        errorItem->setToolTip(p.error);
        m_pushes->setItem(r, 7, errorItem);
    }
    for (QTableWidget *t : {m_lines, m_events, m_pushes}) {
        t->resizeColumnsToContents();
        // The last column stretches; a long detail must not push it off screen.
        for (int c = 0; c + 1 < t->columnCount(); ++c)
            t->setColumnWidth(c, std::min(t->columnWidth(c), 360));
    }
    Q_EMIT timelineShown();
}

} // namespace ChannelDesk
