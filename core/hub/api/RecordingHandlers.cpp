// Recordings for trainees (docs/hub-api.md, Recordings): the catalogue
// (core/hub/recordings) as JSON, each recording's timeline built from its
// session's agenda, chat, slide turns, hands and case views, its files, and each
// programme's retention. Every member of a recording's programme may read
// it (Roles: every member sees its sessions); only a coordinator sets the
// retention.

#include "hub/api/RecordingHandlers.h"
#include "hub/api/CaseViews.h"
#include "hub/api/FileRanges.h"

#include "hub/api/HandlerSupport.h"
#include "hub/db/HubDatabase.h"
#include "hub/recordings/RecordingCatalogue.h"
#include "hub/recordings/Retention.h"

#include <QDebug>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace spoke::hub::api {

namespace {

using recordings::Recording;
using recordings::RecordingCatalogue;
using recordings::RecordingFile;
using recordings::recordingJson;

// The catalogue's reads need no directory; only the file route does.
RecordingCatalogue catalogueOf(RequestContext& context)
{
    return RecordingCatalogue(context.db, context.recordingDirectory.toStdString());
}

QJsonValue nullable(const std::optional<qint64>& value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

// The recording behind {id}: 400 malformed, 404 unknown, 403 unless the
// caller is a member of its programme.
Expected<Recording> loadRecording(RequestContext& context)
{
    auto id = parseId(context.pathParams.value(QStringLiteral("id")), QStringLiteral("the recording id"));
    if (!id)
        return id.error();
    std::optional<Recording> recording = catalogueOf(context).get(*id);
    if (!recording)
        return notFound(QStringLiteral("there is no recording %1").arg(*id));
    if (!context.principal->roleIn(recording->programmeId))
        return forbidden(QStringLiteral("you are not a member of this recording's programme"));
    return *recording;
}

HttpResponse listRecordings(RequestContext& context)
{
    std::vector<std::int64_t> programmes;
    if (context.request.query.contains(QStringLiteral("programme"))) {
        auto programme = parseId(context.request.query.value(QStringLiteral("programme")), QStringLiteral("programme"));
        if (!programme)
            return programme.error().response();
        if (!context.principal->roleIn(*programme))
            return forbidden(QStringLiteral("you are not a member of programme %1").arg(*programme)).response();
        programmes.push_back(*programme);
    } else {
        for (const Membership& membership : context.principal->memberships)
            programmes.push_back(membership.programmeId);
    }
    QJsonArray list;
    for (const Recording& recording : catalogueOf(context).list(programmes))
        list.append(recordingJson(recording));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("recordings"), list}});
}

HttpResponse getRecording(RequestContext& context)
{
    auto recording = loadRecording(context);
    if (!recording)
        return recording.error().response();
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("recording"), recordingJson(*recording)}});
}

// --- the timeline ---

// Milliseconds from the recording's start to `atMs`.
using Window = TimelineWindow;

// docs/hub-api.md, Agenda: each started item is a chapter until the next
// one started or the session ended; here cut to the recording.
QJsonArray chaptersJson(HubDatabase& db, qint64 sessionId, const Window& window)
{
    const HubQueryResult items = db.exec(
        QStringLiteral("SELECT i.title, i.started_ms, (SELECT e.ended_ms FROM session_ends e WHERE e.session_id = "
                       "i.session_id) FROM agenda_items i WHERE i.session_id = ? AND i.started_ms IS NOT NULL "
                       "ORDER BY i.position"),
        {QVariant::fromValue(sessionId)});
    QJsonArray chapters;
    for (std::size_t i = 0; i < items.rows.size(); ++i) {
        const HubRow& item = items.rows[i];
        const qint64 endAtMs =
            i + 1 < items.rows.size() ? items.rows[i + 1].integer(1) : item.optionalInteger(2).value_or(window.endMs());
        const qint64 startMs = std::max<qint64>(0, window.offset(item.integer(1)));
        const qint64 endMs = std::min(window.durationMs, window.offset(endAtMs));
        if (endMs <= startMs)
            continue;
        chapters.append(QJsonObject{{QStringLiteral("title"), item.text(0)},
                                    {QStringLiteral("start_ms"), double(startMs)},
                                    {QStringLiteral("end_ms"), double(endMs)}});
    }
    return chapters;
}

QJsonArray chatJson(HubDatabase& db, qint64 sessionId, const Window& window)
{
    const HubQueryResult rows = db.exec(
        QStringLiteral("SELECT m.id, m.account_id, u.display_name, m.role, m.text, m.sent_ms FROM chat_messages m "
                       "JOIN accounts u ON u.id = m.account_id WHERE m.session_id = ? AND m.sent_ms BETWEEN ? AND ? "
                       "ORDER BY m.sent_ms, m.id"),
        {QVariant::fromValue(sessionId), QVariant::fromValue(window.startMs), QVariant::fromValue(window.endMs())});
    QJsonArray chat;
    for (const HubRow& row : rows.rows)
        chat.append(QJsonObject{
            {QStringLiteral("id"), double(row.integer(0))},
            {QStringLiteral("author"),
             QJsonObject{{QStringLiteral("id"), double(row.integer(1))}, {QStringLiteral("name"), row.text(2)}}},
            {QStringLiteral("role"), row.text(3)},
            {QStringLiteral("text"), row.text(4)},
            {QStringLiteral("offset_ms"), double(window.offset(row.integer(5)))},
        });
    return chat;
}

// The page shown when the recording starts (the last turn before it, at
// offset 0), then every turn during it.
QJsonArray slidesJson(HubDatabase& db, qint64 sessionId, const Window& window)
{
    const HubQueryResult rows =
        db.exec(QStringLiteral("SELECT deck_sha256, page, at_ms FROM slide_turns WHERE session_id = ? AND at_ms <= ? "
                               "ORDER BY at_ms, id"),
                {QVariant::fromValue(sessionId), QVariant::fromValue(window.endMs())});
    return heldStatesJson(rows.rows, 2, window, [](const HubRow& row, qint64 offsetMs) {
        return QJsonObject{{QStringLiteral("deck"), row.text(0)},
                           {QStringLiteral("page"), double(row.integer(1))},
                           {QStringLiteral("offset_ms"), double(offsetMs)}};
    });
}

QJsonArray handsJson(HubDatabase& db, qint64 sessionId, const Window& window)
{
    const HubQueryResult rows = db.exec(
        QStringLiteral("SELECT u.display_name, h.raised, h.at_ms FROM hand_events h JOIN accounts u ON u.id = "
                       "h.account_id WHERE h.session_id = ? AND h.at_ms BETWEEN ? AND ? ORDER BY h.at_ms, h.id"),
        {QVariant::fromValue(sessionId), QVariant::fromValue(window.startMs), QVariant::fromValue(window.endMs())});
    QJsonArray hands;
    for (const HubRow& row : rows.rows)
        hands.append(QJsonObject{{QStringLiteral("name"), row.text(0)},
                                 {QStringLiteral("raised"), row.integer(1) == 1},
                                 {QStringLiteral("offset_ms"), double(window.offset(row.integer(2)))}});
    return hands;
}

QJsonArray decksJson(HubDatabase& db, qint64 sessionId)
{
    const HubQueryResult rows = db.exec(
        QStringLiteral("SELECT d.sha256, d.pages, d.bytes, d.title FROM session_decks s JOIN decks d ON d.sha256 = "
                       "s.deck_sha256 WHERE s.session_id = ? ORDER BY s.added_ms, d.sha256"),
        {QVariant::fromValue(sessionId)});
    QJsonArray decks;
    for (const HubRow& row : rows.rows)
        decks.append(QJsonObject{{QStringLiteral("sha256"), row.text(0)},
                                 {QStringLiteral("pages"), double(row.integer(1))},
                                 {QStringLiteral("bytes"), double(row.integer(2))},
                                 {QStringLiteral("title"), row.text(3)}});
    return decks;
}

// The parts the hub recorded, with their starts on the session's clock and
// their lengths in the file (recording_files' full parts, in the same order:
// the hand-over files them so). An imported recording, or one whose parts
// do not line up, is one piece from its start.
Window timelineWindow(HubDatabase& db, const Recording& recording)
{
    Window window{recording.recordedMs, recording.durationMs, {}};
    const HubQueryResult starts =
        db.exec(QStringLiteral("SELECT started_ms FROM session_recordings WHERE recording_id = ? ORDER BY part"),
                {QVariant::fromValue(recording.id)});
    std::vector<qint64> durations;
    for (const RecordingFile& file : recording.files)
        if (file.rendition == QLatin1String("full"))
            durations.push_back(file.durationMs);
    if (starts.rows.size() < 2 || starts.rows.size() != durations.size())
        return window;
    qint64 fileStartMs = 0;
    for (std::size_t i = 0; i < durations.size(); ++i) {
        // The first part's file time zero is the recording's start.
        const qint64 sessionStartMs = i == 0 ? recording.recordedMs : starts.rows[i].integer(0);
        window.parts.push_back({sessionStartMs, fileStartMs, durations[i]});
        fileStartMs += durations[i];
    }
    return window;
}

HttpResponse getTimeline(RequestContext& context)
{
    auto recording = loadRecording(context);
    if (!recording)
        return recording.error().response();
    QJsonObject timeline{{QStringLiteral("recording_id"), double(recording->id)},
                         {QStringLiteral("started_ms"), double(recording->recordedMs)}};
    const Window window = timelineWindow(context.db, *recording);
    // An imported file without a session has no timeline but its length.
    const bool session = recording->sessionId.has_value();
    HubDatabase& db = context.db;
    const qint64 sessionId = recording->sessionId.value_or(0);
    timeline.insert(QStringLiteral("chapters"), session ? chaptersJson(db, sessionId, window) : QJsonArray());
    timeline.insert(QStringLiteral("chat"), session ? chatJson(db, sessionId, window) : QJsonArray());
    timeline.insert(QStringLiteral("slides"), session ? slidesJson(db, sessionId, window) : QJsonArray());
    timeline.insert(QStringLiteral("hands"), session ? handsJson(db, sessionId, window) : QJsonArray());
    timeline.insert(QStringLiteral("decks"), session ? decksJson(db, sessionId) : QJsonArray());
    const QJsonArray cases = session ? caseViewsJson(db, sessionId, window) : QJsonArray();
    timeline.insert(QStringLiteral("cases"), cases);
    timeline.insert(QStringLiteral("case_documents"), caseDocumentsJson(db, cases));
    return HttpResponse::json(200, timeline);
}

// --- files ---

// A part number: "0", "1", ... (not "01", "-1", "+1").
std::optional<int> parsePart(const QString& text)
{
    if (text.isEmpty() || text.size() > 6 || (text.size() > 1 && text.startsWith(QLatin1Char('0'))))
        return std::nullopt;
    for (const QChar c : text)
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
    return text.toInt();
}

HttpResponse getRecordingFile(RequestContext& context)
{
    auto file = lookupRecordingFile(context);
    if (!file)
        return file.error().response();
    // Streamed from disk with ranges and validators (FileRanges); the router
    // turns it into X-Accel-Redirect behind nginx (docs/hub-deploy.md).
    auto answer = fileAnswerFromDisk(context.request,
                                     FileAnswer{file->absolutePath, QStringLiteral("recordings/") + file->relativePath,
                                                0, file->contentType, '"' + file->sha256.toLatin1() + '"'});
    if (!answer) {
        qWarning("spoke-hub: cannot read %s", qPrintable(file->absolutePath));
        return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("the hub failed; this is a bug"));
    }
    return std::move(*answer);
}

// --- retention ---

QJsonObject retentionJson(qint64 programmeId, const std::optional<recordings::RetentionRule>& rule)
{
    return QJsonObject{{QStringLiteral("programme_id"), double(programmeId)},
                       {QStringLiteral("keep_days"), rule ? QJsonValue(rule->keepDays) : QJsonValue()},
                       {QStringLiteral("set_by"), rule ? nullable(rule->setBy) : QJsonValue()},
                       {QStringLiteral("set_ms"), rule ? QJsonValue(double(rule->setMs)) : QJsonValue()}};
}

HttpResponse getRetention(RequestContext& context)
{
    auto programme = parseId(context.pathParams.value(QStringLiteral("id")), QStringLiteral("the programme id"));
    if (!programme)
        return programme.error().response();
    if (!context.principal->roleIn(*programme))
        return forbidden(QStringLiteral("you are not a member of programme %1").arg(*programme)).response();
    RecordingCatalogue catalogue = catalogueOf(context);
    recordings::Retention retention(context.db, catalogue);
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("retention"), retentionJson(*programme, retention.get(*programme))}});
}

HttpResponse putRetention(RequestContext& context)
{
    auto programme = parseId(context.pathParams.value(QStringLiteral("id")), QStringLiteral("the programme id"));
    if (!programme)
        return programme.error().response();
    auto role = requireRole(*context.principal, *programme, {Role::Coordinator},
                            QStringLiteral("set how long recordings are kept"));
    if (!role)
        return role.error().response();
    FieldReader fields(context.body);
    const qint64 keepDays = fields.integer(QStringLiteral("keep_days"), 1, recordings::Retention::kMaxKeepDays);
    if (!fields.ok())
        return fields.error().response();
    RecordingCatalogue catalogue = catalogueOf(context);
    recordings::Retention retention(context.db, catalogue);
    auto rule = retention.set(*programme, int(keepDays), context.principal->accountId, context.nowMs);
    if (!rule)
        return badRequest(rule.error().message).response();
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("retention"), retentionJson(*programme, *rule)}});
}

} // namespace

Expected<RecordingFileLookup> lookupRecordingFile(RequestContext& context)
{
    auto recording = loadRecording(context);
    if (!recording)
        return recording.error();
    const QString rendition = context.pathParams.value(QStringLiteral("rendition"));
    if (!recordings::isRendition(rendition))
        return badRequest(QStringLiteral("the rendition must be full, light or audio-slides"));
    const std::optional<int> part = parsePart(context.pathParams.value(QStringLiteral("part")));
    if (!part)
        return badRequest(QStringLiteral("the part must be a whole number from 0"));
    const auto stored = std::find_if(recording->files.begin(), recording->files.end(), [&](const RecordingFile& file) {
        return file.rendition == rendition && file.part == *part;
    });
    if (stored == recording->files.end())
        return notFound(QStringLiteral("recording %1 has no %2 part %3").arg(recording->id).arg(rendition).arg(*part));
    if (context.recordingDirectory.isEmpty())
        return ApiError{503, QStringLiteral("unavailable"), QStringLiteral("this hub keeps no recording files")};
    RecordingFileLookup lookup{
        recording->id,  rendition,
        *part,          QString::fromStdString(catalogueOf(context).pathOf(*stored).string()),
        stored->file,   stored->bytes,
        stored->sha256, rendition == recordings::kAudioSlides ? QByteArray("audio/webm") : QByteArray("video/webm")};
    // The rows never name a missing file (RecordingCatalogue.h): one that is
    // gone was removed by hand, which the operator must hear about.
    if (!QFileInfo::exists(lookup.absolutePath)) {
        qWarning("spoke-hub: recording file %s is missing", qPrintable(lookup.absolutePath));
        return ApiError{500, QStringLiteral("internal"), QStringLiteral("the recording's file is missing")};
    }
    return lookup;
}

void addRecordingRoutes(std::vector<Route>& routes)
{
    routes.push_back({"GET", QStringLiteral("/api/v1/recordings"), Access::SignedIn, BodyKind::None, listRecordings});
    routes.push_back(
        {"GET", QStringLiteral("/api/v1/recordings/{id}"), Access::SignedIn, BodyKind::None, getRecording});
    routes.push_back(
        {"GET", QStringLiteral("/api/v1/recordings/{id}/timeline"), Access::SignedIn, BodyKind::None, getTimeline});
    routes.push_back({"GET", QStringLiteral("/api/v1/recordings/{id}/files/{rendition}/{part}"), Access::SignedIn,
                      BodyKind::None, getRecordingFile});
    routes.push_back({"GET", QStringLiteral("/api/v1/programmes/{id}/recording-retention"), Access::SignedIn,
                      BodyKind::None, getRetention});
    routes.push_back({"PUT", QStringLiteral("/api/v1/programmes/{id}/recording-retention"), Access::SignedIn,
                      BodyKind::JsonObject, putRetention});
}

} // namespace spoke::hub::api
