// Library → From the hub against a real spoke-hub on 127.0.0.1 (issue 14):
// a session held through the hub's API (a deck, page turns, chat, two agenda
// items) and a real WebM imported as its recording (HubRecordingFixture.h);
// the app signed in as a trainee downloads it with HubRecordingsModel, and
// the download becomes a library row whose hub timeline and deck are in the
// cache, so the player shows the slide and the chat of each moment offline.
// Then pause and resume, and an app restart mid-download, each ending with
// the hub's SHA-256. One case per process (tests/ui/CMakeLists.txt): the app
// has one hub worker per process.
#include "sync/SyncWorker.h"
#include "viewmodels/AppController.h"
#include "viewmodels/DownloadSettingsModel.h"
#include "viewmodels/HubRecordingsModel.h"
#include "viewmodels/PlayerModel.h"

#include "HubRecordingFixture.h"
#include "TestApp.h"
#include "UiWait.h"

#include "slides/DeckCache.h"
#include "store/Cache.h"
#include "store/RecordingTimeline.h"
#include "util/DataDir.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

#include <functional>
#include <memory>
#include <optional>

using namespace spoke;
using test::waitUntil;
using Model = ui::HubRecordingsModel;

namespace {

// The app as app/desktop/main.cpp makes it, over a data dir that outlives it
// (TestApp owns its own): a restart is a second one over the same dir.
struct AppOver {
    // `watch` sees the hub worker before the app starts, so it hears every status.
    explicit AppOver(const std::filesystem::path& dataDir, const std::function<void(sync::SyncWorker&)>& watch = {})
        : sync(test::syncOptionsFor(dataDir))
    {
        if (watch)
            watch(sync);
        app.emplace(dataDir, QStringLiteral("test"), sync,
                    ui::AppController::StartOptions{.seedDemoIfEmpty = false, .demoRecordings = false});
        REQUIRE(waitUntil([&] { return app->loaded(); }));
    }
    sync::SyncWorker sync;
    std::optional<ui::AppController> app;
};

void signIn(ui::AppController& app, test::RecordedSession& recorded)
{
    app.hub()->redeemInvite(recorded.hub.url(), recorded.hub.invite(recorded.programme, QStringLiteral("trainee")),
                            QStringLiteral("trainee@clinic.example"), QStringLiteral("Nurse Shikongo"),
                            test::kMemberPassword, test::kMemberPassword);
    REQUIRE(waitUntil([&] { return !app.hub()->busy(); }, 15'000));
    INFO(app.hub()->error().toStdString());
    REQUIRE(app.hub()->signedIn());
}

// The catalogue loaded into From the hub; the row of `rendition`.
int loadedRow(Model& model, const QString& rendition)
{
    model.refresh();
    REQUIRE(waitUntil([&] { return model.rowCount() == 3; }, 15'000));
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.get(row, QStringLiteral("rendition")).toString() == rendition)
            return row;
    FAIL("no " << rendition.toStdString() << " row");
    return -1;
}

QString stateOf(const Model& model, int row)
{
    return model.get(row, QStringLiteral("state")).toString();
}

// What the model says it has, parsed back from "X MB of Y MB" would be
// words; the queue's own count reaches the model as progress (0..1).
double progressOf(const Model& model, int row)
{
    return model.get(row, QStringLiteral("progress")).toDouble();
}

std::filesystem::path downloadedFile(const std::filesystem::path& dataDir, qint64 recording, const char* rendition)
{
    return dataDir / "downloads" / std::to_string(recording) / (std::string(rendition) + "-0.webm");
}

// The rendition's bytes over about `seconds` at most at the cap: kbit/s, at least 8.
int capFor(const std::filesystem::path& file, int seconds)
{
    const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(file));
    return static_cast<int>(std::max<std::int64_t>(8, bytes * 8 / 1000 / seconds));
}

// The app keeps its settings in QSettings of the test binary: no cap left
// behind for the next case.
struct NoCapAfter {
    ui::DownloadSettingsModel* settings;
    ~NoCapAfter() { settings->setMaxKbps(0); }
};

} // namespace

TEST_CASE(
    "Hub downloads: an audio and slides recording downloaded from a hub replays with its chapters chat and slides",
    "[.hub][ui][hub-recordings]")
{
    test::RecordedSession recorded;
    test::TestApp t(false);
    auto& app = t.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    app.downloadSettings()->setMaxKbps(0);
    signIn(app, recorded);

    Model& model = *app.hubRecordings();
    const int row = loadedRow(model, QStringLiteral("audio-slides"));
    CHECK(model.get(row, QStringLiteral("title")).toString() == QStringLiteral("DR-TB monitoring, week 12"));
    model.download(row);
    REQUIRE(waitUntil([&] { return stateOf(model, row) == QStringLiteral("done"); }, 30'000));
    CHECK(model.get(row, QStringLiteral("stateText")).toString() == QStringLiteral("On this laptop: in Recordings"));
    const QString hubSha = test::sha256OfFile(recorded.hubFile(QStringLiteral("audio-slides")));
    CHECK(test::sha256OfFile(downloadedFile(t.dir.path(), recorded.recording, "audio-slides")) == hubSha);

    // The library row, with the hub's timeline and deck beside it in the cache.
    // The deck is fetched after the timeline is stored: wait for both.
    store::Cache cache = store::Cache::open(cacheFileIn(t.dir.path()));
    const auto deckFile = slides::DeckCache::folderIn(t.dir.path()) / (recorded.deckSha256.toStdString() + ".pdf");
    std::optional<store::Recording> row0;
    REQUIRE(waitUntil(
        [&] {
            for (const store::Recording& r : cache.recordings().list())
                if (r.source == store::RecordingSource::Hub && !store::recordingDecks(cache.db(), r.id).empty())
                    row0 = r;
            return row0.has_value() && std::filesystem::exists(deckFile);
        },
        15'000));
    CHECK(row0->title == "DR-TB monitoring, week 12");
    CHECK(row0->sha256 == hubSha.toStdString());
    CHECK(
        std::filesystem::equivalent(row0->filePath, downloadedFile(t.dir.path(), recorded.recording, "audio-slides")));
    const auto chapters = cache.recordings().chapters(row0->id);
    REQUIRE(chapters.size() == 2);
    CHECK(chapters[0].title == test::kSessionChapters[0].toStdString());
    CHECK(chapters[1].title == test::kSessionChapters[1].toStdString());
    CHECK(chapters[0].startMs == 0);
    const auto chat = store::recordingChat(cache.db(), row0->id);
    REQUIRE(chat.size() == 3);
    for (int i = 0; i < 3; ++i)
        CHECK(chat[static_cast<std::size_t>(i)].text == test::kSessionChat.at(i).toStdString());
    CHECK(chat[0].author == "Dr Kamati");
    const auto slides = store::recordingSlides(cache.db(), row0->id);
    REQUIRE(slides.size() >= 3);
    CHECK(slides.back().page == 2);
    // Turns are ~1.5 s apart, and chapter 2 starts with the third.
    CHECK(slides.back().offsetMs - slides[slides.size() - 2].offsetMs >= 1'000);
    CHECK(std::abs(chapters[1].startMs - slides.back().offsetMs) < 500);
    const auto decks = store::recordingDecks(cache.db(), row0->id);
    REQUIRE(decks.size() == 1);
    CHECK(decks[0].sha256 == recorded.deckSha256.toStdString());
    CHECK(decks[0].pages == 3);
    CHECK(decks[0].filePath == deckFile.string());

    // The player at a moment between the second and third turns: page 2
    // (index 1) and two chat lines; then in chapter 2 with all three.
    ui::PlayerModel& player = *app.player();
    player.open(row0->id, 0);
    REQUIRE(waitUntil([&] { return !player.loading(); }, 15'000));
    INFO(player.error().toStdString());
    REQUIRE(player.ready());
    CHECK(player.audioOnly());
    CHECK(player.hasSlides());
    CHECK(player.chapters().size() == 2);
    player.seek(slides[slides.size() - 2].offsetMs + 300);
    player.refreshProgress();
    CHECK(player.slidePage() == 1);
    CHECK(player.chatSoFar().size() == 2);
    player.seek(slides.back().offsetMs + 300);
    player.refreshProgress();
    CHECK(player.slidePage() == 2);
    CHECK(player.chatSoFar().size() == 3);
    CHECK(player.currentChapter() == 1);
    player.close();
}

TEST_CASE("Hub downloads: a paused download stops and resumes to the hub's SHA-256", "[.hub][ui][hub-recordings]")
{
    test::RecordedSession recorded(20, 640, 360, 2'000'000);
    test::TestApp t(false);
    auto& app = t.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    NoCapAfter noCap{app.downloadSettings()};
    const auto hubFile = recorded.hubFile(QStringLiteral("full"));
    app.downloadSettings()->setMaxKbps(capFor(hubFile, 10));
    signIn(app, recorded);

    Model& model = *app.hubRecordings();
    const int row = loadedRow(model, QStringLiteral("full"));
    model.download(row);
    REQUIRE(waitUntil([&] { return stateOf(model, row) == QStringLiteral("running") && progressOf(model, row) > 0.15; },
                      15'000));
    CHECK(progressOf(model, row) < 0.9);
    model.pause(row);
    REQUIRE(waitUntil([&] { return stateOf(model, row) == QStringLiteral("paused"); }));
    const double pausedAt = progressOf(model, row);
    CHECK(model.get(row, QStringLiteral("stateText")).toString().startsWith(QStringLiteral("Paused: ")));
    waitUntil([] { return false; }, 1'500);
    CHECK(progressOf(model, row) == Approx(pausedAt)); // nothing arrives while paused
    CHECK(stateOf(model, row) == QStringLiteral("paused"));
    CHECK_FALSE(std::filesystem::exists(downloadedFile(t.dir.path(), recorded.recording, "full")));

    model.resume(row);
    REQUIRE(waitUntil([&] { return stateOf(model, row) == QStringLiteral("running"); }));
    app.downloadSettings()->setMaxKbps(0);
    REQUIRE(waitUntil([&] { return stateOf(model, row) == QStringLiteral("done"); }, 30'000));
    CHECK(test::sha256OfFile(downloadedFile(t.dir.path(), recorded.recording, "full")) == test::sha256OfFile(hubFile));
}

TEST_CASE("Hub downloads: an app restart mid-download resumes from queue.json", "[.hub][ui][hub-recordings]")
{
    test::RecordedSession recorded(20, 640, 360, 2'000'000);
    test::TempDir dir;
    const auto hubFile = recorded.hubFile(QStringLiteral("full"));
    const auto hubBytes = static_cast<double>(std::filesystem::file_size(hubFile));
    REQUIRE(hubBytes > 2.5 * 1024 * 1024); // more than two of the journal's 1 MiB blocks
    double before = 0;
    {
        AppOver first(dir.path());
        first.app->downloadSettings()->setMaxKbps(capFor(hubFile, 8));
        signIn(*first.app, recorded);
        Model& model = *first.app->hubRecordings();
        const int row = loadedRow(model, QStringLiteral("full"));
        model.download(row);
        // Past the first journaled block, short of the end.
        REQUIRE(waitUntil([&] { return progressOf(model, row) * hubBytes > 1.5 * 1024 * 1024; }, 30'000));
        before = progressOf(model, row) * hubBytes;
        CHECK(stateOf(model, row) == QStringLiteral("running"));
    } // the app quits mid-download
    CHECK(std::filesystem::exists(dir.path() / "downloads" / "queue.json"));
    CHECK_FALSE(std::filesystem::exists(downloadedFile(dir.path(), recorded.recording, "full")));

    // The queue goes on by itself at start, before the catalogue is loaded.
    double firstSeen = -1;
    AppOver second(dir.path(), [&](sync::SyncWorker& worker) {
        QObject::connect(&worker, &sync::SyncWorker::downloadChanged, [&](const sync::DownloadStatus& s) {
            if (s.state == sync::QueuedState::Running && firstSeen < 0)
                firstSeen = static_cast<double>(s.receivedBytes);
        });
    });
    NoCapAfter noCap{second.app->downloadSettings()};
    CHECK(waitUntil([&] { return second.app->hub()->signedIn(); })); // the account kept in the cache
    Model& model = *second.app->hubRecordings();
    REQUIRE(waitUntil([&] { return firstSeen >= 0; }, 15'000));
    // Resumed from the partial file: at most one block fetched again.
    CHECK(firstSeen >= before - 1024 * 1024);
    second.app->downloadSettings()->setMaxKbps(0);
    const int row = loadedRow(model, QStringLiteral("full"));
    REQUIRE(waitUntil([&] { return stateOf(model, row) == QStringLiteral("done"); }, 30'000));
    CHECK(test::sha256OfFile(downloadedFile(dir.path(), recorded.recording, "full")) == test::sha256OfFile(hubFile));
}
