#include "sync/TokenStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

namespace spoke::sync {

namespace {

const QString kService = QStringLiteral("spoke-hub");

QString keyFor(const QString& hubUrl, const QString& email)
{
    return hubUrl + QLatin1Char(' ') + email.toLower();
}

// Runs a keychain job to its end, or gives up after `timeoutMs` (a keyring
// that hangs must not hang the sync thread).
bool runJob(QKeychain::Job& job, int timeoutMs)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}

} // namespace

TokenStore::TokenStore(Options options) : options_(std::move(options)) { }

TokenStore::KeyringAnswer TokenStore::keyringWrite(const QString& key, const QString& token)
{
    if (options_.fileOnly)
        return KeyringAnswer::Unavailable;
    QKeychain::WritePasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(key);
    job.setTextData(token);
    if (!runJob(job, options_.keyringTimeoutMs) || job.error() != QKeychain::NoError)
        return KeyringAnswer::Unavailable;
    return KeyringAnswer::Done;
}

TokenStore::KeyringAnswer TokenStore::keyringRead(const QString& key, QString& token)
{
    if (options_.fileOnly)
        return KeyringAnswer::Unavailable;
    QKeychain::ReadPasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(key);
    if (!runJob(job, options_.keyringTimeoutMs))
        return KeyringAnswer::Unavailable;
    if (job.error() == QKeychain::EntryNotFound)
        return KeyringAnswer::NotFound;
    if (job.error() != QKeychain::NoError)
        return KeyringAnswer::Unavailable;
    token = job.textData();
    return KeyringAnswer::Done;
}

void TokenStore::keyringDelete(const QString& key)
{
    if (options_.fileOnly)
        return;
    QKeychain::DeletePasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(key);
    runJob(job, options_.keyringTimeoutMs);
}

Expected<TokenStore::Backend, SyncError> TokenStore::save(const QString& hubUrl, const QString& email,
                                                          const QString& token)
{
    const QString key = keyFor(hubUrl, email);
    if (keyringWrite(key, token) == KeyringAnswer::Done) {
        QFile::remove(QString::fromStdString(fallbackFile().string()));
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
    return Backend::File;
}

std::optional<QString> TokenStore::load(const QString& hubUrl, const QString& email)
{
    const QString key = keyFor(hubUrl, email);
    QString token;
    if (keyringRead(key, token) == KeyringAnswer::Done && !token.isEmpty())
        return token;
    QFile file(QString::fromStdString(fallbackFile().string()));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    if (object.value(QLatin1String("key")).toString() != key)
        return std::nullopt;
    token = object.value(QLatin1String("token")).toString();
    return token.isEmpty() ? std::nullopt : std::optional(token);
}

void TokenStore::remove(const QString& hubUrl, const QString& email)
{
    keyringDelete(keyFor(hubUrl, email));
    QFile::remove(QString::fromStdString(fallbackFile().string()));
}

} // namespace spoke::sync
