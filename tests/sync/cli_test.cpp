// spoke-cli's hub commands beyond the loop: a case with identifiers never
// leaves the laptop, a returned case comes back editable with the question
// and goes again only once changed, and signing out forgets the token.

#include "SyncTestSupport.h"
#include "support/TempDir.h"

#include "cases/CaseWorkflow.h"
#include "cases/DeidGate.h"
#include "store/Cache.h"
#include "sync/HubClient.h"
#include "util/DataDir.h"

namespace spoke::test {

namespace {

struct Scene {
    TempDir dirs;
    HubStorage storage{dirs / "hub", {}};
    HubSetup setup;
    std::unique_ptr<HubProcess> hub;
    Laptop clinician{dirs / "clinician"};
    Laptop specialist{dirs / "specialist"};

    Scene()
    {
        std::filesystem::create_directories(storage.dataDir);
        setup = setUpHub(storage);
        hub = std::make_unique<HubProcess>(storage);
        join(clinician, hub->url(), setup.clinicianInvite, "amina@clinic.example", "Amina");
        join(specialist, hub->url(), setup.specialistInvite, "kiprop@hub.example", "Dr Kiprop");
    }

    QString import(const QByteArray& document) { return clinician.importCase(document); }
};

} // namespace

TEST_CASE("spoke-cli cases submit refuses a case with a name and a phone number, and queues nothing", "[sync][cli]")
{
    Scene scene;
    QJsonObject document = QJsonDocument::fromJson(cleanCase("ECHO-TB-C001")).object();
    document.insert("narrative", document.value("narrative").toString()
                                     + " Seen with her husband John Kamau, phone +254 712 345 678.");
    const QString id = scene.import(QJsonDocument(document).toJson());
    const RunResult submitted = scene.clinician.run({"cases", "submit", id});
    CHECK(submitted.exitCode == 3);
    const QJsonObject out = submitted.json();
    CHECK(out.value("error").toString() == "unresolved_findings");
    const QJsonArray findings = out.value("findings").toArray();
    REQUIRE(findings.size() >= 2);
    QStringList categories;
    for (const QJsonValue& f : findings)
        categories << f.toObject().value("category").toString();
    CHECK(categories.contains("A")); // a name
    CHECK(categories.contains("D")); // a telephone number
    CHECK(scene.clinician.run({"cases", "show", id, "--json"}).json().value("status").toString() == "draft");
    const RunResult sync = scene.clinician.run({"sync", "--json"});
    REQUIRE(sync.exitCode == 0);
    CHECK(sync.json().value("sent").toInt() == 0);
    CHECK(sync.json().value("pending").toInt() == 0);
}

TEST_CASE("A returned case is editable with the hub's question and goes back only once changed", "[sync][cli]")
{
    Scene scene;
    const QString id = scene.import(cleanCase("ECHO-TB-C002"));
    REQUIRE(scene.clinician.run({"cases", "submit", id}).exitCode == 0);
    REQUIRE(scene.clinician.run({"sync"}).exitCode == 0);

    const QJsonArray queue = scene.specialist.run({"review", "queue", "--json"}).jsonArray();
    REQUIRE(queue.size() == 1);
    const QString hubId = QString::number(queue.first().toObject().value("id").toInteger());
    const QString question = "What was the HbA1c before metformin was started?";
    const RunResult returned = scene.specialist.run(
        {"review", "return", hubId, "--question-file", scene.specialist.file("q.txt", question.toUtf8())});
    INFO(returned.err.toStdString());
    REQUIRE(returned.exitCode == 0);
    CHECK(scene.specialist.run({"review", "queue", "--json"}).jsonArray().isEmpty());

    REQUIRE(scene.clinician.run({"sync"}).exitCode == 0);
    QJsonObject shown = scene.clinician.run({"cases", "show", id, "--json"}).json();
    CHECK(shown.value("status").toString() == "draft");
    CHECK(shown.value("hub_status").toString() == "returned");
    CHECK(shown.value("question").toString() == question);

    // The same text again is refused; a changed revision goes.
    CHECK(scene.clinician.run({"cases", "submit", id}).exitCode == 1);
    {
        auto cache = store::Cache::open(cacheFileIn(scene.clinician.dataDir()));
        const auto latest = cache.cases().latestRevision(id.toLongLong());
        QJsonObject document = QJsonDocument::fromJson(QByteArray::fromStdString(latest->bodyJson)).object();
        document.insert("narrative", document.value("narrative").toString() + " HbA1c was 10.2% before metformin.");
        cases::CaseWorkflow(cache, cases::DeidGate::builtIn())
            .saveRevision(id.toLongLong(), cases::CaseDocument(document), store::currentTimeMs());
    }
    const RunResult resubmitted = scene.clinician.run({"cases", "submit", id});
    INFO(resubmitted.err.toStdString());
    REQUIRE(resubmitted.exitCode == 0);
    CHECK(resubmitted.json().value("key").toString() == "case:ECHO-TB-C002:rev2");
    REQUIRE(scene.clinician.run({"sync"}).exitCode == 0);
    shown = scene.clinician.run({"cases", "show", id, "--json"}).json();
    CHECK(shown.value("status").toString() == "submitted");
    CHECK(shown.value("hub_status").toString() == "submitted");
    const QJsonArray again = scene.specialist.run({"review", "queue", "--json"}).jsonArray();
    REQUIRE(again.size() == 1);
    CHECK(again.first().toObject().value("id").toInteger() == hubId.toLongLong());
}

TEST_CASE("spoke-cli hub logout revokes and forgets the token", "[sync][cli]")
{
    Scene scene;
    const RunResult token = scene.clinician.run({"hub", "token"});
    REQUIRE(token.exitCode == 0);
    const QString bearer = QString::fromUtf8(token.out.trimmed());
    CHECK(bearer.size() >= 40);
    CHECK(std::filesystem::exists(scene.clinician.dataDir() / "hub-token.json"));

    const RunResult out = scene.clinician.run({"hub", "logout"});
    REQUIRE(out.exitCode == 0);
    CHECK_FALSE(out.json().value("signed_in").toBool());
    CHECK_FALSE(std::filesystem::exists(scene.clinician.dataDir() / "hub-token.json"));
    CHECK(scene.clinician.run({"hub", "token"}).exitCode == 1);
    const RunResult sync = scene.clinician.run({"sync", "--json"});
    CHECK(sync.exitCode == 1);
    CHECK(sync.json().value("error").toObject().value("kind").toString() == "not_signed_in");

    // The old token is revoked on the hub too.
    sync::HubClient client(QUrl(scene.hub->url()), 5'000);
    client.setToken(bearer);
    const auto me = client.send("GET", "api/v1/me");
    REQUIRE(me.ok());
    CHECK(me->status == 401);

    // Signing in again works and keeps the programme.
    const QString password = scene.clinician.file("password.txt", "a long enough password\n");
    const RunResult login = scene.clinician.run(
        {"hub", "login", scene.hub->url(), "--email", "amina@clinic.example", "--password-file", password});
    REQUIRE(login.exitCode == 0);
    CHECK(login.json().value("signed_in").toBool());
    CHECK(login.json().value("memberships").toArray().size() == 1);
}

} // namespace spoke::test
