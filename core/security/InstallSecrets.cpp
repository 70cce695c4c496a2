#include "security/InstallSecrets.h"

#include <QRandomGenerator>

#include <array>
#include <mutex>

namespace spoke::security {

namespace {

std::mutex& keyMutex()
{
    static std::mutex mutex;
    return mutex;
}

QByteArray& heldKey()
{
    static QByteArray key;
    return key;
}

std::optional<QByteArray>& heldCacheKey()
{
    static std::optional<QByteArray> key;
    return key;
}

QByteArray randomKey()
{
    std::array<std::uint32_t, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char*>(words.data()), sizeof words);
}

} // namespace

Expected<KeyStore*, KeyStoreError> InstallSecrets::load(KeyStore& keyring, KeyStore* fallback)
{
    const QString& name = kOverrideKeyName;
    // A key found anywhere wins over making one: it must stay the same for
    // the life of the install, or every override already logged is lost.
    auto inKeyring = keyring.read(name);
    if (inKeyring && *inKeyring) {
        use(**inKeyring);
        return &keyring;
    }
    if (fallback) {
        auto inFallback = fallback->read(name);
        if (inFallback && *inFallback) {
            use(**inFallback);
            return fallback;
        }
    }
    KeyStoreError why = inKeyring ? KeyStoreError{} : inKeyring.error();
    if (inKeyring) {
        auto made = loadOrCreateSecret(keyring, name);
        if (made) {
            use(*made);
            return &keyring;
        }
        why = made.error();
    }
    if (fallback) {
        auto made = loadOrCreateSecret(*fallback, name);
        if (made) {
            use(*made);
            return fallback;
        }
        why = made.error();
    }
    return why;
}

void InstallSecrets::use(QByteArray key)
{
    const std::lock_guard lock(keyMutex());
    heldKey() = std::move(key);
}

QByteArray InstallSecrets::overrideKey()
{
    const std::lock_guard lock(keyMutex());
    if (heldKey().isEmpty())
        heldKey() = randomKey();
    return heldKey();
}

void InstallSecrets::useCacheKey(std::optional<QByteArray> key)
{
    const std::lock_guard lock(keyMutex());
    heldCacheKey() = std::move(key);
}

std::optional<QByteArray> InstallSecrets::cacheKey()
{
    const std::lock_guard lock(keyMutex());
    return heldCacheKey();
}

} // namespace spoke::security
