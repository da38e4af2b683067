#include "lag/whatifpanel.h"

#include "console/corebridge.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
constexpr int kRefreshMs = 15'000;
constexpr int kSettleMs = 400;
const QString kNone = QStringLiteral("-");

QString perWindow(double x)
{
    return QLocale().toString(x, 'f', 1);
}

QTableWidgetItem *number(qint64 n)
{
    auto *item = new QTableWidgetItem(QLocale().toString(n));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
} // namespace

WhatIfPanel::WhatIfPanel(CoreBridge *bridge, QWidget *parent)
    : QWidget(parent)
    , m_bridge(bridge)
    , m_poll(new QSpinBox(this))
    , m_since(new QSpinBox(this))
    , m_span(new QLabel(this))
    , m_orders(new QLabel(this))
    , m_stalePolling(new QLabel(this))
    , m_staleMeasuredLabel(new QLabel(this))
    , m_staleMeasured(new QLabel(this))
    , m_worst(new QTableWidget(0, 4, this))
{
    setObjectName(u"whatIfPanel"_s);
    m_poll->setObjectName(u"whatIfPoll"_s);
    m_poll->setRange(1, WhatIf::kMaxPollMinutes);
    m_poll->setValue(WhatIf::kDefaultPollMinutes);
    m_poll->setSuffix(tr(" min"));
    m_since->setObjectName(u"whatIfSince"_s);
    m_since->setRange(1, WhatIf::kMaxSinceDays);
    m_since->setValue(WhatIf::kDefaultSinceDays);
    m_since->setSuffix(tr(" days"));
    m_span->setObjectName(u"whatIfSpan"_s);
    m_span->setWordWrap(true);
    m_orders->setObjectName(u"whatIfOrders"_s);
    m_stalePolling->setObjectName(u"whatIfStalePolling"_s);
    m_staleMeasured->setObjectName(u"whatIfStaleMeasured"_s);
    m_staleMeasuredLabel->setObjectName(u"whatIfStaleMeasuredLabel"_s);
    m_worst->setObjectName(u"whatIfWorst"_s);
    m_worst->setHorizontalHeaderLabels(
        {tr("Worst windows"), tr("Orders"), tr("Stale, polling"), tr("Stale, measured lag")});
    m_worst->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_worst->horizontalHeader()->setStretchLastSection(true);
    m_worst->verticalHeader()->hide();
    m_worst->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_worst->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *title = new QLabel(tr("<b>What if the shops polled?</b> Orders taken against stale "
                                "stock in your own audit log"),
                             this);
    title->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    auto *pollLabel = new QLabel(tr("&Polling every:"), this);
    pollLabel->setBuddy(m_poll);
    auto *sinceLabel = new QLabel(tr("&Over the last:"), this);
    sinceLabel->setBuddy(m_since);
    bar->addWidget(pollLabel);
    bar->addWidget(m_poll);
    bar->addWidget(sinceLabel);
    bar->addWidget(m_since);
    bar->addStretch(1);

    auto *figures = new QFormLayout;
    figures->addRow(tr("Orders per window:"), m_orders);
    figures->addRow(tr("Taken against stale stock per window, polling:"), m_stalePolling);
    figures->addRow(m_staleMeasuredLabel, m_staleMeasured);
    auto *left = new QVBoxLayout;
    left->addWidget(title);
    left->addLayout(bar);
    left->addLayout(figures);
    left->addWidget(m_span);
    left->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 1);
    layout->addWidget(m_worst, 1);
    showReport({}, {});

    m_changed.setSingleShot(true);
    m_changed.setInterval(kSettleMs);
    connect(&m_changed, &QTimer::timeout, this, &WhatIfPanel::refresh);
    connect(m_poll, &QSpinBox::valueChanged, &m_changed, qOverload<>(&QTimer::start));
    connect(m_since, &QSpinBox::valueChanged, &m_changed, qOverload<>(&QTimer::start));
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &WhatIfPanel::refresh);
    if (m_bridge) {
        connect(m_bridge, &CoreBridge::started, this, [this] {
            refresh();
            m_refresh.start();
        });
        connect(m_bridge, &CoreBridge::whatIfReady, this, &WhatIfPanel::showReport);
    }
}

int WhatIfPanel::pollMinutes() const
{
    return m_poll->value();
}

int WhatIfPanel::sinceDays() const
{
    return m_since->value();
}

void WhatIfPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // the Lag tab brought to the front: the orders since the last answer count
}

void WhatIfPanel::refresh()
{
    if (m_bridge && m_bridge->isStarted())
        m_bridge->requestWhatIf(pollMinutes(), sinceDays());
}

void WhatIfPanel::showReport(const WhatIf::Report &report, const QString &error)
{
    // An answer for another interval than the one now chosen is already stale itself.
    if (error.isEmpty() && report.pollMinutes != pollMinutes())
        return;
    m_staleMeasuredLabel->setText(
        report.measuredLagMs ? tr("Taken against stale stock per window, measured lag (p99 %1 ms):")
                                   .arg(QLocale().toString(*report.measuredLagMs))
                             : tr("Taken against stale stock per window, measured lag:"));
    const bool empty = report.toMs == 0 || !error.isEmpty();
    m_orders->setText(empty ? kNone : perWindow(report.ordersPerWindow));
    m_stalePolling->setText(empty ? kNone : perWindow(report.stalePerWindowPolling));
    m_staleMeasured->setText(empty || !report.stalePerWindowMeasured
                                 ? tr("- (no lag recorded yet)")
                                 : perWindow(*report.stalePerWindowMeasured));
    if (!error.isEmpty()) {
        m_span->setText(tr("Cannot replay the audit log: %1").arg(error));
    } else if (empty) {
        m_span->setText(tr("Waiting for the core…"));
    } else {
        m_span->setText(
            tr("%1 orders from %2 to %3, %4 windows of %5 min. A change reaches a polling shop "
               "up to a whole interval later; a shop always knows its own sales.")
                .arg(QLocale().toString(report.orders))
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(report.fromMs),
                                        QLocale::ShortFormat),
                     QLocale().toString(QDateTime::fromMSecsSinceEpoch(report.toMs),
                                        QLocale::ShortFormat),
                     perWindow(report.windows))
                .arg(report.pollMinutes));
    }
    m_worst->setRowCount(0);
    if (!error.isEmpty())
        return;
    m_worst->setRowCount(int(report.worstWindows.size()));
    for (int row = 0; row < m_worst->rowCount(); ++row) {
        const WhatIf::Window &w = report.worstWindows.at(row);
        m_worst->setItem(row, 0,
                         new QTableWidgetItem(QLocale().toString(
                             QDateTime::fromMSecsSinceEpoch(w.startMs), QLocale::ShortFormat)));
        m_worst->setItem(row, 1, number(w.orders));
        m_worst->setItem(row, 2, number(w.stalePolling));
        m_worst->setItem(
            row, 3, report.measuredLagMs ? number(w.staleMeasured) : new QTableWidgetItem(kNone));
    }
}

} // namespace ChannelDesk
