#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

#include <cstdio>

// What every benchmark ends with: its figures as one JSON object on the last line, so that runs
// can be compared by a script (issue 13, "Reporting").
namespace ChannelDesk::Bench {

// A figure to one decimal, as the text lines print it.
inline double rounded(double x)
{
    return qRound64(x * 10) / 10.0;
}

inline void printJsonLine(const QJsonObject &figures)
{
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace ChannelDesk::Bench
