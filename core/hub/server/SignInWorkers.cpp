#include "hub/server/SignInWorkers.h"

#include "hub/api/Metrics.h"
#include "hub/identity/Identity.h"

#include <QDebug>

#include <algorithm>

namespace spoke::hub::server {

namespace {

// What one worker thread owns: its connection and a router on top of it.
// Its Metrics is never rendered; the event loop counts every request.
struct WorkerHub {
    explicit WorkerHub(std::unique_ptr<HubDatabase> opened)
        : db(std::move(opened))
        , identity(*db)
        , router(*db, identity, metrics)
    {
    }
    std::unique_ptr<HubDatabase> db;
    Identity identity;
    api::Metrics metrics;
    api::Router router;
};

api::RouteOutcome unavailable(const QString& route)
{
    api::RouteOutcome outcome;
    outcome.route = route;
    outcome.response = api::HttpResponse::error(
        503, QStringLiteral("unavailable"), QStringLiteral("the hub's database cannot be reached; try again later"));
    return outcome;
}

} // namespace

SignInWorkers::SignInWorkers(HubDatabaseLocation location, int workers, int maxWaiting, QObject* parent)
    : QObject(parent)
    , location_(std::move(location))
    , capacity_(std::size_t(std::max(workers, 1) + std::max(maxWaiting, 0)))
{
    for (int i = 0; i < std::max(workers, 1); ++i) {
        threads_.emplace_back(QThread::create([this] { runWorker(); }));
        threads_.back()->setObjectName(QStringLiteral("sign-in %1").arg(i + 1));
        threads_.back()->start();
    }
}

SignInWorkers::~SignInWorkers()
{
    {
        std::lock_guard lock(mutex_);
        shuttingDown_ = true;
        queue_.clear();
    }
    wake_.notify_all();
    for (const auto& thread : threads_)
        thread->wait();
}

int SignInWorkers::defaultWorkers()
{
    return std::clamp(QThread::idealThreadCount(), 1, 4);
}

bool SignInWorkers::submit(api::HttpRequest request, qint64 nowMs, const QString& route, Done done)
{
    if (stopped_ || pending_.size() >= capacity_)
        return false;
    const std::uint64_t id = nextId_++;
    pending_.emplace(id, std::move(done));
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(Job{id, std::move(request), nowMs, route});
    }
    wake_.notify_one();
    return true;
}

void SignInWorkers::stop()
{
    stopped_ = true;
    if (pending_.empty())
        Q_EMIT drained();
}

void SignInWorkers::runWorker()
{
    std::unique_ptr<WorkerHub> hub;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return shuttingDown_ || !queue_.empty(); });
            if (shuttingDown_)
                return;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        api::RouteOutcome outcome;
        try {
            // Opened on first use, and again after a failed open: a database
            // that was down at start does not disable sign-in for good.
            if (!hub)
                hub = std::make_unique<WorkerHub>(HubDatabase::open(location_));
            outcome = hub->router.handle(job.request, job.nowMs);
        } catch (const HubDbError& error) {
            qWarning("spoke-hub: %s: the sign-in worker cannot open the database: %s", qPrintable(job.route),
                     error.what());
            outcome = unavailable(job.route);
        }
        QMetaObject::invokeMethod(
            this, [this, id = job.id, answered = std::move(outcome)]() mutable { finish(id, std::move(answered)); },
            Qt::QueuedConnection);
    }
}

void SignInWorkers::finish(std::uint64_t id, api::RouteOutcome outcome)
{
    const auto found = pending_.find(id);
    if (found == pending_.end())
        return;
    const Done done = std::move(found->second);
    pending_.erase(found);
    done(std::move(outcome));
    if (stopped_ && pending_.empty())
        Q_EMIT drained();
}

} // namespace spoke::hub::server
