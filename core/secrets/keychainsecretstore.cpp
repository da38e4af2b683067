#include "secrets/keychainsecretstore.h"

#include "secrets/secretsources.h"

#include <QLoggingCategory>
#include <qt6keychain/keychain.h>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

Q_LOGGING_CATEGORY(lcKeychain, "channeldesk.secrets")

namespace {
// A key no one writes: reading it tells whether a service answers.
const QString kProbeKey = u"probe/availability"_s;

SecretStore::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStore::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretStore::Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: // on Linux: D-Bus or the wallet daemon is not there
        return SecretStore::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        break;
    }
    return SecretStore::Status::Failed;
}
} // namespace

KeychainSecretStore::KeychainSecretStore(int timeoutMs, QObject *parent)
    : SecretStore(parent)
    , m_timeoutMs(timeoutMs)
{
}

void KeychainSecretStore::prepare(QKeychain::Job *job, const QString &key)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text QSettings file
    job->setKey(key);
}

void KeychainSecretStore::run(QKeychain::Job *job, Done done)
{
    // Whichever comes first, the job's answer or the timeout, answers; the other is ignored.
    auto pending = std::make_shared<Done>(std::move(done));
    auto answer = [pending](const Result &result) {
        if (!*pending)
            return;
        const Done d = std::move(*pending);
        *pending = nullptr;
        d(result);
    };
    // A child timer rather than QTimer::singleShot, so that a test can find it and make it fire.
    auto *timeout = new QTimer(this);
    timeout->setObjectName(u"keychainTimeout"_s);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, this, [answer, timeout, seconds = m_timeoutMs / 1000.0] {
        timeout->deleteLater();
        answer({Status::Unavailable,
                {},
                tr("the keychain service did not answer within %1 s").arg(seconds)});
    });
    timeout->start(m_timeoutMs);
    connect(job, &QKeychain::Job::finished, this, [answer](QKeychain::Job *j) {
        Result r;
        r.status = statusOf(j->error());
        if (r.status == Status::Ok) {
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
                r.value = read->binaryData();
        } else if (r.status != Status::NotFound) {
            r.error = j->errorString();
            qCDebug(lcKeychain).noquote() << "keychain" << j->key() << ":" << r.error;
        }
        answer(r);
    });
    job->start();
}

void KeychainSecretStore::read(const QString &key, Done done)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(SecretKeys::kService), this);
    prepare(job, key);
    run(job, std::move(done));
}

void KeychainSecretStore::write(const QString &key, const QByteArray &value, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(SecretKeys::kService), this);
    prepare(job, key);
    job->setBinaryData(value);
    run(job, std::move(done));
}

void KeychainSecretStore::remove(const QString &key, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(SecretKeys::kService), this);
    prepare(job, key);
    run(job, [done = std::move(done)](const Result &r) {
        // Nothing to delete is what the caller wanted.
        done(r.status == Status::NotFound ? Result {Status::Ok, {}, {}} : r);
    });
}

void KeychainSecretStore::checkAvailable(AvailabilityDone done)
{
    read(kProbeKey, [done = std::move(done)](const Result &r) {
        const bool available = r.status != Status::Unavailable;
#if defined(Q_OS_MACOS) || defined(Q_OS_WIN)
        done(available, available ? QString() : r.error);
#else
        done(available,
             available ? QString()
                       : tr("%1; is a D-Bus session with Secret Service or KWallet running?")
                             .arg(r.error));
#endif
    });
}

QString KeychainSecretStore::serviceName() const
{
#if defined(Q_OS_MACOS)
    return tr("Keychain");
#elif defined(Q_OS_WIN)
    return tr("Credential Manager");
#else
    return tr("Secret Service");
#endif
}

} // namespace ChannelDesk
