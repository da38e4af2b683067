#pragma once

#include "secrets/secretstore.h"

namespace QKeychain {
class Job;
}

namespace ChannelDesk {

// The platform keychain through QtKeychain (Secret Service or KWallet on Linux, the Keychain on
// macOS, the Credential Manager on Windows), service "ChannelDesk". Never falls back to storing
// secrets in plain text when no service runs: the job answers Unavailable instead. Each call
// gives up after timeoutMs, so a session without D-Bus cannot hang the core thread.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(int timeoutMs = 5000, QObject *parent = nullptr);

    void read(const QString &key, Done done) override;
    void write(const QString &key, const QByteArray &value, Done done) override;
    void remove(const QString &key, Done done) override;
    void checkAvailable(AvailabilityDone done) override;
    QString serviceName() const override;

    // Every job this store starts goes through here: the service name, the key, and no plain-text
    // fallback. Public for the tests.
    static void prepare(QKeychain::Job *job, const QString &key);

private:
    void run(QKeychain::Job *job, Done done);

    int m_timeoutMs;
};

} // namespace ChannelDesk
