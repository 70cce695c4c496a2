#pragma once

#include "util/Expected.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

namespace spoke::hub {

class HubDatabase;

namespace recordings {

// The renditions a recording may have (docs/hub-api.md, Recordings): the
// full WebM as recorded, a light one (360p VP8 + Opus) and audio with the
// slides' timeline only.
inline const QString kFull = QStringLiteral("full");
inline const QString kLight = QStringLiteral("light");
inline const QString kAudioSlides = QStringLiteral("audio-slides");
bool isRendition(const QString& name);

struct RecordingFile {
    QString rendition;
    int part = 0;
    QString file; // relative to DATA_DIR/recordings: "<id>/<rendition>-<part>.webm"
    std::int64_t bytes = 0;
    QString sha256; // lower-case hex
    std::int64_t durationMs = 0;
};

struct Recording {
    std::int64_t id = 0;
    std::int64_t programmeId = 0;
    std::optional<std::int64_t> sessionId;
    QString title;
    std::int64_t recordedMs = 0;
    std::int64_t durationMs = 0;
    QString source; // "live" | "import"
    std::int64_t createdMs = 0;
    std::vector<RecordingFile> files; // by rendition (full, light, audio-slides), then part
};

// docs/hub-api.md, Objects: Recording, as the API and `spoke-hub admin
// recording list` print it.
QJsonObject recordingJson(const Recording& recording);

// What a renditions maker produced: for one rendition, its files in part
// order (anywhere inside the output dir it was given).
struct MadeRendition {
    QString rendition; // kLight or kAudioSlides
    std::vector<std::filesystem::path> parts;
};

// Makes the light and audio-slides renditions of a recording: given the
// full parts in order (already in the catalogue's staging dir) and an
// output dir to write into, returns what it made, or a sentence saying why
// it could not. core/recording/Renditions is the real one; the catalogue
// only files what this returns, so it never claims a rendition not made.
using RenditionMaker = std::function<Expected<std::vector<MadeRendition>, QString>(
    const std::vector<std::filesystem::path>& fullParts, const std::filesystem::path& outputDir)>;

// The renditions maker the hub uses (spoke-hub admin recording import and
// the live recorder): light and audio-slides made by core/recording's
// Renditions, one file each.
RenditionMaker hubRenditionMaker();

struct AddRecording {
    std::int64_t programmeId = 0;
    std::optional<std::int64_t> sessionId; // must be a session of the programme
    QString title; // 1-200 characters
    // When the recording started, the origin of its timeline; by default the
    // session's first started agenda item, else the session's start, else now.
    std::optional<std::int64_t> recordedMs;
    QString source = QStringLiteral("import");
    std::vector<std::filesystem::path> fullParts; // the full rendition, in order
    bool moveParts = false; // move the parts in (a recorder's own files) instead of copying
};

// Why the catalogue refused: BadArgument is the caller's mistake (a CLI's
// exit 2, an API's 400), NotFound an unknown id, Failed the disk or a
// rendition that could not be made.
struct CatalogueError {
    enum class Code { BadArgument, NotFound, Failed };
    Code code = Code::Failed;
    QString message;
};

// The hub's recordings: rows in `recordings` and `recording_files` (hub
// migration 9) and their files under DATA_DIR/recordings/<id>/. A row never
// names a missing file: an import writes every file into a staging dir
// (temp file, fsync, rename), and the dir becomes <id>/ inside the
// transaction that inserts the rows; a delete moves <id>/ aside inside the
// transaction that deletes them and removes it after the commit (a failure
// there leaves only files, which sweep() removes later). Clock-free: times
// are parameters. Access rules are the API's (core/hub/api).
// Thread: the thread that owns the HubDatabase.
class RecordingCatalogue {
public:
    RecordingCatalogue(HubDatabase& db, std::filesystem::path recordingsDir);

    const std::filesystem::path& directory() const { return dir_; }

    // Files the parts (copied or moved), hashes and probes them, makes the
    // renditions with `makeRenditions` (may be empty: full only), and adds
    // the rows in one transaction. Returns the new recording.
    Expected<Recording, CatalogueError> add(const AddRecording& request, const RenditionMaker& makeRenditions,
                                            std::int64_t nowMs);

    std::optional<Recording> get(std::int64_t id);
    // A programme's recordings, newest first (recorded_ms, then id).
    std::vector<Recording> list(std::int64_t programmeId);
    // Several programmes' recordings (a caller's memberships), newest first.
    std::vector<Recording> list(const std::vector<std::int64_t>& programmeIds);

    // Deletes the rows and the files. NotFound for an unknown id; Failed
    // (rows kept) when the files cannot be moved aside.
    Expected<bool, CatalogueError> remove(std::int64_t id, std::int64_t nowMs);

    // The absolute path of one stored file.
    std::filesystem::path pathOf(const RecordingFile& file) const { return dir_ / file.file.toStdString(); }

    // Removes what deletes left behind (DATA_DIR/recordings/.trash-*): a
    // dir whose rows still exist after `staleMs` is from a delete that died
    // before its commit, and is moved back. Returns the dirs removed.
    int sweep(std::int64_t nowMs);

private:
    std::vector<Recording> withFiles(std::vector<Recording> recordings);

    HubDatabase& db_;
    std::filesystem::path dir_;
};

} // namespace recordings
} // namespace spoke::hub
