// THE LOOP (issue 11, "Must show"): a clinician submits a case while the hub
// is down, one sync delivers it once the hub is up, a specialist finds it in
// the review queue and writes a recommendation, and the clinician's next
// sync shows it. Real spoke-hub and spoke-cli processes on 127.0.0.1, once on
// SQLite and once on a PostgreSQL the test starts itself.

#include "SyncTestSupport.h"
#include "support/PostgresServer.h"
#include "support/RequireAll.h"
#include "support/TempDir.h"

namespace spoke::test {

namespace {

void runLoop(const HubStorage& storage)
{
    TempDir laptops;
    const HubSetup setup = setUpHub(storage);
    auto hub = std::make_unique<HubProcess>(storage);
    const QString url = hub->url();

    // The clinician joins while the hub is up: the programme and the session arrive.
    Laptop clinician(laptops / "clinician");
    const QJsonObject joined = join(clinician, url, setup.clinicianInvite, "wanjiru@clinic.example", "Wanjiru");
    CHECK(joined.value("signed_in").toBool());
    CHECK(joined.value("memberships").toArray().first().toObject().value("role").toString() == "clinician");
    const RunResult sessions = clinician.run({"sessions", "list", "--json"});
    REQUIRE(sessions.exitCode == 0);
    const QJsonArray sessionList = sessions.json().value("sessions").toArray();
    REQUIRE(sessionList.size() == 1);
    CHECK(sessionList.first().toObject().value("title").toString() == "Week 9 case review");

    // The hub goes down; the clinician imports and submits a clean case.
    hub->stop();
    const QString caseFile = clinician.file("case.json", cleanCase("ECHO-TB-L001"));
    const RunResult imported = clinician.run({"cases", "import", caseFile});
    INFO(imported.err.toStdString());
    REQUIRE(imported.exitCode == 0);
    const QString caseId = QString::fromUtf8(imported.out.trimmed());
    const RunResult submitted = clinician.run({"cases", "submit", caseId});
    INFO(submitted.err.toStdString());
    REQUIRE(submitted.exitCode == 0);

    const RunResult offline = clinician.run({"sync", "--json"});
    CHECK(offline.exitCode == 1);
    CHECK(offline.json().value("pending").toInt() == 1);
    CHECK(offline.json().value("error").toObject().value("kind").toString() == "offline");
    const QJsonObject queued = clinician.run({"cases", "show", caseId, "--json"}).json();
    CHECK(queued.value("status").toString() == "submitted");
    CHECK(queued.value("delivery").toObject().value("state").toString() == "waiting");

    // The hub starts again on the same address and storage; one sync delivers the case.
    hub->start();
    REQUIRE(hub->url() == url);
    const RunResult delivered = clinician.run({"sync", "--json"});
    INFO(delivered.err.toStdString());
    REQUIRE(delivered.exitCode == 0);
    CHECK(delivered.json().value("sent").toInt() == 1);
    CHECK(delivered.json().value("pending").toInt() == 0);
    const QJsonObject sent = clinician.run({"cases", "show", caseId, "--json"}).json();
    CHECK(sent.value("delivery").toObject().value("state").toString() == "sent");
    CHECK(sent.value("hub_status").toString() == "submitted");

    // The specialist finds it in the queue and writes a recommendation.
    Laptop specialist(laptops / "specialist");
    join(specialist, url, setup.specialistInvite, "otieno@hub.example", "Dr Otieno");
    const RunResult queue = specialist.run({"review", "queue", "--json"});
    INFO(queue.err.toStdString());
    REQUIRE(queue.exitCode == 0);
    const QJsonArray items = queue.jsonArray();
    REQUIRE(items.size() == 1);
    const QJsonObject item = items.first().toObject();
    CHECK(item.value("case_id").toString() == "ECHO-TB-L001");
    CHECK(item.value("status").toString() == "submitted");
    const QString text = "Extend the intensive phase by four weeks and refer to the diabetes clinic.";
    const QString textFile = specialist.file("recommendation.txt", text.toUtf8());
    const RunResult recommended =
        specialist.run({"review", "recommend", QString::number(item.value("id").toInteger()), "--text-file", textFile,
                        "--item", "Repeat sputum smear and culture at month 3"});
    INFO(recommended.err.toStdString());
    REQUIRE(recommended.exitCode == 0);
    CHECK(recommended.json().value("sent").toBool());

    // The clinician's next sync brings it.
    const RunResult pulled = clinician.run({"sync", "--json"});
    REQUIRE(pulled.exitCode == 0);
    const QJsonObject shown = clinician.run({"cases", "show", caseId, "--json"}).json();
    CHECK(shown.value("status").toString() == "recommendations_received");
    CHECK(shown.value("hub_status").toString() == "recommendations_sent");
    const QJsonArray recommendations = shown.value("recommendations").toArray();
    REQUIRE(recommendations.size() == 1);
    const QJsonObject recommendation = recommendations.first().toObject();
    CHECK(recommendation.value("author").toString() == "Dr Otieno");
    CHECK(recommendation.value("text").toString().contains(text));
    CHECK(recommendation.value("text").toString().contains("1. Repeat sputum smear and culture at month 3"));

    // Search finds the recommendation like any other.
    const RunResult search = clinician.run({"search", "diabetes clinic", "--json"});
    CHECK(search.out.contains("recommendation"));
}

} // namespace

TEST_CASE("The loop on SQLite: submitted offline, delivered by one sync, reviewed, recommendation received",
          "[sync][loop]")
{
    TempDir hubDir;
    runLoop(HubStorage{hubDir.path(), {}});
}

TEST_CASE("The loop on PostgreSQL: submitted offline, delivered by one sync, reviewed, recommendation received",
          "[sync][loop][postgres]")
{
    auto postgres = PostgresServer::start("spoke_sync_loop");
    if (!postgres) {
        SPOKE_SKIP_OR_FAIL(PostgresServer::unavailableReason().value_or("PostgreSQL is unavailable"));
        return;
    }
    TempDir hubDir;
    runLoop(HubStorage{hubDir.path(), postgres->url()});
}

} // namespace spoke::test
