// store::loadReplayOutline, what the player page reads when a recording
// opens, against a real SQLite file.
#include "store/Cache.h"
#include "store/ReplayOutline.h"

#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace spoke::store;
using spoke::test::TempDir;

namespace {

struct Library {
    TempDir dir;
    Cache cache = Cache::open(dir / "spoke-cache.sqlite");
    std::int64_t programme = cache.sessions().addProgramme({0, "TB", "TB ECHO Kenya", "Hub", ""});
    std::int64_t session = addSession();

    std::int64_t addSession()
    {
        Session s;
        s.programmeId = programme;
        s.title = "Tuesday clinic";
        s.hub = "Hub";
        s.status = SessionStatus::Held;
        return cache.sessions().addSession(s);
    }

    std::int64_t addRecording(std::optional<std::int64_t> sessionId, const std::string& filePath)
    {
        Recording r;
        r.sessionId = sessionId;
        r.title = "TB ECHO, 3 March";
        r.filePath = filePath;
        r.durationMs = 600'000;
        r.createdMs = 1'700'000'000'000;
        return cache.recordings().add(r);
    }

    std::int64_t addCase(const std::string& code, const std::string& title, const std::string& text)
    {
        CaseRecord record;
        record.caseCode = code;
        record.programmeId = programme;
        record.sessionId = session;
        record.title = title;
        const std::int64_t id = cache.cases().create(record);
        cache.cases().saveRevision(id, "{}", "first draft", 1);
        cache.cases().saveRevision(id, "{}", text, 2);
        return id;
    }
};

} // namespace

TEST_CASE("replay outline: a recording with its programme, chapters, cases, chat, bookmarks and resume point",
          "[store][recordings]")
{
    Library lib;
    const auto file = lib.dir / "clinic.webm";
    std::ofstream(file) << "webm bytes";
    const std::int64_t id = lib.addRecording(lib.session, file.string());
    const std::int64_t firstCase = lib.addCase("TB-0012", "Cough for 3 weeks", "A 34-year-old with night sweats");
    lib.cache.recordings().addChapter({0, id, 0, 60'000, "Didactic", std::nullopt});
    lib.cache.recordings().addChapter({0, id, 60'000, std::nullopt, "Case 1", firstCase});
    lib.cache.sessions().addChatMessage({0, lib.session, "Dr Otieno", 90'000, "Sputum GeneXpert?"});
    lib.cache.sessions().addChatMessage({0, lib.session, "Sr Wanjiru", 60'000, "Joining late"});
    lib.cache.sessions().addChatMessage({0, lib.session, "Dr Otieno", 5'000, "Hello all"});
    lib.cache.recordings().addBookmark({0, id, 75'000, "night sweats", 10});
    lib.cache.recordings().setResumePosition(id, 123'000, 20);

    const auto outline = loadReplayOutline(lib.cache, id);
    REQUIRE(outline);
    CHECK(outline->recording.id == id);
    CHECK(outline->recording.title == "TB ECHO, 3 March");
    CHECK(outline->recording.durationMs == 600'000);
    CHECK(outline->fileExists);
    CHECK(outline->programmeName == std::optional<std::string>("TB ECHO Kenya"));
    REQUIRE(outline->chapters.size() == 2);
    CHECK(outline->chapters[0].title == "Didactic");
    CHECK(outline->chapters[1].caseId == firstCase);
    CHECK_FALSE(outline->chapters[1].endMs);

    // By position; at 60 s the case (its chapter starts there) before the chat.
    REQUIRE(outline->timeline.size() == 4);
    using Kind = TimelineEntry::Kind;
    CHECK(outline->timeline[0].kind == Kind::Chat);
    CHECK(outline->timeline[0].text == "Hello all");
    CHECK(outline->timeline[1].kind == Kind::Case);
    CHECK(outline->timeline[1].positionMs == 60'000);
    CHECK(outline->timeline[1].caseCode == "TB-0012");
    CHECK(outline->timeline[1].caseTitle == "Cough for 3 weeks");
    CHECK(outline->timeline[1].text == "A 34-year-old with night sweats"); // the latest revision
    CHECK(outline->timeline[2].kind == Kind::Chat);
    CHECK(outline->timeline[2].author == "Sr Wanjiru");
    CHECK(outline->timeline[3].positionMs == 90'000);
    CHECK(outline->timeline[3].text == "Sputum GeneXpert?");

    REQUIRE(outline->bookmarks.size() == 1);
    CHECK(outline->bookmarks[0].positionMs == 75'000);
    CHECK(outline->bookmarks[0].note == "night sweats");
    CHECK(outline->resumeMs == std::optional<std::int64_t>(123'000));
}

TEST_CASE("replay outline: an imported recording without session or file, and one that is not there",
          "[store][recordings]")
{
    Library lib;
    const std::int64_t id = lib.addRecording(std::nullopt, (lib.dir / "gone.webm").string());
    const std::int64_t noFile = lib.addRecording(std::nullopt, "");
    lib.cache.sessions().addChatMessage({0, lib.session, "Dr Otieno", 5'000, "not this recording's"});

    const auto outline = loadReplayOutline(lib.cache, id);
    REQUIRE(outline);
    CHECK_FALSE(outline->fileExists);
    CHECK_FALSE(outline->programmeName);
    CHECK(outline->chapters.empty());
    CHECK(outline->timeline.empty());
    CHECK(outline->bookmarks.empty());
    CHECK_FALSE(outline->resumeMs);

    const auto onlyRow = loadReplayOutline(lib.cache, noFile);
    REQUIRE(onlyRow);
    CHECK_FALSE(onlyRow->fileExists);
    CHECK(onlyRow->recording.filePath.empty());

    CHECK_FALSE(loadReplayOutline(lib.cache, noFile + 100));
}
