#include "sync/TokenStore.h"

#include "security/KeychainJob.h"

#include <qt6keychain/keychain.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace spoke::sync {

namespace {

const QString kService = QStringLiteral("spoke-hub");

QString keyFor(const QString& hubUrl, const QString& email)
{
    return hubUrl + QLatin1Char(' ') + email.toLower();
}

} // namespace

TokenStore::TokenStore(Options options) : options_(std::move(options)) { }

TokenStore::KeyringAnswer TokenStore::keyringWrite(const QString& key, const QString& token)
{
    if (options_.fileOnly)
        return KeyringAnswer::Unavailable;
    const security::KeychainOutcome outcome = security::runKeychainJob(
        [key, token]() -> QKeychain::Job* {
            auto* job = new QKeychain::WritePasswordJob(kService);
            job->setKey(key);
            job->setTextData(token);
            return job;
        },
        options_.keyringTimeoutMs);
    return outcome.finished && outcome.error == QKeychain::NoError ? KeyringAnswer::Done : KeyringAnswer::Unavailable;
}

TokenStore::KeyringAnswer TokenStore::keyringRead(const QString& key, QString& token)
{
    if (options_.fileOnly)
        return KeyringAnswer::Unavailable;
    const security::KeychainOutcome outcome = security::runKeychainJob(
        [key]() -> QKeychain::Job* {
            auto* job = new QKeychain::ReadPasswordJob(kService);
            job->setKey(key);
            return job;
        },
        options_.keyringTimeoutMs);
    if (!outcome.finished)
        return KeyringAnswer::Unavailable;
    if (outcome.error == QKeychain::EntryNotFound)
        return KeyringAnswer::NotFound;
    if (outcome.error != QKeychain::NoError)
        return KeyringAnswer::Unavailable;
    token = outcome.text;
    return KeyringAnswer::Done;
}

void TokenStore::keyringDelete(const QString& key)
{
    if (options_.fileOnly)
        return;
    security::runKeychainJob(
        [key]() -> QKeychain::Job* {
            auto* job = new QKeychain::DeletePasswordJob(kService);
            job->setKey(key);
            return job;
        },
        options_.keyringTimeoutMs);
}

Expected<TokenStore::Backend, SyncError> TokenStore::save(const QString& hubUrl, const QString& email,
                                                          const QString& token)
{
    const QString key = keyFor(hubUrl, email);
    remembered_.reset();
    if (keyringWrite(key, token) == KeyringAnswer::Done) {
        QFile::remove(QString::fromStdString(fallbackFile().string()));
        remembered_ = {key, token};
        return Backend::Keyring;
    }
    // QSaveFile writes a temporary file in the same directory and renames it,
    // so a crash leaves the old token or the new one, never half of one. The
    // temporary file is created 0600 before any byte of the token is written.
    std::error_code ignored;
    std::filesystem::create_directories(options_.dataDir, ignored);
    QSaveFile file(QString::fromStdString(fallbackFile().string()));
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return SyncError{SyncErrorKind::Keyring, 0, {}, file.errorString()};
    }
    const QJsonObject object{{QStringLiteral("key"), key}, {QStringLiteral("token"), token}};
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return SyncError{SyncErrorKind::Keyring, 0, {}, file.errorString()};
    remembered_ = {key, token};
    return Backend::File;
}

std::optional<QString> TokenStore::load(const QString& hubUrl, const QString& email)
{
    const QString key = keyFor(hubUrl, email);
    if (remembered_ && remembered_->first == key)
        return remembered_->second;
    QString token;
    if (keyringRead(key, token) == KeyringAnswer::Done && !token.isEmpty()) {
        remembered_ = {key, token};
        return token;
    }
    QFile file(QString::fromStdString(fallbackFile().string()));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    if (object.value(QLatin1String("key")).toString() != key)
        return std::nullopt;
    token = object.value(QLatin1String("token")).toString();
    if (token.isEmpty())
        return std::nullopt;
    remembered_ = {key, token};
    return token;
}

void TokenStore::remove(const QString& hubUrl, const QString& email)
{
    remembered_.reset();
    keyringDelete(keyFor(hubUrl, email));
    QFile::remove(QString::fromStdString(fallbackFile().string()));
}

} // namespace spoke::sync
