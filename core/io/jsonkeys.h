#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace ChannelDesk {

// A key written twice in one JSON object: where, and its path from the root ("channels[1].token").
struct DuplicateJsonKey
{
    QString path;
    qsizetype offset = 0; // byte offset of the second occurrence's opening quote
};

// QJsonDocument keeps the last of two equal keys without a word, so a config file that sets
// "token" twice silently uses the second. This finds the first such key of a document that
// QJsonDocument::fromJson has accepted (the text is not validated again); keys are compared
// after their escapes are decoded ("a" and "\u0061" are the same key).
std::optional<DuplicateJsonKey> firstDuplicateJsonKey(const QByteArray &json);

} // namespace ChannelDesk
