#include "secrets/secretstore.h"

namespace ChannelDesk {

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

} // namespace ChannelDesk
