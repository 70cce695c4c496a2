#include "hub/recordings/RecordingCatalogue.h"

#include "hub/db/HubDatabase.h"
#include "hub/recordings/RecordingFiles.h"
#include "recording/ChapterJournal.h"
#include "recording/Renditions.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace spoke::hub::recordings {

namespace {

constexpr qsizetype kMaxTitleChars = 200;
// A delete moves <id>/ to .trash-<id>-<ms> inside its transaction. A trash
// dir whose rows still exist this long after is from a delete that died
// before its commit (a live delete commits in milliseconds), and goes back.
constexpr std::int64_t kTrashStaleMs = 10 * 60 * 1000;
// A staging dir is an import in progress; making renditions of a long
// session takes minutes, so only a day-old one is a crashed import's.
constexpr std::int64_t kStagingStaleMs = 24 * 3600 * 1000LL;

constexpr const char* kRecordingColumns =
    "id, programme_id, session_id, title, recorded_ms, duration_ms, source, created_ms";

using Error = CatalogueError;

Error badArgument(const QString& message)
{
    return {Error::Code::BadArgument, message};
}

Error failed(const QString& message)
{
    return {Error::Code::Failed, message};
}

Recording recordingFrom(const HubRow& row)
{
    Recording recording;
    recording.id = row.integer(0);
    recording.programmeId = row.integer(1);
    recording.sessionId = row.optionalInteger(2);
    recording.title = row.text(3);
    recording.recordedMs = row.integer(4);
    recording.durationMs = row.integer(5);
    recording.source = row.text(6);
    recording.createdMs = row.integer(7);
    return recording;
}

int renditionOrder(const QString& rendition)
{
    return rendition == kFull ? 0 : rendition == kLight ? 1 : 2;
}

// One staged file: where it is now and what it holds.
struct StagedFile {
    QString rendition;
    int part = 0;
    std::filesystem::path path;
    FiledPart described;
};

// An import's files before they have an id: DATA_DIR/recordings/.staging-*.
// Removed on destruction unless it was renamed into place.
class Staging {
public:
    Staging(const std::filesystem::path& root, std::int64_t nowMs)
        : dir_(root
               / QStringLiteral(".staging-%1-%2")
                     .arg(nowMs)
                     .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'))
                     .toStdString())
    {
    }
    ~Staging()
    {
        std::error_code ignored;
        if (!dir_.empty())
            std::filesystem::remove_all(dir_, ignored);
    }
    Staging(const Staging&) = delete;
    Staging& operator=(const Staging&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    void released() { dir_.clear(); }

private:
    std::filesystem::path dir_;
};

std::filesystem::path stagedName(const std::filesystem::path& dir, const QString& rendition, int part)
{
    return dir / QStringLiteral("%1-%2.webm").arg(rendition).arg(part).toStdString();
}

Expected<bool, Error> checkRequest(HubDatabase& db, const AddRecording& request)
{
    const QString title = request.title.trimmed();
    if (title.isEmpty() || title.size() > kMaxTitleChars)
        return badArgument(QStringLiteral("The title must be 1 to %1 characters.").arg(kMaxTitleChars));
    if (request.source != QLatin1String("live") && request.source != QLatin1String("import"))
        return badArgument(QStringLiteral("The source must be live or import."));
    if (request.fullParts.empty())
        return badArgument(QStringLiteral("A recording needs at least one file."));
    if (!db.queryOne(QStringLiteral("SELECT 1 FROM programmes WHERE id = ?"),
                     {QVariant::fromValue(request.programmeId)}))
        return Error{Error::Code::NotFound, QStringLiteral("There is no programme %1.").arg(request.programmeId)};
    if (request.sessionId) {
        const auto session = db.queryOne(QStringLiteral("SELECT programme_id FROM sessions WHERE id = ?"),
                                         {QVariant::fromValue(*request.sessionId)});
        if (!session)
            return Error{Error::Code::NotFound, QStringLiteral("There is no session %1.").arg(*request.sessionId)};
        if (session->integer(0) != request.programmeId)
            return badArgument(
                QStringLiteral("Session %1 is not in programme %2.").arg(*request.sessionId).arg(request.programmeId));
    }
    return true;
}

// The origin of the recording's timeline when the caller does not know it:
// the session's first started agenda item (when the chair began), else the
// session's planned start, else now.
std::int64_t defaultRecordedMs(HubDatabase& db, const AddRecording& request, std::int64_t nowMs)
{
    if (request.recordedMs)
        return *request.recordedMs;
    if (!request.sessionId)
        return nowMs;
    const auto row = db.queryOne(QStringLiteral("SELECT (SELECT MIN(started_ms) FROM agenda_items WHERE session_id = "
                                                "s.id), s.starts_ms FROM sessions s WHERE s.id = ?"),
                                 {QVariant::fromValue(*request.sessionId)});
    return row->optionalInteger(0).value_or(row->integer(1));
}

Expected<StagedFile, Error> stageOne(const std::filesystem::path& source, const std::filesystem::path& target,
                                     const QString& rendition, int part, bool move)
{
    if (auto placed = placeFile(source, target, move); !placed)
        return failed(placed.error());
    // A part cut short by a crash keeps its chapters in the journal beside
    // it (core/recording's ChapterJournal); it goes along, so the stored part
    // and the renditions made from it still have them.
    const std::filesystem::path journal = recording::ChapterJournal::pathFor(source);
    if (std::error_code ignored; std::filesystem::is_regular_file(journal, ignored))
        if (auto copied = placeFile(journal, recording::ChapterJournal::pathFor(target), move); !copied)
            return failed(copied.error());
    auto described = describeFile(target);
    if (!described)
        return badArgument(described.error());
    return StagedFile{rendition, part, target, *described};
}

// The renditions the maker made, renamed to their canonical names and
// described; a rendition it names wrongly or twice is a bug in the maker.
Expected<std::vector<StagedFile>, Error> stageRenditions(const RenditionMaker& makeRenditions,
                                                         const std::vector<StagedFile>& full,
                                                         const std::filesystem::path& dir)
{
    std::vector<StagedFile> staged;
    if (!makeRenditions)
        return staged;
    std::vector<std::filesystem::path> fullPaths;
    for (const StagedFile& file : full)
        fullPaths.push_back(file.path);
    // A maker that throws (FFmpeg's wrappers do) is a failed import, not a
    // crash of the hub.
    std::optional<Expected<std::vector<MadeRendition>, QString>> made;
    try {
        made.emplace(makeRenditions(fullPaths, dir));
    } catch (const std::exception& error) {
        made.emplace(QString::fromUtf8(error.what()));
    }
    if (!*made)
        return failed(QStringLiteral("The renditions could not be made: %1").arg(made->error()));
    std::set<QString> seen;
    for (const MadeRendition& rendition : **made) {
        if ((rendition.rendition != kLight && rendition.rendition != kAudioSlides)
            || !seen.insert(rendition.rendition).second || rendition.parts.empty())
            return failed(
                QStringLiteral("The renditions maker returned a bad rendition \"%1\".").arg(rendition.rendition));
        for (std::size_t part = 0; part < rendition.parts.size(); ++part) {
            auto file = stageOne(rendition.parts[part], stagedName(dir, rendition.rendition, int(part)),
                                 rendition.rendition, int(part), true);
            if (!file)
                return failed(file.error().message);
            staged.push_back(*file);
        }
    }
    return staged;
}

// The recording's row (with a new change seq) and its files' rows; the new id.
std::int64_t insertRows(HubDatabase& db, const AddRecording& request, std::int64_t recordedMs, std::int64_t durationMs,
                        const std::vector<StagedFile>& files, std::int64_t nowMs)
{
    const std::int64_t seq = db.bumpChangeSeq();
    const std::int64_t id =
        db.insert(QStringLiteral("INSERT INTO recordings (programme_id, session_id, title, recorded_ms, duration_ms, "
                                 "source, created_ms, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                  {QVariant::fromValue(request.programmeId),
                   request.sessionId ? QVariant::fromValue(*request.sessionId) : QVariant(), request.title.trimmed(),
                   QVariant::fromValue(recordedMs), QVariant::fromValue(durationMs), request.source,
                   QVariant::fromValue(nowMs), QVariant::fromValue(seq)});
    for (const StagedFile& file : files)
        db.exec(QStringLiteral("INSERT INTO recording_files (recording_id, rendition, part, file, bytes, "
                               "sha256, duration_ms, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                {QVariant::fromValue(id), file.rendition, file.part,
                 QStringLiteral("%1/%2").arg(id).arg(QString::fromStdString(file.path.filename().string())),
                 QVariant::fromValue(file.described.bytes), file.described.sha256,
                 QVariant::fromValue(file.described.durationMs), QVariant::fromValue(nowMs)});
    return id;
}

} // namespace

bool isRendition(const QString& name)
{
    return name == kFull || name == kLight || name == kAudioSlides;
}

RenditionMaker hubRenditionMaker()
{
    // Light and audio-slides from the full parts (core/recording/Renditions):
    // one continuous file each, whatever the number of parts.
    return [](const std::vector<std::filesystem::path>& fullParts,
              const std::filesystem::path& outputDir) -> Expected<std::vector<MadeRendition>, QString> {
        std::vector<MadeRendition> made;
        for (const recording::Rendition rendition : {recording::Rendition::Light, recording::Rendition::AudioSlides}) {
            const QString name = QString::fromLatin1(recording::toString(rendition));
            const std::filesystem::path out = outputDir / (name.toStdString() + "-0.webm");
            auto result = recording::makeRendition(fullParts, rendition, out, {});
            if (!result)
                return QStringLiteral("cannot make the %1 rendition: %2")
                    .arg(name, QString::fromStdString(result.error().what()));
            for (const std::string& problem : result->problems)
                std::fprintf(stderr, "spoke-hub: %s rendition: %s\n", qPrintable(name), problem.c_str());
            made.push_back(MadeRendition{name, {out}});
        }
        return made;
    };
}

QJsonObject recordingJson(const Recording& recording)
{
    QJsonArray renditions;
    for (std::size_t i = 0; i < recording.files.size();) {
        const QString& rendition = recording.files[i].rendition;
        QJsonArray parts;
        std::int64_t bytes = 0;
        for (; i < recording.files.size() && recording.files[i].rendition == rendition; ++i) {
            const RecordingFile& file = recording.files[i];
            parts.append(QJsonObject{
                {QStringLiteral("part"), file.part},
                {QStringLiteral("bytes"), double(file.bytes)},
                {QStringLiteral("sha256"), file.sha256},
                {QStringLiteral("duration_ms"), double(file.durationMs)},
                {QStringLiteral("path"),
                 QStringLiteral("/api/v1/recordings/%1/files/%2/%3").arg(recording.id).arg(rendition).arg(file.part)},
            });
            bytes += file.bytes;
        }
        renditions.append(QJsonObject{{QStringLiteral("rendition"), rendition},
                                      {QStringLiteral("bytes"), double(bytes)},
                                      {QStringLiteral("parts"), parts}});
    }
    return QJsonObject{
        {QStringLiteral("id"), double(recording.id)},
        {QStringLiteral("programme_id"), double(recording.programmeId)},
        {QStringLiteral("session_id"),
         recording.sessionId ? QJsonValue(double(*recording.sessionId)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("title"), recording.title},
        {QStringLiteral("recorded_ms"), double(recording.recordedMs)},
        {QStringLiteral("duration_ms"), double(recording.durationMs)},
        {QStringLiteral("renditions"), renditions},
    };
}

RecordingCatalogue::RecordingCatalogue(HubDatabase& db, std::filesystem::path recordingsDir)
    : db_(db)
    , dir_(std::move(recordingsDir))
{
}

Expected<Recording, CatalogueError> RecordingCatalogue::add(const AddRecording& request,
                                                            const RenditionMaker& makeRenditions, std::int64_t nowMs)
{
    if (auto checked = checkRequest(db_, request); !checked)
        return checked.error();
    const std::int64_t recordedMs = defaultRecordedMs(db_, request, nowMs);
    std::error_code error;
    Staging staging(dir_, nowMs);
    if (!std::filesystem::create_directories(staging.dir(), error))
        return failed(
            QStringLiteral("Cannot create %1: %2.")
                .arg(QString::fromStdString(staging.dir().string()), QString::fromStdString(error.message())));
    std::vector<StagedFile> files;
    std::int64_t durationMs = 0;
    for (std::size_t part = 0; part < request.fullParts.size(); ++part) {
        auto file = stageOne(request.fullParts[part], stagedName(staging.dir(), kFull, int(part)), kFull, int(part),
                             request.moveParts);
        if (!file)
            return file.error();
        durationMs += file->described.durationMs;
        files.push_back(*file);
    }
    auto renditions = stageRenditions(makeRenditions, files, staging.dir());
    if (!renditions)
        return renditions.error();
    files.insert(files.end(), renditions->begin(), renditions->end());

    std::filesystem::path placed;
    std::int64_t id = 0;
    try {
        id = db_.transaction([&] {
            const std::int64_t newId = insertRows(db_, request, recordedMs, durationMs, files, nowMs);
            // Last before the commit: the rows name files that are in place.
            const std::filesystem::path target = dir_ / std::to_string(newId);
            // No committed row has this id, so a dir by its name is from an
            // import that died between this rename and its commit (SQLite
            // hands a rolled-back id out again).
            std::filesystem::remove_all(target);
            std::filesystem::rename(staging.dir(), target);
            placed = target;
            return newId;
        });
    } catch (const std::filesystem::filesystem_error& moved) {
        return failed(QStringLiteral("Cannot file the recording: %1.").arg(QString::fromUtf8(moved.what())));
    } catch (...) {
        // The commit failed after the rename: the files go back to staging,
        // whose destructor removes them.
        if (!placed.empty())
            std::filesystem::rename(placed, staging.dir(), error);
        throw;
    }
    staging.released();
    syncDirectory(dir_);
    return *get(id);
}

std::optional<Recording> RecordingCatalogue::get(std::int64_t id)
{
    const auto row =
        db_.queryOne(QStringLiteral("SELECT %1 FROM recordings WHERE id = ?").arg(QLatin1String(kRecordingColumns)),
                     {QVariant::fromValue(id)});
    if (!row)
        return std::nullopt;
    return withFiles({recordingFrom(*row)}).front();
}

std::vector<Recording> RecordingCatalogue::list(std::int64_t programmeId)
{
    return list(std::vector<std::int64_t>{programmeId});
}

std::vector<Recording> RecordingCatalogue::list(const std::vector<std::int64_t>& programmeIds)
{
    if (programmeIds.empty())
        return {};
    QVariantList params;
    QStringList marks;
    for (const std::int64_t id : programmeIds) {
        params.append(QVariant::fromValue(id));
        marks.append(QStringLiteral("?"));
    }
    const HubQueryResult result = db_.exec(
        QStringLiteral("SELECT %1 FROM recordings WHERE programme_id IN (%2) ORDER BY recorded_ms DESC, id DESC")
            .arg(QLatin1String(kRecordingColumns), marks.join(QStringLiteral(", "))),
        params);
    std::vector<Recording> recordings;
    for (const HubRow& row : result.rows)
        recordings.push_back(recordingFrom(row));
    return withFiles(std::move(recordings));
}

std::vector<Recording> RecordingCatalogue::withFiles(std::vector<Recording> recordings)
{
    if (recordings.empty())
        return recordings;
    std::map<std::int64_t, Recording*> byId;
    QVariantList params;
    QStringList marks;
    for (Recording& recording : recordings) {
        byId[recording.id] = &recording;
        params.append(QVariant::fromValue(recording.id));
        marks.append(QStringLiteral("?"));
    }
    const HubQueryResult result = db_.exec(
        QStringLiteral("SELECT recording_id, rendition, part, file, bytes, sha256, duration_ms FROM recording_files "
                       "WHERE recording_id IN (%1) ORDER BY recording_id, part")
            .arg(marks.join(QStringLiteral(", "))),
        params);
    for (const HubRow& row : result.rows)
        byId.at(row.integer(0))
            ->files.push_back(RecordingFile{row.text(1), int(row.integer(2)), row.text(3), row.integer(4), row.text(5),
                                            row.integer(6)});
    for (Recording& recording : recordings)
        std::stable_sort(recording.files.begin(), recording.files.end(), [](const auto& a, const auto& b) {
            return renditionOrder(a.rendition) < renditionOrder(b.rendition);
        });
    return recordings;
}

Expected<bool, CatalogueError> RecordingCatalogue::remove(std::int64_t id, std::int64_t nowMs)
{
    const std::filesystem::path files = dir_ / std::to_string(id);
    const std::filesystem::path trash = dir_ / QStringLiteral(".trash-%1-%2").arg(id).arg(nowMs).toStdString();
    bool moved = false;
    try {
        const bool known = db_.transaction([&] {
            if (!db_.queryOne(QStringLiteral("SELECT 1 FROM recordings WHERE id = ?"), {QVariant::fromValue(id)}))
                return false;
            db_.exec(QStringLiteral("DELETE FROM recording_files WHERE recording_id = ?"), {QVariant::fromValue(id)});
            db_.exec(QStringLiteral("DELETE FROM recordings WHERE id = ?"), {QVariant::fromValue(id)});
            // Last before the commit; a failure here keeps the rows.
            if (std::filesystem::exists(files)) {
                std::filesystem::rename(files, trash);
                moved = true;
            }
            return true;
        });
        if (!known)
            return Error{Error::Code::NotFound, QStringLiteral("There is no recording %1.").arg(id)};
    } catch (const std::filesystem::filesystem_error& error) {
        return failed(QStringLiteral("Cannot delete the files of recording %1: %2.")
                          .arg(id)
                          .arg(QString::fromUtf8(error.what())));
    } catch (...) {
        std::error_code ignored;
        if (moved)
            std::filesystem::rename(trash, files, ignored);
        throw;
    }
    std::error_code error;
    std::filesystem::remove_all(trash, error);
    if (error)
        std::fprintf(stderr, "spoke-hub: recording %lld: cannot remove %s (%s); the next prune retries\n",
                     static_cast<long long>(id), trash.c_str(), error.message().c_str());
    return true;
}

int RecordingCatalogue::sweep(std::int64_t nowMs)
{
    std::error_code error;
    if (!std::filesystem::is_directory(dir_, error))
        return 0;
    int removed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir_, error)) {
        const QString name = QString::fromStdString(entry.path().filename().string());
        const QStringList fields = name.split(QLatin1Char('-'));
        const bool trash = name.startsWith(QLatin1String(".trash-")) && fields.size() == 3;
        const bool staging = name.startsWith(QLatin1String(".staging-")) && fields.size() == 3;
        if (!trash && !staging)
            continue;
        const std::int64_t stampMs = fields[2 - int(staging)].toLongLong();
        if (staging) {
            if (nowMs - stampMs < kStagingStaleMs)
                continue;
        } else if (db_.queryOne(QStringLiteral("SELECT 1 FROM recordings WHERE id = ?"),
                                {QVariant::fromValue(fields[1].toLongLong())})) {
            if (nowMs - stampMs >= kTrashStaleMs)
                std::filesystem::rename(entry.path(), dir_ / fields[1].toStdString(), error);
            continue;
        }
        std::error_code failedRemove;
        std::filesystem::remove_all(entry.path(), failedRemove);
        if (failedRemove)
            std::fprintf(stderr, "spoke-hub: cannot remove %s (%s); the next prune retries\n", entry.path().c_str(),
                         failedRemove.message().c_str());
        else
            ++removed;
    }
    return removed;
}

} // namespace spoke::hub::recordings
