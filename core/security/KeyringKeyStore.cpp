#include "security/KeyringKeyStore.h"

#include "security/InstallSecrets.h"
#include "security/KeychainJob.h"

#include <qt6keychain/keychain.h>

#include <mutex>

namespace spoke::security {

namespace {

const QString kService = QStringLiteral("spoke");

KeyStoreError errorOf(const KeychainOutcome& outcome)
{
    if (!outcome.finished)
        return {KeyStoreError::Kind::Unavailable, "the OS keyring did not answer"};
    const auto error = static_cast<QKeychain::Error>(outcome.error);
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::AccessDenied
        || error == QKeychain::AccessDeniedByUser || error == QKeychain::NotImplemented)
        return {KeyStoreError::Kind::Unavailable,
                "no usable OS keyring (QtKeychain error " + std::to_string(outcome.error) + ")"};
    return {KeyStoreError::Kind::Failed,
            "the OS keyring failed (QtKeychain error " + std::to_string(outcome.error) + ")"};
}

} // namespace

Expected<std::optional<QByteArray>, KeyStoreError> KeyringKeyStore::read(const QString& name)
{
    const KeychainOutcome outcome = runKeychainJob(
        [key = keyFor(name)]() -> QKeychain::Job* {
            auto* job = new QKeychain::ReadPasswordJob(kService);
            job->setKey(key);
            return job;
        },
        timeoutMs_);
    if (outcome.finished && outcome.error == QKeychain::EntryNotFound)
        return std::optional<QByteArray>();
    if (!outcome.finished || outcome.error != QKeychain::NoError)
        return errorOf(outcome);
    return std::optional<QByteArray>(outcome.binary);
}

std::optional<KeyStoreError> KeyringKeyStore::write(const QString& name, const QByteArray& secret)
{
    const KeychainOutcome outcome = runKeychainJob(
        [key = keyFor(name), secret]() -> QKeychain::Job* {
            auto* job = new QKeychain::WritePasswordJob(kService);
            job->setKey(key);
            job->setBinaryData(secret);
            return job;
        },
        timeoutMs_);
    if (outcome.finished && outcome.error == QKeychain::NoError)
        return std::nullopt;
    return errorOf(outcome);
}

std::optional<KeyStoreError> KeyringKeyStore::remove(const QString& name)
{
    const KeychainOutcome outcome = runKeychainJob(
        [key = keyFor(name)]() -> QKeychain::Job* {
            auto* job = new QKeychain::DeletePasswordJob(kService);
            job->setKey(key);
            return job;
        },
        timeoutMs_);
    if (outcome.finished && (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound))
        return std::nullopt;
    return errorOf(outcome);
}

Expected<QString, KeyStoreError> loadInstallSecrets(const std::filesystem::path& dataDir)
{
    static std::once_flag once;
    static std::optional<Expected<QString, KeyStoreError>> answer;
    std::call_once(once, [&] {
        KeyringKeyStore keyring(QString::fromStdString(dataDir.string()));
        FileKeyStore fallback(dataDir);
        const auto holder = InstallSecrets::load(keyring, &fallback);
        // The cache's key only ever lives in the keyring (InstallSecrets.h);
        // asked only when the keyring answered, so a headless start waits once.
        if (holder && *holder == &keyring)
            if (const auto cacheKey = keyring.read(InstallSecrets::kCacheKeyName); cacheKey && *cacheKey)
                InstallSecrets::useCacheKey(**cacheKey);
        if (holder)
            answer.emplace((*holder)->describe());
        else
            answer.emplace(holder.error());
    });
    return *answer;
}

} // namespace spoke::security
