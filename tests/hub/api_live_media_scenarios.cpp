#include "api_live_media_scenarios.h"

#include "slides/Deck.h"
#include "slides/TestPdf.h"

using spoke::hub::Role;

namespace spoke::test::live {

namespace {

QString sessionPath(qint64 id, const QString& tail)
{
    return QStringLiteral("/api/v1/sessions/%1%2").arg(id).arg(tail);
}

QByteArray bytesOf(const std::vector<char>& pdf)
{
    return QByteArray(pdf.data(), qsizetype(pdf.size()));
}

const QMap<QByteArray, QByteArray> kPdfType{{"content-type", "application/pdf"}};

hub::api::RouteOutcome upload(ApiHub& hub, qint64 sessionId, const QString& token, const QByteArray& pdf,
                              const QMap<QByteArray, QByteArray>& headers = kPdfType)
{
    return hub.call("POST", sessionPath(sessionId, QStringLiteral("/decks?title=Didactic")), token, pdf, headers);
}

hub::api::RouteOutcome turn(ApiHub& hub, qint64 sessionId, const QString& token, const QString& deck, int page)
{
    return hub.call("POST", sessionPath(sessionId, QStringLiteral("/slides")), token,
                    ApiHub::json({{"deck", deck}, {"page", page}}));
}

void uploadRefusals(ApiHub& hub, qint64 sessionId, const QString& presenter, const QString& outsider,
                    const QByteArray& pdf)
{
    CHECK(upload(hub, sessionId, {}, pdf).response.status == 401);
    CHECK(upload(hub, sessionId, outsider, pdf).response.status == 403);
    CHECK(upload(hub, 987654321, presenter, pdf).response.status == 404);
    const auto notPdf = upload(hub, sessionId, presenter, "hello, not a deck");
    CHECK(notPdf.response.status == 400);
    CHECK(errorCode(notPdf.response) == QLatin1String("not_pdf"));
    CHECK(upload(hub, sessionId, presenter, pdf, {{"content-type", "application/json"}}).response.status == 400);
    const auto locked = upload(hub, sessionId, presenter, bytesOf(slides::test::makePdf(2, {720, 540, true})));
    CHECK(locked.response.status == 422);
    // Over 64 MiB is refused before anything reads it.
    const auto huge = upload(hub, sessionId, presenter, QByteArray(64 * 1024 * 1024 + 1, '%'));
    CHECK(huge.response.status == 413);
    CHECK(errorCode(huge.response) == QLatin1String("too_large"));
}

// GET /decks/{sha256}: the bytes, its ETag, one range, and 404 for strangers.
void download(ApiHub& hub, const QString& sha, const QString& member, const QString& outsider, const QByteArray& pdf)
{
    const QString path = QStringLiteral("/api/v1/decks/") + sha;
    const auto whole = hub.call("GET", path, member);
    REQUIRE(whole.response.status == 200);
    CHECK(whole.response.contentType == "application/pdf");
    CHECK(whole.response.body == pdf);
    const QByteArray etag = '"' + sha.toLatin1() + '"';
    CHECK(std::count(whole.response.headers.begin(), whole.response.headers.end(),
                     std::pair<QByteArray, QByteArray>("ETag", etag))
          == 1);
    CHECK(hub.call("GET", path, member, {}, {{"if-none-match", etag}}).response.status == 304);
    const auto part = hub.call("GET", path, member, {}, {{"range", "bytes=4-13"}});
    REQUIRE(part.response.status == 206);
    CHECK(part.response.body == pdf.mid(4, 10));
    const auto tail = hub.call("GET", path, member, {}, {{"range", "bytes=-7"}});
    REQUIRE(tail.response.status == 206);
    CHECK(tail.response.body == pdf.right(7));
    CHECK(hub.call("GET", path, member, {}, {{"range", "bytes=99999999-"}}).response.status == 416);
    CHECK(hub.call("GET", path, outsider).response.status == 404);
    CHECK(hub.call("GET", QStringLiteral("/api/v1/decks/") + QString(64, u'a'), member).response.status == 404);
    CHECK(hub.call("GET", QStringLiteral("/api/v1/decks/not-a-hash"), member).response.status == 400);
    CHECK(hub.call("GET", QStringLiteral("/api/v1/decks/") + sha.toUpper(), member).response.status == 400);
}

void turnRefusals(ApiHub& hub, qint64 sessionId, qint64 otherSession, const QString& presenter, const QString& outsider,
                  const QString& sha)
{
    CHECK(turn(hub, sessionId, outsider, sha, 1).response.status == 403);
    const auto past = turn(hub, sessionId, presenter, sha, 5);
    CHECK(past.response.status == 400);
    CHECK(jsonOf(past.response)
              .value(QStringLiteral("error"))
              .toObject()
              .value(QStringLiteral("message"))
              .toString()
              .contains(QLatin1String("page")));
    CHECK(turn(hub, sessionId, presenter, sha, -1).response.status == 400);
    CHECK(turn(hub, sessionId, presenter, QStringLiteral("xyz"), 0).response.status == 400);
    CHECK(turn(hub, sessionId, presenter, QString(64, u'b'), 0).response.status == 404);
    // A deck shown in one session is unknown in another until added there.
    CHECK(turn(hub, otherSession, presenter, sha, 0).response.status == 404);
    CHECK(hub.call("POST", sessionPath(sessionId, QStringLiteral("/slides")), presenter, "{\"deck\":1}").response.status
          == 400);
}

} // namespace

void slides(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Slides"));
    const QString presenter = hub.member(programme, Role::Specialist, QStringLiteral("Dr Slides"));
    const QString clinician = hub.member(programme, Role::Clinician, QStringLiteral("Clinic Slides"));
    const QString outsider =
        hub.member(hub.addProgramme(QStringLiteral("Elsewhere")), Role::Specialist, QStringLiteral("Dr Away"));
    const qint64 sessionId = hub.addSession(programme, QStringLiteral("Didactic week"));
    const qint64 otherSession = hub.addSession(programme, QStringLiteral("Next week"));
    const QByteArray pdf = bytesOf(slides::test::makePdf(5));
    const QString sha = QString::fromStdString(slides::sha256Hex(pdf.constData(), std::size_t(pdf.size())));

    uploadRefusals(hub, sessionId, presenter, outsider, pdf);
    const auto first = upload(hub, sessionId, presenter, pdf);
    REQUIRE(first.response.status == 201);
    const QJsonObject deck = jsonOf(first.response).value(QStringLiteral("deck")).toObject();
    CHECK(deck.value(QStringLiteral("sha256")).toString() == sha);
    CHECK(deck.value(QStringLiteral("pages")).toInt() == 5);
    CHECK(qint64(deck.value(QStringLiteral("bytes")).toDouble()) == pdf.size());
    CHECK(deck.value(QStringLiteral("title")).toString() == QLatin1String("Didactic"));
    // The same deck again is the same answer, and no second row.
    const auto again = upload(hub, sessionId, clinician, pdf);
    CHECK(again.response.status == 200);
    CHECK(jsonOf(again.response).value(QStringLiteral("deck")).toObject() == deck);
    CHECK(hub.countRows(QStringLiteral("session_decks")) >= 1);
    const auto listed = hub.call("GET", sessionPath(sessionId, QStringLiteral("/decks")), clinician);
    REQUIRE(listed.response.status == 200);
    CHECK(jsonOf(listed.response).value(QStringLiteral("decks")).toArray() == QJsonArray{deck});
    CHECK(hub.call("GET", sessionPath(otherSession, QStringLiteral("/decks")), clinician).response.status == 200);
    // A deck without ?title= gets an empty title, not a 500 (found by fuzz_hub_request).
    const QByteArray untitledPdf = bytesOf(slides::test::makePdf(2));
    const auto untitled =
        hub.call("POST", sessionPath(otherSession, QStringLiteral("/decks")), presenter, untitledPdf, kPdfType);
    REQUIRE(untitled.response.status == 201);
    CHECK(jsonOf(untitled.response).value(QStringLiteral("deck")).toObject().value(QStringLiteral("title")).toString()
          == QString());
    download(hub, sha, clinician, outsider, pdf);

    turnRefusals(hub, sessionId, otherSession, presenter, outsider, sha);
    const qint64 presenterId = hub.accountId(presenter);
    const auto turned = turn(hub, sessionId, presenter, sha, 2);
    REQUIRE(turned.response.status == 201);
    REQUIRE(turned.changes.size() == 1);
    const QJsonObject event = turned.changes[0].event;
    CHECK(turned.changes[0].programmeId == programme);
    CHECK(turned.changes[0].cursor == 0);
    CHECK(event.value(QStringLiteral("event")).toString() == QLatin1String("slide"));
    CHECK(qint64(event.value(QStringLiteral("session_id")).toDouble()) == sessionId);
    CHECK(event.value(QStringLiteral("deck")).toString() == sha);
    CHECK(event.value(QStringLiteral("page")).toInt() == 2);
    CHECK(qint64(event.value(QStringLiteral("at_ms")).toDouble()) == hub.nowMs);
    CHECK(qint64(event.value(QStringLiteral("by")).toObject().value(QStringLiteral("id")).toDouble()) == presenterId);
    CHECK(event.value(QStringLiteral("by")).toObject().value(QStringLiteral("name")).toString()
          == QLatin1String("Dr Slides"));

    hub.nowMs += 10'000;
    const auto later = turn(hub, sessionId, clinician, sha, 4);
    REQUIRE(later.response.status == 201);
    const QJsonObject latest = jsonOf(later.response).value(QStringLiteral("turn")).toObject();
    const auto replay = hub.call("GET", sessionPath(sessionId, QStringLiteral("/slides?after=0")), clinician);
    REQUIRE(replay.response.status == 200);
    const QJsonArray turns = jsonOf(replay.response).value(QStringLiteral("turns")).toArray();
    REQUIRE(turns.size() == 2);
    CHECK(turns[0].toObject().value(QStringLiteral("page")).toInt() == 2);
    CHECK(turns[1].toObject() == latest);
    CHECK(jsonOf(replay.response).value(QStringLiteral("current")).toObject() == latest);
    // A late joiner after the last id gets no turns but still the current page.
    const auto after =
        hub.call("GET", sessionPath(sessionId, QStringLiteral("/slides?after=%1").arg(qint64(latest["id"].toDouble()))),
                 clinician);
    CHECK(jsonOf(after.response).value(QStringLiteral("turns")).toArray().isEmpty());
    CHECK(jsonOf(after.response).value(QStringLiteral("current")).toObject() == latest);
    CHECK(jsonOf(hub.call("GET", sessionPath(otherSession, QStringLiteral("/slides")), clinician).response)
              .value(QStringLiteral("current"))
              .isNull());
    CHECK(hub.call("GET", sessionPath(sessionId, QStringLiteral("/slides?after=x")), clinician).response.status == 400);
    CHECK(hub.call("GET", sessionPath(sessionId, QStringLiteral("/slides")), outsider).response.status == 403);

    // Without a data dir the hub keeps no decks: 503, never a half answer.
    hub.router().setDeckDirectory({});
    CHECK(upload(hub, sessionId, presenter, pdf).response.status == 503);
}

void media(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Media"));
    const QString clinic = hub.member(programme, Role::Clinician, QStringLiteral("Clinic Media"));
    const QString specialist = hub.member(programme, Role::Specialist, QStringLiteral("Dr Media"));
    const QString outsider =
        hub.member(hub.addProgramme(QStringLiteral("Far")), Role::Clinician, QStringLiteral("Clinic Far"));
    const qint64 sessionId = hub.addSession(programme, QStringLiteral("Case review"));
    const QString path = sessionPath(sessionId, QStringLiteral("/media"));
    const auto state = [](bool muted, bool videoOff, bool audioOnly) {
        return ApiHub::json({{"audio_muted", muted}, {"video_off", videoOff}, {"audio_only", audioOnly}});
    };

    CHECK(hub.call("POST", path, clinic, ApiHub::json({{"audio_muted", true}})).response.status == 400);
    CHECK(
        hub.call("POST", path, clinic, ApiHub::json({{"audio_muted", 1}, {"video_off", false}, {"audio_only", false}}))
            .response.status
        == 400);
    CHECK(hub.call("POST", path, outsider, state(true, false, false)).response.status == 403);
    CHECK(hub.call("GET", path, outsider).response.status == 403);

    const qint64 clinicId = hub.accountId(clinic);
    const auto muted = hub.call("POST", path, clinic, state(true, false, false));
    REQUIRE(muted.response.status == 200);
    REQUIRE(muted.changes.size() == 1);
    const QJsonObject event = muted.changes[0].event;
    CHECK(event.value(QStringLiteral("event")).toString() == QLatin1String("media"));
    CHECK(qint64(event.value(QStringLiteral("session_id")).toDouble()) == sessionId);
    CHECK(qint64(event.value(QStringLiteral("account_id")).toDouble()) == clinicId);
    CHECK(event.value(QStringLiteral("audio_muted")).toBool());
    CHECK_FALSE(event.value(QStringLiteral("video_off")).toBool());
    CHECK(qint64(event.value(QStringLiteral("at_ms")).toDouble()) == hub.nowMs);

    hub.nowMs += 1000;
    REQUIRE(hub.call("POST", path, clinic, state(false, true, true)).response.status == 200);
    REQUIRE(hub.call("POST", path, specialist, state(true, true, false)).response.status == 200);
    const auto everyone = hub.call("GET", path, specialist);
    REQUIRE(everyone.response.status == 200);
    const QJsonArray states = jsonOf(everyone.response).value(QStringLiteral("media")).toArray();
    REQUIRE(states.size() == 2);
    // Only each account's latest state: the clinic unmuted, camera off, audio only.
    const QJsonObject clinicState =
        qint64(states[0].toObject()["account_id"].toDouble()) == clinicId ? states[0].toObject() : states[1].toObject();
    CHECK_FALSE(clinicState.value(QStringLiteral("audio_muted")).toBool());
    CHECK(clinicState.value(QStringLiteral("video_off")).toBool());
    CHECK(clinicState.value(QStringLiteral("audio_only")).toBool());
    CHECK(qint64(clinicState.value(QStringLiteral("at_ms")).toDouble()) == hub.nowMs);
}

} // namespace spoke::test::live
