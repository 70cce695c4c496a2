#pragma once

#include "store/StoreError.h"
#include "util/Expected.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spoke::store {

class Database;

// A recording's timeline as the hub serves it (docs/hub-api.md, `GET
// /api/v1/recordings/{id}/timeline`) and as the cache keeps it (migration 6):
// offsets are milliseconds from the recording's start. Plain values, no words.
struct TimelineChapter {
    std::string title;
    std::int64_t startMs = 0;
    std::optional<std::int64_t> endMs;
    std::optional<std::int64_t> caseId; // a local case, when the caller knows which one was presented
};

struct RecordingChatLine {
    std::int64_t id = 0; // the cache's row
    std::optional<std::int64_t> hubId;
    std::string author;
    std::string role;
    std::int64_t offsetMs = 0;
    std::string text;
};

struct SlideShown {
    std::string deckSha256;
    int page = 0; // from 0, as the hub counts
    std::int64_t offsetMs = 0;
};

struct HandEvent {
    std::string name;
    bool raised = true;
    std::int64_t offsetMs = 0;
};

struct RecordingDeck {
    std::string sha256;
    std::string title;
    int pages = 0;
    std::int64_t sizeBytes = 0;
    // Where slides::DeckCache keeps (or will keep) the PDF: `<folder>/<sha256>.pdf`.
    std::string filePath;
};

// From offsetMs on, the case panel showed section `section` (a form
// section's key) of hub case `hubCaseId`.
struct CaseSectionShown {
    std::int64_t hubCaseId = 0;
    std::string section;
    std::int64_t offsetMs = 0;
};

// A case shown in the recording: its de-identified document as the hub
// holds it (a JSON object, compact).
struct RecordingCaseDocument {
    std::int64_t hubCaseId = 0;
    std::string code;
    std::string title;
    std::string documentJson;
};

struct HubTimeline {
    std::int64_t startedMs = 0;
    std::vector<TimelineChapter> chapters; // by start
    std::vector<RecordingChatLine> chat;
    std::vector<SlideShown> slides;
    std::vector<HandEvent> hands;
    std::vector<RecordingDeck> decks; // filePath empty: writeTimeline fills it from the deck folder
    std::vector<CaseSectionShown> caseViews; // by offset (migration 7)
    std::vector<RecordingCaseDocument> caseDocuments;
};

struct TimelineError {
    std::string message;
};

// Reads the hub's timeline answer. Every row is checked (offsets >= 0, a
// deck named by 64 hex digits, a page >= 0); a malformed one is an error,
// not a skipped row, so a damaged answer never half-fills the cache.
Expected<HubTimeline, TimelineError> parseHubTimeline(std::string_view json);

// Replaces the recording's chapters, chat, slide turns, hands, decks and case
// sections and documents with
// `timeline`, in one transaction (nested in the caller's if there is one).
// Decks without a filePath get `deckFolder / "<sha256>.pdf"`, the name
// slides::DeckCache stores them under (core/slides/README.md). Throws
// StoreError (NotFound-like Query) if the recording is not in the cache.
void writeTimeline(Database& db, std::int64_t recordingId, const HubTimeline& timeline,
                   const std::filesystem::path& deckFolder);

// Parses and writes in one step: what the download's caller runs with the
// bytes of `GET /api/v1/recordings/{id}/timeline`.
Expected<HubTimeline, TimelineError> storeHubTimeline(Database& db, std::int64_t recordingId, std::string_view json,
                                                      const std::filesystem::path& deckFolder);

// The text of each page of a deck (from 0), for search: core/slides
// extracts it with poppler (slides::Deck::pageText). Replaces what was kept.
void setDeckPageText(Database& db, const std::string& deckSha256, const std::vector<std::string>& pages);

std::vector<RecordingChatLine> recordingChat(Database& db, std::int64_t recordingId);
std::vector<SlideShown> recordingSlides(Database& db, std::int64_t recordingId);
std::vector<HandEvent> recordingHands(Database& db, std::int64_t recordingId);
std::vector<RecordingDeck> recordingDecks(Database& db, std::int64_t recordingId);
std::vector<CaseSectionShown> recordingCaseViews(Database& db, std::int64_t recordingId);
std::vector<RecordingCaseDocument> recordingCaseDocuments(Database& db, std::int64_t recordingId);

} // namespace spoke::store
