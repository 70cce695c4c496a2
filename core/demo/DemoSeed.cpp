#include "demo/DemoSeed.h"

#include "cases/CaseDocument.h"

#include "store/Cache.h"
#include "store/StoreError.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTime>

#include <map>

namespace spoke::demo {

namespace {

using store::StoreError;
using store::StoreErrorKind;

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 24 * 60 * kMinuteMs;

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

} // namespace

SeedCounts seedDemoProgramme(store::Cache& cache, std::int64_t nowMs)
{
    const QJsonObject doc = loadDemoDocument();
    SeedCounts counts;
    auto sessions = cache.sessions();
    auto cases = cache.cases();
    auto recordings = cache.recordings();

    store::Transaction tx(cache.db());
    std::map<QString, std::int64_t> programmeIds;
    for (const auto& value : doc.value(QLatin1String("programmes")).toArray()) {
        const QJsonObject p = value.toObject();
        if (sessions.programmeByCode(str(p, "code"))) {
            counts.alreadySeeded = true;
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

    for (const auto& value : doc.value(QLatin1String("sessions")).toArray()) {
        const QJsonObject s = value.toObject();
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
        if (!rec.isEmpty())
            seedRecording(recordings, rec, sessionId, session.scheduledStartMs + session.durationMin * kMinuteMs,
                          caseIds, counts);
    }
    tx.commit();
    return counts;
}

} // namespace spoke::demo
