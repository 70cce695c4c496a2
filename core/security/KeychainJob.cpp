#include "security/KeychainJob.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSemaphore>
#include <QThread>
#include <QTimer>

#include <memory>
#include <mutex>

namespace spoke::security {

namespace {

// What a job's finished handler hands to the waiting thread.
struct JobWait {
    QSemaphore done;
    std::mutex mutex;
    KeychainOutcome outcome;
};

} // namespace

KeychainOutcome runKeychainJob(std::function<QKeychain::Job*()> makeJob, int timeoutMs)
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
                if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(finished)) {
                    wait->outcome.text = read->textData();
                    wait->outcome.binary = read->binaryData();
                }
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

} // namespace spoke::security
