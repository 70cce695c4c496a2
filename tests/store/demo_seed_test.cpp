#include "demo/DemoSeed.h"
#include "recording/RecordingProbe.h"
#include "store/Cache.h"
#include "store/ReplayOutline.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>

using namespace spoke;

TEST_CASE("The demo programme fills an empty cache once", "[store][demo]")
{
    auto cache = store::Cache::openInMemory();
    REQUIRE(cache.isEmpty());
    const std::int64_t now = 1'790'000'000'000;
    const auto counts = demo::seedDemoProgramme(cache, now);
    CHECK_FALSE(counts.alreadySeeded);
    CHECK(counts.programmes == 2);
    CHECK(counts.sessions >= 5);
    CHECK(counts.cases >= 3);
    CHECK(counts.recommendations >= 3);
    CHECK(counts.chatMessages >= 5);
    CHECK_FALSE(cache.isEmpty());

    CHECK_FALSE(cache.sessions().list(store::SessionStore::When::Upcoming, now).empty());
    CHECK(cache.sessions().list(store::SessionStore::When::Past, now).size() >= 3);

    const auto again = demo::seedDemoProgramme(cache, now);
    CHECK(again.alreadySeeded);
    CHECK(cache.sessions().list(store::SessionStore::When::All, now).size()
          == static_cast<std::size_t>(counts.sessions));
}

TEST_CASE("The demo programme is searchable", "[store][demo]")
{
    auto cache = store::Cache::openInMemory();
    demo::seedDemoProgramme(cache, 1'790'000'000'000);
    const auto hits = cache.search("viral");
    REQUIRE(hits.size() >= 3);
    bool sawRecommendation = false;
    for (const auto& hit : hits) {
        CHECK_FALSE(hit.snippet.empty());
        sawRecommendation = sawRecommendation || hit.kind == "recommendation";
    }
    CHECK(sawRecommendation);
}

TEST_CASE("The demo seed makes one real short recording with chapters chat slides and the case in its timeline",
          "[store][demo][recording]")
{
    spoke::test::TempDir dir;
    auto cache = store::Cache::open(dir / "spoke-cache.sqlite");
    const auto started = std::chrono::steady_clock::now();
    const auto counts = demo::seedDemoProgramme(cache, 1'790'000'000'000, dir.path());
    const auto seedMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    WARN("demo seed with its recording took " << seedMs << " ms");
    // The full file and its audio+slides rendition.
    REQUIRE(counts.playableRecordings == 2);

    std::vector<store::Recording> playable;
    for (auto& r : cache.recordings().list())
        if (!r.filePath.empty())
            playable.push_back(std::move(r));
    REQUIRE(playable.size() == 2);
    bool sawVideo = false;
    bool sawAudioOnly = false;
    for (const auto& r : playable) {
        INFO(r.filePath);
        const auto probe = recording::RecordingProbe::probe(r.filePath, recording::ProbeDepth::ReadAll);
        CHECK(probe.readToEnd);
        // The row states the file's own length, to within a frame.
        CHECK(std::abs(probe.durationMs - r.durationMs) <= 120);
        CHECK(r.durationMs == 120'000);
        REQUIRE(probe.chapters.size() == 4);
        CHECK(probe.chapters[2].title == "Case: viraemia after the switch to TLD");
        CHECK(probe.chapters[2].startMs == 62'000);
        const bool video = std::any_of(probe.tracks.begin(), probe.tracks.end(),
                                       [](const auto& track) { return track.codec == "vp8"; });
        (video ? sawVideo : sawAudioOnly) = true;
        CHECK(std::any_of(probe.tracks.begin(), probe.tracks.end(),
                          [](const auto& track) { return track.codec == "opus"; }));

        const auto outline = store::loadReplayOutline(cache, r.id);
        REQUIRE(outline);
        CHECK(outline->fileExists);
        REQUIRE(outline->chapters.size() == 4);
        CHECK(outline->chapters[2].caseId.has_value());
        const auto cases = std::count_if(outline->timeline.begin(), outline->timeline.end(),
                                         [](const auto& e) { return e.kind == store::TimelineEntry::Kind::Case; });
        CHECK(cases == 1);
        CHECK(outline->timeline.size() >= 6);
        REQUIRE(outline->slides.size() == 6);
        CHECK(outline->slides[2].page == 2);
        CHECK(outline->slides[2].offsetMs == 30'000);
        CHECK(outline->hands.size() == 4);
        REQUIRE(outline->decks.size() == 1);
        CHECK(outline->decks[0].pages == 6);
        CHECK(std::filesystem::exists(outline->decks[0].filePath));
        CHECK(outline->decks[0].filePath.find(outline->decks[0].sha256) != std::string::npos);
    }
    CHECK(sawVideo);
    CHECK(sawAudioOnly);

    // The slide text is searchable and leads to the moment it was shown.
    const auto hits = cache.search("ferrous");
    CHECK_FALSE(hits.empty());
    const auto slide = cache.search("polyvalent cations");
    REQUIRE_FALSE(slide.empty());
    CHECK(slide[0].kind == "slide");
    CHECK(slide[0].positionMs == 14'000);
}
