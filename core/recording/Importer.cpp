#include "recording/Importer.h"

#include "recording/RecordingError.h"
#include "store/RecordingStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>

#include <system_error>

namespace spoke::recording {

namespace {

bool isAcceptedContainer(const std::string& name)
{
    return name.find("matroska") != std::string::npos || name.find("webm") != std::string::npos
           || name.find("mp4") != std::string::npos || name.find("mov") != std::string::npos;
}

} // namespace

Importer::Importer(store::RecordingStore& recordings, std::filesystem::path dataDir)
    : recordings_(recordings)
    , dataDir_(std::move(dataDir))
{
}

std::string Importer::sha256Of(const std::filesystem::path& file)
{
    QFile in(QString::fromStdString(file.string()));
    if (!in.open(QIODevice::ReadOnly))
        throw RecordingError(RecordingErrorKind::CannotOpen,
                             "Cannot read '" + file.string() + "': " + in.errorString().toStdString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&in))
        throw RecordingError(RecordingErrorKind::Io, "Reading '" + file.string() + "' failed part-way");
    return hash.result().toHex().toStdString();
}

ImportResult Importer::importFile(const std::filesystem::path& file, const ImportOptions& options)
{
    ImportResult result;
    result.probe = RecordingProbe::probe(file, ProbeDepth::ReadAll);
    const ProbeResult& probe = result.probe;
    if (!isAcceptedContainer(probe.container))
        throw RecordingError(RecordingErrorKind::Unsupported, "'" + file.string() + "' is a " + probe.container
                                                                  + " file; Spoke imports WebM, MKV and MP4 recordings");
    if (!probe.hasVideo() && !probe.hasAudio())
        throw RecordingError(RecordingErrorKind::NotMedia, "'" + file.string() + "' has neither video nor audio");
    if (probe.playableMs <= 0)
        throw RecordingError(RecordingErrorKind::NotMedia,
                             "'" + file.string() + "' holds no playable media" + (probe.problem.empty() ? "" : ": ")
                                 + probe.problem);

    result.sha256 = sha256Of(file);
    for (const store::Recording& existing : recordings_.list(100000)) {
        if (existing.sha256 == result.sha256) {
            result.recordingId = existing.id;
            result.storedFile = existing.filePath;
            result.alreadyInLibrary = true;
            return result;
        }
    }

    const std::filesystem::path folder = dataDir_ / "recordings";
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error)
        throw RecordingError(RecordingErrorKind::CannotOpen,
                             "Cannot create the library folder '" + folder.string() + "': " + error.message());
    result.storedFile = folder / (result.sha256.substr(0, 16) + "-" + file.filename().string());
    if (!std::filesystem::exists(result.storedFile)) {
        // A hard link costs no space and keeps the bytes if the original is
        // deleted; across file systems we copy.
        std::filesystem::create_hard_link(file, result.storedFile, error);
        result.linked = !error;
        if (error) {
            const auto partial = std::filesystem::path(result.storedFile.string() + ".partial");
            std::filesystem::copy_file(file, partial, std::filesystem::copy_options::overwrite_existing, error);
            if (!error)
                std::filesystem::rename(partial, result.storedFile, error);
            if (error) {
                std::filesystem::remove(partial, error);
                throw RecordingError(error == std::errc::no_space_on_device ? RecordingErrorKind::DiskFull
                                                                            : RecordingErrorKind::Io,
                                     "Cannot copy '" + file.string() + "' into the library: " + error.message());
            }
        }
    }

    store::Recording row;
    row.sessionId = options.sessionId;
    row.title = !options.title.empty() ? options.title
                : !probe.title.empty()  ? probe.title
                                        : file.stem().string();
    row.filePath = result.storedFile.string();
    row.durationMs = probe.playableMs;
    row.sizeBytes = probe.sizeBytes;
    row.sha256 = result.sha256;
    row.source = options.source;
    row.createdMs = QDateTime::currentMSecsSinceEpoch();
    result.recordingId = recordings_.add(row);
    for (const ChapterMark& mark : closeChapters(probe.chapters, probe.playableMs)) {
        store::Chapter chapter;
        chapter.recordingId = result.recordingId;
        chapter.startMs = mark.startMs;
        chapter.endMs = mark.endMs;
        chapter.title = mark.title;
        recordings_.addChapter(chapter);
    }
    return result;
}

} // namespace spoke::recording
