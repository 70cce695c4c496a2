#include "store/Search.h"

#include "store/Database.h"

#include <cctype>

namespace spoke::store {

namespace {

// Marks the matched words inside FTS5 snippets; stripped before returning.
constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

bool hasWordCharacter(std::string_view token)
{
    for (const unsigned char c : token)
        if (c >= 0x80 || std::isalnum(c))
            return true;
    return false;
}

void stripMarkers(SearchHit& hit)
{
    std::string clean;
    clean.reserve(hit.snippet.size());
    int openAt = -1;
    for (const char c : hit.snippet) {
        if (c == kOpen) {
            openAt = static_cast<int>(clean.size());
        } else if (c == kClose) {
            if (openAt >= 0)
                hit.highlights.emplace_back(openAt, static_cast<int>(clean.size()));
            openAt = -1;
        } else {
            clean.push_back(c);
        }
    }
    hit.snippet = std::move(clean);
}

// Fills in where a hit lives, and a title a person can recognise.
void addContext(Database& db, SearchHit& hit)
{
    const auto fetch = [&](std::string_view sql) {
        Statement stmt = db.prepare(sql);
        stmt.bind(1, hit.id);
        return stmt;
    };
    if (hit.kind == "session") {
        hit.sessionId = hit.id;
    } else if (hit.kind == "case") {
        hit.caseId = hit.id;
        auto stmt = fetch("SELECT session_id FROM cases WHERE id = ?");
        if (stmt.step())
            hit.sessionId = stmt.optionalInt64(0);
    } else if (hit.kind == "recommendation") {
        auto stmt = fetch("SELECT case_id, session_id FROM recommendations WHERE id = ?");
        if (stmt.step()) {
            hit.caseId = stmt.int64(0);
            hit.sessionId = stmt.optionalInt64(1);
        }
    } else if (hit.kind == "chat") {
        auto stmt = fetch("SELECT m.session_id, m.offset_ms, m.author, s.title,"
                          " (SELECT r.id FROM recordings r WHERE r.session_id = m.session_id ORDER BY r.id LIMIT 1)"
                          " FROM chat_messages m JOIN sessions s ON s.id = m.session_id WHERE m.id = ?");
        if (stmt.step()) {
            hit.sessionId = stmt.int64(0);
            hit.positionMs = stmt.int64(1);
            hit.title = stmt.text(2) + " in chat — " + stmt.text(3);
            hit.recordingId = stmt.optionalInt64(4);
        }
    } else if (hit.kind == "recording_chat") {
        // A recording's own chat (a hub timeline): found where it was said.
        hit.kind = "chat";
        auto stmt = fetch("SELECT m.recording_id, m.offset_ms, m.author, r.title, r.session_id"
                          " FROM recording_chat m JOIN recordings r ON r.id = m.recording_id WHERE m.id = ?");
        if (stmt.step()) {
            hit.recordingId = stmt.int64(0);
            hit.positionMs = stmt.int64(1);
            hit.title = stmt.text(2) + " in chat — " + stmt.text(3);
            hit.sessionId = stmt.optionalInt64(4);
        }
    } else if (hit.kind == "slide") {
        // A deck page: the first moment a recording showed it.
        auto stmt =
            fetch("SELECT s.recording_id, s.offset_ms, r.session_id, r.title, p.page"
                  " FROM deck_pages p JOIN recording_slides s ON s.deck_sha256 = p.deck_sha256 AND s.page = p.page"
                  " JOIN recordings r ON r.id = s.recording_id WHERE p.id = ?"
                  " ORDER BY s.recording_id, s.offset_ms LIMIT 1");
        if (stmt.step()) {
            hit.recordingId = stmt.int64(0);
            hit.positionMs = stmt.int64(1);
            hit.sessionId = stmt.optionalInt64(2);
            hit.title = "Slide " + std::to_string(stmt.int64(4) + 1) + " — " + stmt.text(3);
        }
    } else if (hit.kind == "chapter" || hit.kind == "note") {
        auto stmt = fetch(hit.kind == "chapter"
                              ? "SELECT c.recording_id, c.start_ms, r.session_id, r.title, c.case_id, c.title"
                                " FROM chapters c JOIN recordings r ON r.id = c.recording_id WHERE c.id = ?"
                              : "SELECT b.recording_id, b.position_ms, r.session_id, r.title, NULL, 'Note'"
                                " FROM bookmarks b JOIN recordings r ON r.id = b.recording_id WHERE b.id = ?");
        if (stmt.step()) {
            hit.recordingId = stmt.int64(0);
            hit.positionMs = stmt.int64(1);
            hit.sessionId = stmt.optionalInt64(2);
            hit.caseId = stmt.optionalInt64(4);
            hit.title = stmt.text(5) + " — " + stmt.text(3);
        }
    }
}

} // namespace

std::string toFtsQuery(std::string_view userText, bool prefixLastTerm)
{
    std::vector<std::string_view> tokens;
    std::size_t pos = 0;
    while (pos < userText.size()) {
        while (pos < userText.size() && std::isspace(static_cast<unsigned char>(userText[pos])))
            ++pos;
        const std::size_t start = pos;
        while (pos < userText.size() && !std::isspace(static_cast<unsigned char>(userText[pos])))
            ++pos;
        const auto token = userText.substr(start, pos - start);
        if (!token.empty() && hasWordCharacter(token))
            tokens.push_back(token);
    }
    const bool typingLastWord =
        prefixLastTerm && !userText.empty() && !std::isspace(static_cast<unsigned char>(userText.back()));

    std::string query;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!query.empty())
            query += ' ';
        query += '"';
        for (const char c : tokens[i]) {
            query += c;
            if (c == '"')
                query += '"';
        }
        query += '"';
        if (typingLastWord && i + 1 == tokens.size())
            query += '*';
    }
    return query;
}

std::vector<SearchHit> search(Database& db, std::string_view userText, const SearchOptions& options)
{
    const std::string query = toFtsQuery(userText, options.prefixLastTerm);
    if (query.empty())
        return {};
    // Title matches weigh five times body matches. snippet(-1) picks the column
    // that matched best, so a hit on a title alone still shows a snippet.
    Statement stmt = db.prepare("SELECT kind, ref_id, title, snippet(search_index, -1, char(1), char(2), '…', 14),"
                                "       bm25(search_index, 0, 0, 5.0, 1.0) AS score"
                                "  FROM search_index WHERE search_index MATCH ? ORDER BY score LIMIT ?");
    stmt.bindAll(query, options.limit);
    std::vector<SearchHit> hits;
    while (stmt.step()) {
        SearchHit hit;
        hit.kind = stmt.text(0);
        hit.id = stmt.int64(1);
        hit.title = stmt.text(2);
        hit.snippet = stmt.text(3);
        hit.relevance = -stmt.real(4);
        stripMarkers(hit);
        hits.push_back(std::move(hit));
    }
    for (SearchHit& hit : hits)
        addContext(db, hit);
    return hits;
}

} // namespace spoke::store
