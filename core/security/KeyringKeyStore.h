#pragma once

#include "security/KeyStore.h"

#include <filesystem>

namespace spoke::security {

// Secrets in the OS keyring through QtKeychain (the Secret Service on Linux,
// Keychain on macOS, Credential Manager on Windows): service "spoke", key
// "<profile> <name>", where the profile is the data dir, so two clinicians'
// data dirs on one OS account have separate keys. The keyring is the one
// part of Spoke's secrets that the tests do not run (no Secret Service in
// CI); everything above it is tested through MemoryKeyStore/FileKeyStore.
class KeyringKeyStore final : public KeyStore {
public:
    explicit KeyringKeyStore(QString profile, int timeoutMs = 5000)
        : profile_(std::move(profile))
        , timeoutMs_(timeoutMs)
    {
    }

    Expected<std::optional<QByteArray>, KeyStoreError> read(const QString& name) override;
    std::optional<KeyStoreError> write(const QString& name, const QByteArray& secret) override;
    std::optional<KeyStoreError> remove(const QString& name) override;
    QString describe() const override { return QStringLiteral("the OS keyring"); }

private:
    QString keyFor(const QString& name) const { return profile_ + QLatin1Char(' ') + name; }

    QString profile_;
    int timeoutMs_;
};

// Start-up: reads the install's secrets (security::InstallSecrets) for
// `dataDir` from the OS keyring, else from files in the data dir (the
// documented fallback, like the hub token's). Once per process; later calls
// return the first answer. On the main thread, before any cache work.
// Returns where the secrets are kept ("the OS keyring", ...), or why not.
Expected<QString, KeyStoreError> loadInstallSecrets(const std::filesystem::path& dataDir);

} // namespace spoke::security
