// Faults (issue 11, "Must show"): 50 cases are syncing when the hub, or the
// client, is killed with SIGKILL. After a restart and one more sync the hub
// holds exactly 50 cases, none twice, and every outbox row on the laptop is
// sent: idempotency keys on the hub, markSent only after the hub's answer
// is recorded (docs/hub-api.md "Client rules").

#include "SyncTestSupport.h"
#include "support/TempDir.h"

#include "cases/DeidGate.h"
#include "cases/SchemaRegistry.h"
#include "store/Cache.h"
#include "sync/CaseSubmission.h"
#include "sync/HubClient.h"
#include "util/DataDir.h"

#include <QSet>

namespace spoke::test {

namespace {

constexpr int kCases = 50;

// Imports and submits `count` clean cases on the laptop's cache, in process
// (the CLI path is the same CaseSubmission; 100 process starts would only
// slow the test).
void queueCases(const Laptop& laptop, int count)
{
    auto cache = store::Cache::open(cacheFileIn(laptop.dataDir()));
    sync::CaseSubmission submission(cache, cases::DeidGate::builtIn(), cases::SchemaRegistry::builtIn());
    for (int i = 0; i < count; ++i) {
        const QString code = QStringLiteral("ECHO-TB-F%1").arg(i + 100);
        const auto document = cases::CaseDocument::fromJson(cleanCase(code));
        const auto id = submission.importDocument(document, store::currentTimeMs());
        REQUIRE(id.ok());
        const auto queued = submission.submit(*id, store::currentTimeMs());
        INFO(code.toStdString() << " " << (queued ? "" : sync::toString(queued.error().reason).toStdString()));
        REQUIRE(queued.ok());
    }
    REQUIRE(cache.outbox().pendingCount() == count);
}

// The cases the hub holds, by case code, as the specialist's review queue lists them.
QStringList hubCaseCodes(const QString& url, const QString& specialistToken)
{
    sync::HubClient client(QUrl(url), 5'000);
    client.setToken(specialistToken);
    auto body = client.call("GET", QStringLiteral("api/v1/review/queue"));
    if (!body)
        return {};
    const auto queue = sync::parseQueueAnswer(*body);
    REQUIRE(queue.ok());
    QStringList codes;
    for (const sync::HubCase& c : *queue)
        codes << c.caseCode;
    return codes;
}

struct Scene {
    TempDir dirs;
    HubStorage storage{dirs / "hub", {}};
    HubSetup setup;
    std::unique_ptr<HubProcess> hub;
    Laptop clinician{dirs / "clinician"};
    Laptop specialist{dirs / "specialist"};
    QString specialistToken;

    Scene()
    {
        std::filesystem::create_directories(storage.dataDir);
        setup = setUpHub(storage);
        hub = std::make_unique<HubProcess>(storage);
        join(clinician, hub->url(), setup.clinicianInvite, "amina@clinic.example", "Amina");
        join(specialist, hub->url(), setup.specialistInvite, "kiprop@hub.example", "Dr Kiprop");
        specialistToken = QString::fromUtf8(specialist.run({"hub", "token"}).out.trimmed());
        REQUIRE(!specialistToken.isEmpty());
        queueCases(clinician, kCases);
    }

    // Starts `spoke-cli sync` and returns once the hub has at least one of the cases.
    std::unique_ptr<QProcess> startSyncAndWaitForFirstCase(int& casesAtHub)
    {
        auto sync = std::make_unique<QProcess>();
        sync->start(QStringLiteral(SPOKE_CLI_PATH), clinician.argsFor({"sync", "--json"}));
        REQUIRE(sync->waitForStarted(10'000));
        const bool some = waitFor(
            [&] {
                casesAtHub = static_cast<int>(hubCaseCodes(hub->url(), specialistToken).size());
                return casesAtHub > 0;
            },
            30'000);
        REQUIRE(some);
        return sync;
    }

    void checkExactlyOnce()
    {
        const QStringList codes = hubCaseCodes(hub->url(), specialistToken);
        CHECK(codes.size() == kCases);
        CHECK(QSet<QString>(codes.begin(), codes.end()).size() == kCases);
        auto cache = store::Cache::open(cacheFileIn(clinician.dataDir()));
        CHECK(cache.outbox().pendingCount() == 0);
        CHECK(cache.db().queryInt("SELECT count(*) FROM outbox WHERE sent_ms IS NOT NULL") == kCases);
        CHECK(cache.db().queryInt("SELECT count(*) FROM case_delivery WHERE state = 'sent'") == kCases);
        CHECK(cache.db().queryInt("SELECT count(*) FROM cases WHERE status = 'submitted'") == kCases);
    }
};

} // namespace

TEST_CASE("The hub killed with SIGKILL mid-sync: after a restart and a sync it holds each of 50 cases once",
          "[sync][faults]")
{
    Scene scene;
    int atKill = 0;
    auto sync = scene.startSyncAndWaitForFirstCase(atKill);
    scene.hub->kill();
    INFO("cases at the hub when it was killed: " << atKill);
    CHECK(atKill < kCases); // killed mid-sync, not after it
    REQUIRE(sync->waitForFinished(60'000));
    CHECK(sync->exitCode() == 1); // the hub went away under it
    const QJsonObject interrupted = QJsonDocument::fromJson(sync->readAllStandardOutput()).object();
    CHECK(interrupted.value("pending").toInt() > 0);

    scene.hub->start();
    const RunResult again = scene.clinician.run({"sync", "--json"});
    INFO(again.err.toStdString());
    REQUIRE(again.exitCode == 0);
    CHECK(again.json().value("pending").toInt() == 0);
    scene.checkExactlyOnce();
}

TEST_CASE("The client killed with SIGKILL mid-sync: a second sync leaves each of 50 cases once at the hub",
          "[sync][faults]")
{
    Scene scene;
    int atKill = 0;
    auto sync = scene.startSyncAndWaitForFirstCase(atKill);
    ::kill(static_cast<pid_t>(sync->processId()), SIGKILL);
    REQUIRE(sync->waitForFinished(10'000));
    INFO("cases at the hub when the client was killed: " << atKill);
    CHECK(atKill < kCases);

    const RunResult again = scene.clinician.run({"sync", "--json"});
    INFO(again.err.toStdString());
    REQUIRE(again.exitCode == 0);
    CHECK(again.json().value("pending").toInt() == 0);
    scene.checkExactlyOnce();
}

} // namespace spoke::test
