#include "audit/auditpanel.h"

#include "audit/auditmodel.h"
#include "console/corebridge.h"
#include "widgets/emptystate.h"
#include "widgets/filedialogs.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

AuditPanel::AuditPanel(CoreBridge *bridge, QWidget *parent)
    : QWidget(parent)
    , m_bridge(bridge)
    , m_model(new AuditModel(this))
    , m_sku(new QLineEdit(this))
    , m_order(new QLineEdit(this))
    , m_channel(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(u"auditPanel"_s);
    m_sku->setObjectName(u"auditSku"_s);
    m_sku->setPlaceholderText(tr("SKU"));
    m_order->setObjectName(u"auditOrder"_s);
    m_order->setPlaceholderText(tr("Order id"));
    m_channel->setObjectName(u"auditChannel"_s);
    m_channel->setPlaceholderText(tr("Channel"));
    m_kind->setObjectName(u"auditKind"_s);
    m_kind->addItem(tr("Any kind"), -1);
    for (int k = int(MutationKind::Order); k <= int(MutationKind::DeadLetterDiscard); ++k)
        m_kind->addItem(AuditModel::kindText(MutationKind(k)), k);
    m_range->setObjectName(u"auditRange"_s);
    m_range->addItem(tr("Last 15 minutes"), qint64(15 * 60 * 1000));
    m_range->addItem(tr("Last hour"), qint64(60 * 60 * 1000));
    m_range->addItem(tr("Last 24 hours"), qint64(24 * 60 * 60 * 1000));
    m_range->addItem(tr("Everything"), qint64(0));
    auto *load = new QPushButton(tr("&Load"), this);
    load->setObjectName(u"auditLoad"_s);
    load->setDefault(true);
    auto *exportButton = new QPushButton(tr("&Export CSV…"), this);
    exportButton->setObjectName(u"auditExport"_s);
    m_view->setObjectName(u"auditView"_s);
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_sku);
    bar->addWidget(m_order);
    bar->addWidget(m_channel);
    bar->addWidget(m_kind);
    bar->addWidget(m_range);
    bar->addWidget(load);
    bar->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    auto *empty = new EmptyState(m_view, m_model, this);
    empty->setTitle(tr("Nothing in the audit log"));
    empty->setText(tr("Every change to stock (orders, imports, adjustments, buffers) is logged "
                      "here as it happens, with who made it and why."));
    layout->addWidget(empty);

    connect(load, &QPushButton::clicked, this, &AuditPanel::load);
    connect(exportButton, &QPushButton::clicked, this, &AuditPanel::exportCsv);
    for (QLineEdit *edit : {m_sku, m_order, m_channel})
        connect(edit, &QLineEdit::returnPressed, this, &AuditPanel::load);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString order = index.siblingAtColumn(AuditModel::Order).data().toString();
        const QString channel = index.siblingAtColumn(AuditModel::Channel).data().toString();
        if (!order.isEmpty() && !channel.isEmpty())
            Q_EMIT orderTimelineRequested(channel, order);
    });
    m_follow.setInterval(5000);
    connect(&m_follow, &QTimer::timeout, this, [this] {
        // Only while the newest entries are in view: a merchant reading older ones keeps them.
        if (m_view->verticalScrollBar()->value() == 0 && !m_view->selectionModel()->hasSelection())
            this->load();
    });
    if (m_bridge) {
        connect(m_bridge, &CoreBridge::fileWritten, this,
                [this](quint64 requestId, const QString &path, const QString &error) {
                    if (requestId != m_exportRequest)
                        return;
                    m_exportRequest = 0;
                    if (!error.isEmpty())
                        QMessageBox::warning(this, tr("Export audit log"),
                                             tr("Cannot write %1: %2").arg(path, error));
                });
        connect(
            m_bridge, &CoreBridge::auditReady, this,
            [this](const QList<Mutation> &mutations, const QString &error) {
                m_model->setMutations(mutations);
                m_view->resizeColumnsToContents();
                m_view->scrollToTop();
                m_status->setText(
                    error.isEmpty()
                        ? (mutations.size() >= kLimit
                               ? tr("The newest %1 entries; narrow the filter to see older ones.")
                                     .arg(kLimit)
                               : tr("%n entries, newest first.", nullptr, int(mutations.size())))
                        : tr("Cannot read the audit log: %1").arg(error));
            });
    }
}

void AuditPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    load();
    m_follow.start();
}

void AuditPanel::hideEvent(QHideEvent *event)
{
    m_follow.stop();
    QWidget::hideEvent(event);
}

void AuditPanel::showSku(const QString &sku)
{
    m_sku->setText(sku);
    m_order->clear();
    m_channel->clear();
    m_kind->setCurrentIndex(0);
    m_range->setCurrentIndex(m_range->count() - 1);
    load();
}

void AuditPanel::load()
{
    if (!m_bridge)
        return;
    InventoryStore::AuditFilter filter;
    filter.sku = m_sku->text().trimmed();
    filter.orderId = m_order->text().trimmed();
    filter.channel = m_channel->text().trimmed();
    if (const int kind = m_kind->currentData().toInt(); kind >= 0)
        filter.kind = MutationKind(kind);
    if (const qint64 range = m_range->currentData().toLongLong(); range > 0)
        filter.fromMs = QDateTime::currentMSecsSinceEpoch() - range;
    filter.limit = kLimit;
    filter.newestFirst = true;
    m_status->setText(tr("Loading…"));
    m_bridge->requestAudit(filter);
}

void AuditPanel::exportCsv()
{
    const QString path = FileDialogs::saveFile(this, tr("Export audit log"), u"audit.csv"_s,
                                               tr("CSV files (*.csv)"));
    if (path.isEmpty() || !m_bridge)
        return;
    // Written on the core thread; the answer is the bridge's fileWritten.
    m_exportRequest = m_bridge->writeTextFile(path, m_model->toCsv());
}

} // namespace ChannelDesk
