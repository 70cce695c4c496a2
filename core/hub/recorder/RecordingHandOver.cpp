#include "hub/recorder/RecordingHandOver.h"

#include "hub/recordings/RecordingCatalogue.h"
#include "recording/ChapterJournal.h"

#include <QDateTime>
#include <QVariant>

#include <system_error>

namespace spoke::hub::recorder {

namespace {

bool hasBytes(const std::filesystem::path& file)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    return !error && size > 0;
}

} // namespace

std::optional<HandOverPlan> planHandOver(HubDatabase& db, std::int64_t sessionId,
                                         const std::filesystem::path& recordingsDir)
{
    const auto session = db.queryOne(QStringLiteral("SELECT programme_id, title FROM sessions WHERE id = ?"),
                                     {QVariant::fromValue(sessionId)});
    if (!session)
        return std::nullopt;
    // A part still being written would be cut from its recording.
    if (db.queryOne(QStringLiteral("SELECT part FROM session_recordings WHERE session_id = ? AND ended_ms IS NULL"),
                    {QVariant::fromValue(sessionId)}))
        return std::nullopt;
    HandOverPlan plan;
    plan.sessionId = sessionId;
    plan.programmeId = session->integer(0);
    plan.title = session->text(1);
    const HubQueryResult parts = db.exec(
        QStringLiteral("SELECT part, file, started_ms FROM session_recordings WHERE session_id = ? AND recording_id IS "
                       "NULL ORDER BY part"),
        {QVariant::fromValue(sessionId)});
    for (const HubRow& row : parts.rows) {
        const std::filesystem::path file = recordingsDir / row.text(1).toStdString();
        if (!hasBytes(file))
            continue;
        if (plan.parts.empty())
            plan.recordedMs = row.integer(2);
        plan.parts.push_back(static_cast<int>(row.integer(0)));
        plan.files.push_back(file);
    }
    if (plan.parts.empty())
        return std::nullopt;
    return plan;
}

spoke::Expected<std::int64_t, QString> handOver(HubDatabase& db, const HandOverPlan& plan,
                                                const std::filesystem::path& recordingsDir, std::int64_t nowMs)
{
    recordings::RecordingCatalogue catalogue(db, recordingsDir);
    recordings::AddRecording request;
    request.programmeId = plan.programmeId;
    request.sessionId = plan.sessionId;
    request.title = plan.title;
    request.recordedMs = plan.recordedMs;
    request.source = QStringLiteral("live");
    request.fullParts = plan.files;
    // Copied, not moved: a hub stopped in the middle of the renditions must
    // still have the parts for its next start. They are removed once the
    // catalogue holds them.
    request.moveParts = false;
    auto added = catalogue.add(request, recordings::hubRenditionMaker(), nowMs);
    if (!added)
        return added.error().message;
    db.transaction([&] {
        for (const int part : plan.parts)
            db.exec(QStringLiteral("UPDATE session_recordings SET recording_id = ? WHERE session_id = ? AND part = ?"),
                    {QVariant::fromValue(added->id), QVariant::fromValue(plan.sessionId), part});
    });
    for (const std::filesystem::path& file : plan.files) {
        std::error_code ignored; // a part left behind only costs disk; planHandOver skips handed-over parts
        std::filesystem::remove(file, ignored);
        std::filesystem::remove(recording::ChapterJournal::pathFor(file), ignored);
    }
    return added->id;
}

RecordingHandOver::RecordingHandOver(HubDatabaseLocation location, std::filesystem::path recordingsDir, Done done)
    : location_(std::move(location))
    , recordingsDir_(std::move(recordingsDir))
    , done_(std::move(done))
    , worker_([this] { run(); })
{
}

RecordingHandOver::~RecordingHandOver()
{
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        waiting_.clear();
    }
    wake_.notify_all();
    worker_.join();
}

void RecordingHandOver::enqueue(std::int64_t sessionId)
{
    {
        const std::lock_guard lock(mutex_);
        waiting_.push_back(sessionId);
    }
    wake_.notify_all();
}

void RecordingHandOver::enqueueLeftOvers(HubDatabase& db)
{
    // A session still being recorded (RecorderSupervisor::resume goes on
    // with it) is handed over when its recording ends, every part at once.
    const HubQueryResult sessions = db.exec(
        QStringLiteral("SELECT DISTINCT p.session_id FROM session_recordings p WHERE p.recording_id IS NULL AND "
                       "p.ended_ms IS NOT NULL AND NOT EXISTS (SELECT 1 FROM session_recording_state r WHERE "
                       "r.session_id = p.session_id AND r.active = 1) ORDER BY p.session_id"));
    for (const HubRow& row : sessions.rows)
        enqueue(row.integer(0));
}

void RecordingHandOver::run()
{
    std::unique_ptr<HubDatabase> db;
    for (;;) {
        std::int64_t sessionId = 0;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
            if (stopping_)
                return;
            sessionId = waiting_.front();
            waiting_.pop_front();
        }
        spoke::Expected<std::int64_t, QString> result = QStringLiteral("nothing to hand over");
        try {
            if (!db)
                db = HubDatabase::open(location_);
            if (const auto plan = planHandOver(*db, sessionId, recordingsDir_))
                result = handOver(*db, *plan, recordingsDir_, QDateTime::currentMSecsSinceEpoch());
        } catch (const HubDbError& error) {
            result = QString::fromUtf8(error.what());
            db.reset(); // a fresh connection next time
        }
        if (done_)
            done_(sessionId, result);
    }
}

} // namespace spoke::hub::recorder
