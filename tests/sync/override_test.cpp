// A de-identification override travels with the case (docs/hub-api.md, POST
// /api/v1/cases, `_deid_overrides`): a false positive the clinician overrides
// on the laptop with `spoke-cli cases override` no longer stops the case at
// the hub's gate, and the hub stores which finding was declared
// non-identifying, without the reason or the person. Real spoke-hub and
// spoke-cli processes on 127.0.0.1, hub on SQLite.

#include "SyncTestSupport.h"
#include "support/TempDir.h"

#include "cases/CaseWorkflow.h"
#include "cases/DeidGate.h"
#include "store/Cache.h"
#include "sync/HubClient.h"
#include "util/DataDir.h"

#include <QSet>

namespace spoke::test {

namespace {

const QString kField = QStringLiteral("history.social_history");
const QString kReason = QStringLiteral("isoniazid batch number from the pharmacy register, not a patient's device");

// The clean TB case with a drug lot number in the social history: the gate
// reads "lot 4471-2290" as a device serial (Safe Harbor M).
QByteArray lotCase(const QString& caseId)
{
    QJsonObject document = QJsonDocument::fromJson(cleanCase(caseId)).object();
    QJsonObject history = document.value("history").toObject();
    history.insert("social_history", "Fisherman; received isoniazid lot 4471-2290 in 2019.");
    document.insert("history", history);
    return QJsonDocument(document).toJson();
}

struct OverrideScene {
    TempDir dirs;
    HubStorage storage{dirs / "hub", {}};
    HubSetup setup;
    std::unique_ptr<HubProcess> hub;
    Laptop clinician{dirs / "clinician"};

    OverrideScene()
    {
        std::filesystem::create_directories(storage.dataDir);
        setup = setUpHub(storage);
        hub = std::make_unique<HubProcess>(storage);
        join(clinician, hub->url(), setup.clinicianInvite, "amina@clinic.example", "Amina");
    }

    QString import(const QByteArray& document) { return clinician.importCase(document); }

    // Refused on the laptop, overridden through the CLI, submitted, synced;
    // returns the case as the hub holds it (GET /api/v1/cases/{id}).
    QJsonObject overrideSubmitAndSync(const QString& id)
    {
        const RunResult refused = clinician.run({"cases", "submit", id});
        CHECK(refused.exitCode == 3);
        const QJsonArray findings = refused.json().value("findings").toArray();
        REQUIRE(findings.size() == 1);
        CHECK(findings.first().toObject().value("path").toString() == kField);
        CHECK(findings.first().toObject().value("category").toString() == "M");

        const RunResult overridden = clinician.run(
            {"cases", "override", id, "--path", kField, "--category", "M", "--reason", kReason, "--who", "Amina"});
        INFO(overridden.err.toStdString());
        REQUIRE(overridden.exitCode == 0);
        CHECK(overridden.json().value("overridden").toArray().size() == 1);
        CHECK(overridden.json().value("open").toInt() == 0);

        const RunResult submitted = clinician.run({"cases", "submit", id});
        INFO(submitted.err.toStdString());
        REQUIRE(submitted.exitCode == 0);
        const RunResult synced = clinician.run({"sync", "--json"});
        INFO(synced.err.toStdString());
        REQUIRE(synced.exitCode == 0);
        CHECK(synced.json().value("sent").toInt() == 1);
        const QJsonObject shown = clinician.run({"cases", "show", id, "--json"}).json();
        CHECK(shown.value("delivery").toObject().value("state").toString() == "sent");
        CHECK(shown.value("hub_status").toString() == "submitted");
        REQUIRE(shown.contains("hub_case_id"));

        sync::HubClient client(QUrl(hub->url()), 10'000);
        client.setToken(QString::fromUtf8(clinician.run({"hub", "token"}).out.trimmed()));
        const auto answer = client.get(QStringLiteral("api/v1/cases/%1").arg(shown.value("hub_case_id").toInteger()));
        REQUIRE(answer.ok());
        REQUIRE(answer->status == 200);
        // Neither the reason nor the person leaves the laptop.
        CHECK_FALSE(answer->body.contains(kReason.toUtf8()));
        CHECK_FALSE(answer->body.contains("Amina"));
        return QJsonDocument::fromJson(answer->body).object().value("case").toObject();
    }
};

void checkAnnotation(const QJsonObject& hubCase, const QString& caseId)
{
    CHECK(hubCase.value("case_code").toString() == caseId);
    CHECK(hubCase.value("deid_overrides").toInt() == 1);
    const QJsonArray entries = hubCase.value("body").toObject().value("_deid_overrides").toArray();
    REQUIRE(entries.size() == 1);
    const QJsonObject entry = entries.first().toObject();
    const QStringList keys = entry.keys();
    CHECK(QSet<QString>(keys.begin(), keys.end()) == QSet<QString>{"path", "start", "end", "category", "text_sha256"});
    CHECK(entry.value("path").toString() == kField);
    CHECK(entry.value("category").toString() == "M");
    CHECK(entry.value("start").toInt() == 34);
    CHECK(entry.value("end").toInt() == 43);
    CHECK(entry.value("text_sha256").toString().toStdString()
          == cases::CaseWorkflow::textHash(caseId.toStdString(), "4471-2290"));
}

} // namespace

TEST_CASE("An overridden false positive travels with the case and the hub accepts it", "[sync][cli]")
{
    OverrideScene scene;
    const QString id = scene.import(lotCase("ECHO-TB-O001"));
    checkAnnotation(scene.overrideSubmitAndSync(id), "ECHO-TB-O001");
}

TEST_CASE("The override's hash is salted with the case_id the hub sees, not the local case code", "[sync][cli]")
{
    OverrideScene scene;
    const QString id = scene.import(lotCase("ECHO-TB-O002"));
    // The document's case_id edited after the case was created: the local
    // code (which the local override log is salted with) stays ECHO-TB-O002.
    {
        auto cache = store::Cache::open(cacheFileIn(scene.clinician.dataDir()));
        const auto latest = cache.cases().latestRevision(id.toLongLong());
        QJsonObject document = QJsonDocument::fromJson(QByteArray::fromStdString(latest->bodyJson)).object();
        document.insert("case_id", "ECHO-TB-O002-KISUMU");
        cases::CaseWorkflow(cache, cases::DeidGate::builtIn())
            .saveRevision(id.toLongLong(), cases::CaseDocument(document), store::currentTimeMs());
        REQUIRE(cache.cases().byId(id.toLongLong())->caseCode == "ECHO-TB-O002");
    }
    checkAnnotation(scene.overrideSubmitAndSync(id), "ECHO-TB-O002-KISUMU");
}

} // namespace spoke::test
