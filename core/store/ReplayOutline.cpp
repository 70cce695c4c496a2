#include "store/ReplayOutline.h"

#include "store/Cache.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace spoke::store {

namespace {

std::optional<std::string> programmeOf(Cache& cache, const Recording& recording)
{
    if (!recording.sessionId)
        return std::nullopt;
    const auto session = cache.sessions().session(*recording.sessionId);
    if (!session)
        return std::nullopt;
    for (auto& programme : cache.sessions().programmes())
        if (programme.id == session->programmeId)
            return std::move(programme.name);
    return std::nullopt;
}

// The cases presented in the chapters, then the chat, by position.
std::vector<TimelineEntry> timelineOf(Cache& cache, const Recording& recording, const std::vector<Chapter>& chapters)
{
    std::vector<TimelineEntry> timeline;
    for (const auto& chapter : chapters) {
        if (!chapter.caseId)
            continue;
        const auto record = cache.cases().byId(*chapter.caseId);
        if (!record)
            continue;
        const auto revision = cache.cases().latestRevision(*chapter.caseId);
        timeline.push_back({TimelineEntry::Kind::Case,
                            chapter.startMs,
                            {},
                            record->caseCode,
                            record->title,
                            revision ? revision->plainText : std::string()});
    }
    auto own = recordingChat(cache.db(), recording.id);
    for (auto& line : own)
        timeline.push_back(
            {TimelineEntry::Kind::Chat, line.offsetMs, std::move(line.author), {}, {}, std::move(line.text)});
    if (own.empty() && recording.sessionId)
        for (auto& message : cache.sessions().chat(*recording.sessionId))
            timeline.push_back({TimelineEntry::Kind::Chat,
                                message.offsetMs,
                                std::move(message.author),
                                {},
                                {},
                                std::move(message.body)});
    std::stable_sort(timeline.begin(), timeline.end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.positionMs < b.positionMs; });
    return timeline;
}

} // namespace

std::optional<ReplayOutline> loadReplayOutline(Cache& cache, std::int64_t recordingId)
{
    auto recording = cache.recordings().byId(recordingId);
    if (!recording)
        return std::nullopt;
    ReplayOutline outline;
    std::error_code ignored; // unreadable counts as missing
    outline.fileExists = !recording->filePath.empty() && std::filesystem::exists(recording->filePath, ignored);
    outline.programmeName = programmeOf(cache, *recording);
    outline.chapters = cache.recordings().chapters(recordingId);
    outline.timeline = timelineOf(cache, *recording, outline.chapters);
    outline.slides = recordingSlides(cache.db(), recordingId);
    outline.hands = recordingHands(cache.db(), recordingId);
    outline.decks = recordingDecks(cache.db(), recordingId);
    outline.caseViews = recordingCaseViews(cache.db(), recordingId);
    outline.caseDocuments = recordingCaseDocuments(cache.db(), recordingId);
    outline.bookmarks = cache.recordings().bookmarks(recordingId);
    outline.resumeMs = cache.recordings().resumePosition(recordingId);
    outline.recording = std::move(*recording);
    return outline;
}

} // namespace spoke::store
