#include "dlq/deadletterpanel.h"

#include "console/corebridge.h"
#include "dlq/deadlettermodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
QString pretty(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.isNull() ? text : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

void setChoices(QComboBox *box, const QStringList &values)
{
    const QString current = box->currentData().toString();
    QStringList existing;
    for (int i = 1; i < box->count(); ++i)
        existing.append(box->itemData(i).toString());
    if (existing == values)
        return;
    box->blockSignals(true);
    while (box->count() > 1)
        box->removeItem(1);
    for (const QString &v : values)
        box->addItem(v, v);
    const int index = box->findData(current);
    box->setCurrentIndex(index < 0 ? 0 : index);
    box->blockSignals(false);
}
} // namespace

DeadLetterPanel::DeadLetterPanel(CoreBridge *bridge, QWidget *parent)
    : QWidget(parent)
    , m_bridge(bridge)
    , m_model(new DeadLetterModel(this))
    , m_byChannel(new QSortFilterProxyModel(this))
    , m_byKind(new QSortFilterProxyModel(this))
    , m_channel(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_view(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(u"deadLetterPanel"_s);
    m_byChannel->setSourceModel(m_model);
    m_byChannel->setFilterKeyColumn(DeadLetterModel::Channel);
    m_byKind->setSourceModel(m_byChannel);
    m_byKind->setFilterKeyColumn(DeadLetterModel::Kind);
    m_byKind->setSortRole(DeadLetterModel::SortRole);
    m_channel->setObjectName(u"dlqChannelFilter"_s);
    m_channel->addItem(tr("All channels"), QString());
    m_kind->setObjectName(u"dlqKindFilter"_s);
    m_kind->addItem(tr("All error kinds"), QString());

    auto *retry = new QPushButton(tr("&Retry selected"), this);
    retry->setObjectName(u"retrySelected"_s);
    auto *retryAll = new QPushButton(tr("Retry all &shown"), this);
    retryAll->setObjectName(u"retryAllShown"_s);
    auto *discard = new QPushButton(tr("&Discard…"), this);
    discard->setObjectName(u"discardSelected"_s);

    m_view->setObjectName(u"deadLetterView"_s);
    m_view->setModel(m_byKind);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DeadLetterModel::LastFailed, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_detail->setObjectName(u"deadLetterDetail"_s);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a dead letter to see the request that failed, the "
                                    "channel response and every attempt."));
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    m_detail->setFont(mono);
    m_splitter->setObjectName(u"deadLetterSplitter"_s);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_channel);
    bar->addWidget(m_kind);
    bar->addWidget(m_count, 1);
    bar->addWidget(retry);
    bar->addWidget(retryAll);
    bar->addWidget(discard);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_splitter);

    connect(retry, &QPushButton::clicked, this, &DeadLetterPanel::retrySelected);
    connect(retryAll, &QPushButton::clicked, this, &DeadLetterPanel::retryAllShown);
    connect(discard, &QPushButton::clicked, this, &DeadLetterPanel::discardSelected);
    connect(m_channel, &QComboBox::currentIndexChanged, this, &DeadLetterPanel::applyFilters);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &DeadLetterPanel::applyFilters);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeadLetterPanel::showDetail);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DeadLetterPanel::showDetail);
    if (m_bridge) {
        connect(m_bridge, &CoreBridge::deadLettersChanged, this,
                [this](const QList<DeadLetter> &letters) {
                    const bool first = m_model->rowCount() == 0;
                    m_model->setLetters(letters);
                    if (first && !letters.isEmpty())
                        m_view->resizeColumnsToContents();
                    updateChoices(letters);
                    m_count->setText(tr("%n dead letter(s)", nullptr, int(letters.size())));
                });
        connect(m_bridge, &CoreBridge::deadLetterActionFinished, this,
                [this](int, const QString &error) {
                    if (!error.isEmpty())
                        QMessageBox::warning(this, tr("Dead letters"), error);
                });
    }
}

QList<DeadLetterKey> DeadLetterPanel::selectedKeys() const
{
    QList<DeadLetterKey> keys;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        keys.append({index.data(DeadLetterModel::KeyChannelRole).toString(),
                     index.data(DeadLetterModel::KeySkuRole).toString()});
    }
    return keys;
}

QList<DeadLetterKey> DeadLetterPanel::shownKeys() const
{
    QList<DeadLetterKey> keys;
    for (int row = 0; row < m_byKind->rowCount(); ++row) {
        const QModelIndex index = m_byKind->index(row, 0);
        keys.append({index.data(DeadLetterModel::KeyChannelRole).toString(),
                     index.data(DeadLetterModel::KeySkuRole).toString()});
    }
    return keys;
}

void DeadLetterPanel::retrySelected()
{
    const QList<DeadLetterKey> keys = selectedKeys();
    if (!keys.isEmpty() && m_bridge)
        m_bridge->retryDeadLetters(keys);
}

void DeadLetterPanel::retryAllShown()
{
    const QList<DeadLetterKey> keys = shownKeys();
    if (!keys.isEmpty() && m_bridge)
        m_bridge->retryDeadLetters(keys);
}

void DeadLetterPanel::discardSelected()
{
    const QList<DeadLetterKey> keys = selectedKeys();
    if (keys.isEmpty() || !m_bridge)
        return;
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Discard dead letters"),
                              tr("Discard %n dead letter(s)? The listings wait for the next "
                                 "change. Reason (kept in the audit log):",
                                 nullptr, int(keys.size())),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok)
        return;
    if (reason.isEmpty()) {
        QMessageBox::information(this, tr("Discard dead letters"),
                                 tr("A reason is required; nothing was discarded."));
        return;
    }
    m_bridge->discardDeadLetters(keys, reason);
}

void DeadLetterPanel::applyFilters()
{
    const auto exact = [](const QString &v) {
        return v.isEmpty() ? QString() : u"^%1$"_s.arg(QRegularExpression::escape(v));
    };
    m_byChannel->setFilterRegularExpression(exact(m_channel->currentData().toString()));
    m_byKind->setFilterRegularExpression(exact(m_kind->currentData().toString()));
}

void DeadLetterPanel::showDetail()
{
    const QModelIndex current = m_view->currentIndex();
    const QModelIndex source = m_byChannel->mapToSource(m_byKind->mapToSource(current));
    const DeadLetter *d = m_model->letterAt(source.row());
    if (!d) {
        m_detail->clear();
        return;
    }
    m_detail->setPlainText(tr("%1 on %2, version %3, %n attempt(s), %4\nLast error: %5\n\n"
                              "Request:\n%6\n\nResponse:\n%7\n\nHistory:\n%8",
                              nullptr, int(d->attempts))
                               .arg(d->sku, d->channel)
                               .arg(d->version)
                               .arg(d->retrying ? tr("retrying now") : tr("dead"), d->lastError,
                                    pretty(d->request), pretty(d->response), pretty(d->history)));
}

void DeadLetterPanel::updateChoices(const QList<DeadLetter> &letters)
{
    QStringList channels;
    QStringList kinds;
    for (const DeadLetter &d : letters) {
        if (!channels.contains(d.channel))
            channels.append(d.channel);
        if (!kinds.contains(d.errorKind))
            kinds.append(d.errorKind);
    }
    channels.sort();
    kinds.sort();
    setChoices(m_channel, channels);
    setChoices(m_kind, kinds);
}

} // namespace ChannelDesk
