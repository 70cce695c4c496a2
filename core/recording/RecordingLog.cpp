#include "recording/RecordingLog.h"

#include "recording/Importer.h"
#include "recording/RecordingError.h"
#include "store/RecordingStore.h"

#include <QDateTime>

namespace spoke::recording {

RecordingLog::RecordingLog(store::RecordingStore& recordings, const std::filesystem::path& file,
                           const std::string& title, std::optional<std::int64_t> sessionId)
    : recordings_(recordings)
{
    store::Recording row;
    row.sessionId = sessionId;
    row.title = title.empty() ? file.stem().string() : title;
    row.filePath = std::filesystem::absolute(file).string();
    row.source = store::RecordingSource::Local;
    row.createdMs = QDateTime::currentMSecsSinceEpoch();
    recordingId_ = recordings_.add(row);
}

std::int64_t RecordingLog::chapter(std::int64_t startMs, const std::string& title)
{
    if (openChapter_)
        recordings_.setChapterEnd(*openChapter_, std::max(startMs, openChapterStartMs_));
    store::Chapter row;
    row.recordingId = recordingId_;
    row.startMs = std::max<std::int64_t>(0, startMs);
    row.title = title;
    openChapter_ = recordings_.addChapter(row);
    openChapterStartMs_ = row.startMs;
    return *openChapter_;
}

std::int64_t RecordingLog::bookmark(std::int64_t positionMs, const std::string& note)
{
    store::Bookmark row;
    row.recordingId = recordingId_;
    row.positionMs = std::max<std::int64_t>(0, positionMs);
    row.note = note;
    row.createdMs = QDateTime::currentMSecsSinceEpoch();
    return recordings_.addBookmark(row);
}

void RecordingLog::finish(const ProbeResult& probe, const std::string& sha256)
{
    if (openChapter_)
        recordings_.setChapterEnd(*openChapter_, std::max(probe.playableMs, openChapterStartMs_));
    openChapter_.reset();
    recordings_.setFileFacts(recordingId_, probe.playableMs, probe.sizeBytes, sha256);
}

int RecordingLog::recoverInterrupted(store::RecordingStore& recordings)
{
    int recovered = 0;
    for (const store::Recording& row : recordings.list(100000)) {
        if (row.source != store::RecordingSource::Local || !row.sha256.empty())
            continue;
        try {
            const ProbeResult probe = RecordingProbe::probe(row.filePath, ProbeDepth::ReadAll);
            std::vector<store::Chapter> chapters = recordings.chapters(row.id);
            // The cache missed the chapters (it was busy or failing when the
            // crash came): the journal beside the file has them.
            if (chapters.empty()) {
                for (const ChapterMark& mark : probe.chapters) {
                    store::Chapter chapter;
                    chapter.recordingId = row.id;
                    chapter.startMs = mark.startMs;
                    chapter.endMs = mark.endMs;
                    chapter.title = mark.title;
                    recordings.addChapter(chapter);
                }
                chapters = recordings.chapters(row.id);
            }
            for (std::size_t i = 0; i < chapters.size(); ++i) {
                if (chapters[i].endMs)
                    continue;
                const std::int64_t end = i + 1 < chapters.size() ? chapters[i + 1].startMs : probe.playableMs;
                recordings.setChapterEnd(chapters[i].id, std::max(end, chapters[i].startMs));
            }
            recordings.setFileFacts(row.id, probe.playableMs, probe.sizeBytes, Importer::sha256Of(row.filePath));
            ++recovered;
        } catch (const RecordingError&) { // NOLINT(bugprone-empty-catch): the file is gone or unreadable; keep the row as it is
        }
    }
    return recovered;
}

} // namespace spoke::recording
