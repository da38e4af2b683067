#pragma once

#include <QList>
#include <QStringList>

namespace ChannelDesk {

// A numbered schema step. Statements are written once in the subset of SQL both SQLite and
// PostgreSQL accept; the few places they differ are spelled with the tokens below, replaced per
// dialect before running:
//   {{ID}}   an auto-incrementing 64-bit primary key column type
//   {{BLOB}} a binary column type
struct Migration
{
    int version;
    const char *description;
    QStringList statements;
};

// Every migration in order. Append new ones; never edit one that has shipped.
const QList<Migration> &allMigrations();
// The inbox's own file (Database::Schema::Inbox), numbered on its own.
const QList<Migration> &inboxMigrations();

} // namespace ChannelDesk
