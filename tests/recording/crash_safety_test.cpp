#include "Fixtures.h"
#include "recording/AudioOutput.h"
#include "recording/ChapterJournal.h"
#include "recording/Importer.h"
#include "recording/Player.h"
#include "recording/RecordingLog.h"
#include "recording/RecordingProbe.h"
#include "store/Cache.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QProcess>

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

using namespace spoke;
using namespace spoke::recording;

namespace {

// The Matroska Cues element (ID 1C 53 BB 6B): the seek index a clean stop writes.
bool containsCues(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return bytes.find("\x1c\x53\xbb\x6b") != std::string::npos;
}

} // namespace

// The acceptance test: a 60 s recording killed with SIGKILL at about
// 30 s plays, with no repair step, to within 2 s of the kill; the chapters
// made before the kill are rows in the cache.
TEST_CASE("A recording killed with SIGKILL mid-way plays to within 2 s of the kill", "[recording][crash]")
{
    test::TempDir dir;
    const auto file = dir / "killed.webm";
    const auto dataDir = dir / "data";
    QProcess recorder;
    recorder.start(QStringLiteral(SPOKE_CLI_PATH),
                   {QStringLiteral("--data-dir"), QString::fromStdString(dataDir.string()), QStringLiteral("record"),
                    QStringLiteral("--video"), QStringLiteral("test"), QStringLiteral("--audio"), QStringLiteral("tone"),
                    QStringLiteral("--seconds"), QStringLiteral("60"), QStringLiteral("--size"), QStringLiteral("640x360"),
                    QStringLiteral("--chapter"), QStringLiteral("5:Didactic: hepatitis C"), QStringLiteral("--chapter"),
                    QStringLiteral("20:Case 1"), QStringLiteral("--out"), QString::fromStdString(file.string())});
    REQUIRE(recorder.waitForStarted(10'000));
    // Recording time starts when the CLI says the file exists.
    REQUIRE(recorder.waitForReadyRead(20'000));
    const auto started = std::chrono::steady_clock::now();
    REQUIRE(recorder.readLine().contains("\"recording\""));
    std::this_thread::sleep_until(started + std::chrono::seconds(30));
    recorder.kill(); // SIGKILL: no destructor, no trailer
    const auto killedAfterMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    REQUIRE(recorder.waitForFinished(10'000));
    CHECK(recorder.exitStatus() == QProcess::CrashExit);

    const QString path = QString::fromStdString(file.string());
    const auto ffprobe = test::runProcess(QStringLiteral("ffprobe"),
                                          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_streams"), path});
    CHECK(ffprobe.exitCode == 0);
    CHECK(ffprobe.out.find("codec_name=vp8") != std::string::npos);
    CHECK(ffprobe.out.find("codec_name=opus") != std::string::npos);
    const auto ffmpeg = test::runProcess(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"),
                                                                    QStringLiteral("-i"), path, QStringLiteral("-f"),
                                                                    QStringLiteral("null"), QStringLiteral("-")});
    CHECK(ffmpeg.exitCode == 0);

    const ProbeResult probe = RecordingProbe::probe(file);
    INFO("killed after " << killedAfterMs << " ms; playable " << probe.playableMs << " ms; " << probe.problem);
    CHECK(probe.durationMs == 0); // no Duration element: the trailer never ran
    CHECK_FALSE(containsCues(file));
    CHECK(probe.playableMs >= killedAfterMs - 2000);
    CHECK(probe.playableMs <= killedAfterMs + 500);
    CHECK(probe.chaptersFromJournal);
    CHECK(probe.chapters.size() == 2);

    // The player plays the tail of it and stops cleanly at the end.
    NullAudioOutput audio(2);
    PlayerConfig config;
    config.audio = &audio;
    config.startMs = probe.playableMs - 3000;
    Player player(file, config);
    player.play();
    REQUIRE(player.waitUntilFinished(std::chrono::seconds(15)));
    CHECK(player.stats().framesPresented > 60);
    CHECK(player.stats().readableUntilMs >= killedAfterMs - 2000);

    // Chapters made before the kill are in the cache; recovery completes the row.
    store::Cache cache = store::Cache::open(dataDir / "spoke-cache.sqlite");
    store::RecordingStore recordings = cache.recordings();
    const auto rows = recordings.list();
    REQUIRE(rows.size() == 1);
    const auto chapters = recordings.chapters(rows[0].id);
    REQUIRE(chapters.size() == 2);
    CHECK(chapters[0].title == "Didactic: hepatitis C");
    CHECK(chapters[0].startMs == Approx(5000).margin(100));
    CHECK(chapters[1].startMs == Approx(20000).margin(100));
    CHECK(RecordingLog::recoverInterrupted(recordings) == 1);
    const auto recovered = recordings.byId(rows[0].id);
    CHECK(recovered->durationMs == probe.playableMs);
    CHECK(recovered->sha256.size() == 64);
    CHECK(recordings.chapters(rows[0].id)[1].endMs == probe.playableMs);
}

TEST_CASE("A recording that finishes normally has cues, a duration and its chapters", "[recording][crash]")
{
    test::TempDir dir;
    const auto file = dir / "clean.webm";
    const auto result = test::runProcess(
        QStringLiteral(SPOKE_CLI_PATH),
        {QStringLiteral("--data-dir"), QString::fromStdString((dir / "data").string()), QStringLiteral("record"),
         QStringLiteral("--video"), QStringLiteral("test"), QStringLiteral("--audio"), QStringLiteral("tone"),
         QStringLiteral("--seconds"), QStringLiteral("5"), QStringLiteral("--size"), QStringLiteral("320x180"),
         QStringLiteral("--chapter"), QStringLiteral("1:Didactic"), QStringLiteral("--chapter"), QStringLiteral("3:Case 1"),
         QStringLiteral("--out"), QString::fromStdString(file.string())},
        60'000);
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    const auto shown = test::runProcess(QStringLiteral("ffprobe"),
                                        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_chapters"),
                                         QStringLiteral("-show_entries"), QStringLiteral("format=duration"),
                                         QString::fromStdString(file.string())});
    CHECK(shown.out.find("title=Didactic") != std::string::npos);
    CHECK(shown.out.find("title=Case 1") != std::string::npos);
    CHECK(shown.out.find("duration=5.") != std::string::npos);
    CHECK(containsCues(file));

    store::Cache cache = store::Cache::open(dir / "data" / "spoke-cache.sqlite");
    const auto rows = cache.recordings().list();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].durationMs >= 4900);
    CHECK(rows[0].sha256.size() == 64);
    const auto chapters = cache.recordings().chapters(rows[0].id);
    REQUIRE(chapters.size() == 2);
    CHECK(chapters[0].endMs == chapters[1].startMs);
}

// Matroska keeps chapters in the header area only a clean stop writes, so a
// killed recording's chapters come from the journal beside it: probing
// lists them and importing the file elsewhere (another data dir, with none
// of the recorder's cache rows) brings them into that library.
TEST_CASE("A killed recording's chapters are recovered by probe and import", "[recording][crash]")
{
    test::TempDir dir;
    const auto file = dir / "cut.webm";
    QProcess recorder;
    recorder.start(QStringLiteral(SPOKE_CLI_PATH),
                   {QStringLiteral("--data-dir"), QString::fromStdString((dir / "data").string()), QStringLiteral("record"),
                    QStringLiteral("--video"), QStringLiteral("test"), QStringLiteral("--audio"), QStringLiteral("tone"),
                    QStringLiteral("--seconds"), QStringLiteral("30"), QStringLiteral("--size"), QStringLiteral("320x180"),
                    QStringLiteral("--chapter"), QStringLiteral("1:Didactic: TB in children"), QStringLiteral("--chapter"),
                    QStringLiteral("3:Case 2\tcough"), QStringLiteral("--out"), QString::fromStdString(file.string())});
    REQUIRE(recorder.waitForStarted(10'000));
    REQUIRE(recorder.waitForReadyRead(20'000));
    const auto started = std::chrono::steady_clock::now();
    std::this_thread::sleep_until(started + std::chrono::milliseconds(5500));
    recorder.kill();
    REQUIRE(recorder.waitForFinished(10'000));
    REQUIRE(std::filesystem::exists(ChapterJournal::pathFor(file)));

    const ProbeResult probe = RecordingProbe::probe(file);
    INFO("playable " << probe.playableMs << " ms");
    CHECK(probe.durationMs == 0);
    CHECK(probe.chaptersFromJournal);
    REQUIRE(probe.chapters.size() == 2);
    CHECK(probe.chapters[0].title == "Didactic: TB in children");
    CHECK(probe.chapters[0].startMs == Approx(1000).margin(150));
    CHECK(probe.chapters[0].endMs == probe.chapters[1].startMs);
    CHECK(probe.chapters[1].startMs == Approx(3000).margin(150));
    CHECK(probe.chapters[1].endMs == probe.playableMs);

    store::Cache elsewhere = store::Cache::open(dir / "elsewhere.sqlite");
    store::RecordingStore recordings = elsewhere.recordings();
    Importer importer(recordings, dir / "elsewhere");
    const ImportResult imported = importer.importFile(file);
    const auto rows = recordings.chapters(imported.recordingId);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].title == probe.chapters[1].title);
    CHECK(rows[1].startMs == probe.chapters[1].startMs);

    // The player lists them too, from the same probe.
    PlayerConfig config;
    Player player(file, config);
    CHECK(player.info().chapters.size() == 2);
}

TEST_CASE("A chapter journal skips torn and malformed lines and keeps titles on one line", "[recording][crash]")
{
    test::TempDir dir;
    const auto file = dir / "r.webm";
    {
        ChapterJournal journal(file);
        CHECK(journal.append(4000, "Case 1\nsecond line"));
        CHECK(journal.append(1000, "Didactic"));
    }
    {
        std::ofstream out(ChapterJournal::pathFor(file), std::ios::app | std::ios::binary);
        out << "junk line\n-5\tnegative\n12x\tbad number\n9000\ttorn without newline";
    }
    const auto chapters = ChapterJournal::read(file);
    REQUIRE(chapters.size() == 2);
    CHECK(chapters[0].startMs == 1000);
    CHECK(chapters[1].title == "Case 1 second line");
    ChapterJournal(file).remove();
    CHECK_FALSE(std::filesystem::exists(ChapterJournal::pathFor(file)));
    CHECK(ChapterJournal::read(file).empty());
}
