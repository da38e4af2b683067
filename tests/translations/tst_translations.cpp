// The console's translations are complete and current: a tr() string added without its German
// and French translation, or one left in the .ts files after it left the sources, fails here.
// English has only its plural forms (channeldesk_en.ts, lupdate -pluralonly): every %n message,
// singular and plural, and the compiled .qm says "1 dead letter" and "3 dead letters".
// Run lupdate with `cmake --build build --target update_translations` (README, "Languages").
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Message
{
    QString context;
    QString source;
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList translations; // one, or one per plural form
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            current = Message();
            current.context = context;
            current.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
        } else if (name == "source"_L1) {
            current.source = xml.readElementText();
        } else if (name == "translation"_L1) {
            current.type = xml.attributes().value("type"_L1).toString();
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.translations.append(xml.readElementText());
            } else {
                current.translations.append(xml.readElementText());
            }
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = u"%1: %2 at line %3"_s.arg(path, xml.errorString()).arg(xml.lineNumber());
    return messages;
}

QStringList tsFiles()
{
    return QString::fromUtf8(CHANNELDESK_TS_FILES).split(u'|', Qt::SkipEmptyParts);
}

QString englishTsFile()
{
    return QString::fromUtf8(CHANNELDESK_EN_TS_FILE);
}

// %1 ... %99 and %n, each once, sorted: what .arg() and the plural count fill in.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(u"%(?:L?[1-9][0-9]?|n)"_s);
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

// The mnemonic letter of a label ("&File" -> "f"), or empty; "&&" is a literal ampersand.
QString accelerator(const QString &text, int *count = nullptr)
{
    QString letter;
    int n = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        if (text.at(i + 1).isSpace())
            continue; // "A & B" is no mnemonic
        ++n;
        letter = text.at(i + 1).toLower();
    }
    if (count)
        *count = n;
    return letter;
}

QString describe(const Message &m)
{
    return u"%1 \"%2\""_s.arg(m.context, m.source);
}

// Labels that are on screen together (a menu, a tab bar, a form with its buttons): their
// translated accelerators must differ.
struct Group
{
    const char *context;
    QStringList sources;
};

QList<Group> acceleratorGroups()
{
    const QStringList settingsTabs {u"&Channels"_s, u"Ca&rriers"_s, u"&General"_s};
    const QStringList channelPage = settingsTabs +
        QStringList {u"&Id:"_s,         u"&Type:"_s, u"Base &URL:"_s, u"Max &requests/s:"_s,
                     u"&Add channel"_s, u"Re&move"_s};
    const QStringList carrierPage = settingsTabs +
        QStringList {u"&Id:"_s,      u"&Type:"_s,       u"Base &URL:"_s, u"Account &number:"_s,
                     u"T&imeout:"_s, u"&Add carrier"_s, u"Re&move"_s};
    return {
        {"ChannelDesk::MainWindow",
         {u"&File"_s, u"&Stock"_s, u"&Channels"_s, u"&Dead letters"_s, u"&View"_s, u"&Help"_s}},
        {"ChannelDesk::MainWindow",
         {u"&Stock"_s, u"&Channels"_s, u"&Lag"_s, u"&Dead letters"_s, u"Dr&ift"_s,
          u"Carrier &quotes"_s, u"A&udit"_s, u"Ale&rts"_s}},
        {"ChannelDesk::MainWindow",
         {u"&Import stock…"_s, u"E&xport stock…"_s, u"&Export audit log…"_s, u"Try the &demo"_s,
          u"&Settings…"_s, u"&Quit"_s}},
        {"ChannelDesk::MainWindow",
         {u"Add a S&KU…"_s, u"&Adjust selected SKU…"_s, u"&Undo last adjustment"_s, u"&Find SKU"_s,
          u"Only &problems"_s}},
        {"ChannelDesk::ConnectChannelDialog",
         {u"&Channel:"_s, u"&Name:"_s, u"Shop &address:"_s, u"&Location id:"_s,
          u"&Marketplace id:"_s, u"Test connect&ion"_s,
          u"By web&hook: paste this URL into the shop's admin"_s,
          u"By &polling (this machine cannot be reached from the internet)"_s,
          u"&Save and read listings"_s}},
        {"ChannelDesk::AddSkuDialog",
         {u"&SKU:"_s, u"&Title:"_s, u"&Available:"_s, u"Safety &buffer:"_s}},
        {"ChannelDesk::MainWindow",
         {u"&Retry selected"_s, u"Retry all &shown"_s, u"&Discard selected…"_s}},
        {"ChannelDesk::DeadLetterPanel",
         {u"&Retry selected"_s, u"Retry all &shown"_s, u"&Discard…"_s}},
        {"ChannelDesk::StockPanel", {u"Only &problems"_s, u"&Adjust…"_s, u"&Buffer…"_s}},
        {"ChannelDesk::BufferFields",
         {u"Reser&ve:"_s, u"Perce&nt:"_s, u"Ma&x:"_s, u"&Pause at:"_s}},
        {"ChannelDesk::ChannelsPanel",
         {u"&Pause propagation"_s, u"Res&ume propagation"_s, u"Impor&t listings…"_s}},
        {"ChannelDesk::ImportListingsDialog", {u"&Look again"_s, u"&Map"_s}},
        {"ChannelDesk::DriftPanel", {u"&Fix selected"_s, u"Fix &all"_s, u"&Reconcile now"_s}},
        {"ChannelDesk::LagPanel", {u"&Window:"_s, u"&Show:"_s}},
        {"ChannelDesk::AuditPanel", {u"&Load"_s, u"&Export CSV…"_s}},
        {"ChannelDesk::AdjustDialog", {u"&Change by:"_s, u"&Reason:"_s}},
        {"ChannelDesk::QuotePanel",
         {u"Free&ze the list"_s, u"&Get quotes"_s, u"Recent &orders"_s, u"Promised &by:"_s,
          u"O&rder:"_s, u"Ship &to:"_s, u"Ship &from:"_s, u"&Parcel:"_s}},
        {"ChannelDesk::QuotePanel",
         {u"Free&ze the list"_s, u"Re-quo&te"_s, u"Recent &orders"_s, u"Promised &by:"_s,
          u"O&rder:"_s, u"Ship &to:"_s, u"Ship &from:"_s, u"&Parcel:"_s}},
        {"ChannelDesk::SettingsDialog",
         settingsTabs +
             QStringList {u"&Listen on:"_s, u"Default safety &buffer:"_s, u"Sync lag p&99 above:"_s,
                          u"&Any sync lag above:"_s, u"Success rate &below:"_s}},
        {"ChannelDesk::SettingsDialog",
         channelPage +
             QStringList {u"&Location id:"_s, u"Access &token:"_s, u"&Webhook secret:"_s}},
        {"ChannelDesk::SettingsDialog",
         channelPage +
             QStringList {u"Consumer &key:"_s, u"Consumer s&ecret:"_s, u"&Webhook secret:"_s}},
        {"ChannelDesk::SettingsDialog", channelPage + QStringList {u"Access &token:"_s}},
        {"ChannelDesk::SettingsDialog",
         channelPage +
             QStringList {u"&Seller id:"_s, u"&Marketplace id:"_s, u"LWA U&RL:"_s,
                          u"LWA client i&d:"_s, u"LWA client s&ecret:"_s, u"Refresh t&oken:"_s}},
        {"ChannelDesk::SettingsDialog", carrierPage + QStringList {u"API &key:"_s}},
        {"ChannelDesk::SettingsDialog",
         carrierPage + QStringList {u"Client i&d:"_s, u"Client s&ecret:"_s}},
    };
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void committedFiles_data();
    void committedFiles();
    void acceleratorsDiffer_data();
    void acceleratorsDiffer();
    void matchSources_data();
    void matchSources();
    void englishPlurals();
    void englishPluralForms_data();
    void englishPluralForms();
};

void TestTranslations::committedFiles_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = tsFiles();
    QVERIFY(files.size() >= 2);
    for (const QString &path : files)
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestTranslations::committedFiles()
{
    QFETCH(QString, path);
    QString error;
    const QList<Message> messages = readTs(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 100, qPrintable(path));
    QStringList problems;
    for (const Message &m : messages) {
        if (!m.type.isEmpty()) {
            problems.append(u"%1 is %2"_s.arg(describe(m), m.type));
            continue;
        }
        if (m.numerus && m.translations.size() < 2)
            problems.append(
                u"%1 has %2 plural form(s)"_s.arg(describe(m)).arg(m.translations.size()));
        int sourceAccelerators = 0;
        accelerator(m.source, &sourceAccelerators);
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) {
                problems.append(u"%1 has an empty translation"_s.arg(describe(m)));
                continue;
            }
            if (placeholders(t) != placeholders(m.source))
                problems.append(u"%1: \"%2\" has placeholders %3, the source %4"_s.arg(
                    describe(m), t, placeholders(t).join(u' '), placeholders(m.source).join(u' ')));
            int accelerators = 0;
            accelerator(t, &accelerators);
            if (accelerators != std::min(sourceAccelerators, 1))
                problems.append(u"%1: \"%2\" has %3 accelerator(s), the source %4"_s.arg(
                    describe(m), t, QString::number(accelerators),
                    QString::number(sourceAccelerators)));
            // The spaces a translation is glued into its sentence with (" cm", " (HTTP %1)").
            const auto edges = [](const QString &s) {
                return std::pair(s.startsWith(u' '), s.endsWith(u' '));
            };
            if (edges(t) != edges(m.source))
                problems.append(
                    u"%1: \"%2\" does not keep the spaces around the text"_s.arg(describe(m), t));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::acceleratorsDiffer_data()
{
    committedFiles_data();
}

void TestTranslations::acceleratorsDiffer()
{
    QFETCH(QString, path);
    QString error;
    const QList<Message> messages = readTs(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Group &group : acceleratorGroups()) {
        QHash<QString, QString> byLetter;
        for (const QString &source : group.sources) {
            const auto it = std::find_if(messages.cbegin(), messages.cend(), [&](const Message &m) {
                return m.context == QLatin1StringView(group.context) && m.source == source;
            });
            if (it == messages.cend()) {
                problems.append(u"%1 \"%2\" is not in the file any more: update the groups in "
                                "this test"_s.arg(QLatin1StringView(group.context), source));
                continue;
            }
            const QString translation = it->translations.value(0);
            const QString letter = accelerator(translation);
            if (letter.isEmpty())
                continue;
            if (byLetter.contains(letter))
                problems.append(u"\"%1\" and \"%2\" share the accelerator %3"_s.arg(
                    byLetter.value(letter), translation, letter));
            byLetter.insert(letter, translation);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::matchSources_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("options");
    QTest::newRow("de fr") << tsFiles() << QString::fromUtf8(CHANNELDESK_LUPDATE_OPTIONS);
    QTest::newRow("en (plural forms only)")
        << QStringList {englishTsFile()} << QString::fromUtf8(CHANNELDESK_EN_LUPDATE_OPTIONS);
}

void TestTranslations::matchSources()
{
    QFETCH(QStringList, files);
    QFETCH(QString, options);
    // lupdate over today's sources into copies: new strings come out unfinished, strings no
    // longer in the sources come out vanished.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList copies;
    for (const QString &path : std::as_const(files)) {
        const QString copy = dir.filePath(QFileInfo(path).fileName());
        QVERIFY2(QFile::copy(path, copy), qPrintable(path));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        copies.append(copy);
    }
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments = options.split(u'|', Qt::SkipEmptyParts);
    arguments << u"@"_s + QString::fromUtf8(CHANNELDESK_LUPDATE_LIST) << u"-ts"_s << copies;
    lupdate.start(QString::fromUtf8(CHANNELDESK_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(120'000), qPrintable(lupdate.errorString()));
    const QString output = QString::fromLocal8Bit(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             qPrintable(output));
    QStringList problems;
    for (const QString &copy : std::as_const(copies)) {
        QString error;
        const QList<Message> messages = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const Message &m : messages) {
            if (m.type == "unfinished"_L1)
                problems.append(
                    u"%1: %2 is not translated"_s.arg(QFileInfo(copy).fileName(), describe(m)));
            else if (m.type == "vanished"_L1 || m.type == "obsolete"_L1)
                problems.append(u"%1: %2 is no longer in the sources"_s.arg(
                    QFileInfo(copy).fileName(), describe(m)));
        }
    }
    if (!problems.isEmpty())
        problems.prepend(u"The translations do not match the sources. Run `cmake --build build "
                         "--target update_translations`, translate what is new in "
                         "translations/*.ts, and commit them:"_s);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// channeldesk_en.ts: only plural messages, each with its singular and its plural filled in,
// %n and the other placeholders kept, and no "(s)" left.
void TestTranslations::englishPlurals()
{
    QString error;
    const QList<Message> messages = readTs(englishTsFile(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() >= 10, qPrintable(englishTsFile()));
    QStringList problems;
    for (const Message &m : messages) {
        if (!m.numerus) {
            problems.append(u"%1 is no plural message (lupdate -pluralonly)"_s.arg(describe(m)));
            continue;
        }
        if (!m.type.isEmpty())
            problems.append(u"%1 is %2"_s.arg(describe(m), m.type));
        if (m.translations.size() != 2) {
            problems.append(u"%1 has %2 plural form(s), English has 2"_s.arg(describe(m))
                                .arg(m.translations.size()));
            continue;
        }
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty()) {
                problems.append(u"%1 has an empty plural form"_s.arg(describe(m)));
                continue;
            }
            if (!t.contains("%n"_L1) || placeholders(t) != placeholders(m.source))
                problems.append(u"%1: \"%2\" has placeholders %3, the source %4"_s.arg(
                    describe(m), t, placeholders(t).join(u' '), placeholders(m.source).join(u' ')));
            if (t.contains("(s)"_L1))
                problems.append(u"%1: \"%2\" still says (s)"_s.arg(describe(m), t));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::englishPluralForms_data()
{
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    const QByteArray deadLetters = "%n dead letter(s)";
    QTest::newRow("1 dead letter")
        << "ChannelDesk::DeadLetterPanel"_ba << deadLetters << 1 << u"1 dead letter"_s;
    QTest::newRow("3 dead letters")
        << "ChannelDesk::DeadLetterPanel"_ba << deadLetters << 3 << u"3 dead letters"_s;
    QTest::newRow("0 dead letters")
        << "ChannelDesk::DeadLetterPanel"_ba << deadLetters << 0 << u"0 dead letters"_s;
    const QByteArray updates = "%n listing update(s) in 5 min, %1 not taken (calls: %2, failed "
                               "%3, throttled %4, unanswered %5)";
    QTest::newRow("1 update")
        << "ChannelDesk::ChannelModel"_ba << updates << 1
        << u"1 listing update in 5 min, %1 not taken (calls: %2, failed %3, throttled %4, "
           "unanswered %5)"_s;
    QTest::newRow("3 updates")
        << "ChannelDesk::ChannelModel"_ba << updates << 3
        << u"3 listing updates in 5 min, %1 not taken (calls: %2, failed %3, throttled %4, "
           "unanswered %5)"_s;
}

// The compiled channeldesk_en.qm, found the way main.cpp finds it for an en_US system, turns the
// %n messages into English singulars and plurals.
void TestTranslations::englishPluralForms()
{
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(int, n);
    QFETCH(QString, expected);
    const QStringList qmFiles =
        QString::fromUtf8(CHANNELDESK_QM_FILES).split(u'|', Qt::SkipEmptyParts);
    const auto english = std::find_if(qmFiles.cbegin(), qmFiles.cend(), [](const QString &qm) {
        return QFileInfo(qm).fileName() == "channeldesk_en.qm"_L1;
    });
    QVERIFY2(english != qmFiles.cend(), qPrintable(qmFiles.join(u' ')));
    QTranslator translator;
    QVERIFY2(translator.load(QLocale(QLocale::English, QLocale::UnitedStates), u"channeldesk"_s,
                             u"_"_s, QFileInfo(*english).absolutePath()),
             qPrintable(*english));
    QCOMPARE(QFileInfo(translator.filePath()).fileName(), u"channeldesk_en.qm"_s);
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString translated = QCoreApplication::translate(context, source, nullptr, n);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(translated, expected);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
