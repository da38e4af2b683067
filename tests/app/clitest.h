#pragma once

// The fixture of tst_cli and tst_cli_operations: a fresh folder and database for each test, the
// real channeldesk-cli run against it.
#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ChannelDesk::Testing {

using namespace Qt::StringLiterals;

// setUp() in each test's init().
class CliTest : public QObject
{
protected:
    using Run = CliRun;

    void setUp()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = m_dir->filePath(u"inv.sqlite"_s);
    }
    Run cli(QStringList args, const QByteArray &input = {})
    {
        return runCli(std::move(args), m_db, input);
    }
    QString write(const QString &name, const QByteArray &content)
    {
        return writeFile(m_dir->filePath(name), content);
    }
    QJsonArray stockJson()
    {
        const Run r = cli({u"stock"_s, u"--json"_s});
        if (r.code != 0)
            qFatal("stock --json failed: %s", r.err.constData());
        return QJsonDocument::fromJson(r.out).array();
    }
    qint64 available(const QString &sku)
    {
        for (const QJsonValue &v : stockJson()) {
            if (v[u"sku"_s].toString() == sku)
                return v[u"available"_s].toInteger();
        }
        return -1;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

} // namespace ChannelDesk::Testing
