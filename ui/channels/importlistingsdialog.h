#pragma once

#include "console/consoletypes.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QListView;
class QPushButton;
class QStringListModel;
class QTabWidget;
class QTableView;

namespace ChannelDesk {

class CoreBridge;
class PullReportModel;

// "Import listings…" for one channel (issue 10), the console's map-pull in two steps: a dry look
// at the channel's catalogue (what would be mapped, what is mapped already, the listings that
// match none of our SKUs, our SKUs the channel does not list, and the new listings that show
// another quantity than ours), then, after the merchant chose whose number wins where they
// differ, the mapping itself. The pull runs on the core thread, through the channel's read
// pacer; the dialog shows how far it got and can cancel it.
class ImportListingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Stage { Idle, Looking, Looked, Mapping, Mapped, Failed };

    ImportListingsDialog(CoreBridge *bridge, const QString &channel, QWidget *parent = nullptr);
    ~ImportListingsDialog() override;

    QString channel() const { return m_channel; }
    Stage stage() const { return m_stage; }
    bool isRunning() const { return m_stage == Stage::Looking || m_stage == Stage::Mapping; }
    AdoptPolicy adoptPolicy() const;
    void setAdoptPolicy(AdoptPolicy policy);
    // The last report shown (a dry look's or the mapping's).
    const PullReport &report() const { return m_report; }

public Q_SLOTS:
    // Reads the catalogue and shows what mapping would do; maps nothing.
    void look();
    // Reads the catalogue again and maps it with the chosen policy.
    void map();
    // Stops the running pull; nothing is mapped.
    void cancelPull();
    void done(int result) override;

Q_SIGNALS:
    // A report is on screen (after a dry look or the mapping), or why there is none.
    void pullFinished();

private:
    void start(PullMode mode);
    void onProgress(quint64 requestId, int listingsRead);
    void onFinished(const ChannelDesk::ListingPullAnswer &answer);
    void showReport(const PullReport &report);
    void setStatus(const QString &text, bool error = false);
    void updateButtons();

    CoreBridge *m_bridge;
    QString m_channel;
    Stage m_stage = Stage::Idle;
    quint64 m_requestId = 0;
    PullReport m_report;

    QLabel *m_status;
    QLabel *m_listings;
    QLabel *m_mappedCaption;
    QLabel *m_mapped;
    QLabel *m_alreadyMapped;
    QTabWidget *m_tabs;
    PullReportModel *m_drift;
    PullReportModel *m_unmatchedRemote;
    QStringListModel *m_unmatchedLocal;
    QTableView *m_driftView;
    QTableView *m_unmatchedRemoteView;
    QListView *m_unmatchedLocalView;
    QButtonGroup *m_adopt;
    QWidget *m_adoptBox;
    QPushButton *m_lookAgain;
    QPushButton *m_cancel;
    QPushButton *m_map;
    QPushButton *m_close;
};

} // namespace ChannelDesk
