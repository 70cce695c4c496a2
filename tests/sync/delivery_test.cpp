// Outbox delivery against a scripted hub (docs/hub-api.md "Client rules"):
// the key travels with every try, 2xx is recorded and marked sent together,
// 4xx stops the entry with the reason, 5xx and network trouble back off, 401
// leaves the entry alone.

#include "FakeHub.h"

#include "cases/DeidGate.h"
#include "cases/SchemaRegistry.h"
#include "store/Cache.h"
#include "sync/CaseSubmission.h"
#include "sync/OutboxDelivery.h"
#include "sync/SyncEngine.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace spoke;

namespace {

std::int64_t fixedClock()
{
    return 1'000'000;
}

const QByteArray kCreated = R"({"case":{"id":11,"programme_id":3,"case_code":"ECHO-TB-D001","title":"T",
    "status":"submitted","session_id":null,"question":null,"submitted_ms":5,"updated_ms":5,"mine":true}})";

struct Scene {
    test::FakeHub hub;
    store::Cache cache = store::Cache::openInMemory();
    sync::HubClient client{QUrl(hub.url()), 5'000};
    std::int64_t caseId = 0;
    std::string key;

    Scene()
    {
        const std::string url = hub.url().toStdString();
        cache.hub().saveAccount({url, "amina@clinic.example", "Amina", 1, 0, std::nullopt, {}, {}});
        store::PulledRows rows;
        rows.programmes = {{3, "TB ECHO", "tb", "clinician"}};
        cache.hub().applyPull(url, rows, 1);
        QFile file(QStringLiteral(SPOKE_SOURCE_DIR "/tests/sync/fixtures/clean_tb_kenya.json"));
        REQUIRE(file.open(QIODevice::ReadOnly));
        QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
        document.insert(QStringLiteral("case_id"), QStringLiteral("ECHO-TB-D001"));
        sync::CaseSubmission submission(cache, cases::DeidGate::builtIn(), cases::SchemaRegistry::builtIn());
        caseId = *submission.importDocument(cases::CaseDocument(document), 1);
        const auto queued = submission.submit(caseId, 2);
        REQUIRE(queued.ok());
        key = queued->idempotencyKey;
        client.setToken(QStringLiteral("the-token"));
    }

    sync::DeliveryReport deliver(bool ignoreBackoff = false)
    {
        return sync::OutboxDelivery(cache, client, hub.url().toStdString())
            .deliver(fixedClock(), ignoreBackoff, &fixedClock);
    }
    store::OutboxItem entry() { return *cache.outbox().byKey(key); }
};

} // namespace

TEST_CASE("Back-off doubles from 5 s and stops at an hour", "[sync][delivery]")
{
    CHECK(store::Outbox::backoffMs(1) == 5'000);
    CHECK(store::Outbox::backoffMs(2) == 10'000);
    CHECK(store::Outbox::backoffMs(5) == 80'000);
    CHECK(store::Outbox::backoffMs(12) == 3'600'000);
    CHECK(store::Outbox::backoffMs(1000) == 3'600'000);
}

TEST_CASE("A 201 is recorded and marked sent together and the key and token travel with the request",
          "[sync][delivery]")
{
    Scene scene;
    scene.hub.answer(201, kCreated);
    const auto report = scene.deliver();
    CHECK(report.sent == 1);
    REQUIRE(scene.hub.requests().size() == 1);
    const auto& request = scene.hub.requests().first();
    CHECK(request.method == "POST");
    CHECK(request.path == "/api/v1/cases?programme=3");
    CHECK(request.idempotencyKey == QByteArray::fromStdString(scene.key));
    CHECK(scene.key == "case:ECHO-TB-D001:rev1");
    CHECK(request.authorization == "Bearer the-token");
    CHECK(QJsonDocument::fromJson(request.body).object().value("case_id").toString() == "ECHO-TB-D001");
    CHECK(scene.entry().sentMs == fixedClock());
    const auto delivery = scene.cache.hub().delivery(scene.caseId);
    CHECK(delivery->state == store::CaseDelivery::State::Sent);
    CHECK(delivery->hubCaseId == 11);
    CHECK(scene.cache.outbox().pendingCount() == 0);
}

TEST_CASE("A 5xx backs off with the same key, and a later try is answered once", "[sync][delivery]")
{
    Scene scene;
    scene.hub.answer(503, R"({"error":{"code":"unavailable","message":"db"}})");
    auto report = scene.deliver();
    CHECK(report.retrying == 1);
    CHECK(report.error.kind == sync::SyncErrorKind::Unavailable);
    CHECK(scene.entry().attempts == 1);
    CHECK(scene.entry().nextTryMs == fixedClock() + 5'000);
    CHECK_FALSE(scene.entry().sentMs.has_value());

    // Not due yet: nothing is sent on an automatic pass.
    report = scene.deliver();
    CHECK(scene.hub.requests().size() == 1);

    // The user asked: it goes now, with the same key.
    scene.hub.answer(201, kCreated);
    report = scene.deliver(/*ignoreBackoff=*/true);
    CHECK(report.sent == 1);
    REQUIRE(scene.hub.requests().size() == 2);
    CHECK(scene.hub.requests()[0].idempotencyKey == scene.hub.requests()[1].idempotencyKey);
}

TEST_CASE("A 422 stops the entry, keeps the hub's findings and makes the case a draft again", "[sync][delivery]")
{
    Scene scene;
    scene.hub.answer(422, R"({"error":{"code":"findings","message":"x"},
        "findings":[{"path":"narrative","start":3,"end":8,"category":"A","reason":"a name"}]})");
    const auto report = scene.deliver();
    CHECK(report.stopped == 1);
    const auto delivery = scene.cache.hub().delivery(scene.caseId);
    CHECK(delivery->state == store::CaseDelivery::State::Refused);
    CHECK(delivery->errorStatus == 422);
    CHECK(delivery->errorCode == "findings");
    CHECK(QJsonDocument::fromJson(QByteArray::fromStdString(delivery->findingsJson)).array().size() == 1);
    CHECK(scene.cache.cases().byId(scene.caseId)->status == store::CaseStatus::Draft);
    CHECK(scene.cache.outbox().stoppedCount() == 1);

    // Never tried again, even when the user asks.
    scene.deliver(true);
    CHECK(scene.hub.requests().size() == 1);
}

TEST_CASE("A 401 ends the pass and leaves the entry as it was", "[sync][delivery]")
{
    Scene scene;
    scene.hub.answer(401, R"({"error":{"code":"unauthenticated","message":"x"}})");
    const auto report = scene.deliver();
    CHECK(report.error.kind == sync::SyncErrorKind::Unauthenticated);
    CHECK(scene.entry().attempts == 0);
    CHECK(scene.cache.outbox().stoppedCount() == 0);
    CHECK(scene.cache.hub().delivery(scene.caseId)->state == store::CaseDelivery::State::Waiting);
}

TEST_CASE("A hub that cannot be reached ends the pass with the entry backing off", "[sync][delivery]")
{
    Scene scene;
    sync::HubClient nowhere(QUrl(QStringLiteral("http://127.0.0.1:1")), 5'000);
    const auto report = sync::OutboxDelivery(scene.cache, nowhere, scene.hub.url().toStdString())
                            .deliver(fixedClock(), false, &fixedClock);
    CHECK_FALSE(report.reachedHub);
    CHECK(report.error.kind == sync::SyncErrorKind::Offline);
    CHECK(scene.entry().attempts == 1);
}

TEST_CASE("An unreadable 2xx answer is not marked sent and the retry gets the stored answer", "[sync][delivery]")
{
    Scene scene;
    scene.hub.answer(201, "{\"case\": 7}");
    auto report = scene.deliver();
    CHECK(report.error.kind == sync::SyncErrorKind::BadResponse);
    CHECK_FALSE(scene.entry().sentMs.has_value());
    scene.hub.answer(201, kCreated);
    report = scene.deliver(true);
    CHECK(report.sent == 1);
}

TEST_CASE("A pass delivers, then pulls, and records its outcome for the outbox label", "[sync][delivery]")
{
    Scene scene;
    scene.hub.answer(201, kCreated);
    scene.hub.answer(200, R"({"cursor":5,"programmes":[],"sessions":[],"cases":[
        {"id":11,"programme_id":3,"case_code":"ECHO-TB-D001","title":"T","status":"scheduled","session_id":null,
         "question":null,"submitted_ms":5,"updated_ms":6,"mine":true}],"recommendations":[],"attendance":[]})");
    sync::SyncEngine engine(scene.cache, scene.client, scene.hub.url().toStdString());
    const auto pass = engine.runPass(false, &fixedClock);
    CHECK(pass.error.ok());
    CHECK(pass.delivery.sent == 1);
    REQUIRE(pass.pull.has_value());
    CHECK(pass.cursor == 5);
    CHECK(pass.pending == 0);
    CHECK(pass.lastSuccessMs == fixedClock());
    REQUIRE(scene.hub.requests().size() == 2);
    CHECK(scene.hub.requests()[1].path == "/api/v1/sync?since=0");
    CHECK(scene.cache.hub().delivery(scene.caseId)->hubStatus == std::string("scheduled"));
}
