// The `_deid_overrides` annotation of POST /api/v1/cases (docs/hub-api.md):
// a finding the presenter declared a false positive is resolved only by an
// entry with its path, its category and the hash of its text salted with the
// document's case_id, recomputed by the hub. Router level, on SQLite.

#include "api_test_support.h"

#include "support/TempDir.h"

#include <QCryptographicHash>

using namespace spoke::test;

namespace {

const QString kField = QStringLiteral("history.social_history");
// A drug batch number: the gate reads "lot" + digits as a device serial
// (Safe Harbor M), but it identifies a box of tablets, not a patient.
const QString kLot = QStringLiteral("4471-2290");
const QString kSocialHistory = QStringLiteral("Fisherman; received isoniazid lot 4471-2290 in 2019.");
constexpr int kLotStart = 34; // code points before the lot number

// The wire format of docs/hub-api.md, written out rather than taken from
// CaseWorkflow::textHash, so a change to either side shows here.
QString saltedHash(const QString& caseId, const QString& text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(caseId.toUtf8() + '\x1f' + text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QJsonObject entry(const QString& path, const QString& category, const QString& hash)
{
    return QJsonObject{{QStringLiteral("path"), path},
                       {QStringLiteral("start"), kLotStart},
                       {QStringLiteral("end"), kLotStart + 9},
                       {QStringLiteral("category"), category},
                       {QStringLiteral("text_sha256"), hash}};
}

// The clean TB case with the lot number in its social history; `extra`
// text in the allergies field; the annotation when given.
QByteArray lotCase(const QString& caseId, const std::optional<QJsonValue>& overrides,
                   const QString& allergies = QStringLiteral("None known"))
{
    QJsonObject document = QJsonDocument::fromJson(cleanCase(caseId)).object();
    QJsonObject history = document.value(QStringLiteral("history")).toObject();
    history.insert(QStringLiteral("social_history"), kSocialHistory);
    history.insert(QStringLiteral("allergies"), allergies);
    document.insert(QStringLiteral("history"), history);
    if (overrides)
        document.insert(QStringLiteral("_deid_overrides"), *overrides);
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

QJsonArray findingsOf(const spoke::hub::api::HttpResponse& response)
{
    return jsonOf(response).value(QStringLiteral("findings")).toArray();
}

QString messageOf(const spoke::hub::api::HttpResponse& response)
{
    return jsonOf(response).value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

struct OverrideHub {
    TempDir dir;
    ApiHub hub{spoke::hub::HubDatabaseLocation::sqliteIn(QString::fromStdString(dir.path().string()))};
    QString token;

    OverrideHub()
    {
        const qint64 programme = hub.addProgramme(QStringLiteral("TB Kenya"));
        token = hub.member(programme, spoke::hub::Role::Clinician, QStringLiteral("Amina Clinician"));
    }

    spoke::hub::api::HttpResponse submit(const QByteArray& body)
    {
        return hub.call("POST", QStringLiteral("/api/v1/cases"), token, body).response;
    }
};

} // namespace

TEST_CASE("overrides: a false positive is 422 without an override and 201 with the right one", "[hub][api]")
{
    OverrideHub h;
    const QString caseId = QStringLiteral("ECHO-TB-OV01");

    const auto refused = h.submit(lotCase(caseId, std::nullopt));
    REQUIRE(refused.status == 422);
    REQUIRE(findingsOf(refused).size() == 1);
    const QJsonObject finding = findingsOf(refused).first().toObject();
    CHECK(finding.value(QStringLiteral("path")).toString() == kField);
    CHECK(finding.value(QStringLiteral("category")).toString() == QStringLiteral("M"));
    CHECK(finding.value(QStringLiteral("start")).toInt() == kLotStart);
    CHECK(finding.value(QStringLiteral("end")).toInt() == kLotStart + 9);
    REQUIRE(kSocialHistory.mid(kLotStart, 9) == kLot);

    const QJsonArray overrides{entry(kField, QStringLiteral("M"), saltedHash(caseId, kLot))};
    const auto stored = h.submit(lotCase(caseId, overrides));
    REQUIRE(stored.status == 201);
    const qint64 hubId =
        jsonOf(stored).value(QStringLiteral("case")).toObject().value(QStringLiteral("id")).toInteger();

    // The reviewer sees the annotation (no text, no reason) and its count.
    const auto shown = h.hub.call("GET", QStringLiteral("/api/v1/cases/%1").arg(hubId), h.token).response;
    REQUIRE(shown.status == 200);
    const QJsonObject shownCase = jsonOf(shown).value(QStringLiteral("case")).toObject();
    CHECK(shownCase.value(QStringLiteral("deid_overrides")).toInt() == 1);
    CHECK(shownCase.value(QStringLiteral("body")).toObject().value(QStringLiteral("_deid_overrides")).toArray()
          == overrides);
    CHECK_FALSE(shown.body.contains(saltedHash(QStringLiteral("ECHO-TB-OTHER"), kLot).toLatin1()));
}

TEST_CASE("overrides: a wrong hash, category or path resolves nothing", "[hub][api]")
{
    OverrideHub h;
    const QString caseId = QStringLiteral("ECHO-TB-OV02");
    const QString right = saltedHash(caseId, kLot);
    const QJsonArray wrongOnes[] = {
        // The same text hashed for another case: an override does not travel
        // between cases.
        {entry(kField, QStringLiteral("M"), saltedHash(QStringLiteral("ECHO-TB-OV99"), kLot))},
        // The hash of other text.
        {entry(kField, QStringLiteral("M"), saltedHash(caseId, QStringLiteral("4471-2291")))},
        // The unsalted hash.
        {entry(kField, QStringLiteral("M"),
               QString::fromLatin1(QCryptographicHash::hash(kLot.toUtf8(), QCryptographicHash::Sha256).toHex()))},
        {entry(kField, QStringLiteral("G"), right)},
        {entry(QStringLiteral("history.allergies"), QStringLiteral("M"), right)},
    };
    for (const QJsonArray& wrong : wrongOnes) {
        const auto answer = h.submit(lotCase(caseId, wrong));
        CHECK(answer.status == 422);
        CHECK(errorCode(answer) == QStringLiteral("findings"));
        CHECK(findingsOf(answer).size() == 1);
    }
    CHECK(h.hub.countRows(QStringLiteral("cases")) == 0);
}

TEST_CASE("overrides: only the findings no entry resolves are listed; entries for nothing are ignored", "[hub][api]")
{
    OverrideHub h;
    const QString caseId = QStringLiteral("ECHO-TB-OV03");
    const QJsonArray overrides{entry(QStringLiteral("narrative"), QStringLiteral("D"), saltedHash(caseId, kLot)),
                               entry(kField, QStringLiteral("M"), saltedHash(caseId, kLot))};
    const auto refused =
        h.submit(lotCase(caseId, overrides, QStringLiteral("None; phone the daughter on +254 712 345 678")));
    REQUIRE(refused.status == 422);
    const QJsonArray findings = findingsOf(refused);
    REQUIRE(findings.size() == 1);
    CHECK(findings.first().toObject().value(QStringLiteral("path")).toString() == QStringLiteral("history.allergies"));
    CHECK(findings.first().toObject().value(QStringLiteral("category")).toString() == QStringLiteral("D"));
    CHECK_FALSE(refused.body.contains("712"));

    CHECK(h.submit(lotCase(caseId, overrides)).status == 201);
}

TEST_CASE("overrides: a malformed annotation is 400 naming the field", "[hub][api]")
{
    OverrideHub h;
    const QString caseId = QStringLiteral("ECHO-TB-OV04");
    const QString right = saltedHash(caseId, kLot);
    QJsonObject withText = entry(kField, QStringLiteral("M"), right);
    withText.insert(QStringLiteral("text"), kLot);
    QJsonObject noHash = entry(kField, QStringLiteral("M"), right);
    noHash.remove(QStringLiteral("text_sha256"));
    QJsonObject backwards = entry(kField, QStringLiteral("M"), right);
    backwards.insert(QStringLiteral("end"), 3);
    QJsonArray tooMany;
    for (int i = 0; i < 201; ++i)
        tooMany.append(entry(kField, QStringLiteral("M"), right));

    const std::pair<QJsonValue, QString> malformed[] = {
        {QJsonValue(QStringLiteral("all fine")), QStringLiteral("_deid_overrides must be an array")},
        {QJsonArray{QStringLiteral("x")}, QStringLiteral("_deid_overrides[0] must be an object")},
        {QJsonArray{withText}, QStringLiteral("_deid_overrides[0].text")},
        {QJsonArray{entry(kField, QStringLiteral("M"), right), noHash},
         QStringLiteral("_deid_overrides[1].text_sha256")},
        {QJsonArray{entry(kField, QStringLiteral("M"), right.toUpper())},
         QStringLiteral("_deid_overrides[0].text_sha256")},
        {QJsonArray{entry(kField, QStringLiteral("MM"), right)}, QStringLiteral("_deid_overrides[0].category")},
        {QJsonArray{entry(kField, QStringLiteral("S"), right)}, QStringLiteral("_deid_overrides[0].category")},
        {QJsonArray{entry(QString(), QStringLiteral("M"), right)}, QStringLiteral("_deid_overrides[0].path")},
        {QJsonArray{backwards}, QStringLiteral("_deid_overrides[0].end")},
        {tooMany, QStringLiteral("at most 200")},
    };
    for (const auto& [annotation, named] : malformed) {
        const auto answer = h.submit(lotCase(caseId, annotation));
        INFO(named.toStdString() + " " + answer.body.toStdString());
        CHECK(answer.status == 400);
        CHECK(errorCode(answer) == QStringLiteral("bad_request"));
        CHECK(messageOf(answer).contains(named));
        // The flagged text never comes back, not even from a wrong entry.
        CHECK_FALSE(answer.body.contains(kLot.toUtf8()));
    }
    CHECK(h.hub.countRows(QStringLiteral("cases")) == 0);
}
