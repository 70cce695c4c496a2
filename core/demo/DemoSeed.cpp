#include "demo/DemoSeed.h"

#include "cases/CaseDocument.h"
#include "demo/DemoDeck.h"
#include "demo/DemoRecording.h"
#include "slides/Deck.h"
#include "slides/DeckCache.h"

#include "store/Cache.h"
#include "store/RecordingTimeline.h"
#include "store/StoreError.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTime>

#include <map>
#include <optional>

namespace spoke::demo {

namespace {

using store::StoreError;
using store::StoreErrorKind;

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 24 * 60 * kMinuteMs;
constexpr std::int64_t kSecondMs = 1000;
// The demo deck is one of the decks a clinic keeps; this cap only matters
// if the folder is empty of everything else (slides::DeckCache evicts
// other decks to fit it).
constexpr std::int64_t kDeckCacheCapBytes = 200LL << 20;

QJsonObject loadDemoDocument()
{
    QFile file(QStringLiteral(":/spoke/demo/demo-programme.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(StoreErrorKind::Query, "The demo programme resource is missing from this build");
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        throw StoreError(StoreErrorKind::Query,
                         "The demo programme resource is not valid JSON: " + error.errorString().toStdString());
    return doc.object();
}

std::string str(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString().toStdString();
}

std::int64_t startOfDayUtc(std::int64_t nowMs)
{
    return nowMs - nowMs % kDayMs;
}

std::int64_t sessionStartMs(const QJsonObject& session, std::int64_t nowMs)
{
    const QTime time = QTime::fromString(session.value(QLatin1String("start_utc")).toString(), QStringLiteral("HH:mm"));
    return startOfDayUtc(nowMs) + session.value(QLatin1String("days_from_now")).toInteger() * kDayMs
           + (time.isValid() ? time.msecsSinceStartOfDay() : 0);
}

// A session's cases with their first revision and recommendations; returns
// their ids by case code, for the recording's chapters.
std::map<QString, std::int64_t> seedCases(store::CaseStore& cases, const QJsonObject& s, std::int64_t programme,
                                          std::int64_t sessionId, std::int64_t sessionStartMs, SeedCounts& counts)
{
    std::map<QString, std::int64_t> caseIds;
    for (const auto& c : s.value(QLatin1String("cases")).toArray()) {
        const QJsonObject row = c.toObject();
        store::CaseRecord record;
        record.caseCode = str(row, "case_code");
        record.programmeId = programme;
        record.sessionId = sessionId;
        record.title = str(row, "title");
        record.status = store::caseStatusFrom(str(row, "status"));
        record.createdMs = sessionStartMs - 7 * kDayMs;
        const auto caseId = cases.create(record);
        caseIds[row.value(QLatin1String("case_code")).toString()] = caseId;
        const QJsonObject body = row.value(QLatin1String("body")).toObject();
        // The same plain text every case gets, so search finds demo and real cases alike.
        cases.saveRevision(caseId, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                           spoke::cases::CaseDocument(body).plainText(), record.createdMs);
        ++counts.cases;
        for (const auto& r : row.value(QLatin1String("recommendations")).toArray()) {
            const QJsonObject rec = r.toObject();
            cases.addRecommendation(
                {0, caseId, sessionId, str(rec, "author"), str(rec, "body"),
                 sessionStartMs + rec.value(QLatin1String("minutes_after")).toInteger() * kMinuteMs});
            ++counts.recommendations;
        }
    }
    return caseIds;
}

// A held session's recording with its chapters (linked to the cases they
// discuss) and bookmarks.
void seedRecording(store::RecordingStore& recordings, const QJsonObject& rec, std::int64_t sessionId,
                   std::int64_t sessionEndMs, const std::map<QString, std::int64_t>& caseIds, SeedCounts& counts)
{
    store::Recording recording;
    recording.sessionId = sessionId;
    recording.title = str(rec, "title");
    recording.durationMs = rec.value(QLatin1String("duration_min")).toInteger() * kMinuteMs;
    recording.source = store::RecordingSource::Hub;
    recording.createdMs = sessionEndMs;
    const auto recordingId = recordings.add(recording);
    ++counts.recordings;
    for (const auto& ch : rec.value(QLatin1String("chapters")).toArray()) {
        const QJsonObject row = ch.toObject();
        store::Chapter chapter;
        chapter.recordingId = recordingId;
        chapter.startMs = row.value(QLatin1String("start_min")).toInteger() * kMinuteMs;
        chapter.title = str(row, "title");
        const auto caseCode = row.value(QLatin1String("case")).toString();
        if (!caseCode.isEmpty() && caseIds.count(caseCode))
            chapter.caseId = caseIds.at(caseCode);
        recordings.addChapter(chapter);
    }
    for (const auto& b : rec.value(QLatin1String("bookmarks")).toArray()) {
        const QJsonObject row = b.toObject();
        recordings.addBookmark({0, recordingId, row.value(QLatin1String("minute")).toInteger() * kMinuteMs,
                                str(row, "note"), recording.createdMs});
    }
}

// The demo deck of a recording's "replay", as PDF bytes and opened.
struct ReplayDeck {
    std::vector<char> bytes;
    slides::Deck deck;
};

ReplayDeck buildDeck(const QJsonObject& replay)
{
    std::vector<DemoSlide> slides;
    for (const auto& value : replay.value(QLatin1String("slides")).toArray()) {
        DemoSlide slide{str(value.toObject(), "heading"), {}};
        for (const auto& line : value.toObject().value(QLatin1String("lines")).toArray())
            slide.lines.push_back(line.toString().toStdString());
        slides.push_back(std::move(slide));
    }
    auto bytes = renderDemoDeck(str(replay, "deck_title"), slides);
    auto deck = slides::Deck::fromBytes(bytes);
    if (!deck)
        throw StoreError(StoreErrorKind::Query, "The demo deck cannot be opened: " + deck.error().message);
    return {std::move(bytes), std::move(*deck)};
}

std::int64_t secondsMs(const QJsonObject& row, const char* key)
{
    return static_cast<std::int64_t>(row.value(QLatin1String(key)).toDouble() * kSecondMs);
}

// The media made for a replay before the seed's transaction: encoding takes
// seconds, and the cache's write lock must not be held meanwhile.
struct ReplayMedia {
    QJsonObject replay;
    ReplayDeck deck;
    std::optional<DemoRecordingFiles> files;
    std::string deckFile;
};

ReplayMedia makeReplayMedia(const QJsonObject& rec, const std::filesystem::path& dataDir, std::int64_t nowMs)
{
    const QJsonObject replay = rec.value(QLatin1String("replay")).toObject();
    ReplayMedia media{replay, buildDeck(replay), std::nullopt, {}};
    if (dataDir.empty())
        return media;
    slides::DeckCache decks(slides::DeckCache::folderIn(dataDir), kDeckCacheCapBytes);
    const auto stored = decks.store(media.deck.bytes, media.deck.deck.sha256(), nowMs);
    if (!stored)
        throw StoreError(StoreErrorKind::Io, "The demo deck cannot be stored: " + stored.error().message);
    media.deckFile = stored->string();
    DemoRecordingPlan plan;
    plan.title = str(rec, "title");
    plan.durationMs = media.replay.value(QLatin1String("duration_s")).toInteger() * kSecondMs;
    for (const auto& t : media.replay.value(QLatin1String("turns")).toArray())
        plan.turns.push_back({secondsMs(t.toObject(), "at_s"), t.toObject().value(QLatin1String("page")).toInt()});
    for (const auto& c : media.replay.value(QLatin1String("chapters")).toArray())
        plan.chapters.push_back({secondsMs(c.toObject(), "start_s"), str(c.toObject(), "title")});
    const auto folder = dataDir / "recordings";
    std::filesystem::create_directories(folder);
    media.files = writeDemoRecording(plan, media.deck.deck, folder / "demo-viraemia-on-dolutegravir.webm",
                                     folder / "demo-viraemia-on-dolutegravir-audio-slides.webm");
    return media;
}

// The replay's timeline in the shape the hub serves (docs/hub-api.md), so
// the demo goes through the same store path as a downloaded recording.
store::HubTimeline replayTimeline(const ReplayMedia& media, const std::map<QString, std::int64_t>& caseIds,
                                  std::int64_t startedMs)
{
    const QJsonObject& replay = media.replay;
    store::HubTimeline timeline;
    timeline.startedMs = startedMs;
    const QJsonArray chapters = replay.value(QLatin1String("chapters")).toArray();
    const std::int64_t durationMs = replay.value(QLatin1String("duration_s")).toInteger() * kSecondMs;
    for (qsizetype i = 0; i < chapters.size(); ++i) {
        const QJsonObject row = chapters[i].toObject();
        const std::int64_t endMs =
            i + 1 < chapters.size() ? secondsMs(chapters[i + 1].toObject(), "start_s") : durationMs;
        const auto code = row.value(QLatin1String("case")).toString();
        std::optional<std::int64_t> caseId;
        if (!code.isEmpty() && caseIds.count(code))
            caseId = caseIds.at(code);
        timeline.chapters.push_back({str(row, "title"), secondsMs(row, "start_s"), endMs, caseId});
    }
    for (const auto& value : replay.value(QLatin1String("chat")).toArray()) {
        const QJsonObject row = value.toObject();
        timeline.chat.push_back(
            {0, std::nullopt, str(row, "author"), str(row, "role"), secondsMs(row, "at_s"), str(row, "text")});
    }
    const std::string sha = media.deck.deck.sha256();
    for (const auto& value : replay.value(QLatin1String("turns")).toArray())
        timeline.slides.push_back(
            {sha, value.toObject().value(QLatin1String("page")).toInt(), secondsMs(value.toObject(), "at_s")});
    for (const auto& value : replay.value(QLatin1String("hands")).toArray()) {
        const QJsonObject row = value.toObject();
        timeline.hands.push_back(
            {str(row, "name"), row.value(QLatin1String("raised")).toBool(), secondsMs(row, "at_s")});
    }
    timeline.decks.push_back(
        {sha, str(replay, "deck_title"), media.deck.deck.pageCount(), media.deck.deck.sizeBytes(), media.deckFile});
    return timeline;
}

std::int64_t fileBytes(const std::filesystem::path& file)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    return error ? 0 : static_cast<std::int64_t>(size);
}

// A replay's two recordings (the full one and its audio+slides rendition),
// each with the whole timeline; the deck's page text for search.
void seedReplay(store::Cache& cache, const QJsonObject& rec, const ReplayMedia& media, std::int64_t sessionId,
                std::int64_t sessionStartMs, const std::map<QString, std::int64_t>& caseIds, SeedCounts& counts)
{
    const QJsonObject& replay = media.replay;
    const auto timeline = replayTimeline(media, caseIds, sessionStartMs);
    const std::string title = str(rec, "title");
    const std::string audioTitle = title + " — audio and slides";
    for (const bool audioOnly : {false, true}) {
        store::Recording recording;
        recording.sessionId = sessionId;
        recording.title = audioOnly ? audioTitle : title;
        recording.durationMs = replay.value(QLatin1String("duration_s")).toInteger() * kSecondMs;
        recording.source = store::RecordingSource::Hub;
        recording.createdMs = sessionStartMs + recording.durationMs;
        if (media.files) {
            recording.filePath = (audioOnly ? media.files->audioSlides : media.files->full).string();
            recording.sizeBytes = fileBytes(recording.filePath);
            ++counts.playableRecordings;
        }
        const auto recordingId = cache.recordings().add(recording);
        ++counts.recordings;
        store::writeTimeline(cache.db(), recordingId, timeline, {});
        for (const auto& b : replay.value(QLatin1String("bookmarks")).toArray())
            cache.recordings().addBookmark(
                {0, recordingId, secondsMs(b.toObject(), "at_s"), str(b.toObject(), "note"), recording.createdMs});
    }
    std::vector<std::string> pages;
    for (int page = 0; page < media.deck.deck.pageCount(); ++page)
        pages.push_back(media.deck.deck.pageText(page));
    store::setDeckPageText(cache.db(), media.deck.deck.sha256(), pages);
}

} // namespace

SeedCounts seedDemoProgramme(store::Cache& cache, std::int64_t nowMs, const std::filesystem::path& dataDir)
{
    const QJsonObject doc = loadDemoDocument();
    SeedCounts counts;
    auto sessions = cache.sessions();
    auto cases = cache.cases();
    auto recordings = cache.recordings();

    for (const auto& value : doc.value(QLatin1String("programmes")).toArray())
        if (sessions.programmeByCode(str(value.toObject(), "code"))) {
            counts.alreadySeeded = true;
            return counts;
        }
    // Made before the transaction: seconds of encoding must not hold the
    // write lock that the sync thread's connection also waits on.
    std::map<qsizetype, ReplayMedia> replays;
    const QJsonArray sessionRows = doc.value(QLatin1String("sessions")).toArray();
    for (qsizetype i = 0; i < sessionRows.size(); ++i) {
        const QJsonObject rec = sessionRows[i].toObject().value(QLatin1String("recording")).toObject();
        if (rec.contains(QLatin1String("replay")))
            replays.emplace(i, makeReplayMedia(rec, dataDir, nowMs));
    }

    store::Transaction tx(cache.db());
    std::map<QString, std::int64_t> programmeIds;
    for (const auto& value : doc.value(QLatin1String("programmes")).toArray()) {
        const QJsonObject p = value.toObject();
        if (sessions.programmeByCode(str(p, "code"))) {
            counts.alreadySeeded = true; // another connection seeded meanwhile
            return counts;
        }
        programmeIds[p.value(QLatin1String("code")).toString()] =
            sessions.addProgramme({0, str(p, "code"), str(p, "name"), str(p, "hub"), str(p, "description")});
        ++counts.programmes;
    }

    std::map<QString, std::int64_t> participantIds;
    for (const auto& value : doc.value(QLatin1String("participants")).toArray()) {
        const QJsonObject p = value.toObject();
        participantIds[p.value(QLatin1String("key")).toString()] =
            sessions.addParticipant({0, str(p, "display_name"), str(p, "cadre"), str(p, "site"), str(p, "country")});
    }

    for (qsizetype index = 0; index < sessionRows.size(); ++index) {
        const QJsonObject s = sessionRows[index].toObject();
        const auto programme = programmeIds.at(s.value(QLatin1String("programme")).toString());
        const auto& hub = doc.value(QLatin1String("programmes")).toArray();
        store::Session session;
        session.programmeId = programme;
        session.title = str(s, "title");
        session.description = str(s, "description");
        for (const auto& p : hub)
            if (p.toObject().value(QLatin1String("code")) == s.value(QLatin1String("programme")))
                session.hub = str(p.toObject(), "hub");
        session.room = s.value(QLatin1String("room")).toInteger();
        session.scheduledStartMs = sessionStartMs(s, nowMs);
        session.durationMin = s.value(QLatin1String("duration_min")).toInt(90);
        const bool past = session.scheduledStartMs + session.durationMin * kMinuteMs < nowMs;
        if (past) {
            session.status = store::SessionStatus::Held;
            session.heldStartMs = session.scheduledStartMs;
            session.heldEndMs = session.scheduledStartMs + session.durationMin * kMinuteMs;
        }
        const auto sessionId = sessions.addSession(session);
        ++counts.sessions;

        for (const auto& a : s.value(QLatin1String("attendance")).toArray()) {
            const QJsonObject row = a.toObject();
            store::Attendance attendance;
            attendance.sessionId = sessionId;
            attendance.participantId = participantIds.at(row.value(QLatin1String("who")).toString());
            attendance.role = store::attendanceRoleFrom(str(row, "role"));
            attendance.joinedMs =
                session.scheduledStartMs + row.value(QLatin1String("join_min")).toInteger() * kMinuteMs;
            attendance.leftMs =
                session.scheduledStartMs + row.value(QLatin1String("leave_min")).toInteger() * kMinuteMs;
            sessions.recordAttendance(attendance);
        }

        const auto caseIds = seedCases(cases, s, programme, sessionId, session.scheduledStartMs, counts);

        for (const auto& m : s.value(QLatin1String("chat")).toArray()) {
            const QJsonObject row = m.toObject();
            sessions.addChatMessage(
                {0, sessionId, str(row, "author"),
                 static_cast<std::int64_t>(row.value(QLatin1String("minute")).toDouble() * kMinuteMs),
                 str(row, "body")});
            ++counts.chatMessages;
        }

        const QJsonObject rec = s.value(QLatin1String("recording")).toObject();
        if (replays.count(index))
            seedReplay(cache, rec, replays.at(index), sessionId, session.scheduledStartMs, caseIds, counts);
        else if (!rec.isEmpty())
            seedRecording(recordings, rec, sessionId, session.scheduledStartMs + session.durationMin * kMinuteMs,
                          caseIds, counts);
    }
    tx.commit();
    return counts;
}

} // namespace spoke::demo
