#include "sync/TokenStore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSemaphore>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <mutex>

namespace spoke::sync {

namespace {

const QString kService = QStringLiteral("spoke-hub");

QString keyFor(const QString& hubUrl, const QString& email)
{
    return hubUrl + QLatin1Char(' ') + email.toLower();
}

struct JobOutcome {
    bool finished = false;
    QKeychain::Error error = QKeychain::OtherError;
    QString text;
};

// What a job's finished handler hands to the waiting thread.
struct JobWait {
    QSemaphore done;
    std::mutex mutex;
    JobOutcome outcome;
};

// Runs a keychain job on the application's main thread, where QtKeychain
// keeps its one job executor (it is not thread-safe), and waits at most
// `timeoutMs` for it: a keyring that hangs must not hang the caller. The job
// deletes itself when it ends, also after a timeout, so nothing here frees
// what the keychain may still use.
JobOutcome runJob(std::function<QKeychain::Job*()> makeJob, int timeoutMs)
{
    QCoreApplication* app = QCoreApplication::instance();
    if (!app)
        return {};
    auto wait = std::make_shared<JobWait>();
    auto start = [wait, makeJob = std::move(makeJob)] {
        QKeychain::Job* job = makeJob();
        job->setAutoDelete(true);
        QObject::connect(job, &QKeychain::Job::finished, job, [wait](QKeychain::Job* finished) {
            {
                const std::lock_guard lock(wait->mutex);
                wait->outcome.finished = true;
                wait->outcome.error = finished->error();
                if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(finished))
                    wait->outcome.text = read->textData();
            }
            wait->done.release();
        });
        job->start();
    };
    if (QThread::currentThread() == app->thread()) {
        start();
        QElapsedTimer timer;
        timer.start();
        while (!wait->done.tryAcquire() && timer.elapsed() < timeoutMs) {
            QEventLoop slice; // sleeps in the event loop instead of spinning
            QTimer::singleShot(20, &slice, &QEventLoop::quit);
            slice.exec();
        }
    } else {
        QMetaObject::invokeMethod(app, std::move(start), Qt::QueuedConnection);
        wait->done.tryAcquire(1, timeoutMs);
    }
    const std::lock_guard lock(wait->mutex);
    return wait->outcome;
}

} // namespace

TokenStore::TokenStore(Options options) : options_(std::move(options)) { }

TokenStore::KeyringAnswer TokenStore::keyringWrite(const QString& key, const QString& token)
{
    if (options_.fileOnly)
        return KeyringAnswer::Unavailable;
    const JobOutcome outcome = runJob(
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
    const JobOutcome outcome = runJob(
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
    runJob(
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
