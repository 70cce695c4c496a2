#pragma once

#include "store/RecordingTimeline.h"
#include "store/Records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spoke::store {

class Cache;

// One item laid out on a recording's timeline: a chat message, or the case
// presented in a chapter (shown when that chapter plays).
struct TimelineEntry {
    enum class Kind { Case, Chat };
    Kind kind = Kind::Chat;
    std::int64_t positionMs = 0;
    std::string author; // Chat: who wrote it
    std::string caseCode; // Case: its code and title
    std::string caseTitle;
    std::string text; // Chat: the message; Case: the latest revision's plain text (empty without one)
};

// Everything the player page shows about a recording besides the file's own
// contents, read from the cache in one call: the row, the programme of its
// session, chapters, the timeline (cases and chat, by position), the slide
// pages shown and hands raised (RecordingTimeline), the decks with where
// their PDFs are, bookmarks and where replay was left off. Plain values: words are the caller's to
// choose (the player translates "Case %1: %2").
struct ReplayOutline {
    Recording recording;
    bool fileExists = false; // recording.filePath names a file on this laptop
    std::optional<std::string> programmeName; // of the recording's session, if it has one
    std::vector<Chapter> chapters; // by start
    // By position; ties keep cases (chapter order) before chat. Chat is the
    // recording's own (a hub timeline) when it has any, else its session's.
    std::vector<TimelineEntry> timeline;
    std::vector<SlideShown> slides; // by offset
    std::vector<HandEvent> hands; // by offset
    std::vector<RecordingDeck> decks;
    // The case panel's sections and the documents shown (a hub recording's
    // timeline, migration 7); empty for other recordings.
    std::vector<CaseSectionShown> caseViews; // by offset
    std::vector<RecordingCaseDocument> caseDocuments;
    std::vector<Bookmark> bookmarks;
    std::optional<std::int64_t> resumeMs;
};

// Nothing if the recording is not in the cache. Throws StoreError like the
// stores it reads. Runs on the cache's thread (CacheWorker), like any
// statement.
std::optional<ReplayOutline> loadReplayOutline(Cache& cache, std::int64_t recordingId);

} // namespace spoke::store
