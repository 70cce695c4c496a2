#include "store/Cache.h"

#include <catch2/catch.hpp>

using namespace spoke::store;

namespace {

struct SearchFixture {
    Cache cache = Cache::openInMemory();
    std::int64_t session = 0;
    std::int64_t caseId = 0;
    std::int64_t recording = 0;

    SearchFixture()
    {
        auto sessions = cache.sessions();
        const auto programme = sessions.addProgramme({0, "HIV", "HIV ECHO", "Hub", ""});
        Session s;
        s.programmeId = programme;
        s.title = "Managing viraemia on dolutegravir";
        s.description = "Didactic on viral load thresholds";
        s.hub = "Hub";
        session = sessions.addSession(s);
        caseId = cache.cases().create({0, "C1", programme, session, "Viraemia after TLD", CaseStatus::Draft, 0, 1, 1});
        cache.cases().saveRevision(caseId, "{}", "Her viral load is 1900 copies after adherence counselling", 2);
        cache.cases().addRecommendation({0, caseId, session, "Dr A", "Repeat the viral load in three months", 3});
        sessions.addChatMessage({0, session, "Nurse B", 125'000, "Our CrAg tests run out every quarter"});
        recording = cache.recordings().add({0, session, "Week 9", "", 0, 0, "", RecordingSource::Hub, 4});
        cache.recordings().addChapter({0, recording, 1'860'000, std::nullopt, "Case: viraemia", caseId});
        cache.recordings().addBookmark({0, recording, 2'820'000, "pharmacist on iron spacing", 5});
    }
};

} // namespace

TEST_CASE("Search ranks hits across kinds and marks the matched words", "[store][search]")
{
    SearchFixture f;
    const auto hits = f.cache.search("viral load");
    REQUIRE(hits.size() == 3);
    for (std::size_t i = 1; i < hits.size(); ++i)
        CHECK(hits[i - 1].relevance >= hits[i].relevance);
    for (const auto& hit : hits) {
        REQUIRE_FALSE(hit.highlights.empty());
        const auto [begin, end] = hit.highlights.front();
        const auto word = hit.snippet.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
        CHECK((word == "viral" || word == "load"));
        CHECK(hit.snippet.find('\x01') == std::string::npos);
    }
}

TEST_CASE("Search hits carry where to open them", "[store][search]")
{
    SearchFixture f;
    const auto chat = f.cache.search("CrAg");
    REQUIRE(chat.size() == 1);
    CHECK(chat[0].kind == "chat");
    CHECK(chat[0].sessionId == f.session);
    CHECK(chat[0].recordingId == f.recording);
    CHECK(chat[0].positionMs == 125'000);

    const auto note = f.cache.search("pharmacist");
    REQUIRE(note.size() == 1);
    CHECK(note[0].kind == "note");
    CHECK(note[0].positionMs == 2'820'000);

    const auto rec = f.cache.search("months");
    REQUIRE(rec.size() == 1);
    CHECK(rec[0].kind == "recommendation");
    CHECK(rec[0].caseId == f.caseId);
}

TEST_CASE("Only the newest case revision is searchable", "[store][search]")
{
    SearchFixture f;
    f.cache.cases().saveRevision(f.caseId, "{}", "rewritten without the old numbers", 10);
    CHECK(f.cache.search("1900").empty());
    CHECK(f.cache.search("rewritten").size() == 1);
}

TEST_CASE("Search text is never parsed as FTS syntax", "[store][search]")
{
    SearchFixture f;
    for (const char* hostile :
         {"\"", "NEAR(", "viral AND", "*", "-load", "a\"b", "(((", "OR", "^", ":", "viral\"*", ""})
        CHECK_NOTHROW(f.cache.search(hostile));
    CHECK(f.cache.search("   ").empty());
    CHECK(toFtsQuery("viral lo", true) == "\"viral\" \"lo\"*");
    CHECK(toFtsQuery("viral lo ", true) == "\"viral\" \"lo\"");
    CHECK(toFtsQuery("say \"hi\"", false) == "\"say\" \"\"\"hi\"\"\"");
    CHECK(f.cache.search("vir", {20, true}).size() >= 2);
}

TEST_CASE("Search ignores accents so Spanish and Portuguese text is found", "[store][search]")
{
    SearchFixture f;
    f.cache.sessions().addChatMessage({0, f.session, "Dra. C", 1, "Interacción con amiodarona"});
    CHECK(f.cache.search("interaccion").size() == 1);
}
