#include "store/CacheWorker.h"

#include <QSemaphore>

namespace spoke::store {

CacheWorker::CacheWorker(std::filesystem::path cacheFile, QObject* parent) : QObject(parent)
{
    thread_.setObjectName(QStringLiteral("spoke-cache"));
    threadContext_ = new QObject;
    threadContext_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, threadContext_, &QObject::deleteLater);
    thread_.start();

    QMetaObject::invokeMethod(threadContext_, [this, file = std::move(cacheFile)]() {
        try {
            cache_ = std::make_unique<Cache>(Cache::open(file));
        } catch (const std::exception& error) {
            openError_ = QString::fromUtf8(error.what());
            QMetaObject::invokeMethod(
                this, [this, message = openError_]() { Q_EMIT openFailed(message); }, Qt::QueuedConnection);
        }
    });
}

CacheWorker::~CacheWorker()
{
    // Close the connection on the thread that opened it, then stop.
    QMetaObject::invokeMethod(threadContext_, [this]() { cache_.reset(); });
    thread_.quit();
    thread_.wait();
}

void CacheWorker::post(std::function<void(Cache*)> job)
{
    QMetaObject::invokeMethod(threadContext_, [this, job = std::move(job)]() { job(cache_.get()); });
}

void CacheWorker::drain()
{
    QSemaphore done;
    QMetaObject::invokeMethod(threadContext_, [&done]() { done.release(); });
    done.acquire();
}

} // namespace spoke::store
