#pragma once

// `serve` workers on the inventory and config a KillNineDriver set up, for the tests that run
// several of them on one PostgreSQL inventory (tst_failover, tst_monitorconsole,
// tst_sharedinbox). Each worker slot has a data folder of its own in the test's folder, so the
// database is all they share; a worker's id ("host:pid:nonce") names its process id.
#include "killnine.h"
#include "testdatabase.h"

#include <QProcess>

#include <array>
#include <memory>

namespace ChannelDesk::Testing {

template<int N> class ServeWorkers
{
public:
    ServeWorkers(const KillNineDriver &driver, TestDatabase &t)
        : m_driver(driver)
        , m_t(t)
    {
    }
    ~ServeWorkers() { killAll(); }
    ServeWorkers(const ServeWorkers &) = delete;
    ServeWorkers &operator=(const ServeWorkers &) = delete;

    // Starts worker slot w (again, after a kill) and waits for its port.
    bool start(int w)
    {
        using namespace Qt::StringLiterals;
        KillNineDriver::Launch launch {
            QStringLiteral(CHANNELDESK_CLI),
            {u"serve"_s, u"--config"_s, m_driver.configPath(), u"--db"_s, m_t.path()},
            QRegularExpression(u"serving .* http://[^ ]+:(\\d+)"_s)};
        launch.environment.insert(u"XDG_DATA_HOME"_s, m_t.filePath(u"worker-%1"_s.arg(w)));
        m_processes[w] = std::make_unique<QProcess>();
        return KillNineDriver::start(launch, *m_processes[w], &m_ports[w]);
    }
    QProcess &process(int w) { return *m_processes[w]; }
    quint16 port(int w) const { return m_ports[w]; }
    // SIGKILL: no clean shutdown, no lease released.
    void kill(int w)
    {
        if (!m_processes[w])
            return;
        m_processes[w]->kill();
        m_processes[w]->waitForFinished();
    }
    void killAll()
    {
        for (int w = 0; w < N; ++w)
            kill(w);
    }
    // The slot of the worker whose id is workerId (-1 when none).
    int slotOf(const QString &workerId) const
    {
        for (int w = 0; w < N; ++w) {
            if (m_processes[w] &&
                workerId.contains(QStringLiteral(":%1:").arg(m_processes[w]->processId())))
                return w;
        }
        return -1;
    }

private:
    const KillNineDriver &m_driver;
    TestDatabase &m_t;
    std::array<std::unique_ptr<QProcess>, N> m_processes;
    std::array<quint16, N> m_ports {};
};

} // namespace ChannelDesk::Testing
