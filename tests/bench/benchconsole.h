#pragma once

#include "benchreport.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QList>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>

class QApplication;

// What both runs of bench_console measure the GUI thread with: a heartbeat timer (a stall is how
// late a beat fires), resident memory from /proc, and the time since the process started.
namespace ChannelDesk::Bench {

constexpr int kHeartbeatMs = 4;

// A field of /proc/self/status in kB ("VmRSS:", "VmHWM:"), -1 when it cannot be read.
inline qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Milliseconds since the kernel started this process (/proc/self/stat's start time, in clock
// ticks since boot, against CLOCK_BOOTTIME): counts the loader and static initialisation too.
inline double msSinceProcessStart()
{
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of the whole line
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// CPU time (user + system) a process used so far, in seconds (0: this one), -1 when unknown.
inline double cpuSeconds(qint64 pid = 0)
{
    QFile f(pid > 0 ? QStringLiteral("/proc/%1/stat").arg(pid) : QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime: fields 14 and 15 of the whole line.
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) /
        double(sysconf(_SC_CLK_TCK));
}

inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype k = std::min(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(k);
}

// Beats every kHeartbeatMs on the thread it lives on and records how late each beat was.
class Heartbeat
{
public:
    void start()
    {
        m_clock.start();
        m_last = m_clock.nsecsElapsed();
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_stalls.append(std::max(0.0, double(now - m_last) / 1e6 - kHeartbeatMs));
            m_last = now;
        });
        m_timer.start(kHeartbeatMs);
    }
    void stop() { m_timer.stop(); }
    const QList<double> &stalls() const { return m_stalls; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<double> m_stalls;
};

// The first paint of a view's viewport while its model holds rows, from process start.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(QAbstractItemView *view)
        : m_view(view)
    {
        m_view->viewport()->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_ms < 0 && event->type() == QEvent::Paint && m_view->model() &&
            m_view->model()->rowCount() > 0)
            m_ms = msSinceProcessStart();
        return QObject::eventFilter(watched, event);
    }
    // Runs the event loop until it happened (at most `timeoutMs`).
    void waitForIt(int timeoutMs = 120'000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (m_ms < 0 && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    bool happened() const { return m_ms >= 0; }
    double msFromProcessStart() const { return m_ms; }

private:
    QAbstractItemView *m_view;
    double m_ms = -1;
};

// The figures both runs end with: the GUI stalls, the first paint, memory, then the JSON line.
inline void printConsoleFigures(const QList<double> &stalls, const FirstPaint &firstPaint)
{
    std::printf("GUI stall (heartbeat %d ms late): p50 %.2f ms, p99 %.2f ms, max %.2f ms over "
                "%lld beats\n",
                kHeartbeatMs, percentile(stalls, 0.5), percentile(stalls, 0.99),
                percentile(stalls, 1.0), qint64(stalls.size()));
    std::printf("first paint of the stock table with its rows: %.0f ms from process start\n",
                firstPaint.msFromProcessStart());
    std::printf("memory: RSS %.0f MB, peak %.0f MB\n", double(statusKb("VmRSS:")) / 1024,
                double(statusKb("VmHWM:")) / 1024);
    printJsonLine({{QStringLiteral("stall_p99_ms"), rounded(percentile(stalls, 0.99))},
                   {QStringLiteral("first_paint_ms"), rounded(firstPaint.msFromProcessStart())},
                   {QStringLiteral("peak_rss_mb"), rounded(double(statusKb("VmHWM:")) / 1024)}});
}

// bench_console --real: seeds the inventory, starts the shops in channeldesk-sim, starts the
// measured console in a process of its own and places the orders (bench_console_realrun.cpp).
int runReal(QApplication &app, int skus, int ordersPerSecond, int seconds);
// The measured console (bench_console --real-console DIRECTORY SECONDS, bench_console_real.cpp):
// the inventory and the channels config it opens in DIRECTORY are these files.
constexpr const char *kRealDatabase = "inventory.sqlite";
constexpr const char *kRealConfig = "channeldesk.json";
// The line it prints when its core started: the driver starts placing orders then.
constexpr const char *kRealStartedLine = "core started:";
int runRealConsole(QApplication &app, const QString &directory, int seconds);

} // namespace ChannelDesk::Bench
