// The recording routes (docs/hub-api.md, Recordings) through the router on
// SQLite and PostgreSQL: who may read what, the file route's bytes, the
// timeline's offsets from real agenda, chat, hand and slide rows, and the
// programme's retention.

#include "HubTestDatabases.h"
#include "RecordingFixtures.h"
#include "api_test_support.h"
#include "hub/api/CaseViews.h"

#include <QVariant>

using namespace spoke;
using namespace spoke::hub;
using test::ApiHub;
using test::jsonOf;

namespace {

struct Fixture {
    qint64 programme = 0;
    qint64 other = 0;
    QString coordinator;
    QString trainee;
    QString stranger; // a trainee of the other programme
    qint64 session = 0;
};

Fixture members(ApiHub& hub)
{
    Fixture f;
    f.programme = hub.addProgramme(QStringLiteral("TB Mombasa"));
    f.other = hub.addProgramme(QStringLiteral("HIV Kampala"));
    f.coordinator = hub.member(f.programme, Role::Coordinator, QStringLiteral("Cora Coordinator"));
    f.trainee = hub.member(f.programme, Role::Trainee, QStringLiteral("Tom Trainee"));
    f.stranger = hub.member(f.other, Role::Trainee, QStringLiteral("Sam Stranger"));
    f.session = hub.addLiveSession(f.programme, QStringLiteral("Week 5"), hub.nowMs, 60,
                                   QStringLiteral("Didactic:15,Case 1:20"));
    return f;
}

qint64 agendaItem(ApiHub& hub, qint64 session, int position)
{
    return hub.db()
        .queryOne(QStringLiteral("SELECT id FROM agenda_items WHERE session_id = ? AND position = ?"),
                  {QVariant::fromValue(session), position})
        ->integer(0);
}

void advance(ApiHub& hub, const Fixture& f, qint64 itemId)
{
    const auto answer = hub.call("POST", QStringLiteral("/api/v1/sessions/%1/agenda/advance").arg(f.session),
                                 f.coordinator, ApiHub::json({{"item_id", double(itemId)}}));
    REQUIRE(answer.response.status == 200);
}

int status(ApiHub& hub, const QString& path, const QString& token)
{
    return hub.call("GET", path, token).response.status;
}

} // namespace

HUB_TEST_ON_BOTH_DATABASES(recordingRoutes, "recordings api: members read their programme's recordings and files",
                           "[hub][recordings][api]")
{
    ApiHub hub(database.location());
    const Fixture f = members(hub);
    test::TempDir media;
    recordings::RecordingCatalogue catalogue(hub.db(), media / "recordings");
    hub.router().setRecordingDirectory(QString::fromStdString(catalogue.directory().string()));
    recordings::AddRecording request;
    request.programmeId = f.programme;
    request.sessionId = f.session;
    request.title = QStringLiteral("Week 5");
    request.fullParts = {test::writeSyntheticWebm(media / "week5.webm", 2)};
    const auto recording = catalogue.add(request, test::syntheticRenditions(2), hub.nowMs);
    REQUIRE(recording.ok());
    const QString path = QStringLiteral("/api/v1/recordings/%1").arg(recording->id);

    const QJsonArray listed =
        jsonOf(hub.call("GET", QStringLiteral("/api/v1/recordings"), f.trainee).response)[QStringLiteral("recordings")]
            .toArray();
    REQUIRE(listed.size() == 1);
    const QJsonObject one = listed[0].toObject();
    CHECK(one[QStringLiteral("id")].toInteger() == recording->id);
    CHECK(one[QStringLiteral("session_id")].toInteger() == f.session);
    CHECK(one[QStringLiteral("duration_ms")].toInteger() == recording->durationMs);
    const QJsonArray renditions = one[QStringLiteral("renditions")].toArray();
    REQUIRE(renditions.size() == 3);
    CHECK(renditions[2].toObject()[QStringLiteral("rendition")].toString() == QStringLiteral("audio-slides"));
    const QJsonObject fullPart = renditions[0].toObject()[QStringLiteral("parts")].toArray()[0].toObject();
    CHECK(fullPart[QStringLiteral("path")].toString() == path + QStringLiteral("/files/full/0"));
    CHECK(fullPart[QStringLiteral("sha256")].toString() == recording->files[0].sha256);
    CHECK(
        jsonOf(hub.call("GET", QStringLiteral("/api/v1/recordings"), f.stranger).response)[QStringLiteral("recordings")]
            .toArray()
            .isEmpty());
    CHECK(status(hub, QStringLiteral("/api/v1/recordings?programme=%1").arg(f.programme), f.trainee) == 200);
    CHECK(status(hub, QStringLiteral("/api/v1/recordings?programme=%1").arg(f.other), f.trainee) == 403);
    CHECK(status(hub, QStringLiteral("/api/v1/recordings?programme=x1"), f.trainee) == 400);

    CHECK(jsonOf(hub.call("GET", path, f.trainee).response)[QStringLiteral("recording")].toObject() == one);
    CHECK(status(hub, path, f.stranger) == 403);
    CHECK(status(hub, path, {}) == 401);
    CHECK(status(hub, QStringLiteral("/api/v1/recordings/%1").arg(recording->id + 1000), f.trainee) == 404);
    CHECK(status(hub, QStringLiteral("/api/v1/recordings/0x1"), f.trainee) == 400);
    CHECK(status(hub, QStringLiteral("/api/v1/recordings/-1/timeline"), f.trainee) == 400);

    // The file route: the stored bytes, named by their SHA-256.
    const auto full = hub.call("GET", path + QStringLiteral("/files/full/0"), f.trainee).response;
    REQUIRE(full.status == 200);
    CHECK(full.contentType == "video/webm");
    CHECK(QString::fromLatin1(QCryptographicHash::hash(full.body, QCryptographicHash::Sha256).toHex())
          == test::sha256Of(catalogue.pathOf(recording->files[0])));
    const QByteArray etag = '"' + recording->files[0].sha256.toLatin1() + '"';
    CHECK(std::find(full.headers.begin(), full.headers.end(), std::pair<QByteArray, QByteArray>("ETag", etag))
          != full.headers.end());
    CHECK(hub.call("GET", path + QStringLiteral("/files/full/0"), f.trainee, {}, {{"if-none-match", etag}})
              .response.status
          == 304);
    const auto audio = hub.call("GET", path + QStringLiteral("/files/audio-slides/0"), f.trainee).response;
    CHECK(audio.status == 200);
    CHECK(audio.contentType == "audio/webm");
    REQUIRE(recording->files.size() == 3);
    CHECK(qint64(audio.body.size()) == recording->files[2].bytes);
    auto lookup = [&](const QString& rendition, const QString& part, const QString& token) {
        return status(hub, path + QStringLiteral("/files/%1/%2").arg(rendition, part), token);
    };
    CHECK(lookup(QStringLiteral("light"), QStringLiteral("0"), f.trainee) == 200);
    CHECK(lookup(QStringLiteral("full"), QStringLiteral("0"), f.stranger) == 403);
    CHECK(lookup(QStringLiteral("hd"), QStringLiteral("0"), f.trainee) == 400);
    CHECK(lookup(QStringLiteral("full"), QStringLiteral("01"), f.trainee) == 400);
    CHECK(lookup(QStringLiteral("full"), QStringLiteral("-1"), f.trainee) == 400);
    CHECK(lookup(QStringLiteral("full"), QStringLiteral("7"), f.trainee) == 404);
    hub.router().setRecordingDirectory({});
    CHECK(lookup(QStringLiteral("full"), QStringLiteral("0"), f.trainee) == 503);
}

HUB_TEST_ON_BOTH_DATABASES(
    recordingTimeline, "recordings api: the timeline's offsets come from the session's agenda chat hands and slides",
    "[hub][recordings][api]")
{
    ApiHub hub(database.location());
    const Fixture f = members(hub);
    const qint64 coordinatorId = hub.accountId(f.coordinator);
    const qint64 startMs = hub.nowMs + 60'000;
    // A deck shown in the session, turned to page 2 before the recording.
    const QString deck = QString(64, u'a');
    hub.db().exec(QStringLiteral("INSERT INTO decks (sha256, pages, bytes, title, uploaded_by, uploaded_ms) "
                                 "VALUES (?, 5, 1234, 'Smear microscopy', ?, ?)"),
                  {deck, QVariant::fromValue(coordinatorId), QVariant::fromValue(startMs - 90'000)});
    hub.db().exec(
        QStringLiteral("INSERT INTO session_decks (session_id, deck_sha256, added_by, added_ms) VALUES (?, ?, ?, ?)"),
        {QVariant::fromValue(f.session), deck, QVariant::fromValue(coordinatorId),
         QVariant::fromValue(startMs - 90'000)});
    auto turn = [&](int page, qint64 atMs) {
        hub.db().exec(QStringLiteral("INSERT INTO slide_turns (session_id, deck_sha256, page, account_id, at_ms) "
                                     "VALUES (?, ?, ?, ?, ?)"),
                      {QVariant::fromValue(f.session), deck, page, QVariant::fromValue(coordinatorId),
                       QVariant::fromValue(atMs)});
    };
    turn(1, startMs - 20'000);
    turn(2, startMs - 5'000);
    // The presenter's case, shown in the case panel before and during the recording.
    const QString clinician = hub.member(f.programme, Role::Clinician, QStringLiteral("Cleo Clinician"));
    const auto submitted = hub.call("POST", QStringLiteral("/api/v1/cases"), clinician,
                                    test::cleanCase(QStringLiteral("ECHO-TB-%1REC1").arg(hub.prefix().toUpper())));
    REQUIRE(submitted.response.status == 201);
    const qint64 caseId =
        jsonOf(submitted.response)[QStringLiteral("case")].toObject()[QStringLiteral("id")].toInteger();
    auto showSection = [&](const QString& section, qint64 atMs) {
        hub.nowMs = atMs;
        REQUIRE(hub.call("POST", QStringLiteral("/api/v1/sessions/%1/case-view").arg(f.session), clinician,
                         ApiHub::json({{"case_id", double(caseId)}, {"section", section}}))
                    .response.status
                == 201);
    };
    showSection(QStringLiteral("presentation"), startMs - 8'000);
    showSection(QStringLiteral("history"), startMs - 4'000);

    hub.nowMs = startMs - 10'000; // the didactic starts before the recorder does
    advance(hub, f, agendaItem(hub, f.session, 1));
    hub.nowMs = startMs + 1'200;
    REQUIRE(hub.call("POST", QStringLiteral("/api/v1/sessions/%1/chat").arg(f.session), f.trainee,
                     ApiHub::json({{"text", QStringLiteral("Is the smear repeated?")}}))
                .response.status
            == 201);
    turn(3, startMs + 1'500);
    showSection(QStringLiteral("investigations"), startMs + 1'700);
    hub.nowMs = startMs + 1'800;
    REQUIRE(hub.call("POST", QStringLiteral("/api/v1/sessions/%1/hands").arg(f.session), f.trainee,
                     ApiHub::json({{"raised", true}}))
                .response.status
            == 200);
    hub.nowMs = startMs + 2'500;
    advance(hub, f, agendaItem(hub, f.session, 2));
    showSection(QStringLiteral("question"), startMs + 60'000); // after the recording
    hub.nowMs = startMs + 60'000; // after the recording: not on its timeline
    REQUIRE(hub.call("POST", QStringLiteral("/api/v1/sessions/%1/chat").arg(f.session), f.trainee,
                     ApiHub::json({{"text", QStringLiteral("Thanks")}}))
                .response.status
            == 201);

    test::TempDir media;
    recordings::RecordingCatalogue catalogue(hub.db(), media / "recordings");
    recordings::AddRecording request;
    request.programmeId = f.programme;
    request.sessionId = f.session;
    request.title = QStringLiteral("Week 5");
    request.recordedMs = startMs;
    request.fullParts = {test::writeSyntheticWebm(media / "week5.webm", 3)};
    const auto recording = catalogue.add(request, {}, hub.nowMs);
    REQUIRE(recording.ok());
    const qint64 durationMs = recording->durationMs;
    REQUIRE(durationMs > 2'500);
    const QString path = QStringLiteral("/api/v1/recordings/%1/timeline").arg(recording->id);
    CHECK(status(hub, path, f.stranger) == 403);
    const auto answer = hub.call("GET", path, f.trainee).response;
    REQUIRE(answer.status == 200);
    const QJsonObject timeline = jsonOf(answer);
    CHECK(timeline[QStringLiteral("recording_id")].toInteger() == recording->id);
    CHECK(timeline[QStringLiteral("started_ms")].toInteger() == startMs);

    const QJsonArray chapters = timeline[QStringLiteral("chapters")].toArray();
    REQUIRE(chapters.size() == 2);
    CHECK(chapters[0].toObject()[QStringLiteral("title")].toString() == QStringLiteral("Didactic"));
    CHECK(chapters[0].toObject()[QStringLiteral("start_ms")].toInteger() == 0); // began before the recording
    CHECK(chapters[0].toObject()[QStringLiteral("end_ms")].toInteger() == 2'500);
    CHECK(chapters[1].toObject()[QStringLiteral("start_ms")].toInteger() == 2'500);
    CHECK(chapters[1].toObject()[QStringLiteral("end_ms")].toInteger() == durationMs); // still running at the end

    const QJsonArray chat = timeline[QStringLiteral("chat")].toArray();
    REQUIRE(chat.size() == 1);
    CHECK(chat[0].toObject()[QStringLiteral("offset_ms")].toInteger() == 1'200);
    CHECK(chat[0].toObject()[QStringLiteral("text")].toString() == QStringLiteral("Is the smear repeated?"));
    CHECK(chat[0].toObject()[QStringLiteral("author")].toObject()[QStringLiteral("name")].toString()
          == QStringLiteral("Tom Trainee"));
    CHECK(chat[0].toObject()[QStringLiteral("role")].toString() == QStringLiteral("trainee"));

    const QJsonArray slides = timeline[QStringLiteral("slides")].toArray();
    REQUIRE(slides.size() == 2);
    CHECK(slides[0].toObject()[QStringLiteral("page")].toInt() == 2); // the page shown at the start
    CHECK(slides[0].toObject()[QStringLiteral("offset_ms")].toInteger() == 0);
    CHECK(slides[1].toObject()[QStringLiteral("page")].toInt() == 3);
    CHECK(slides[1].toObject()[QStringLiteral("offset_ms")].toInteger() == 1'500);
    CHECK(slides[1].toObject()[QStringLiteral("deck")].toString() == deck);

    const QJsonArray hands = timeline[QStringLiteral("hands")].toArray();
    REQUIRE(hands.size() == 1);
    CHECK(hands[0].toObject()[QStringLiteral("name")].toString() == QStringLiteral("Tom Trainee"));
    CHECK(hands[0].toObject()[QStringLiteral("raised")].toBool());
    CHECK(hands[0].toObject()[QStringLiteral("offset_ms")].toInteger() == 1'800);

    const QJsonArray decks = timeline[QStringLiteral("decks")].toArray();
    REQUIRE(decks.size() == 1);
    CHECK(decks[0].toObject()[QStringLiteral("sha256")].toString() == deck);
    CHECK(decks[0].toObject()[QStringLiteral("pages")].toInt() == 5);

    // The section shown when the recording started, then the one shown during it.
    const QJsonArray cases = timeline[QStringLiteral("cases")].toArray();
    REQUIRE(cases.size() == 2);
    CHECK(cases[0].toObject()[QStringLiteral("section")].toString() == QStringLiteral("history"));
    CHECK(cases[0].toObject()[QStringLiteral("offset_ms")].toInteger() == 0);
    CHECK(cases[0].toObject()[QStringLiteral("case_id")].toInteger() == caseId);
    CHECK(cases[1].toObject()[QStringLiteral("section")].toString() == QStringLiteral("investigations"));
    CHECK(cases[1].toObject()[QStringLiteral("offset_ms")].toInteger() == 1'700);
    // The document as GET /cases/{id} gives its body (a coordinator may read it).
    const QJsonArray documents = timeline[QStringLiteral("case_documents")].toArray();
    REQUIRE(documents.size() == 1);
    const QJsonObject document = documents[0].toObject();
    CHECK(document[QStringLiteral("case_id")].toInteger() == caseId);
    CHECK(document[QStringLiteral("code")].toString() == QStringLiteral("ECHO-TB-%1REC1").arg(hub.prefix().toUpper()));
    const QJsonObject fromCase = jsonOf(hub.call("GET", QStringLiteral("/api/v1/cases/%1").arg(caseId), f.coordinator)
                                            .response)[QStringLiteral("case")]
                                     .toObject();
    CHECK(document[QStringLiteral("title")].toString() == fromCase[QStringLiteral("title")].toString());
    CHECK(!document[QStringLiteral("document")].toObject().isEmpty());
    CHECK(document[QStringLiteral("document")].toObject() == fromCase[QStringLiteral("body")].toObject());
}

HUB_TEST_ON_BOTH_DATABASES(recordingRetentionRoutes, "recordings api: the coordinator sets the programme's retention",
                           "[hub][recordings][api]")
{
    ApiHub hub(database.location());
    const Fixture f = members(hub);
    const QString path = QStringLiteral("/api/v1/programmes/%1/recording-retention").arg(f.programme);
    const QJsonObject none = jsonOf(hub.call("GET", path, f.trainee).response)[QStringLiteral("retention")].toObject();
    CHECK(none[QStringLiteral("programme_id")].toInteger() == f.programme);
    CHECK(none[QStringLiteral("keep_days")].isNull());
    CHECK(status(hub, path, f.stranger) == 403);
    CHECK(hub.call("PUT", path, f.trainee, ApiHub::json({{"keep_days", 30}})).response.status == 403);
    CHECK(hub.call("PUT", path, f.coordinator, ApiHub::json({{"keep_days", 0}})).response.status == 400);
    CHECK(hub.call("PUT", path, f.coordinator, ApiHub::json({{"keep_days", QStringLiteral("30")}})).response.status
          == 400);
    CHECK(hub.call("PUT", path, f.coordinator, "[30]").response.status == 400);
    CHECK(hub.call("PUT", QStringLiteral("/api/v1/programmes/abc/recording-retention"), f.coordinator,
                   ApiHub::json({{"keep_days", 30}}))
              .response.status
          == 400);
    const auto set = hub.call("PUT", path, f.coordinator, ApiHub::json({{"keep_days", 30}})).response;
    REQUIRE(set.status == 200);
    const QJsonObject rule = jsonOf(hub.call("GET", path, f.trainee).response)[QStringLiteral("retention")].toObject();
    CHECK(rule == jsonOf(set)[QStringLiteral("retention")].toObject());
    CHECK(rule[QStringLiteral("keep_days")].toInt() == 30);
    CHECK(rule[QStringLiteral("set_by")].toInteger() == hub.accountId(f.coordinator));
    CHECK(rule[QStringLiteral("set_ms")].toInteger() == hub.nowMs);
}

// A recorder that died and came back left a gap the joined file does not
// have: moments after it map onto the second part's place in the file, and
// a moment inside the gap onto the second part's start.
TEST_CASE("recordings: the timeline of two parts maps the session clock across the recorder's restart gap",
          "[hub][recordings]")
{
    hub::api::TimelineWindow window{10'000, 70'000, {{10'000, 0, 40'000}, {51'500, 40'000, 30'000}}};
    CHECK(window.offset(9'000) == -1'000);
    CHECK(window.offset(10'000) == 0);
    CHECK(window.offset(49'999) == 39'999);
    CHECK(window.offset(50'700) == 40'000); // in the 1.5 s gap
    CHECK(window.offset(51'500) == 40'000);
    CHECK(window.offset(61'500) == 50'000);
    CHECK(window.endMs() == 81'500);
    CHECK(window.holds(81'000));
    CHECK_FALSE(window.holds(81'501));
    const hub::api::TimelineWindow single{10'000, 70'000, {}};
    CHECK(single.offset(61'500) == 51'500);
    CHECK(single.endMs() == 80'000);
}
