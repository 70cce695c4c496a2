#include "UiWait.h"
#include "VideoViewWindow.h"
#include "media/MediaClock.h"
#include "media/video/TestPatternSource.h"
#include "recording/Importer.h"
#include "recording/Player.h"
#include "recording/Recorder.h"
#include "store/CacheWorker.h"
#include "support/TempDir.h"
#include "viewmodels/PlayerModel.h"
#include "viewmodels/VideoView.h"

#include <catch2/catch.hpp>

#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include <cmath>
#include <thread>

using namespace spoke;
using test::stampIn;
using test::waitUntil;

namespace {

// A real 6 s recording made once per run by core/recording's Recorder: the
// stamped test pattern and a 440 Hz tone, with chapters at about 1.5 s and
// 3.5 s, and a keyframe every second.
const std::filesystem::path& recordedFile()
{
    static test::TempDir dir;
    static const std::filesystem::path file = [] {
        const auto path = dir / "session.webm";
        recording::RecorderConfig config;
        config.file = path;
        config.title = "Hepatitis C ECHO, session 12";
        config.width = 320;
        config.height = 180;
        config.fps = 15;
        config.videoBitrateBps = 900'000;
        config.keyframeIntervalMs = 1000;
        config.diskMarginBytes = 1 << 20;
        recording::Recorder recorder(config);
        recorder.setActiveSpeaker("presenter");
        media::TestPatternSource pattern({.width = 320, .height = 180, .fps = 15, .paced = false});
        const auto start = std::chrono::steady_clock::now();
        std::int64_t audioSequence = 0;
        std::int64_t sample = 0;
        bool didactic = false;
        bool caseOne = false;
        for (int tick = 0; std::chrono::steady_clock::now() - start < std::chrono::seconds(6); ++tick) {
            if (tick % 3 == 0)
                recorder.pushVideo("presenter", pattern.read());
            media::AudioFrame sound = media::AudioFrame::allocate(960, media::MediaClock::nowUs(), audioSequence++);
            for (auto& s : sound.mutableSamples())
                s = static_cast<std::int16_t>(8000 * std::sin(2 * M_PI * 440 * static_cast<double>(sample++) / 48000));
            recorder.pushAudio("presenter", sound);
            const auto elapsed = std::chrono::steady_clock::now() - start;
            if (!didactic && elapsed >= std::chrono::milliseconds(1500)) {
                recorder.addChapter("Didactic: treatment of hepatitis C");
                didactic = true;
            }
            if (!caseOne && elapsed >= std::chrono::milliseconds(3500)) {
                recorder.addChapter("Case 1: cirrhosis");
                caseOne = true;
            }
            std::this_thread::sleep_until(start + std::chrono::milliseconds(20 * (tick + 1)));
        }
        const auto status = recorder.stop();
        REQUIRE(status.stopReason == recording::StopReason::Requested);
        return path;
    }();
    return file;
}

// A window with the player's VideoView, a cache on its worker thread, and
// the model under test.
struct PlayerRig {
    test::TempDir dir;
    store::CacheWorker worker{dir / "cache.sqlite"};
    test::VideoViewWindow window{320, 180};
    ui::VideoView* view = window.view;
    ui::PlayerModel model{worker};

    PlayerRig() { model.setVideoView(view); }
    ~PlayerRig()
    {
        model.close();
        model.setVideoView(nullptr);
        worker.drain();
    }

    template <class T> T inCache(std::function<T(store::Cache&)> job)
    {
        std::optional<T> result;
        QString error;
        worker.run<T>(&model, std::move(job), [&](const store::Outcome<T>& outcome) {
            result = outcome.value;
            error = outcome.error;
        });
        REQUIRE(waitUntil([&] { return result.has_value() || !error.isEmpty(); }));
        INFO(error.toStdString());
        REQUIRE(result);
        return *result;
    }

    std::int64_t importRecording(const std::filesystem::path& file)
    {
        const auto data = dir.path();
        return inCache<std::int64_t>([file, data](store::Cache& cache) {
            store::RecordingStore recordings = cache.recordings();
            return recording::Importer(recordings, data).importFile(file).recordingId;
        });
    }

    std::int64_t addRow(const std::filesystem::path& file, std::int64_t durationMs)
    {
        return inCache<std::int64_t>([file, durationMs](store::Cache& cache) {
            store::Recording row;
            row.title = "Row for " + file.filename().string();
            row.filePath = file.string();
            row.durationMs = durationMs;
            row.createdMs = store::currentTimeMs();
            return cache.recordings().add(row);
        });
    }

    void openAndWait(std::int64_t id, qint64 positionMs = -1)
    {
        model.open(id, positionMs);
        REQUIRE(waitUntil([&] { return !model.loading(); }));
    }

    // Waits for the engine's picture after a seek and reads where it is.
    qint64 settledPosition()
    {
        REQUIRE(model.engine());
        REQUIRE(model.engine()->waitForPicture(std::chrono::seconds(5)));
        model.refreshProgress();
        return model.positionMs();
    }
};

} // namespace

TEST_CASE("player: a recorded WebM opens, its first frame reaches the view, chapters, seeks and speed work",
          "[ui][player]")
{
    PlayerRig rig;
    const auto id = rig.importRecording(recordedFile());
    rig.openAndWait(id);
    INFO(rig.model.error().toStdString());
    REQUIRE(rig.model.ready());
    CHECK(rig.model.title() == QStringLiteral("Hepatitis C ECHO, session 12"));
    CHECK(rig.model.durationMs() == Approx(6000).margin(300));
    CHECK(rig.model.soundStatus().startsWith(
        QStringLiteral("No sound output"))); // no sound card here: the clock plays on
    CHECK(rig.model.error().isEmpty());

    // The first picture is drawn while paused, and it is the test pattern.
    REQUIRE(waitUntil([&] { return rig.view->framesShown() >= 1; }, 5000));
    const auto stamp = stampIn(rig.view->currentImage());
    REQUIRE(stamp);
    CHECK(stamp->sequence <= 2);

    const QVariantList chapters = rig.model.chapters();
    REQUIRE(chapters.size() == 2);
    const qint64 didactic = chapters[0].toMap().value(QStringLiteral("startMs")).toLongLong();
    const qint64 caseOne = chapters[1].toMap().value(QStringLiteral("startMs")).toLongLong();
    CHECK(didactic == Approx(1500).margin(200));
    CHECK(caseOne == Approx(3500).margin(200));

    rig.model.nextChapter();
    CHECK(rig.settledPosition() == Approx(didactic).margin(80));
    CHECK(rig.model.currentChapter() == 0);
    rig.model.nextChapter();
    CHECK(rig.settledPosition() == Approx(caseOne).margin(80));
    CHECK(rig.model.currentChapter() == 1);
    rig.model.previousChapter(); // just started: the chapter before
    CHECK(rig.settledPosition() == Approx(didactic).margin(80));
    rig.model.seek(4800);
    CHECK(rig.settledPosition() == Approx(4800).margin(80));
    REQUIRE(waitUntil([&] { return rig.view->hasPicture(); }));
    CHECK(stampIn(rig.view->currentImage())); // the picture after the seek is a real frame too

    // 2×: the position runs twice as fast as the wall clock.
    rig.model.seek(0);
    rig.settledPosition();
    rig.model.setSpeed(2.0);
    CHECK(rig.model.speed() == 2.0);
    rig.model.setSpeed(5.0);
    CHECK(rig.model.speed() == 2.0); // clamped
    rig.model.play();
    const auto started = std::chrono::steady_clock::now();
    const qint64 from = rig.model.positionMs();
    REQUIRE(waitUntil([&] { return rig.model.positionMs() >= from + 2000 || rig.model.finished(); }, 5000));
    const double wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    const double rate = static_cast<double>(rig.model.positionMs() - from) / wallMs;
    INFO("rate " << rate);
    CHECK(rate > 1.6);
    CHECK(rate < 2.4);
    CHECK(rig.model.playing());
}

TEST_CASE("player: a bookmark is stored with its time, and the position is saved and resumed", "[ui][player]")
{
    PlayerRig rig;
    const auto id = rig.importRecording(recordedFile());
    rig.openAndWait(id);
    REQUIRE(rig.model.ready());
    CHECK(rig.model.resumedFromMs() == 0);

    rig.model.seek(2500);
    rig.settledPosition();
    rig.model.addBookmark(QStringLiteral("  Look at the ascites  "));
    REQUIRE(waitUntil([&] { return rig.model.bookmarks().size() == 1; }));
    const auto stored = rig.inCache<std::vector<store::Bookmark>>(
        [id](store::Cache& cache) { return cache.recordings().bookmarks(id); });
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].positionMs == Approx(2500).margin(80));
    CHECK(stored[0].note == "Look at the ascites");
    CHECK(rig.model.bookmarks()[0].toMap().value(QStringLiteral("timeText")).toString() == QStringLiteral("0:02"));

    // Closing saves where it was; opening again starts there.
    rig.model.seek(3200);
    rig.settledPosition();
    rig.model.close();
    rig.worker.drain();
    const auto saved = rig.inCache<std::int64_t>(
        [id](store::Cache& cache) { return cache.recordings().resumePosition(id).value_or(-1); });
    CHECK(saved == Approx(3200).margin(80));
    rig.openAndWait(id);
    REQUIRE(rig.model.ready());
    CHECK(rig.model.resumedFromMs() == saved);
    CHECK(rig.settledPosition() == Approx(saved).margin(80));

    // While playing it is saved every few seconds of playback, not only on close.
    rig.model.seek(0);
    rig.settledPosition();
    rig.model.setSpeed(2.0);
    rig.model.play();
    REQUIRE(waitUntil([&] { return rig.model.positionMs() > ui::PlayerModel::kSaveEveryMs + 300; }, 8000));
    rig.worker.drain();
    QCoreApplication::processEvents();
    const auto periodic = rig.inCache<std::int64_t>(
        [id](store::Cache& cache) { return cache.recordings().resumePosition(id).value_or(-1); });
    CHECK(periodic >= ui::PlayerModel::kSaveEveryMs - 200);

    // Played to the end: the next open starts from the beginning.
    REQUIRE(waitUntil([&] { return rig.model.finished(); }, 8000));
    rig.worker.drain();
    QCoreApplication::processEvents();
    rig.worker.drain();
    const auto afterEnd = rig.inCache<std::int64_t>(
        [id](store::Cache& cache) { return cache.recordings().resumePosition(id).value_or(-1); });
    CHECK(afterEnd == -1);
}

TEST_CASE("player: a truncated file plays as far as it reads and says how far; a missing file says so", "[ui][player]")
{
    PlayerRig rig;
    const auto cut = rig.dir / "cut.webm";
    std::filesystem::copy_file(recordedFile(), cut);
    std::filesystem::resize_file(cut, std::filesystem::file_size(cut) / 2);
    const auto id = rig.addRow(cut, 6000);
    rig.openAndWait(id);
    REQUIRE(rig.model.ready());
    rig.model.setSpeed(2.0);
    rig.model.play();
    REQUIRE(waitUntil([&] { return rig.model.finished(); }, 10'000));
    rig.model.refreshProgress();
    const QString problem = rig.model.problem();
    INFO(problem.toStdString());
    CHECK(problem.contains(QStringLiteral("plays until 0:0")));
    const auto stats = rig.model.engine()->stats();
    CHECK(stats.readableUntilMs > 1000);
    CHECK(stats.readableUntilMs < 5000);
    CHECK(rig.model.positionMs() <= stats.readableUntilMs + 100);
    CHECK(rig.view->framesShown() > 10);

    const auto missing = rig.addRow(rig.dir / "not-here.webm", 6000);
    rig.openAndWait(missing);
    CHECK_FALSE(rig.model.ready());
    CHECK(rig.model.error().contains(QStringLiteral("missing")));
    CHECK(rig.model.error().contains(QStringLiteral("not-here.webm")));
}

TEST_CASE("player: the session's chat and case forms follow the video", "[ui][player]")
{
    PlayerRig rig;
    const auto file = recordedFile();
    const auto id = rig.inCache<std::int64_t>([file](store::Cache& cache) {
        store::Programme programme;
        programme.code = "hepc";
        programme.name = "Hepatitis C ECHO";
        programme.id = cache.sessions().addProgramme(programme);
        store::Session session;
        session.programmeId = programme.id;
        session.title = "Session 12";
        session.scheduledStartMs = store::currentTimeMs();
        session.id = cache.sessions().addSession(session);
        for (const auto& [offsetMs, body] :
             {std::pair<std::int64_t, std::string>{1000, "Welcome, everyone"}, {4000, "What was the FIB-4?"}}) {
            store::ChatMessage message;
            message.sessionId = session.id;
            message.author = "Dr Banda";
            message.offsetMs = offsetMs;
            message.body = body;
            cache.sessions().addChatMessage(message);
        }
        store::CaseRecord record;
        record.caseCode = "HEPC-007";
        record.programmeId = programme.id;
        record.sessionId = session.id;
        record.title = "Cirrhosis after SVR";
        record.createdMs = record.updatedMs = store::currentTimeMs();
        record.id = cache.cases().create(record);
        cache.cases().saveRevision(record.id, "{}", "Man in his 50s, FIB-4 3.6", store::currentTimeMs());
        store::Recording row;
        row.sessionId = session.id;
        row.title = "Session 12";
        row.filePath = file.string();
        row.durationMs = 6000;
        row.id = cache.recordings().add(row);
        store::Chapter chapter;
        chapter.recordingId = row.id;
        chapter.startMs = 3500;
        chapter.title = "Case 1";
        chapter.caseId = record.id;
        cache.recordings().addChapter(chapter);
        return row.id;
    });
    rig.openAndWait(id, 0);
    REQUIRE(rig.model.ready());
    CHECK(rig.model.subtitle().startsWith(QStringLiteral("Hepatitis C ECHO")));
    const QVariantList timeline = rig.model.timeline();
    REQUIRE(timeline.size() == 3);
    CHECK(timeline[1].toMap().value(QStringLiteral("kind")).toString() == QStringLiteral("case"));
    CHECK(timeline[1].toMap().value(QStringLiteral("text")).toString().contains(QStringLiteral("FIB-4 3.6")));
    CHECK(rig.model.currentTimelineIndex() == -1); // nothing said yet at 0:00
    rig.model.seek(3600);
    rig.settledPosition();
    CHECK(rig.model.currentTimelineIndex() == 1); // the case form being presented
    rig.model.seek(4500);
    rig.settledPosition();
    CHECK(rig.model.currentTimelineIndex() == 2);
    CHECK(rig.model.currentChapter() == 0);
}
