#include "channels/importlistingsdialog.h"

#include "channels/pullreportmodel.h"
#include "console/corebridge.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QStringListModel>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {

QTableView *reportView(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *sorted = new QSortFilterProxyModel(parent);
    sorted->setSourceModel(model);
    sorted->setSortRole(PullReportModel::SortRole);
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(sorted);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    return view;
}

// One choice of whose number wins, with a line saying what it does.
QRadioButton *addChoice(QVBoxLayout *layout, QButtonGroup *group, AdoptPolicy policy,
                        const QString &objectName, const QString &text, const QString &note)
{
    auto *button = new QRadioButton(text);
    button->setObjectName(objectName);
    auto *explained = new QLabel(note);
    explained->setWordWrap(true);
    explained->setContentsMargins(24, 0, 0, 4);
    explained->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(button);
    layout->addWidget(explained);
    group->addButton(button, int(policy));
    return button;
}

} // namespace

ImportListingsDialog::ImportListingsDialog(CoreBridge *bridge, const QString &channel,
                                           QWidget *parent)
    : QDialog(parent)
    , m_bridge(bridge)
    , m_channel(channel)
    , m_status(new QLabel(this))
    , m_listings(new QLabel(u"\u2014"_s, this))
    , m_mappedCaption(new QLabel(this))
    , m_mapped(new QLabel(u"\u2014"_s, this))
    , m_alreadyMapped(new QLabel(u"\u2014"_s, this))
    , m_tabs(new QTabWidget(this))
    , m_drift(new PullReportModel(PullReportModel::Table::Drift, this))
    , m_unmatchedRemote(new PullReportModel(PullReportModel::Table::UnmatchedRemote, this))
    , m_unmatchedLocal(new QStringListModel(this))
    , m_driftView(reportView(m_drift, u"importDriftView"_s, this))
    , m_unmatchedRemoteView(reportView(m_unmatchedRemote, u"importUnmatchedRemoteView"_s, this))
    , m_unmatchedLocalView(new QListView(this))
    , m_adopt(new QButtonGroup(this))
    , m_adoptBox(new QGroupBox(tr("Where a new listing shows another quantity than ours"), this))
    , m_lookAgain(new QPushButton(tr("&Look again"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_map(new QPushButton(tr("&Map"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(u"importListingsDialog"_s);
    setWindowTitle(tr("Import listings from %1").arg(channel));
    m_status->setObjectName(u"importStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 2);
    m_listings->setObjectName(u"importListingsCount"_s);
    m_mapped->setObjectName(u"importMapped"_s);
    m_alreadyMapped->setObjectName(u"importAlreadyMapped"_s);
    m_mappedCaption->setText(tr("New, would be mapped:"));

    auto *summary = new QFormLayout;
    summary->addRow(tr("Listings on the channel:"), m_listings);
    summary->addRow(m_mappedCaption, m_mapped);
    summary->addRow(tr("Mapped before:"), m_alreadyMapped);

    m_tabs->setObjectName(u"importReportTabs"_s);
    m_unmatchedLocalView->setObjectName(u"importUnmatchedLocalView"_s);
    m_unmatchedLocalView->setModel(m_unmatchedLocal);
    m_unmatchedLocalView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tabs->addTab(m_driftView, QString());
    m_tabs->addTab(m_unmatchedRemoteView, QString());
    m_tabs->addTab(m_unmatchedLocalView, QString());
    m_driftView->setToolTip(tr("New listings that show another quantity than we would send"));
    m_unmatchedRemoteView->setToolTip(
        tr("Listings with no SKU, a SKU we do not stock, no count, or one another listing "
           "claims: they stay unmapped"));
    m_unmatchedLocalView->setToolTip(tr("Our SKUs with no listing on this channel"));

    m_adoptBox->setObjectName(u"importAdoptChoice"_s);
    auto *choices = new QVBoxLayout(m_adoptBox);
    addChoice(choices, m_adopt, AdoptPolicy::None, u"adoptNone"_s, tr("Map, leave drift alone"),
              tr("The listings keep what they show; the differences are listed on the Drift "
                 "tab, where you can fix them later."))
        ->setChecked(true);
    addChoice(choices, m_adopt, AdoptPolicy::Ours, u"adoptOurs"_s, tr("Map and send our numbers"),
              tr("Each differing listing is sent what we would show, by normal propagation."));
    addChoice(choices, m_adopt, AdoptPolicy::Theirs, u"adoptTheirs"_s,
              tr("Map and take the channel's numbers"),
              tr("The channel's quantity becomes our available (audited), only where this is "
                 "the first channel mapped for that SKU; elsewhere the listing is left alone and "
                 "listed as drift."));

    m_lookAgain->setObjectName(u"lookAgain"_s);
    m_lookAgain->setToolTip(tr("Read the catalogue again; nothing is mapped"));
    m_cancel->setObjectName(u"cancelPull"_s);
    m_cancel->setToolTip(tr("Stop reading the catalogue; nothing is mapped"));
    m_map->setObjectName(u"mapListings"_s);
    m_map->setToolTip(tr("Read the catalogue again and map the new listings"));
    m_close->setObjectName(u"closeImport"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_lookAgain);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_map);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(summary);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_adoptBox);
    layout->addLayout(buttons);
    resize(720, 640);

    connect(m_lookAgain, &QPushButton::clicked, this, &ImportListingsDialog::look);
    connect(m_cancel, &QPushButton::clicked, this, &ImportListingsDialog::cancelPull);
    connect(m_map, &QPushButton::clicked, this, &ImportListingsDialog::map);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    if (m_bridge) {
        connect(m_bridge, &CoreBridge::listingPullProgress, this,
                &ImportListingsDialog::onProgress);
        connect(m_bridge, &CoreBridge::listingPullFinished, this,
                &ImportListingsDialog::onFinished);
    }
    showReport({});
    setStatus(tr("Look at the catalogue of %1 first; nothing is mapped until you click Map.")
                  .arg(m_channel));
    updateButtons();
}

ImportListingsDialog::~ImportListingsDialog()
{
    if (isRunning() && m_bridge)
        m_bridge->cancelListingPull(m_requestId);
}

AdoptPolicy ImportListingsDialog::adoptPolicy() const
{
    return AdoptPolicy(m_adopt->checkedId());
}

void ImportListingsDialog::setAdoptPolicy(AdoptPolicy policy)
{
    if (QAbstractButton *b = m_adopt->button(int(policy)))
        b->setChecked(true);
}

void ImportListingsDialog::look()
{
    start(PullMode::DryRun);
}

void ImportListingsDialog::map()
{
    start(PullMode::Map);
}

void ImportListingsDialog::start(PullMode mode)
{
    if (!m_bridge || isRunning())
        return;
    const bool dry = mode == PullMode::DryRun;
    m_stage = dry ? Stage::Looking : Stage::Mapping;
    m_requestId = m_bridge->pullListings(m_channel, dry ? AdoptPolicy::None : adoptPolicy(), mode);
    setStatus(dry ? tr("Reading the catalogue of %1…").arg(m_channel)
                  : tr("Mapping: reading the catalogue of %1 again…").arg(m_channel));
    updateButtons();
}

void ImportListingsDialog::cancelPull()
{
    if (isRunning() && m_bridge)
        m_bridge->cancelListingPull(m_requestId); // listingPullFinished answers, cancelled
}

void ImportListingsDialog::done(int result)
{
    cancelPull();
    m_stage = Stage::Idle; // the answer of a cancelled pull is not waited for
    QDialog::done(result);
}

void ImportListingsDialog::onProgress(quint64 requestId, int listingsRead)
{
    if (requestId != m_requestId || !isRunning())
        return;
    setStatus(m_stage == Stage::Looking
                  ? tr("Read %n listing(s) of %1…", nullptr, listingsRead).arg(m_channel)
                  : tr("Mapping: read %n listing(s) of %1…", nullptr, listingsRead).arg(m_channel));
}

void ImportListingsDialog::onFinished(const ListingPullAnswer &answer)
{
    if (answer.requestId != m_requestId || !isRunning())
        return;
    const bool dry = m_stage == Stage::Looking;
    const PullReport &r = answer.report;
    if (answer.cancelled) {
        m_stage = m_report.channel.isEmpty() ? Stage::Idle
                                             : (m_report.dryRun ? Stage::Looked : Stage::Mapped);
        setStatus(tr("Cancelled; nothing was mapped."));
    } else if (!r.ok()) {
        m_stage = Stage::Failed;
        setStatus(dry ? tr("%1 could not be read; nothing was mapped.\n%2").arg(m_channel, r.error)
                      : tr("The listings of %1 were not mapped.\n%2").arg(m_channel, r.error),
                  true);
    } else if (dry) {
        m_stage = Stage::Looked;
        showReport(r);
        setStatus(r.mapped == 0
                      ? tr("Nothing to map: every listing with a SKU of ours is mapped already.")
                      : tr("Nothing is mapped yet. %n new listing(s) would be mapped; choose what "
                           "happens where one shows another quantity, then click Map.",
                           nullptr, r.mapped));
    } else {
        m_stage = Stage::Mapped;
        showReport(r);
        QStringList done {tr("Mapped %n new listing(s).", nullptr, r.mapped)};
        if (!r.pushed.isEmpty())
            done.append(tr("Our numbers are on their way to %n listing(s).", nullptr,
                           int(r.pushed.size())));
        if (!r.adopted.isEmpty())
            done.append(
                tr("Took the channel's number for %n SKU(s).", nullptr, int(r.adopted.size())));
        const int leftAlone = int(r.drift.size() - r.pushed.size());
        if (leftAlone > 0)
            done.append(
                tr("%n listing(s) left as they are, listed on the Drift tab.", nullptr, leftAlone));
        setStatus(done.join(u' '));
    }
    updateButtons();
    Q_EMIT pullFinished();
}

void ImportListingsDialog::showReport(const PullReport &report)
{
    m_report = report;
    const bool shown = !report.channel.isEmpty();
    auto number = [shown](qsizetype n) {
        return shown ? QLocale().toString(qint64(n)) : u"\u2014"_s;
    };
    m_listings->setText(number(report.listings));
    m_mappedCaption->setText(report.dryRun || !shown ? tr("New, would be mapped:")
                                                     : tr("Newly mapped:"));
    m_mapped->setText(number(report.mapped));
    m_alreadyMapped->setText(number(report.alreadyMapped));
    m_drift->setReport(report);
    m_unmatchedRemote->setReport(report);
    m_unmatchedLocal->setStringList(report.unmatchedLocal);
    m_tabs->setTabText(0, tr("Show another quantity (%1)").arg(report.drift.size()));
    m_tabs->setTabText(1, tr("On the channel only (%1)").arg(report.unmatchedRemote.size()));
    m_tabs->setTabText(2, tr("Our SKUs not listed (%1)").arg(report.unmatchedLocal.size()));
}

void ImportListingsDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #b01c1c"_s : QString());
}

void ImportListingsDialog::updateButtons()
{
    const bool running = isRunning();
    m_cancel->setEnabled(running);
    m_lookAgain->setEnabled(!running && m_bridge);
    m_adoptBox->setEnabled(!running);
    // Map after a dry look that found something to map.
    m_map->setEnabled(!running && m_stage == Stage::Looked && m_report.mapped > 0);
    m_map->setDefault(m_map->isEnabled());
}

} // namespace ChannelDesk
