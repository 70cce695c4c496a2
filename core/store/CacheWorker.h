#pragma once

#include "store/Cache.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

namespace spoke::store {

// The answer of one job run on the cache thread: a value, or the error text.
template <class T> struct Outcome {
    std::optional<T> value;
    QString error;
    bool ok() const { return value.has_value(); }
};

// Owns the cache connection on a thread of its own, so SQLite never runs on
// the UI thread. Jobs run in the order they were posted; each result is
// delivered on the thread the CacheWorker lives on, and only while the
// receiver given with the job still exists.
class CacheWorker : public QObject {
    Q_OBJECT
public:
    explicit CacheWorker(std::filesystem::path cacheFile, QObject* parent = nullptr);
    ~CacheWorker() override;

    template <class T> void run(QObject* receiver, std::function<T(Cache&)> job, std::function<void(Outcome<T>)> done)
    {
        QPointer<QObject> guard(receiver);
        post([this, guard, job = std::move(job), done = std::move(done)](Cache* cache) mutable {
            Outcome<T> outcome;
            if (!cache) {
                outcome.error = openError_;
            } else {
                try {
                    outcome.value = job(*cache);
                } catch (const std::exception& error) {
                    outcome.error = QString::fromUtf8(error.what());
                }
            }
            // Delivered through this object, which outlives every job, and
            // checked on the receiving thread, where the receiver is deleted.
            QMetaObject::invokeMethod(
                this,
                [guard, done = std::move(done), outcome = std::move(outcome)]() {
                    if (guard)
                        done(outcome);
                },
                Qt::QueuedConnection);
        });
    }

    // Blocks until every job posted so far has finished (tests, shutdown).
    void drain();

Q_SIGNALS:
    // Emitted once, on this object's thread, when the cache cannot be opened.
    void openFailed(const QString& message);

private:
    void post(std::function<void(Cache*)> job);

    QThread thread_;
    QObject* threadContext_ = nullptr; // lives on thread_
    std::unique_ptr<Cache> cache_; // touched only on thread_
    QString openError_; // written on thread_ before any job runs
};

} // namespace spoke::store
