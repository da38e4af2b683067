#pragma once

#include "secrets/secretstore.h"

#include <QHash>
#include <QMutex>

#include <memory>

namespace ChannelDesk {

// A SecretStore in memory, for tests: the contents are shared, so a test can look at what the
// console stored on its worker thread, and can play a machine without a keychain service.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    struct Contents
    {
        mutable QMutex mutex;
        QHash<QString, QByteArray> values;
        bool available = true; // false: every call answers Unavailable

        QByteArray value(const QString &key) const;
        bool contains(const QString &key) const;
        void insert(const QString &key, const QByteArray &value);
    };

    explicit MemorySecretStore(std::shared_ptr<Contents> contents = std::make_shared<Contents>(),
                               QObject *parent = nullptr);

    void read(const QString &key, Done done) override;
    void write(const QString &key, const QByteArray &value, Done done) override;
    void remove(const QString &key, Done done) override;
    void checkAvailable(AvailabilityDone done) override;
    QString serviceName() const override;

    const std::shared_ptr<Contents> &contents() const { return m_contents; }

private:
    void answer(Done done, Result result);

    std::shared_ptr<Contents> m_contents;
};

} // namespace ChannelDesk
