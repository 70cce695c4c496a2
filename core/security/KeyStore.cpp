#include "security/KeyStore.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

#include <cstdint>
#include <vector>

namespace spoke::security {

Expected<std::optional<QByteArray>, KeyStoreError> MemoryKeyStore::read(const QString& name)
{
    const std::lock_guard lock(mutex_);
    const auto found = secrets_.find(name);
    if (found == secrets_.end())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(found->second);
}

std::optional<KeyStoreError> MemoryKeyStore::write(const QString& name, const QByteArray& secret)
{
    const std::lock_guard lock(mutex_);
    secrets_[name] = secret;
    return std::nullopt;
}

std::optional<KeyStoreError> MemoryKeyStore::remove(const QString& name)
{
    const std::lock_guard lock(mutex_);
    secrets_.erase(name);
    return std::nullopt;
}

std::filesystem::path FileKeyStore::fileFor(const QString& name) const
{
    return dir_ / (name.toStdString() + ".key");
}

Expected<std::optional<QByteArray>, KeyStoreError> FileKeyStore::read(const QString& name)
{
    QFile file(QString::fromStdString(fileFor(name).string()));
    if (!file.exists())
        return std::optional<QByteArray>();
    if (!file.open(QIODevice::ReadOnly))
        return KeyStoreError{KeyStoreError::Kind::Failed, file.errorString().toStdString()};
    const QByteArray secret = QByteArray::fromBase64(file.read(4096).trimmed());
    if (secret.isEmpty())
        return KeyStoreError{KeyStoreError::Kind::Failed, fileFor(name).string() + " holds no secret"};
    return std::optional<QByteArray>(secret);
}

std::optional<KeyStoreError> FileKeyStore::write(const QString& name, const QByteArray& secret)
{
    std::error_code ignored;
    std::filesystem::create_directories(dir_, ignored);
    // QSaveFile writes a temporary file beside the target and renames it: a
    // crash leaves the old secret or the new one, never half of one. The
    // mode is set before a byte of the secret is written.
    QSaveFile file(QString::fromStdString(fileFor(name).string()));
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return KeyStoreError{KeyStoreError::Kind::Failed, file.errorString().toStdString()};
    file.write(secret.toBase64() + '\n');
    if (!file.commit())
        return KeyStoreError{KeyStoreError::Kind::Failed, file.errorString().toStdString()};
    return std::nullopt;
}

std::optional<KeyStoreError> FileKeyStore::remove(const QString& name)
{
    QFile file(QString::fromStdString(fileFor(name).string()));
    if (file.exists() && !file.remove())
        return KeyStoreError{KeyStoreError::Kind::Failed, file.errorString().toStdString()};
    return std::nullopt;
}

Expected<QByteArray, KeyStoreError> loadOrCreateSecret(KeyStore& store, const QString& name, int bytes)
{
    auto existing = store.read(name);
    if (!existing)
        return existing.error();
    if (*existing)
        return **existing;
    // QRandomGenerator::system() reads the operating system's cryptographic
    // source (getrandom on Linux); Qt documents it for keys.
    std::vector<std::uint32_t> words(static_cast<std::size_t>((bytes + 3) / 4));
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray secret = QByteArray(reinterpret_cast<const char*>(words.data()), bytes);
    if (auto error = store.write(name, secret))
        return *error;
    return secret;
}

} // namespace spoke::security
