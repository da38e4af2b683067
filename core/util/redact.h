#pragma once

#include <QString>

namespace ChannelDesk {

// A database location as it may be shown (errors, logs, the console's event log and status
// bar): the password of a URL location (postgresql://user:password@host/db) and any
// password=... / sslpassword=... key (in the query or a key=value connection string) become
// "***". Anything else, a SQLite path included, is returned as it is. Every place that prints
// a --db / database location goes through this one function.
QString redactedLocation(const QString &location);

} // namespace ChannelDesk
