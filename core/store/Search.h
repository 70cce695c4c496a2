#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spoke::store {

class Database;

// One ranked answer to a search, with enough context to open it: the session
// it belongs to and, for chat, chapters and notes, the moment in a recording.
struct SearchHit {
    // session | case | recommendation | chat | chapter | note | slide (a deck
    // page's text; recordingId and positionMs say when a recording showed it)
    std::string kind;
    std::int64_t id = 0;
    std::string title;
    std::string snippet;
    std::vector<std::pair<int, int>> highlights; // [begin, end) byte offsets into snippet
    double relevance = 0; // higher is better (negated bm25)
    std::optional<std::int64_t> sessionId;
    std::optional<std::int64_t> caseId;
    std::optional<std::int64_t> recordingId;
    std::optional<std::int64_t> positionMs;
};

struct SearchOptions {
    int limit = 20;
    // Search-as-you-type: the last word matches as a prefix.
    bool prefixLastTerm = false;
};

// Turns what a person typed into a safe FTS5 query: every word becomes a quoted
// phrase (so `"`, `NEAR(`, `*`, `-` or `AND` are just text), all words must match.
// Empty when nothing searchable remains.
std::string toFtsQuery(std::string_view userText, bool prefixLastTerm);

std::vector<SearchHit> search(Database& db, std::string_view userText, const SearchOptions& options = {});

} // namespace spoke::store
