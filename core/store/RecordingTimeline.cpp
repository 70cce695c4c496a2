#include "store/RecordingTimeline.h"

#include "store/Database.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>

namespace spoke::store {

namespace {

using Parsed = Expected<HubTimeline, TimelineError>;

bool isSha256Hex(const std::string& text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
           });
}

std::string str(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString().toStdString();
}

// A whole, non-negative number of milliseconds, or nothing.
std::optional<std::int64_t> offsetOf(const QJsonObject& object, const char* key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 0 || number > 9.0e15 || number != static_cast<double>(static_cast<std::int64_t>(number)))
        return std::nullopt;
    return static_cast<std::int64_t>(number);
}

TimelineError bad(const char* what, qsizetype index)
{
    return {"The recording's timeline has a malformed " + std::string(what) + " (item " + std::to_string(index + 1)
            + ")"};
}

std::optional<TimelineError> readChapters(const QJsonArray& rows, HubTimeline& out)
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows[i].toObject();
        const auto start = offsetOf(row, "start_ms");
        if (!row.value(QLatin1String("title")).isString() || !start)
            return bad("chapter", i);
        const auto end = offsetOf(row, "end_ms");
        if (end && *end < *start)
            return bad("chapter", i);
        out.chapters.push_back({str(row, "title"), *start, end, std::nullopt});
    }
    std::stable_sort(out.chapters.begin(), out.chapters.end(),
                     [](const TimelineChapter& a, const TimelineChapter& b) { return a.startMs < b.startMs; });
    return std::nullopt;
}

std::optional<TimelineError> readChat(const QJsonArray& rows, HubTimeline& out)
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows[i].toObject();
        const auto at = offsetOf(row, "offset_ms");
        if (!at || !row.value(QLatin1String("text")).isString())
            return bad("chat message", i);
        RecordingChatLine line;
        line.hubId = offsetOf(row, "id");
        // The hub sends the author as {"id","name"} (docs/hub-api.md, the
        // timeline route); a plain name is read too.
        const QJsonValue author = row.value(QLatin1String("author"));
        line.author = author.isObject() ? str(author.toObject(), "name") : author.toString().toStdString();
        line.role = str(row, "role");
        line.offsetMs = *at;
        line.text = str(row, "text");
        out.chat.push_back(std::move(line));
    }
    return std::nullopt;
}

std::optional<TimelineError> readSlidesAndHands(const QJsonObject& doc, HubTimeline& out)
{
    const QJsonArray slides = doc.value(QLatin1String("slides")).toArray();
    for (qsizetype i = 0; i < slides.size(); ++i) {
        const QJsonObject row = slides[i].toObject();
        const auto at = offsetOf(row, "offset_ms");
        const auto page = offsetOf(row, "page");
        if (!at || !page || *page > 100'000 || !isSha256Hex(str(row, "deck")))
            return bad("slide turn", i);
        out.slides.push_back({str(row, "deck"), static_cast<int>(*page), *at});
    }
    const QJsonArray hands = doc.value(QLatin1String("hands")).toArray();
    for (qsizetype i = 0; i < hands.size(); ++i) {
        const QJsonObject row = hands[i].toObject();
        const auto at = offsetOf(row, "offset_ms");
        if (!at || !row.value(QLatin1String("raised")).isBool())
            return bad("hand event", i);
        out.hands.push_back({str(row, "name"), row.value(QLatin1String("raised")).toBool(), *at});
    }
    const QJsonArray decks = doc.value(QLatin1String("decks")).toArray();
    for (qsizetype i = 0; i < decks.size(); ++i) {
        const QJsonObject row = decks[i].toObject();
        const auto pages = offsetOf(row, "pages");
        if (!isSha256Hex(str(row, "sha256")) || !pages || *pages > 100'000)
            return bad("deck", i);
        out.decks.push_back(
            {str(row, "sha256"), str(row, "title"), static_cast<int>(*pages), offsetOf(row, "bytes").value_or(0), {}});
    }
    return std::nullopt;
}

bool isSectionKey(const std::string& key)
{
    return !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
}

// `cases` and `case_documents` (absent from an older hub's answer: none).
// Every view's case must come with its document, or replay could not show it.
std::optional<TimelineError> readCases(const QJsonObject& doc, HubTimeline& out)
{
    const QJsonArray documents = doc.value(QLatin1String("case_documents")).toArray();
    for (qsizetype i = 0; i < documents.size(); ++i) {
        const QJsonObject row = documents[i].toObject();
        const auto caseId = offsetOf(row, "case_id");
        const QJsonValue document = row.value(QLatin1String("document"));
        if (!caseId || *caseId == 0 || !document.isObject())
            return bad("case document", i);
        out.caseDocuments.push_back({*caseId, str(row, "code"), str(row, "title"),
                                     QJsonDocument(document.toObject()).toJson(QJsonDocument::Compact).toStdString()});
    }
    const QJsonArray views = doc.value(QLatin1String("cases")).toArray();
    for (qsizetype i = 0; i < views.size(); ++i) {
        const QJsonObject row = views[i].toObject();
        const auto caseId = offsetOf(row, "case_id");
        const auto at = offsetOf(row, "offset_ms");
        const std::string section = str(row, "section");
        const bool known = caseId
                           && std::any_of(out.caseDocuments.begin(), out.caseDocuments.end(),
                                          [&](const RecordingCaseDocument& d) { return d.hubCaseId == *caseId; });
        if (!at || !known || !isSectionKey(section))
            return bad("case section", i);
        out.caseViews.push_back({*caseId, section, *at});
    }
    std::stable_sort(out.caseViews.begin(), out.caseViews.end(),
                     [](const CaseSectionShown& a, const CaseSectionShown& b) { return a.offsetMs < b.offsetMs; });
    return std::nullopt;
}

void writeCases(Database& db, std::int64_t recordingId, const HubTimeline& timeline)
{
    for (const auto& v : timeline.caseViews)
        db.prepare(
              "INSERT INTO recording_case_views(recording_id, hub_case_id, section, offset_ms) VALUES (?, ?, ?, ?)")
            .bindAll(recordingId, v.hubCaseId, v.section, v.offsetMs)
            .run();
    for (const auto& d : timeline.caseDocuments)
        db.prepare("INSERT OR REPLACE INTO recording_case_documents(recording_id, hub_case_id, case_code, title,"
                   " document_json) VALUES (?, ?, ?, ?, ?)")
            .bindAll(recordingId, d.hubCaseId, d.code, d.title, d.documentJson)
            .run();
}

void clearTimeline(Database& db, std::int64_t recordingId)
{
    for (const char* table : {"chapters", "recording_chat", "recording_slides", "recording_hands", "recording_decks",
                              "recording_case_views", "recording_case_documents"})
        db.prepare("DELETE FROM " + std::string(table) + " WHERE recording_id = ?").bindAll(recordingId).run();
}

} // namespace

Parsed parseHubTimeline(std::string_view json)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return TimelineError{"The recording's timeline is not a JSON object"};
    const QJsonObject root = doc.object();
    HubTimeline timeline;
    timeline.startedMs = offsetOf(root, "started_ms").value_or(0);
    if (auto failed = readChapters(root.value(QLatin1String("chapters")).toArray(), timeline))
        return *failed;
    if (auto failed = readChat(root.value(QLatin1String("chat")).toArray(), timeline))
        return *failed;
    if (auto failed = readSlidesAndHands(root, timeline))
        return *failed;
    if (auto failed = readCases(root, timeline))
        return *failed;
    return timeline;
}

void writeTimeline(Database& db, std::int64_t recordingId, const HubTimeline& timeline,
                   const std::filesystem::path& deckFolder)
{
    Transaction tx(db);
    Statement exists = db.prepare("SELECT 1 FROM recordings WHERE id = ?");
    exists.bind(1, recordingId);
    if (!exists.step())
        throw StoreError(StoreErrorKind::Query, "Recording " + std::to_string(recordingId) + " is not in the cache");
    clearTimeline(db, recordingId);
    for (const auto& c : timeline.chapters)
        db.prepare("INSERT INTO chapters(recording_id, start_ms, end_ms, title, case_id) VALUES (?, ?, ?, ?, ?)")
            .bindAll(recordingId, c.startMs, c.endMs, c.title, c.caseId)
            .run();
    for (const auto& m : timeline.chat)
        db.prepare("INSERT INTO recording_chat(recording_id, hub_id, author, role, offset_ms, body)"
                   " VALUES (?, ?, ?, ?, ?, ?)")
            .bindAll(recordingId, m.hubId, m.author, m.role, m.offsetMs, m.text)
            .run();
    for (const auto& s : timeline.slides)
        db.prepare("INSERT INTO recording_slides(recording_id, deck_sha256, page, offset_ms) VALUES (?, ?, ?, ?)")
            .bindAll(recordingId, s.deckSha256, s.page, s.offsetMs)
            .run();
    for (const auto& h : timeline.hands)
        db.prepare("INSERT INTO recording_hands(recording_id, name, raised, offset_ms) VALUES (?, ?, ?, ?)")
            .bindAll(recordingId, h.name, h.raised ? 1 : 0, h.offsetMs)
            .run();
    for (const auto& d : timeline.decks) {
        const std::string file = d.filePath.empty() ? (deckFolder / (d.sha256 + ".pdf")).string() : d.filePath;
        db.prepare("INSERT OR REPLACE INTO recording_decks(recording_id, sha256, title, pages, size_bytes, file_path)"
                   " VALUES (?, ?, ?, ?, ?, ?)")
            .bindAll(recordingId, d.sha256, d.title, d.pages, d.sizeBytes, file)
            .run();
    }
    writeCases(db, recordingId, timeline);
    tx.commit();
}

Parsed storeHubTimeline(Database& db, std::int64_t recordingId, std::string_view json,
                        const std::filesystem::path& deckFolder)
{
    auto parsed = parseHubTimeline(json);
    if (parsed)
        writeTimeline(db, recordingId, *parsed, deckFolder);
    return parsed;
}

void setDeckPageText(Database& db, const std::string& deckSha256, const std::vector<std::string>& pages)
{
    Transaction tx(db);
    db.prepare("DELETE FROM deck_pages WHERE deck_sha256 = ?").bindAll(deckSha256).run();
    for (std::size_t page = 0; page < pages.size(); ++page)
        if (!pages[page].empty())
            db.prepare("INSERT INTO deck_pages(deck_sha256, page, text) VALUES (?, ?, ?)")
                .bindAll(deckSha256, static_cast<std::int64_t>(page), pages[page])
                .run();
    tx.commit();
}

std::vector<RecordingChatLine> recordingChat(Database& db, std::int64_t recordingId)
{
    Statement stmt = db.prepare("SELECT id, hub_id, author, role, offset_ms, body FROM recording_chat"
                                " WHERE recording_id = ? ORDER BY offset_ms, id");
    stmt.bind(1, recordingId);
    std::vector<RecordingChatLine> lines;
    while (stmt.step())
        lines.push_back(
            {stmt.int64(0), stmt.optionalInt64(1), stmt.text(2), stmt.text(3), stmt.int64(4), stmt.text(5)});
    return lines;
}

std::vector<SlideShown> recordingSlides(Database& db, std::int64_t recordingId)
{
    Statement stmt = db.prepare("SELECT deck_sha256, page, offset_ms FROM recording_slides"
                                " WHERE recording_id = ? ORDER BY offset_ms, id");
    stmt.bind(1, recordingId);
    std::vector<SlideShown> slides;
    while (stmt.step())
        slides.push_back({stmt.text(0), static_cast<int>(stmt.int64(1)), stmt.int64(2)});
    return slides;
}

std::vector<HandEvent> recordingHands(Database& db, std::int64_t recordingId)
{
    Statement stmt = db.prepare("SELECT name, raised, offset_ms FROM recording_hands"
                                " WHERE recording_id = ? ORDER BY offset_ms, id");
    stmt.bind(1, recordingId);
    std::vector<HandEvent> hands;
    while (stmt.step())
        hands.push_back({stmt.text(0), stmt.int64(1) != 0, stmt.int64(2)});
    return hands;
}

std::vector<RecordingDeck> recordingDecks(Database& db, std::int64_t recordingId)
{
    Statement stmt = db.prepare("SELECT sha256, title, pages, size_bytes, file_path FROM recording_decks"
                                " WHERE recording_id = ? ORDER BY rowid");
    stmt.bind(1, recordingId);
    std::vector<RecordingDeck> decks;
    while (stmt.step())
        decks.push_back({stmt.text(0), stmt.text(1), static_cast<int>(stmt.int64(2)), stmt.int64(3), stmt.text(4)});
    return decks;
}

std::vector<CaseSectionShown> recordingCaseViews(Database& db, std::int64_t recordingId)
{
    Statement stmt = db.prepare("SELECT hub_case_id, section, offset_ms FROM recording_case_views"
                                " WHERE recording_id = ? ORDER BY offset_ms, id");
    stmt.bind(1, recordingId);
    std::vector<CaseSectionShown> views;
    while (stmt.step())
        views.push_back({stmt.int64(0), stmt.text(1), stmt.int64(2)});
    return views;
}

std::vector<RecordingCaseDocument> recordingCaseDocuments(Database& db, std::int64_t recordingId)
{
    Statement stmt = db.prepare("SELECT hub_case_id, case_code, title, document_json FROM recording_case_documents"
                                " WHERE recording_id = ? ORDER BY hub_case_id");
    stmt.bind(1, recordingId);
    std::vector<RecordingCaseDocument> documents;
    while (stmt.step())
        documents.push_back({stmt.int64(0), stmt.text(1), stmt.text(2), stmt.text(3)});
    return documents;
}

} // namespace spoke::store
