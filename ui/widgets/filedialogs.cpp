#include "widgets/filedialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace ChannelDesk::FileDialogs {

namespace {
const QString kKey = u"files/lastFolder"_s;
} // namespace

QString lastFolder()
{
    const QString folder = QSettings().value(kKey).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

void rememberFolder(const QString &filePath)
{
    if (!filePath.isEmpty())
        QSettings().setValue(kKey, QFileInfo(filePath).absolutePath());
}

QString openFile(QWidget *parent, const QString &caption, const QString &filter)
{
    const QString path = QFileDialog::getOpenFileName(parent, caption, lastFolder(), filter);
    rememberFolder(path);
    return path;
}

QString saveFile(QWidget *parent, const QString &caption, const QString &fileName,
                 const QString &filter)
{
    const QString path = QFileDialog::getSaveFileName(
        parent, caption, QDir(lastFolder()).filePath(fileName), filter);
    rememberFolder(path);
    return path;
}

} // namespace ChannelDesk::FileDialogs
