#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QString>

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace spoke::security {

struct KeyStoreError {
    enum class Kind {
        Unavailable, // no keyring answers (headless, no Secret Service, locked and dismissed)
        Failed, // it answered, with an error, or a file could not be written
    };
    Kind kind = Kind::Unavailable;
    std::string detail;
};

// Where an install keeps its secrets (the override log's HMAC key, the
// cache's encryption key). Secrets are opaque bytes under a short name;
// each store is used from one thread at a time.
class KeyStore {
public:
    virtual ~KeyStore() = default;

    // The secret under `name`; nullopt when none is stored; an error when
    // the store cannot say.
    virtual Expected<std::optional<QByteArray>, KeyStoreError> read(const QString& name) = 0;
    virtual std::optional<KeyStoreError> write(const QString& name, const QByteArray& secret) = 0;
    virtual std::optional<KeyStoreError> remove(const QString& name) = 0;
    // For messages: "the OS keyring", "a file in the data dir".
    virtual QString describe() const = 0;
};

// Secrets for this process only: tests, and the default before start-up
// chose a real store (InstallSecrets.h).
class MemoryKeyStore final : public KeyStore {
public:
    Expected<std::optional<QByteArray>, KeyStoreError> read(const QString& name) override;
    std::optional<KeyStoreError> write(const QString& name, const QByteArray& secret) override;
    std::optional<KeyStoreError> remove(const QString& name) override;
    QString describe() const override { return QStringLiteral("memory"); }

private:
    std::mutex mutex_;
    std::map<QString, QByteArray> secrets_;
};

// The documented fallback where no keyring answers (docs/architecture.md,
// "Encryption at rest"): one file per secret, `DIR/<name>.key`, created
// 0600 and written atomically. It keeps a secret from other accounts on the
// machine, not from someone holding the disk.
class FileKeyStore final : public KeyStore {
public:
    explicit FileKeyStore(std::filesystem::path dir) : dir_(std::move(dir)) { }

    Expected<std::optional<QByteArray>, KeyStoreError> read(const QString& name) override;
    std::optional<KeyStoreError> write(const QString& name, const QByteArray& secret) override;
    std::optional<KeyStoreError> remove(const QString& name) override;
    QString describe() const override { return QStringLiteral("a file in the data dir"); }

    std::filesystem::path fileFor(const QString& name) const;

private:
    std::filesystem::path dir_;
};

// Reads `name`, or stores a fresh random secret of `bytes` bytes under it
// and returns that. A secret is only returned once it is stored, so nothing
// is ever protected with a key that was not kept.
Expected<QByteArray, KeyStoreError> loadOrCreateSecret(KeyStore& store, const QString& name, int bytes = 32);

} // namespace spoke::security
