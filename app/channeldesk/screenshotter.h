#pragma once

#include <QObject>
#include <QString>

namespace ChannelDesk {

class ImportListingsDialog;
class MainWindow;

// For --screenshot DIR: once the demo has run for a while, quotes the newest order (so the quotes
// tab shows a real answer), then shows each tab in turn, grabs the window to DIR/<tab>.png and
// quits the application; then the timeline of the Orders tab's first order (an oversold one
// when there is one) to DIR/order-timeline.png; then the Import listings dialog's dry look at
// shop-eu (the demo's channel with listings not mapped yet) to DIR/import-listings.png, and
// (with setDriftAfterImport, a minute more: mapping pulls the catalogue again) after mapping
// them with their drift left alone, the Drift tab again to DIR/drift.png; last, a Stock cell's
// buffer editor to DIR/stock-buffer.png.
class Screenshotter : public QObject
{
    Q_OBJECT
public:
    Screenshotter(MainWindow *window, QString directory, int delayMs, QObject *parent = nullptr);

    void start();
    void setDriftAfterImport(bool on) { m_driftAfterImport = on; }

private:
    void shootAll();
    void shoot(int tab);
    void shootTimeline();
    void shootImport();
    void selectImportChannel(); // shop-eu: the demo's channel with listings not mapped yet
    void shootDriftAfterImport(ImportListingsDialog *dialog);
    void shootBuffer();

    MainWindow *m_window;
    QString m_directory;
    int m_delayMs;
    bool m_shooting = false;
    bool m_letterShown = false;
    bool m_deliveryShown = false;
    bool m_driftAfterImport = false;
};

} // namespace ChannelDesk
