#include "Fixtures.h"
#include "recording/Importer.h"
#include "recording/RecordingError.h"
#include "store/Cache.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace spoke;
using namespace spoke::recording;

TEST_CASE("An MP4 made elsewhere is imported with its hash, duration and chapters", "[recording][import]")
{
    test::TempDir dir;
    std::ofstream(dir / "meta.txt") << ";FFMETADATA1\ntitle=Hub edit: TB programme week 3\n"
                                       "[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=Didactic\n"
                                       "[CHAPTER]\nTIMEBASE=1/1000\nSTART=1500\nEND=3000\ntitle=Case 1\n";
    const auto source = dir / "hub.mp4";
    test::ffmpeg({QStringLiteral("-f"),
                  QStringLiteral("lavfi"),
                  QStringLiteral("-i"),
                  QStringLiteral("testsrc2=size=320x240:rate=25:duration=3"),
                  QStringLiteral("-f"),
                  QStringLiteral("lavfi"),
                  QStringLiteral("-i"),
                  QStringLiteral("sine=frequency=440:sample_rate=44100:duration=3"),
                  QStringLiteral("-i"),
                  QString::fromStdString((dir / "meta.txt").string()),
                  QStringLiteral("-map_metadata"),
                  QStringLiteral("2"),
                  QStringLiteral("-map_chapters"),
                  QStringLiteral("2"),
                  QStringLiteral("-map"),
                  QStringLiteral("0"),
                  QStringLiteral("-map"),
                  QStringLiteral("1"),
                  QStringLiteral("-c:v"),
                  QStringLiteral("mpeg4"),
                  QStringLiteral("-c:a"),
                  QStringLiteral("aac"),
                  QString::fromStdString(source.string())});

    store::Cache cache = store::Cache::openInMemory();
    store::RecordingStore recordings = cache.recordings();
    Importer importer(recordings, dir / "data");
    const ImportResult imported = importer.importFile(source);
    CHECK_FALSE(imported.alreadyInLibrary);
    CHECK(imported.storedFile.parent_path() == dir / "data" / "recordings");
    CHECK(std::filesystem::file_size(imported.storedFile) == std::filesystem::file_size(source));
    CHECK(imported.sha256 == Importer::sha256Of(source));

    const auto row = recordings.byId(imported.recordingId);
    REQUIRE(row);
    CHECK(row->title == "Hub edit: TB programme week 3");
    CHECK(row->source == store::RecordingSource::Imported);
    CHECK(row->durationMs == Approx(3000).margin(100));
    const auto chapters = recordings.chapters(imported.recordingId);
    REQUIRE(chapters.size() == 2);
    CHECK(chapters[1].title == "Case 1");
    CHECK(chapters[1].startMs == 1500);
    // The library search finds the chapter title.
    CHECK_FALSE(cache.search("Didactic").empty());

    // The same bytes again: the same row, nothing copied.
    const ImportResult again = importer.importFile(source);
    CHECK(again.alreadyInLibrary);
    CHECK(again.recordingId == imported.recordingId);
    CHECK(recordings.list().size() == 1);
}

TEST_CASE("Import refuses what is not a WebM, MKV or MP4 recording", "[recording][import]")
{
    test::TempDir dir;
    test::ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("sine=frequency=440:duration=1"),
                  QString::fromStdString((dir / "tone.wav").string())});
    std::ofstream(dir / "case.webm") << "{\"format\": \"echo-case/1.0\"}";
    store::Cache cache = store::Cache::openInMemory();
    store::RecordingStore recordings = cache.recordings();
    Importer importer(recordings, dir / "data");
    try {
        importer.importFile(dir / "tone.wav");
        FAIL("a WAV file was imported");
    } catch (const RecordingError& error) {
        // Refused from its first bytes, before any demuxer reads it.
        CHECK(error.kind() == RecordingErrorKind::NotMedia);
        CHECK(std::string(error.what()).find("not a WebM, Matroska, MP4 or MOV file") != std::string::npos);
    }
    CHECK_THROWS_AS(importer.importFile(dir / "case.webm"), RecordingError);
    CHECK(recordings.list().empty());
}

TEST_CASE("Import never lets FFmpeg guess the format or follow a reference out of the file",
          "[recording][import][hostile]")
{
    test::TempDir dir;
    // Playlists and concat lists would make FFmpeg open other files or URLs.
    std::ofstream(dir / "lecture.mp4") << "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nhttp://10.255.255.1/a.ts\n";
    std::ofstream(dir / "lecture.mkv") << "ffconcat version 1.0\nfile '/etc/passwd'\n";
    store::Cache cache = store::Cache::openInMemory();
    store::RecordingStore recordings = cache.recordings();
    Importer importer(recordings, dir / "data");
    for (const char* name : {"lecture.mp4", "lecture.mkv"}) {
        INFO(name);
        try {
            importer.importFile(dir / name);
            FAIL("a playlist was imported");
        } catch (const RecordingError& error) {
            CHECK(error.kind() == RecordingErrorKind::NotMedia);
        }
    }
    // A real recording whose name looks like an FFmpeg URL is still a path.
    const auto tricky = dir / "concat:session.webm";
    std::filesystem::rename(test::makeWebm(dir / "plain.webm", QStringLiteral("160x90"), 10, 1.0), tricky);
    CHECK_NOTHROW(importer.importFile(tricky));
    CHECK(recordings.list().size() == 1);
}

TEST_CASE("Resume positions live in the cache and go with their recording", "[recording][store]")
{
    store::Cache cache = store::Cache::openInMemory();
    CHECK(cache.db().queryInt("PRAGMA user_version") >= 4);
    store::RecordingStore recordings = cache.recordings();
    store::Recording row;
    row.title = "Week 3";
    row.filePath = "/tmp/week3.webm";
    row.createdMs = 1;
    const auto id = recordings.add(row);
    CHECK_FALSE(recordings.resumePosition(id));
    recordings.setResumePosition(id, 61'500, 10);
    recordings.setResumePosition(id, 75'000, 20);
    CHECK(recordings.resumePosition(id) == 75'000);
    recordings.clearResumePosition(id);
    CHECK_FALSE(recordings.resumePosition(id));
    recordings.setResumePosition(id, 5'000, 30);
    cache.db().exec("DELETE FROM recordings WHERE id = " + std::to_string(id));
    CHECK(cache.db().queryInt("SELECT count(*) FROM playback_positions") == 0);
}
