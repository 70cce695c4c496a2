// CME attendance certificates (docs/hub-api.md, Certificates): the eligible
// set from a seeded session, each PDF read back with poppler, the routes'
// refusals, and `spoke-hub admin attendance certificates`; on SQLite and on a
// throwaway PostgreSQL.

#include "HubTestDatabases.h"
#include "api_test_support.h"

#include "hub/admin/Certificates.h"

#include <poppler-document.h>
#include <poppler-page.h>

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

#include <cstdio>
#include <map>
#include <memory>

using namespace spoke::test;
using spoke::hub::Role;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kThresholdMinutes = 30;
const QString kTitle = QStringLiteral("Hépatite C: <i>cirrhosis</i> & HCC");
const QString kProgramme = QStringLiteral("ECHO Nairobi — Liver");

struct PdfPage {
    int pages = 0;
    double widthPt = 0;
    double heightPt = 0;
    QString text; // the first page's, whitespace collapsed
};

PdfPage readPdf(const QByteArray& bytes)
{
    REQUIRE(bytes.startsWith("%PDF-"));
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.constData(), int(bytes.size())));
    REQUIRE(document);
    REQUIRE_FALSE(document->is_locked());
    PdfPage read;
    read.pages = document->pages();
    std::unique_ptr<poppler::page> page(document->create_page(0));
    REQUIRE(page);
    read.widthPt = page->page_rect().width();
    read.heightPt = page->page_rect().height();
    const std::vector<char> utf8 = page->text().to_utf8();
    read.text = QString::fromUtf8(utf8.data(), qsizetype(utf8.size())).simplified();
    return read;
}

struct Seeded {
    qint64 sessionId = 0;
    qint64 startsMs = 0;
    QString coordinator;
    QString clinician; // a member who is not a coordinator
    QString outsider; // a coordinator of another programme
    QString shortStay; // the account under the threshold
    // name -> minutes, of everyone the report lists
    std::map<QString, qint64> minutes;
};

void presence(ApiHub& hub, qint64 sessionId, const QString& token, const char* event, qint64 atMs,
              const QString& device = QStringLiteral("laptop"))
{
    const auto answer =
        hub.call("POST", QStringLiteral("/api/v1/sessions/%1/attendance").arg(sessionId), token,
                 ApiHub::json({{"event", QString::fromLatin1(event)}, {"at_ms", double(atMs)}, {"device_id", device}}));
    REQUIRE(answer.response.status == 201);
}

// In and out at whole minutes from the session's start: {{from, to}, ...}.
void attend(ApiHub& hub, const Seeded& seeded, const QString& token,
            std::initializer_list<std::pair<qint64, qint64>> minutes, const QString& device = QStringLiteral("laptop"))
{
    for (const auto& [fromMinute, toMinute] : minutes) {
        hub.nowMs = seeded.startsMs + fromMinute * kMinuteMs;
        presence(hub, seeded.sessionId, token, "join", hub.nowMs, device);
        hub.nowMs = seeded.startsMs + toMinute * kMinuteMs;
        presence(hub, seeded.sessionId, token, "leave", hub.nowMs, device);
    }
}

void attest(ApiHub& hub, const Seeded& seeded, const QString& token, const QStringList& names)
{
    QJsonArray present;
    for (const QString& name : names)
        present.append(QJsonObject{{QStringLiteral("name"), name}});
    const auto answer = hub.call("POST", QStringLiteral("/api/v1/sessions/%1/attendance").arg(seeded.sessionId), token,
                                 ApiHub::json({{"present", present}, {"attested_by", double(hub.accountId(token))}}));
    REQUIRE(answer.response.status == 201);
}

// Five accounts and three attested people; the threshold is 30 minutes.
Seeded seed(ApiHub& hub)
{
    Seeded seeded;
    const qint64 programme = hub.addProgramme(kProgramme);
    seeded.coordinator = hub.member(programme, Role::Coordinator, QStringLiteral("Coordinator Certificates"));
    seeded.startsMs = hub.nowMs;
    seeded.sessionId = hub.addLiveSession(programme, kTitle, seeded.startsMs, 90);
    seeded.outsider = hub.member(hub.addProgramme(QStringLiteral("Elsewhere")), Role::Coordinator,
                                 QStringLiteral("Elsewhere Coordinator"));

    const QString accents = hub.member(programme, Role::Specialist, QStringLiteral("Amélie Dupré-Ngũgĩ"));
    attend(hub, seeded, accents, {{0, 50}});
    seeded.clinician = hub.member(programme, Role::Clinician, QStringLiteral("प्रिया शर्मा"));
    // A laptop and a phone overlapping count once: 0-20 and 10-40 is 40 minutes.
    attend(hub, seeded, seeded.clinician, {{0, 20}});
    attend(hub, seeded, seeded.clinician, {{10, 40}}, QStringLiteral("phone"));
    const QString arabic = hub.member(programme, Role::Clinician, QStringLiteral("فاطمة الزهراء"));
    attend(hub, seeded, arabic, {{10, 45}});
    const QString markup = hub.member(programme, Role::Trainee, QStringLiteral("<b>markup</b> Mensah"));
    attend(hub, seeded, markup, {{0, 10}, {20, 50}});
    seeded.shortStay = hub.member(programme, Role::Trainee, QStringLiteral("Short Stay"));
    attend(hub, seeded, seeded.shortStay, {{0, 29}});
    attest(hub, seeded, seeded.clinician, {QStringLiteral("Nurse Wanjiru"), QStringLiteral("<i>Kofi</i> & Ama")});
    attest(hub, seeded, seeded.shortStay, {QStringLiteral("Under Threshold")});

    seeded.minutes = {{QStringLiteral("Amélie Dupré-Ngũgĩ"), 50}, {QStringLiteral("प्रिया शर्मा"), 40},
                      {QStringLiteral("فاطمة الزهراء"), 35},      {QStringLiteral("<b>markup</b> Mensah"), 40},
                      {QStringLiteral("Short Stay"), 29},         {QStringLiteral("Nurse Wanjiru"), 40},
                      {QStringLiteral("<i>Kofi</i> & Ama"), 40},  {QStringLiteral("Under Threshold"), 29}};
    hub.nowMs = seeded.startsMs + 2 * 60 * kMinuteMs; // after the session
    return seeded;
}

QString certificatesPath(qint64 sessionId, const QString& tail = {})
{
    return QStringLiteral("/api/v1/sessions/%1/certificates%2").arg(sessionId).arg(tail);
}

QJsonArray listed(ApiHub& hub, const Seeded& seeded, qint64 minMinutes)
{
    const auto answer =
        hub.call("GET", certificatesPath(seeded.sessionId) + QStringLiteral("?min_minutes=%1").arg(minMinutes),
                 seeded.coordinator);
    INFO(answer.response.body.constData());
    REQUIRE(answer.response.status == 200);
    CHECK(qint64(jsonOf(answer.response).value(QStringLiteral("session_id")).toDouble()) == seeded.sessionId);
    return jsonOf(answer.response).value(QStringLiteral("certificates")).toArray();
}

QString idOf(const QJsonArray& certificates, const QString& name)
{
    for (const auto& value : certificates)
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject().value(QStringLiteral("certificate_id")).toString();
    FAIL("no certificate for " << name.toStdString());
    return {};
}

void checkEligibleSet(const Seeded& seeded, const QJsonArray& certificates)
{
    std::map<QString, qint64> expected;
    for (const auto& [name, minutes] : seeded.minutes)
        if (minutes >= kThresholdMinutes)
            expected[name] = minutes;
    std::map<QString, qint64> got;
    QSet<QString> ids;
    const QRegularExpression idPattern(
        QStringLiteral("^CME-%1-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$").arg(seeded.sessionId));
    for (const auto& value : certificates) {
        const QJsonObject certificate = value.toObject();
        const QString id = certificate.value(QStringLiteral("certificate_id")).toString();
        got[certificate.value(QStringLiteral("name")).toString()] =
            qint64(certificate.value(QStringLiteral("minutes")).toDouble());
        CHECK(idPattern.match(id).hasMatch());
        CHECK(certificate.value(QStringLiteral("file")).toString() == id + QStringLiteral(".pdf"));
        ids.insert(id);
        const bool attested = certificate.value(QStringLiteral("source")).toString() == QLatin1String("attested");
        CHECK(certificate.value(QStringLiteral("attested_by"))
              == (attested ? QJsonValue(QStringLiteral("प्रिया शर्मा")) : QJsonValue()));
    }
    CHECK(got == expected);
    CHECK(ids.size() == qsizetype(expected.size()));
}

void checkPdf(ApiHub& hub, const Seeded& seeded, const QJsonObject& certificate)
{
    const QString id = certificate.value(QStringLiteral("certificate_id")).toString();
    const QString name = certificate.value(QStringLiteral("name")).toString();
    INFO(name.toStdString() << " " << id.toStdString());
    const auto answer = hub.call(
        "GET",
        certificatesPath(seeded.sessionId, QStringLiteral("/%1.pdf?min_minutes=%2")).arg(id).arg(kThresholdMinutes),
        seeded.coordinator);
    REQUIRE(answer.response.status == 200);
    CHECK(answer.response.contentType == "application/pdf");
    const PdfPage page = readPdf(answer.response.body);
    INFO(page.text.toStdString());
    CHECK(page.pages == 1);
    CHECK(qRound(page.widthPt) == 595); // A4
    CHECK(qRound(page.heightPt) == 842);
    CHECK(page.text.contains(name));
    CHECK(page.text.contains(
        QStringLiteral("for %1 minutes.").arg(qint64(certificate.value(QStringLiteral("minutes")).toDouble()))));
    CHECK(page.text.contains(kTitle));
    CHECK(page.text.contains(kProgramme));
    CHECK(page.text.contains(QDateTime::fromMSecsSinceEpoch(seeded.startsMs, Qt::UTC).toString(Qt::ISODate).left(10)));
    CHECK(page.text.contains(id));
    if (certificate.value(QStringLiteral("source")).toString() == QLatin1String("attested"))
        CHECK(page.text.contains(QStringLiteral("attested in the room by प्रिया शर्मा")));
}

void checkRefusals(ApiHub& hub, const Seeded& seeded, const QString& someId, const QString& shortStayId)
{
    const auto status = [&](const QString& path, const QString& token) {
        return hub.call("GET", path, token).response.status;
    };
    const QString list = certificatesPath(seeded.sessionId);
    const QString pdf = certificatesPath(seeded.sessionId, QStringLiteral("/%1.pdf")).arg(someId);
    CHECK(status(list, seeded.coordinator) == 400); // no threshold
    for (const char* bad : {"-1", "abc", "1.5", "", "99999999999999999999", "20000"}) {
        INFO(bad);
        CHECK(status(list + QStringLiteral("?min_minutes=") + QLatin1String(bad), seeded.coordinator) == 400);
        CHECK(status(pdf + QStringLiteral("?min_minutes=") + QLatin1String(bad), seeded.coordinator) == 400);
    }
    CHECK(status(list + QStringLiteral("?min_minutes=30"), {}) == 401);
    CHECK(status(list + QStringLiteral("?min_minutes=30"), seeded.clinician) == 403);
    CHECK(status(list + QStringLiteral("?min_minutes=30"), seeded.outsider) == 403);
    CHECK(status(pdf + QStringLiteral("?min_minutes=30"), seeded.clinician) == 403);
    CHECK(status(certificatesPath(987654321) + QStringLiteral("?min_minutes=30"), seeded.coordinator) == 404);
    CHECK(status(certificatesPath(987654321, QStringLiteral("/%1.pdf?min_minutes=30")).arg(someId), seeded.coordinator)
          == 404);
    CHECK(status(certificatesPath(seeded.sessionId, QStringLiteral("/CME-1-AAAA-AAAA-AAAA.pdf?min_minutes=0")),
                 seeded.coordinator)
          == 404);
    CHECK(status(certificatesPath(seeded.sessionId, QStringLiteral("/.pdf?min_minutes=0")), seeded.coordinator) == 404);
    CHECK(
        status(certificatesPath(seeded.sessionId, QStringLiteral("/%1?min_minutes=0")).arg(someId), seeded.coordinator)
        == 404);
    // Under the threshold: no certificate at 30 minutes, one at 29.
    const QString shortPdf = certificatesPath(seeded.sessionId, QStringLiteral("/%1.pdf")).arg(shortStayId);
    CHECK(status(shortPdf + QStringLiteral("?min_minutes=30"), seeded.coordinator) == 404);
    CHECK(status(shortPdf + QStringLiteral("?min_minutes=29"), seeded.coordinator) == 200);
}

} // namespace

HUB_TEST_ON_BOTH_DATABASES(certificatesOverTheThreshold,
                           "certificates: one PDF per attendee over the threshold, names printed literally",
                           "[hub][certificates]")
{
    ApiHub hub(database.location());
    const Seeded seeded = seed(hub);
    const QJsonArray certificates = listed(hub, seeded, kThresholdMinutes);
    checkEligibleSet(seeded, certificates);
    for (const auto& certificate : certificates)
        checkPdf(hub, seeded, certificate.toObject());

    // Everyone the report lists has a certificate at 0 minutes, under the same ids.
    const QJsonArray everyone = listed(hub, seeded, 0);
    CHECK(everyone.size() == qsizetype(seeded.minutes.size()));
    for (const auto& certificate : certificates)
        CHECK(idOf(everyone, certificate.toObject().value(QStringLiteral("name")).toString())
              == certificate.toObject().value(QStringLiteral("certificate_id")).toString());
    checkRefusals(hub, seeded, idOf(certificates, QStringLiteral("Nurse Wanjiru")),
                  idOf(everyone, QStringLiteral("Short Stay")));

    // The id follows the account, not its name.
    const QString before = idOf(certificates, QStringLiteral("فاطمة الزهراء"));
    hub.db().exec(QStringLiteral("UPDATE accounts SET display_name = ? WHERE display_name = ?"),
                  {QStringLiteral("Fatima Al-Zahra"), QStringLiteral("فاطمة الزهراء")});
    CHECK(idOf(listed(hub, seeded, kThresholdMinutes), QStringLiteral("Fatima Al-Zahra")) == before);
}

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run spokeHub(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(SPOKE_HUB_PATH), args);
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return Run{process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QStringList adminAt(const HubTestDatabase& database)
{
    if (database.location().dialect == spoke::hub::Dialect::Sqlite)
        return {QStringLiteral("admin"), QStringLiteral("--data-dir"),
                QString::fromStdString(database.dataDir().string())};
    return {QStringLiteral("admin"), QStringLiteral("--database"), database.server()->url()};
}

} // namespace

HUB_TEST_ON_BOTH_DATABASES(certificatesFromTheCommandLine,
                           "certificates: spoke-hub admin attendance certificates writes one PDF per eligible attendee",
                           "[hub][certificates]")
{
    ApiHub hub(database.location());
    const Seeded seeded = seed(hub);
    const QJsonArray fromApi = listed(hub, seeded, kThresholdMinutes);
    TempDir out;
    const QString dir = QString::fromStdString(out.path().string()) + QStringLiteral("/certificates");
    const QStringList command = adminAt(database) << QStringLiteral("attendance") << QStringLiteral("certificates")
                                                  << QStringLiteral("--session") << QString::number(seeded.sessionId);
    const Run run =
        spokeHub(QStringList(command) << QStringLiteral("--min-minutes") << QString::number(kThresholdMinutes)
                                      << QStringLiteral("--out") << dir);
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.count('\n') == 1);
    const QJsonObject printed = QJsonDocument::fromJson(run.out).object();
    CHECK(printed.value(QStringLiteral("min_minutes")).toInteger() == kThresholdMinutes);
    const QJsonArray certificates = printed.value(QStringLiteral("certificates")).toArray();
    REQUIRE(certificates.size() == fromApi.size());
    QStringList expectedFiles;
    for (const auto& value : certificates) {
        const QJsonObject certificate = value.toObject();
        const QString name = certificate.value(QStringLiteral("name")).toString();
        const QString id = certificate.value(QStringLiteral("certificate_id")).toString();
        CHECK(id == idOf(fromApi, name)); // the same ids as the API's
        const QString file = certificate.value(QStringLiteral("file")).toString();
        CHECK(file == QDir(dir).filePath(id + QStringLiteral(".pdf")));
        expectedFiles.append(id + QStringLiteral(".pdf"));
        QFile pdf(file);
        REQUIRE(pdf.open(QIODevice::ReadOnly));
        const PdfPage page = readPdf(pdf.readAll());
        CHECK(page.pages == 1);
        CHECK(page.text.contains(name));
        CHECK(page.text.contains(kTitle));
        CHECK(page.text.contains(
            QStringLiteral("for %1 minutes.").arg(certificate.value(QStringLiteral("minutes")).toInteger())));
    }
    expectedFiles.sort();
    CHECK(QDir(dir).entryList(QDir::Files, QDir::Name) == expectedFiles);

    const Run negative = spokeHub(QStringList(command) << QStringLiteral("--min-minutes") << QStringLiteral("-5")
                                                       << QStringLiteral("--out") << dir);
    CHECK(negative.exitCode == 2);
    CHECK(negative.err.contains("--min-minutes"));
    const Run absent = spokeHub(QStringList(command) << QStringLiteral("--out") << dir);
    CHECK(absent.exitCode == 2);
    CHECK(absent.err.contains("--min-minutes"));
    const Run unknown = spokeHub(adminAt(database) << QStringLiteral("attendance") << QStringLiteral("certificates")
                                                   << QStringLiteral("--session") << QStringLiteral("987654321")
                                                   << QStringLiteral("--min-minutes") << QStringLiteral("0")
                                                   << QStringLiteral("--out") << dir);
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains("session 987654321 does not exist"));
}

TEST_CASE("certificates: ids are stable per attendee and the same inputs draw the same bytes", "[hub][certificates]")
{
    using namespace spoke::hub;
    AttendanceLine account{QStringLiteral("A"), QString(), {}, {}, 0, QStringLiteral("app"), 7, QString()};
    AttendanceLine renamed = account;
    renamed.name = QStringLiteral("B");
    CHECK(Certificates::certificateId(3, account) == Certificates::certificateId(3, renamed));
    CHECK(Certificates::certificateId(3, account) != Certificates::certificateId(4, account));
    AttendanceLine attested{QStringLiteral("A"), QString(), {}, {}, 0, QStringLiteral("attested"), 7,
                            QStringLiteral("C")};
    CHECK(Certificates::certificateId(3, attested) != Certificates::certificateId(3, account));
    AttendanceLine otherAttester = attested;
    otherAttester.accountId = 8;
    CHECK(Certificates::certificateId(3, attested) != Certificates::certificateId(3, otherAttester));

    const CertificateSession session{3, QStringLiteral("Week 3"), QStringLiteral("TB"), kTestNowMs};
    const Certificate certificate{Certificates::certificateId(3, account), QStringLiteral("A"), 42,
                                  QStringLiteral("app"), QString()};
    const auto first = Certificates::render(session, certificate, kTestNowMs);
    const auto second = Certificates::render(session, certificate, kTestNowMs);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(*first == *second);
    // The issue time is the document's creation date, and no wall clock is
    // (cairo 1.16 writes it without PDF 1.7 section 7.9.4's "D:" prefix).
    CHECK(first->contains("/CreationDate (20261207120000Z)"));
    CHECK(readPdf(*first).text.contains(QStringLiteral("Issued: 2026-12-07 (UTC)")));
}

// A figure for docs, not a timed assertion: how long 200 certificates take.
TEST_CASE("certificates: render 200 (prints the time)", "[hub][certificates]")
{
    using namespace spoke::hub;
    const CertificateSession session{12, QStringLiteral("Hepatitis C: treatment failure"),
                                     QStringLiteral("ECHO Nairobi — Liver"), kTestNowMs};
    constexpr int kCount = 200;
    QElapsedTimer timer;
    timer.start();
    qint64 bytes = 0;
    for (int i = 0; i < kCount; ++i) {
        const AttendanceLine line{QStringLiteral("Attendee %1 प्रिया Dupré").arg(i),
                                  QString(),
                                  {},
                                  {},
                                  0,
                                  QStringLiteral("app"),
                                  i + 1,
                                  QString()};
        const Certificate certificate{Certificates::certificateId(12, line), line.name, 30 + i % 60,
                                      QStringLiteral("app"), QString()};
        const auto pdf = Certificates::render(session, certificate, kTestNowMs);
        REQUIRE(pdf.ok());
        bytes += pdf->size();
    }
    const qint64 elapsedMs = timer.elapsed();
    std::printf("certificates: %d rendered in %lld ms (%.1f ms each, %lld KiB each)\n", kCount,
                static_cast<long long>(elapsedMs), double(elapsedMs) / kCount,
                static_cast<long long>(bytes / kCount / 1024));
    CHECK(bytes > kCount * 1000);
}
