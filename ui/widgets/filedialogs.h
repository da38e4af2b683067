#pragma once

#include <QString>

class QWidget;

namespace ChannelDesk {

// File dialogs that open in the folder the merchant used last (any of them), kept in QSettings
// as "files/lastFolder"; the home folder the first time.
namespace FileDialogs {
QString lastFolder();
void rememberFolder(const QString &filePath);
// Empty when cancelled.
QString openFile(QWidget *parent, const QString &caption, const QString &filter);
QString saveFile(QWidget *parent, const QString &caption, const QString &fileName,
                 const QString &filter);
} // namespace FileDialogs

} // namespace ChannelDesk
