#include "secrets/memorysecretstore.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

QByteArray MemorySecretStore::Contents::value(const QString &key) const
{
    QMutexLocker lock(&mutex);
    return values.value(key);
}

bool MemorySecretStore::Contents::contains(const QString &key) const
{
    QMutexLocker lock(&mutex);
    return values.contains(key);
}

void MemorySecretStore::Contents::insert(const QString &key, const QByteArray &value)
{
    QMutexLocker lock(&mutex);
    values.insert(key, value);
}

MemorySecretStore::MemorySecretStore(std::shared_ptr<Contents> contents, QObject *parent)
    : SecretStore(parent)
    , m_contents(std::move(contents))
{
}

void MemorySecretStore::answer(Done done, Result result)
{
    // Later, like a real keychain: callers must not rely on an answer inside the call.
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

void MemorySecretStore::read(const QString &key, Done done)
{
    QMutexLocker lock(&m_contents->mutex);
    Result r;
    if (!m_contents->available)
        r = {Status::Unavailable, {}, u"no keychain service"_s};
    else if (!m_contents->values.contains(key))
        r = {Status::NotFound, {}, {}};
    else
        r = {Status::Ok, m_contents->values.value(key), {}};
    lock.unlock();
    answer(std::move(done), r);
}

void MemorySecretStore::write(const QString &key, const QByteArray &value, Done done)
{
    QMutexLocker lock(&m_contents->mutex);
    Result r {Status::Ok, {}, {}};
    if (!m_contents->available)
        r = {Status::Unavailable, {}, u"no keychain service"_s};
    else
        m_contents->values.insert(key, value);
    lock.unlock();
    answer(std::move(done), r);
}

void MemorySecretStore::remove(const QString &key, Done done)
{
    QMutexLocker lock(&m_contents->mutex);
    Result r {Status::Ok, {}, {}};
    if (!m_contents->available)
        r = {Status::Unavailable, {}, u"no keychain service"_s};
    else
        m_contents->values.remove(key);
    lock.unlock();
    answer(std::move(done), r);
}

void MemorySecretStore::checkAvailable(AvailabilityDone done)
{
    const bool available = [this] {
        QMutexLocker lock(&m_contents->mutex);
        return m_contents->available;
    }();
    QMetaObject::invokeMethod(
        this,
        [done = std::move(done), available] {
            done(available, available ? QString() : u"no keychain service"_s);
        },
        Qt::QueuedConnection);
}

QString MemorySecretStore::serviceName() const
{
    return tr("memory");
}

} // namespace ChannelDesk
