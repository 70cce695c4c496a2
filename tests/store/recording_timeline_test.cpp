// store::RecordingTimeline: the hub's `GET /api/v1/recordings/{id}/timeline`
// answer kept in the cache (migration 6), read back by the player's outline
// and found by search, against a real SQLite file.
#include "store/Cache.h"
#include "store/RecordingTimeline.h"
#include "store/ReplayOutline.h"

#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QJsonObject>

using namespace spoke::store;
using spoke::test::TempDir;

namespace {

const std::string kDeck(64, 'a');

std::string hubTimelineJson(const std::string& deck)
{
    return R"({"recording_id":7,"started_ms":1790000000000,
      "chapters":[{"title":"Didactic: isoniazid preventive therapy","start_ms":0,"end_ms":60000},
                  {"title":"Case: a child contact","start_ms":60000,"end_ms":120000}],
      "chat":[{"id":11,"author":"Dr Otieno","role":"facilitator","text":"Pyridoxine with every course","offset_ms":15000},
              {"id":12,"author":{"id":4,"name":"Nurse Wanjiru"},"role":"spoke","text":"Weight bands for children?","offset_ms":70000}],
      "slides":[{"deck":")"
           + deck + R"(","page":0,"offset_ms":0},
                {"deck":")"
           + deck + R"(","page":1,"offset_ms":45000}],
      "hands":[{"name":"Nurse Wanjiru","raised":true,"offset_ms":65000},
               {"name":"Nurse Wanjiru","raised":false,"offset_ms":72000}],
      "decks":[{"sha256":")"
           + deck + R"(","pages":2,"bytes":5120,"title":"IPT dosing"}]})";
}

std::int64_t addRecording(Cache& cache)
{
    Recording r;
    r.title = "TB ECHO replay";
    r.filePath = "/nowhere/tb.webm";
    r.durationMs = 120'000;
    r.source = RecordingSource::Hub;
    r.createdMs = 1'790'000'000'000;
    return cache.recordings().add(r);
}

} // namespace

TEST_CASE("A hub timeline is stored for a recording and read back by the replay outline", "[store][timeline]")
{
    TempDir dir;
    Cache cache = Cache::open(dir / "spoke-cache.sqlite");
    const auto id = addRecording(cache);
    const auto stored = storeHubTimeline(cache.db(), id, hubTimelineJson(kDeck), dir / "decks");
    REQUIRE(stored.ok());

    const auto outline = loadReplayOutline(cache, id);
    REQUIRE(outline);
    REQUIRE(outline->chapters.size() == 2);
    CHECK(outline->chapters[1].title == "Case: a child contact");
    CHECK(outline->chapters[1].startMs == 60'000);
    CHECK(outline->chapters[1].endMs == 120'000);
    REQUIRE(outline->timeline.size() == 2);
    CHECK(outline->timeline[0].kind == TimelineEntry::Kind::Chat);
    CHECK(outline->timeline[0].author == "Dr Otieno");
    CHECK(outline->timeline[1].positionMs == 70'000);
    CHECK(outline->timeline[1].author == "Nurse Wanjiru"); // the hub's {"id","name"} form
    REQUIRE(outline->slides.size() == 2);
    CHECK(outline->slides[1].deckSha256 == kDeck);
    CHECK(outline->slides[1].page == 1);
    CHECK(outline->slides[1].offsetMs == 45'000);
    REQUIRE(outline->hands.size() == 2);
    CHECK(outline->hands[0].raised);
    CHECK_FALSE(outline->hands[1].raised);
    REQUIRE(outline->decks.size() == 1);
    CHECK(outline->decks[0].pages == 2);
    CHECK(outline->decks[0].title == "IPT dosing");
    CHECK(outline->decks[0].filePath == (dir / "decks" / (kDeck + ".pdf")).string());

    // Storing it again (a second download) replaces rather than doubles.
    REQUIRE(storeHubTimeline(cache.db(), id, hubTimelineJson(kDeck), dir / "decks").ok());
    CHECK(recordingChat(cache.db(), id).size() == 2);
    CHECK(recordingSlides(cache.db(), id).size() == 2);
    CHECK(cache.recordings().chapters(id).size() == 2);
}

TEST_CASE("A recording is found by its chat and chapter titles and the text of the slides it showed",
          "[store][timeline][search]")
{
    auto cache = Cache::openInMemory();
    const auto id = addRecording(cache);
    REQUIRE(storeHubTimeline(cache.db(), id, hubTimelineJson(kDeck), "/decks").ok());
    setDeckPageText(cache.db(), kDeck, {"Isoniazid 10 mg/kg", "Pyridoxine 12.5 to 25 mg daily with rifapentine"});

    const auto chat = cache.search("pyridoxine every");
    REQUIRE(chat.size() == 1);
    CHECK(chat[0].kind == "chat");
    CHECK(chat[0].recordingId == id);
    CHECK(chat[0].positionMs == 15'000);

    const auto chapter = cache.search("child contact");
    REQUIRE_FALSE(chapter.empty());
    CHECK(chapter[0].kind == "chapter");
    CHECK(chapter[0].recordingId == id);
    CHECK(chapter[0].positionMs == 60'000);

    // Page 2 (index 1) was first shown 45 s in.
    const auto slide = cache.search("rifapentine");
    REQUIRE(slide.size() == 1);
    CHECK(slide[0].kind == "slide");
    CHECK(slide[0].recordingId == id);
    CHECK(slide[0].positionMs == 45'000);
    CHECK(slide[0].title.rfind("Slide 2", 0) == 0);

    // Replacing a deck's text leaves no stale hits behind.
    setDeckPageText(cache.db(), kDeck, {"Isoniazid 10 mg/kg"});
    CHECK(cache.search("rifapentine").empty());
}

TEST_CASE("A hub timeline's case sections and documents are kept for replay", "[store][timeline]")
{
    TempDir dir;
    const auto file = dir / "spoke-cache.sqlite";
    std::int64_t id = 0;
    {
        Cache cache = Cache::open(file);
        id = addRecording(cache);
        // Out of order on the wire; a document with nested fields and text to escape.
        const std::string json = R"({"started_ms":1790000000000,
          "cases":[{"case_id":31,"section":"labs","offset_ms":70000},
                   {"case_id":31,"section":"history","offset_ms":0}],
          "case_documents":[{"case_id":31,"code":"ECHO-TB-K0900","title":"Cough for 3 weeks",
                             "document":{"case_id":"ECHO-TB-K0900","history":{"presenting_problem":"Cough \"dry\""}}}]})";
        const auto stored = storeHubTimeline(cache.db(), id, json, dir / "decks");
        REQUIRE(stored.ok());
        CHECK(stored->caseViews.front().section == "history");
    }
    // Read back from the file by a new connection.
    Cache cache = Cache::open(file);
    const auto views = recordingCaseViews(cache.db(), id);
    REQUIRE(views.size() == 2);
    CHECK(views[0].hubCaseId == 31);
    CHECK(views[0].section == "history");
    CHECK(views[0].offsetMs == 0);
    CHECK(views[1].section == "labs");
    CHECK(views[1].offsetMs == 70'000);
    const auto documents = recordingCaseDocuments(cache.db(), id);
    REQUIRE(documents.size() == 1);
    CHECK(documents[0].code == "ECHO-TB-K0900");
    CHECK(documents[0].title == "Cough for 3 weeks");
    const QJsonObject document = QJsonDocument::fromJson(QByteArray::fromStdString(documents[0].documentJson)).object();
    CHECK(document.value("history").toObject().value("presenting_problem").toString()
          == QStringLiteral("Cough \"dry\""));

    // Storing a timeline without them (an older hub) clears them.
    REQUIRE(storeHubTimeline(cache.db(), id, hubTimelineJson(kDeck), dir / "decks").ok());
    CHECK(recordingCaseViews(cache.db(), id).empty());
    CHECK(recordingCaseDocuments(cache.db(), id).empty());

    // A section of a case without its document, a bad key or a document that is not an object: refused whole.
    CHECK_FALSE(parseHubTimeline(R"({"cases":[{"case_id":5,"section":"labs","offset_ms":1}]})").ok());
    CHECK_FALSE(
        parseHubTimeline(
            R"({"cases":[{"case_id":5,"section":"la bs","offset_ms":1}],"case_documents":[{"case_id":5,"document":{}}]})")
            .ok());
    CHECK_FALSE(
        parseHubTimeline(
            R"({"cases":[{"case_id":5,"section":"labs","offset_ms":-1}],"case_documents":[{"case_id":5,"document":{}}]})")
            .ok());
    CHECK_FALSE(parseHubTimeline(R"({"case_documents":[{"case_id":5,"document":"text"}]})").ok());
    CHECK_FALSE(parseHubTimeline(R"({"case_documents":[{"case_id":0,"document":{}}]})").ok());
}

TEST_CASE("A malformed hub timeline is refused whole and leaves the cache as it was", "[store][timeline]")
{
    auto cache = Cache::openInMemory();
    const auto id = addRecording(cache);
    REQUIRE(storeHubTimeline(cache.db(), id, hubTimelineJson(kDeck), "/decks").ok());

    CHECK_FALSE(parseHubTimeline("not json").ok());
    CHECK_FALSE(parseHubTimeline(hubTimelineJson("not-a-sha")).ok());
    CHECK_FALSE(parseHubTimeline(R"({"chat":[{"author":"A","text":"hi","offset_ms":-5}]})").ok());
    CHECK_FALSE(parseHubTimeline(R"({"chapters":[{"title":"x","start_ms":10,"end_ms":5}]})").ok());
    const auto refused = storeHubTimeline(cache.db(), id, R"({"hands":[{"name":"A","offset_ms":1}]})", "/decks");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("hand") != std::string::npos);
    CHECK(recordingChat(cache.db(), id).size() == 2);
    CHECK(recordingHands(cache.db(), id).size() == 2);

    // An unknown recording is an error, not rows pointing nowhere.
    CHECK_THROWS_AS(storeHubTimeline(cache.db(), id + 100, hubTimelineJson(kDeck), "/decks"), StoreError);
}
