#include "screenshotter.h"

#include "channels/channelmodel.h"
#include "channels/channelspanel.h"
#include "channels/importlistingsdialog.h"
#include "dlq/deadletterpanel.h"
#include "lag/lagpanel.h"
#include "mainwindow.h"
#include "orders/ordermodel.h"
#include "orders/orderspanel.h"
#include "orders/ordertimelinedialog.h"
#include "quotes/quotepanel.h"
#include "stock/stockmodel.h"
#include "stock/stockpanel.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
constexpr int kSettleMs = 600; // lets a newly shown tab lay out and fetch its data
constexpr int kQuoteWaitMs = 10'000; // carriers have their own deadlines, well below this
// Reading shop-eu's 1,500 listings twice (the look, then Map) within Shopify's cost limit.
constexpr int kImportWaitMs = 300'000;
} // namespace

Screenshotter::Screenshotter(MainWindow *window, QString directory, int delayMs, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(std::move(directory))
    , m_delayMs(delayMs)
{
}

void Screenshotter::start()
{
    QDir().mkpath(m_directory);
    QTimer::singleShot(m_delayMs, this, [this] {
        QuotePanel *quotes = m_window->quotePanel();
        if (!quotes || !quotes->quoteNewestOrder()) {
            shootAll();
            return;
        }
        connect(quotes, &QuotePanel::quoteShown, this, &Screenshotter::shootAll,
                Qt::SingleShotConnection);
        QTimer::singleShot(kQuoteWaitMs, this, &Screenshotter::shootAll);
    });
}

void Screenshotter::shootAll()
{
    if (std::exchange(m_shooting, true))
        return;
    m_window->tabs()->setCurrentIndex(0);
    QTimer::singleShot(kSettleMs, this, [this] { shoot(0); });
}

void Screenshotter::shoot(int tab)
{
    if (m_window->tabNames().value(tab) == "dead-letters"_L1 &&
        !std::exchange(m_letterShown, true)) {
        // Show one letter's request, response and history in the detail pane.
        QTableView *view = m_window->deadLetterPanel()->view();
        if (view->model()->rowCount() > 0) {
            view->selectRow(0);
            QTimer::singleShot(kSettleMs, this, [this, tab] { shoot(tab); });
            return;
        }
    }
    if (m_window->tabNames().value(tab) == "deliveries"_L1 &&
        !std::exchange(m_deliveryShown, true)) {
        // Show one delivery's body below the list.
        auto *view = m_window->findChild<QTableView *>(u"deliveryView"_s);
        if (view && view->model()->rowCount() > 0) {
            view->selectRow(0);
            QTimer::singleShot(kSettleMs, this, [this, tab] { shoot(tab); });
            return;
        }
    }
    if (m_window->tabNames().value(tab) == "channels"_L1)
        selectImportChannel(); // Import listings… is enabled, as when the dialog is opened
    const QString path =
        QDir(m_directory).filePath(u"%1.png"_s.arg(m_window->tabNames().value(tab)));
    if (!m_window->grab().save(path))
        std::fprintf(stderr, "channeldesk: cannot write %s\n", qUtf8Printable(path));
    else
        std::printf("%s\n", qUtf8Printable(path));
    if (m_window->tabNames().value(tab) == "lag"_L1 && !m_window->lagPanel()->showsHistogram()) {
        // The Lag tab has a second view: the distribution of the window.
        m_window->lagPanel()->setShowsHistogram(true);
        QTimer::singleShot(kSettleMs, this, [this, tab] {
            const QString histogram = QDir(m_directory).filePath(u"lag-histogram.png"_s);
            if (m_window->grab().save(histogram))
                std::printf("%s\n", qUtf8Printable(histogram));
            m_window->lagPanel()->setShowsHistogram(false);
            m_window->tabs()->setCurrentIndex(tab + 1);
            QTimer::singleShot(kSettleMs, this, [this, tab] { shoot(tab + 1); });
        });
        return;
    }
    const int next = tab + 1;
    if (next >= m_window->tabs()->count()) {
        shootTimeline();
        return;
    }
    m_window->tabs()->setCurrentIndex(next);
    QTimer::singleShot(kSettleMs, this, [this, next] { shoot(next); });
}

void Screenshotter::shootTimeline()
{
    QTableView *view = m_window->ordersPanel()->view();
    if (view->model()->rowCount() == 0) {
        shootImport();
        return;
    }
    const QModelIndex first = view->model()->index(0, 0);
    m_window->openOrderTimeline(first.data(OrderModel::ChannelRole).toString(),
                                first.data(OrderModel::OrderIdRole).toString());
    auto *dialog = m_window->findChild<OrderTimelineDialog *>();
    if (!dialog) {
        shootImport();
        return;
    }
    auto shot = std::make_shared<bool>(false);
    auto next = [this, dialog, shot] {
        if (std::exchange(*shot, true))
            return;
        const QString path = QDir(m_directory).filePath(u"order-timeline.png"_s);
        if (dialog->grab().save(path))
            std::printf("%s\n", qUtf8Printable(path));
        dialog->close();
        shootImport();
    };
    connect(
        dialog, &OrderTimelineDialog::timelineShown, this,
        [this, next] { QTimer::singleShot(kSettleMs, this, next); }, Qt::SingleShotConnection);
    QTimer::singleShot(kQuoteWaitMs, this, next);
}

void Screenshotter::selectImportChannel()
{
    QTableView *view = m_window->channelsPanel()->view();
    QAbstractItemModel *model = view->model();
    if (model->rowCount() == 0)
        return;
    const QModelIndexList shopEu = model->match(model->index(0, 0), ChannelModel::ChannelIdRole,
                                                u"shop-eu"_s, 1, Qt::MatchExactly);
    view->setCurrentIndex(shopEu.value(0, model->index(0, 0)));
}

void Screenshotter::shootImport()
{
    ChannelsPanel *channels = m_window->channelsPanel();
    m_window->tabs()->setCurrentWidget(channels);
    selectImportChannel();
    channels->importListings();
    auto *dialog = m_window->findChild<ImportListingsDialog *>();
    if (!dialog) {
        shootBuffer();
        return;
    }
    connect(
        dialog, &ImportListingsDialog::pullFinished, this,
        [this, dialog] {
            QTimer::singleShot(kSettleMs, this, [this, dialog] {
                const QString path = QDir(m_directory).filePath(u"import-listings.png"_s);
                if (dialog->grab().save(path))
                    std::printf("%s\n", qUtf8Printable(path));
                // A real map pulls the catalogue again (a minute more against the demo's
                // Shopify cost bucket); --screenshot-drift-after-import takes that time.
                if (m_driftAfterImport) {
                    shootDriftAfterImport(dialog);
                    return;
                }
                dialog->close();
                shootBuffer();
            });
        },
        Qt::SingleShotConnection);
    QTimer::singleShot(kImportWaitMs, qApp, &QApplication::quit);
}

void Screenshotter::shootDriftAfterImport(ImportListingsDialog *dialog)
{
    // The demo's channels start in sync; mapping shop-eu's new listings with the drift left
    // alone gives the Drift tab what a merchant sees after a first import.
    connect(
        dialog, &ImportListingsDialog::pullFinished, this,
        [this, dialog] {
            dialog->close();
            m_window->tabs()->setCurrentIndex(int(m_window->tabNames().indexOf(u"drift"_s)));
            QTimer::singleShot(kSettleMs, this, [this] {
                const QString path = QDir(m_directory).filePath(u"drift.png"_s);
                if (m_window->grab().save(path))
                    std::printf("%s\n", qUtf8Printable(path));
                shootBuffer();
            });
        },
        Qt::SingleShotConnection);
    dialog->setAdoptPolicy(AdoptPolicy::None);
    dialog->map();
}

void Screenshotter::shootBuffer()
{
    // The editor of what one channel shows of one SKU: a cell with a rule of its own (in stock
    // if one is), else the first row's last channel.
    StockPanel *stock = m_window->stockPanel();
    StockModel *model = stock->model();
    const int channels = int(model->channels().size());
    QString sku;
    int channel = channels - 1;
    for (const bool inStock : {true, false}) {
        for (int row = 0; row < model->rowCount() && sku.isEmpty(); ++row) {
            const StockRow *r = model->rowAt(row);
            for (int c = channels - 1; c >= 0 && sku.isEmpty(); --c) {
                if (!r->bufferOf(c).isEmpty() && (r->available > 0 || !inStock)) {
                    sku = r->sku;
                    channel = c;
                }
            }
        }
    }
    if (sku.isEmpty() && model->rowCount() > 0)
        sku = model->rowAt(0)->sku;
    QDialog *dialog = sku.isEmpty() ? nullptr : stock->editBuffer(sku, channel);
    if (!dialog) {
        QApplication::quit();
        return;
    }
    QTimer::singleShot(kSettleMs, this, [this, dialog] {
        const QString path = QDir(m_directory).filePath(u"stock-buffer.png"_s);
        if (dialog->grab().save(path))
            std::printf("%s\n", qUtf8Printable(path));
        dialog->reject();
        QApplication::quit();
    });
}

} // namespace ChannelDesk
