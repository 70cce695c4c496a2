#include "store/Cache.h"
#include "store/StoreError.h"

#include <catch2/catch.hpp>

using namespace spoke::store;

namespace {

constexpr std::int64_t kHour = 3'600'000;

struct Fixture {
    Cache cache = Cache::openInMemory();
    std::int64_t programme = cache.sessions().addProgramme({0, "HIV", "HIV ECHO", "Hub", ""});

    std::int64_t addSession(const std::string& title, std::int64_t startMs,
                            SessionStatus status = SessionStatus::Scheduled)
    {
        Session s;
        s.programmeId = programme;
        s.title = title;
        s.hub = "Hub";
        s.scheduledStartMs = startMs;
        s.status = status;
        return cache.sessions().addSession(s);
    }
};

} // namespace

TEST_CASE("Sessions split into upcoming (soonest first) and past (newest first)", "[store][sessions]")
{
    Fixture f;
    const std::int64_t now = 1000 * kHour;
    f.addSession("last month", now - 700 * kHour, SessionStatus::Held);
    f.addSession("last week", now - 170 * kHour, SessionStatus::Held);
    f.addSession("running now", now - kHour);
    f.addSession("next week", now + 170 * kHour);
    f.addSession("tomorrow", now + 24 * kHour);

    auto titles = [](const std::vector<SessionSummary>& list) {
        std::vector<std::string> out;
        for (const auto& s : list)
            out.push_back(s.session.title);
        return out;
    };
    auto& sessions = f.cache;
    CHECK(titles(sessions.sessions().list(SessionStore::When::Upcoming, now))
          == std::vector<std::string>{"running now", "tomorrow", "next week"});
    CHECK(titles(sessions.sessions().list(SessionStore::When::Past, now))
          == std::vector<std::string>{"last week", "last month"});
    CHECK(sessions.sessions().list(SessionStore::When::All, now).size() == 5);
}

TEST_CASE("Attendance and chat belong to a session", "[store][sessions]")
{
    Fixture f;
    auto sessions = f.cache.sessions();
    const auto session = f.addSession("s", 0);
    const auto person = sessions.addParticipant({0, "Sr L. Haufiku", "Nurse", "Clinic", "NA"});
    sessions.recordAttendance({0, session, person, AttendanceRole::Presenter, 10, 20});
    CHECK_THROWS_AS(sessions.recordAttendance({0, session, person, AttendanceRole::Spoke, 30, 20}), StoreError);
    const auto rows = sessions.attendance(session);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].first.role == AttendanceRole::Presenter);
    CHECK(rows[0].second.displayName == "Sr L. Haufiku");

    sessions.addChatMessage({0, session, "B", 5000, "second"});
    sessions.addChatMessage({0, session, "A", 1000, "first"});
    const auto chat = sessions.chat(session);
    REQUIRE(chat.size() == 2);
    CHECK(chat[0].body == "first");
}

TEST_CASE("Case revisions append and the case follows the workflow", "[store][cases]")
{
    Fixture f;
    auto cases = f.cache.cases();
    const auto id =
        cases.create({0, "ECHO-HIV-1", f.programme, std::nullopt, "Viraemia", CaseStatus::Draft, 0, 100, 100});
    CHECK(cases.saveRevision(id, R"({"v":1})", "first draft", 200) == 1);
    CHECK(cases.saveRevision(id, R"({"v":2})", "second draft", 300) == 2);
    CHECK(cases.byId(id)->currentRevision == 2);
    CHECK(cases.byId(id)->updatedMs == 300);
    CHECK(cases.latestRevision(id)->bodyJson == R"({"v":2})");
    CHECK(cases.revisions(id).size() == 2);

    CHECK_THROWS_AS(cases.setStatus(id, CaseStatus::Presented, 400), StoreError);
    cases.setStatus(id, CaseStatus::Ready, 400);
    cases.setStatus(id, CaseStatus::Submitted, 500);
    cases.setStatus(id, CaseStatus::Presented, 600);
    cases.setStatus(id, CaseStatus::RecommendationsReceived, 700);
    CHECK(cases.byId(id)->status == CaseStatus::RecommendationsReceived);
    CHECK_THROWS_AS(cases.setStatus(id, CaseStatus::Draft, 800), StoreError);

    cases.addRecommendation({0, id, std::nullopt, "Dr A", "Separate iron from dolutegravir.", 900});
    REQUIRE(cases.recommendations(id).size() == 1);
    CHECK(cases.byCode("ECHO-HIV-1")->id == id);
    CHECK_THROWS_AS(cases.create({0, "ECHO-HIV-1", f.programme, std::nullopt, "dup", CaseStatus::Draft, 0, 1, 1}),
                    StoreError);
}

TEST_CASE("Recordings keep chapters and bookmarks in time order", "[store][recordings]")
{
    Fixture f;
    auto recordings = f.cache.recordings();
    const auto id = recordings.add({0, std::nullopt, "Week 9", "/tmp/w9.webm", 0, 10, "", RecordingSource::Local, 1});
    recordings.addChapter({0, id, 30'000, std::nullopt, "Case 1", std::nullopt});
    recordings.addChapter({0, id, 0, std::nullopt, "Didactic", std::nullopt});
    recordings.addBookmark({0, id, 45'000, "iron and DTG", 2});
    recordings.setDuration(id, 60'000);
    CHECK(recordings.byId(id)->durationMs == 60'000);
    CHECK(recordings.chapters(id).at(0).title == "Didactic");
    const auto marks = recordings.bookmarks(id);
    REQUIRE(marks.size() == 1);
    recordings.removeBookmark(marks[0].id);
    CHECK(recordings.bookmarks(id).empty());
    CHECK_THROWS_AS(recordings.addChapter({0, id, -5, std::nullopt, "bad", std::nullopt}), StoreError);
}

TEST_CASE("The outbox is idempotent and backs off after failures", "[store][outbox]")
{
    Fixture f;
    auto outbox = f.cache.outbox();
    const auto a = outbox.enqueue("case-7-rev-3", "case.submit", R"({"case":7})", 1000);
    CHECK(outbox.enqueue("case-7-rev-3", "case.submit", R"({"case":7})", 2000) == a);
    CHECK(outbox.pendingCount() == 1);
    REQUIRE(outbox.due(1000).size() == 1);

    outbox.markFailed(a, "network unreachable", 1000);
    CHECK(outbox.due(1000 + Outbox::backoffMs(1) - 1).empty());
    const auto retry = outbox.due(1000 + Outbox::backoffMs(1));
    REQUIRE(retry.size() == 1);
    CHECK(retry[0].attempts == 1);
    CHECK(retry[0].lastError == "network unreachable");

    CHECK(Outbox::backoffMs(2) == 2 * Outbox::backoffMs(1));
    CHECK(Outbox::backoffMs(50) == 3'600'000);

    outbox.markSent(a, 9000);
    CHECK(outbox.pendingCount() == 0);
    CHECK(outbox.due(10'000'000).empty());
}
