// The app's side: a SyncWorker on its own thread against a real spoke-hub.
// A submitted case is delivered without being asked, and a recommendation
// written on the hub arrives through the event socket's hint alone.

#include "SyncTestSupport.h"
#include "support/TempDir.h"

#include "store/Cache.h"
#include "sync/SyncWorker.h"
#include "util/DataDir.h"

#include <QCoreApplication>

namespace spoke::test {

namespace {

// Runs the test thread's event loop until `done` or the timeout.
bool spinUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return done();
}

} // namespace

TEST_CASE("SyncWorker delivers a submitted case and hears of the recommendation through the event socket",
          "[sync][worker]")
{
    TempDir dirs;
    const HubStorage storage{dirs / "hub", {}};
    std::filesystem::create_directories(storage.dataDir);
    const HubSetup setup = setUpHub(storage);
    HubProcess hub(storage);
    Laptop clinician(dirs / "clinician");
    Laptop specialist(dirs / "specialist");
    join(clinician, hub.url(), setup.clinicianInvite, "amina@clinic.example", "Amina");
    join(specialist, hub.url(), setup.specialistInvite, "kiprop@hub.example", "Dr Kiprop");
    const qint64 caseId = clinician.importCase(cleanCase("ECHO-TB-W001")).toLongLong();

    sync::SyncWorker::Options options;
    options.dataDir = clinician.dataDir();
    options.periodicSyncMs = 10 * 60 * 1000; // long: only events and local changes may trigger a pass
    sync::SyncWorker worker(options);
    sync::HubAccount account;
    sync::SyncState state;
    QList<qint64> arrived;
    bool submitted = false;
    QObject::connect(&worker, &sync::SyncWorker::accountChanged, [&](const sync::HubAccount& a) { account = a; });
    QObject::connect(&worker, &sync::SyncWorker::syncStateChanged, [&](const sync::SyncState& s) { state = s; });
    QObject::connect(&worker, &sync::SyncWorker::recommendationsArrived,
                     [&](const QList<qint64>& ids) { arrived += ids; });
    QObject::connect(&worker, &sync::SyncWorker::caseSubmitted, [&](qint64 id) { submitted = id == caseId; });
    worker.start();

    REQUIRE(spinUntil([&] { return account.signedIn; }, 20'000));
    CHECK(account.email == "amina@clinic.example");
    REQUIRE(account.memberships.size() == 1);
    CHECK(account.memberships[0].role == sync::HubRole::Clinician);
    REQUIRE(spinUntil([&] { return state.online; }, 20'000));

    worker.submitCase(caseId);
    REQUIRE(spinUntil([&] { return submitted; }, 20'000));
    REQUIRE(spinUntil([&] { return !state.syncing && state.pendingCount == 0 && state.lastSuccessMs.has_value(); },
                      20'000));
    CHECK(state.lastError.ok());

    // The specialist writes; only the hub's event tells the worker to pull.
    const QJsonArray queue = specialist.run({"review", "queue", "--json"}).jsonArray();
    REQUIRE(queue.size() == 1);
    const QString text = specialist.file("rec.txt", "Start the intensive phase again with adherence support.");
    REQUIRE(specialist
                .run({"review", "recommend", QString::number(queue.first().toObject().value("id").toInteger()),
                      "--text-file", text})
                .exitCode
            == 0);
    REQUIRE(spinUntil([&] { return arrived.contains(caseId); }, 20'000));

    QList<sync::CaseSyncState> states;
    QObject::connect(&worker, &sync::SyncWorker::caseSyncStatesLoaded,
                     [&](const QList<sync::CaseSyncState>& s) { states = s; });
    worker.loadCaseSyncStates();
    REQUIRE(spinUntil([&] { return !states.isEmpty(); }, 10'000));
    CHECK(states.first().delivery == sync::CaseSyncState::Delivery::Sent);
    CHECK(states.first().hubStatus == sync::HubCaseStatus::RecommendationsSent);
}

TEST_CASE("SyncWorker says offline with the hub down and keeps the case waiting", "[sync][worker]")
{
    TempDir dirs;
    const HubStorage storage{dirs / "hub", {}};
    std::filesystem::create_directories(storage.dataDir);
    const HubSetup setup = setUpHub(storage);
    HubProcess hub(storage);
    Laptop clinician(dirs / "clinician");
    join(clinician, hub.url(), setup.clinicianInvite, "amina@clinic.example", "Amina");
    const qint64 caseId = clinician.importCase(cleanCase("ECHO-TB-W002")).toLongLong();
    hub.stop();

    sync::SyncWorker::Options options;
    options.dataDir = clinician.dataDir();
    options.listenForEvents = false;
    sync::SyncWorker worker(options);
    sync::SyncState state;
    std::optional<sync::SubmitFailure> failure;
    QObject::connect(&worker, &sync::SyncWorker::syncStateChanged, [&](const sync::SyncState& s) { state = s; });
    QObject::connect(&worker, &sync::SyncWorker::submitFailed, [&](const sync::SubmitFailure& f) { failure = f; });
    worker.start();
    worker.submitCase(caseId);
    worker.submitCase(987654); // no such case
    REQUIRE(spinUntil([&] { return failure.has_value(); }, 20'000));
    CHECK(failure->reason == sync::SubmitFailure::Reason::NoSuchCase);
    REQUIRE(spinUntil([&] { return !state.syncing && state.lastError.kind == sync::SyncErrorKind::Offline; }, 20'000));
    CHECK(state.pendingCount == 1);
    CHECK_FALSE(state.online);
}

} // namespace spoke::test

namespace spoke::test {

TEST_CASE("SyncWorker redeems an invite, registers for a session through the outbox, and signs out", "[sync][worker]")
{
    TempDir dirs;
    const HubStorage storage{dirs / "hub", {}};
    std::filesystem::create_directories(storage.dataDir);
    const HubSetup setup = setUpHub(storage);
    HubProcess hub(storage);

    sync::SyncWorker::Options options;
    options.dataDir = dirs / "clinician";
    options.listenForEvents = false;
    sync::SyncWorker worker(options);
    sync::HubAccount account;
    sync::SyncState state;
    std::optional<sync::SyncError> failed;
    std::optional<qint64> queued;
    QObject::connect(&worker, &sync::SyncWorker::accountChanged, [&](const sync::HubAccount& a) { account = a; });
    QObject::connect(&worker, &sync::SyncWorker::syncStateChanged, [&](const sync::SyncState& s) { state = s; });
    QObject::connect(&worker, &sync::SyncWorker::operationFailed,
                     [&](sync::SyncWorker::Operation, const sync::SyncError& e) { failed = e; });
    QObject::connect(&worker, &sync::SyncWorker::actionQueued,
                     [&](sync::SyncWorker::Operation, qint64 id) { queued = id; });
    worker.start();

    // A wrong code is a typed failure, not a sentence.
    worker.redeemInvite(hub.url(), "NOT-A-CODE", "amina@clinic.example", "Amina", "a long enough password");
    REQUIRE(spinUntil([&] { return failed.has_value(); }, 20'000));
    CHECK(failed->kind == sync::SyncErrorKind::NotFound);
    CHECK_FALSE(account.signedIn);

    worker.redeemInvite(hub.url(), setup.clinicianInvite, "amina@clinic.example", "Amina", "a long enough password");
    REQUIRE(spinUntil([&] { return account.signedIn; }, 20'000));
    REQUIRE(account.memberships.size() == 1);
    CHECK(account.memberships[0].programme.kind == "tb");
    REQUIRE(spinUntil([&] { return !state.syncing && state.lastSuccessMs.has_value(); }, 20'000));

    std::int64_t localSession = 0;
    {
        auto cache = store::Cache::open(cacheFileIn(options.dataDir));
        const auto sessions = cache.sessions().list(store::SessionStore::When::All, 0);
        REQUIRE(sessions.size() == 1);
        localSession = sessions[0].session.id;
    }
    worker.registerAttendance(localSession);
    REQUIRE(spinUntil([&] { return queued.has_value(); }, 20'000));
    REQUIRE(spinUntil([&] { return !state.syncing && state.pendingCount == 0; }, 20'000));
    worker.syncNow(); // the attendance row comes back with the pull
    REQUIRE(spinUntil(
        [&] {
            auto cache = store::Cache::open(cacheFileIn(options.dataDir));
            return cache.db().queryInt("SELECT count(*) FROM hub_attendance") == 1;
        },
        20'000));

    worker.signOut();
    REQUIRE(spinUntil([&] { return !account.signedIn; }, 20'000));
    CHECK(account.email == "amina@clinic.example"); // kept for the sign-in form
    CHECK_FALSE(std::filesystem::exists(options.dataDir / "hub-token.json"));
}

} // namespace spoke::test

#include "sync/EventListener.h"

namespace spoke::test {

TEST_CASE("The event socket reconnects after 1 s doubling to 60 s, at the hub's events path", "[sync][events]")
{
    CHECK(sync::EventListener::reconnectDelayMs(0) == 1'000);
    CHECK(sync::EventListener::reconnectDelayMs(1) == 2'000);
    CHECK(sync::EventListener::reconnectDelayMs(5) == 32'000);
    CHECK(sync::EventListener::reconnectDelayMs(6) == 60'000);
    CHECK(sync::EventListener::reconnectDelayMs(100) == 60'000);
    CHECK(sync::EventListener::eventsUrl(QUrl("http://127.0.0.1:8080")).toString()
          == "ws://127.0.0.1:8080/api/v1/events");
    CHECK(sync::EventListener::eventsUrl(QUrl("https://hub.example.org/echo/")).toString()
          == "wss://hub.example.org/echo/api/v1/events");
}

TEST_CASE("After the hub restarts, the event socket comes back and its hints still bring recommendations",
          "[sync][events][worker]")
{
    TempDir dirs;
    const HubStorage storage{dirs / "hub", {}};
    std::filesystem::create_directories(storage.dataDir);
    const HubSetup setup = setUpHub(storage);
    HubProcess hub(storage);
    Laptop clinician(dirs / "clinician");
    Laptop specialist(dirs / "specialist");
    join(clinician, hub.url(), setup.clinicianInvite, "amina@clinic.example", "Amina");
    join(specialist, hub.url(), setup.specialistInvite, "kiprop@hub.example", "Dr Kiprop");
    REQUIRE(clinician.run({"cases", "submit", clinician.importCase(cleanCase("ECHO-TB-E001"))}).exitCode == 0);
    REQUIRE(clinician.run({"sync"}).exitCode == 0);

    sync::SyncWorker::Options options;
    options.dataDir = clinician.dataDir();
    options.periodicSyncMs = 10 * 60 * 1000;
    sync::SyncWorker worker(options);
    sync::SyncState state;
    QList<qint64> arrived;
    QObject::connect(&worker, &sync::SyncWorker::syncStateChanged, [&](const sync::SyncState& s) { state = s; });
    QObject::connect(&worker, &sync::SyncWorker::recommendationsArrived,
                     [&](const QList<qint64>& ids) { arrived += ids; });
    worker.start();
    REQUIRE(spinUntil([&] { return state.online && !state.syncing; }, 20'000));

    hub.kill();
    REQUIRE(spinUntil([&] { return !state.online; }, 10'000)); // the socket dropped
    hub.start(); // same port and data
    const QJsonArray queue = specialist.run({"review", "queue", "--json"}).jsonArray();
    REQUIRE(queue.size() == 1);
    // Back within the first back-off steps (1 s, 2 s, 4 s, plus jitter).
    REQUIRE(spinUntil([&] { return state.online; }, 15'000));
    QElapsedTimer sinceRecommendation;
    REQUIRE(specialist
                .run({"review", "recommend", QString::number(queue.first().toObject().value("id").toInteger()),
                      "--item", "Repeat the smear at month 3"})
                .exitCode
            == 0);
    sinceRecommendation.start();
    REQUIRE(spinUntil([&] { return !arrived.isEmpty(); }, 20'000));
    INFO("recommendation arrived " << sinceRecommendation.elapsed() << " ms after it was written");
    CHECK(sinceRecommendation.elapsed() < 10'000);
}

} // namespace spoke::test
