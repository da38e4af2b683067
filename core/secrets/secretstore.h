#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace ChannelDesk {

// Where the console keeps secrets (API tokens, webhook secrets) by key, so that neither the
// config file nor the settings hold them in plain text. Every call answers later through its
// callback, on the calling thread, exactly once; a store lives on one thread (the core worker).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Ok,
        NotFound, // read: there is no entry for the key
        Unavailable, // no keychain service runs (or it did not answer in time)
        Failed, // the service refused (access denied, locked, ...): see error
    };
    struct Result
    {
        Status status = Status::Failed;
        QByteArray value; // read only
        QString error;

        bool ok() const { return status == Status::Ok; }
    };
    using Done = std::function<void(const Result &)>;
    using AvailabilityDone = std::function<void(bool available, const QString &detail)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    virtual void read(const QString &key, Done done) = 0;
    virtual void write(const QString &key, const QByteArray &value, Done done) = 0;
    // Removing a key that has no entry succeeds.
    virtual void remove(const QString &key, Done done) = 0;
    // Whether a keychain service answers; detail says why not when it does not.
    virtual void checkAvailable(AvailabilityDone done) = 0;
    // What the merchant knows the service as: "Secret Service", "Keychain", ...
    virtual QString serviceName() const = 0;
};

} // namespace ChannelDesk
