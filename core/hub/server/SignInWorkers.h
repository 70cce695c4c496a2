#pragma once

#include "hub/api/HttpTypes.h"
#include "hub/api/Router.h"
#include "hub/db/HubDatabase.h"

#include <QObject>
#include <QThread>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace spoke::hub::server {

// Runs the sign-in routes (api::Work::PasswordHashing: redeem and login, one
// Argon2id of 64 MiB and 200-500 ms each) on a few worker threads, so that
// the event loop keeps answering every other request meanwhile. Each worker
// opens its own HubDatabase on its own thread (QtSql connections may not
// cross threads) and asks its own api::Router, so a sign-in is answered
// exactly as on the event loop; the answer comes back to the thread that
// submitted it.
//
// The number waiting is bounded: submit() refuses once `workers` are busy
// and `maxWaiting` more are queued, and the server answers 503 with
// Retry-After instead of holding an unbounded crowd (docs/hub-api.md).
//
// Thread: created, used and destroyed on the hub's event-loop thread; the
// worker threads touch only the job queue (under its mutex) and their own
// database, identity and router.
class SignInWorkers : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(api::RouteOutcome)>;

    SignInWorkers(HubDatabaseLocation location, int workers, int maxWaiting, QObject* parent = nullptr);
    // Drops what is still queued and waits for the running sign-ins (each
    // ends within a hash and the database's busy timeout).
    ~SignInWorkers() override;

    // Queues the request for a worker; `done` is called later, on this
    // object's thread, with the router's outcome. `route` is the request's
    // pattern, for the 503 a worker answers when it cannot reach the
    // database. False, and `done` is never called, when the queue is full
    // or stop() was called.
    bool submit(api::HttpRequest request, qint64 nowMs, const QString& route, Done done);

    // Takes no more sign-ins; drained() follows once every accepted one has
    // been answered (at once when none is in flight).
    void stop();
    bool idle() const { return pending_.empty(); }
    int workerCount() const { return int(threads_.size()); }

    // What `spoke-hub serve` uses: one worker per core, at most 4 (each
    // running hash holds 64 MiB), and 8 waiting per worker (at 200-500 ms a
    // hash, about two seconds of queue).
    static int defaultWorkers();
    static constexpr int kWaitingPerWorker = 8;

Q_SIGNALS:
    void drained();

private:
    struct Job {
        std::uint64_t id = 0;
        api::HttpRequest request;
        qint64 nowMs = 0;
        QString route;
    };

    void runWorker();
    void finish(std::uint64_t id, api::RouteOutcome outcome);

    const HubDatabaseLocation location_;
    const std::size_t capacity_; // running + waiting

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_; // guarded by mutex_
    bool shuttingDown_ = false; // guarded by mutex_: workers exit

    // Event-loop thread only.
    std::vector<std::unique_ptr<QThread>> threads_;
    std::unordered_map<std::uint64_t, Done> pending_; // queued or running
    std::uint64_t nextId_ = 1;
    bool stopped_ = false;
};

} // namespace spoke::hub::server
