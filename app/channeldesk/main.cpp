// channeldesk: the console.
//
//   channeldesk [--demo] [--db PATH|URL] [--propagate] [--config FILE] [--screenshot DIR]
//               [--lang CODE]
#include "console/corebridge.h"
#include "mainwindow.h"
#include "screenshotter.h"
#include "secrets/keychainsecretstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

using namespace ChannelDesk;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"channeldesk"_s);
    QApplication::setOrganizationName(u"ChannelDesk"_s);
    QApplication::setApplicationDisplayName(u"ChannelDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(CHANNELDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(CHANNELDESK_APP_ID));
    QIcon appIcon;
    const QDir appIcons(u":/icons"_s);
    for (const QString &png : appIcons.entryList({u"appicon-*.png"_s}))
        appIcon.addFile(appIcons.filePath(png)); // the size is read from the file
    QApplication::setWindowIcon(appIcon);

    // The language: --lang CODE (or --lang=CODE), else the system's. Read before the parser is
    // set up so that --help is translated too; numbers and dates follow the same locale.
    QString lang;
    const QStringList arguments = QApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == "--lang"_L1 && i + 1 < arguments.size())
            lang = arguments.at(i + 1);
        else if (arguments.at(i).startsWith("--lang="_L1))
            lang = arguments.at(i).mid(7);
    }
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QLocale::setDefault(locale);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, u"qtbase"_s, u"_"_s,
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    // channeldesk_de or _fr; for English (en_*, --lang en) channeldesk_en, which holds only the
    // plural forms ("1 order", "3 orders"). A language without a translation (C, es, ...) shows
    // the English texts, so it gets the English plural forms too.
    QTranslator translator;
    if (translator.load(locale, u"channeldesk"_s, u"_"_s, u":/i18n"_s) ||
        translator.load(QLocale(QLocale::English), u"channeldesk"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "One source of truth for stock across channels."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"demo"_s,
                      QApplication::translate("main",
                                              "Run against simulated channels with a synthetic "
                                              "order stream, in a temporary database.")});
    parser.addOption(
        {u"db"_s, QApplication::translate("main", "The inventory database."), u"path"_s});
    parser.addOption({u"propagate"_s,
                      QApplication::translate("main",
                                              "On a shared PostgreSQL inventory, propagate and "
                                              "take channels' leases like a serve worker "
                                              "instead of only watching.")});
    parser.addOption(
        {u"config"_s, QApplication::translate("main", "The channels config."), u"file"_s});
    parser.addOption(
        {u"screenshot"_s,
         QApplication::translate("main",
                                 "Write a PNG of every tab to DIR after a few seconds, then "
                                 "quit."),
         u"dir"_s});
    parser.addOption({u"screenshot-delay"_s,
                      QApplication::translate("main", "Seconds before the screenshots."), u"s"_s,
                      u"15"_s});
    parser.addOption({
        u"screenshot-drift"_s,
        QApplication::translate("main",
                                "With --screenshot: also map the imported "
                                "listings and shoot the Drift tab after it."),
    });
    parser.addOption({u"lang"_s,
                      QApplication::translate("main",
                                              "Language (de, fr, ...) instead of the "
                                              "system one."),
                      u"code"_s});
    parser.process(app);

    ConsoleWorker::Options options;
    options.demo = parser.isSet(u"demo"_s);
    options.databaseLocation = parser.value(u"db"_s);
    options.propagate = parser.isSet(u"propagate"_s);
    // The config: --config, else the settings' "config/path", else the default location, which
    // need not exist before the first save in File > Settings.
    options.configRequired = parser.isSet(u"config"_s);
    const QString defaultConfig =
        QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
        u"/channeldesk.json"_s;
    options.configPath = options.configRequired
        ? parser.value(u"config"_s)
        : QSettings().value(u"config/path"_s, defaultConfig).toString();
    options.secretStore = [] { return std::make_unique<KeychainSecretStore>(); };
    CoreBridge bridge(options);
    MainWindow window(&bridge);
    window.show();
    bridge.start();

    std::unique_ptr<Screenshotter> screenshots;
    if (parser.isSet(u"screenshot"_s)) {
        window.resize(1400, 860);
        screenshots = std::make_unique<Screenshotter>(
            &window, parser.value(u"screenshot"_s),
            int(parser.value(u"screenshot-delay"_s).toDouble() * 1000));
        screenshots->setDriftAfterImport(parser.isSet(u"screenshot-drift"_s));
        screenshots->start();
    }
    return QApplication::exec();
}
