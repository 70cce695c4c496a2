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
    const RunResult imported =
        clinician.run({"cases", "import", clinician.file("case.json", cleanCase("ECHO-TB-W001"))});
    REQUIRE(imported.exitCode == 0);
    const qint64 caseId = imported.out.trimmed().toLongLong();

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
    const RunResult imported =
        clinician.run({"cases", "import", clinician.file("case.json", cleanCase("ECHO-TB-W002"))});
    REQUIRE(imported.exitCode == 0);
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
    worker.submitCase(imported.out.trimmed().toLongLong());
    worker.submitCase(987654); // no such case
    REQUIRE(spinUntil([&] { return failure.has_value(); }, 20'000));
    CHECK(failure->reason == sync::SubmitFailure::Reason::NoSuchCase);
    REQUIRE(spinUntil([&] { return !state.syncing && state.lastError.kind == sync::SyncErrorKind::Offline; }, 20'000));
    CHECK(state.pendingCount == 1);
    CHECK_FALSE(state.online);
}

} // namespace spoke::test
