// The clock-free and parsing parts of recording downloads: the speed cap's
// token bucket and the rate meter with a fake clock, the download journal's
// reading of torn and foreign journals, and the catalogue's strict reader.

#include "support/TempDir.h"

#include "sync/DownloadJournal.h"
#include "sync/DownloadPacing.h"
#include "sync/RecordingCatalogue.h"

#include <QCryptographicHash>
#include <QFile>

#include <catch2/catch.hpp>

namespace spoke::test {

namespace {

QByteArray sha(const QByteArray& text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex();
}

void appendTo(const std::filesystem::path& path, const QByteArray& bytes)
{
    QFile file(QString::fromStdString(path.string()));
    REQUIRE(file.open(QIODevice::Append));
    file.write(bytes);
}

QByteArray recordingWithPart(const QString& path, const QString& sha256)
{
    return QStringLiteral(
               R"({"recording":{"id":7,"programme_id":2,"session_id":31,"title":"Week 3","recorded_ms":1,)"
               R"("duration_ms":5400000,"renditions":[{"rendition":"audio-slides","bytes":11000000,"parts":[)"
               R"({"part":0,"bytes":11000000,"sha256":"%1","duration_ms":5400000,"path":"%2"}]}]}})")
        .arg(sha256, path)
        .toUtf8();
}

} // namespace

TEST_CASE("The token bucket gives one burst then the rate and never banks more than a burst", "[sync][download]")
{
    sync::TokenBucket bucket(1000, 100); // 1000 B/s, 100 B burst
    CHECK(bucket.available(0) == 100);
    bucket.take(100);
    CHECK(bucket.available(0) == 0);
    CHECK(bucket.msUntil(50, 0) == 51); // 50 B at 1 B/ms, rounded up
    CHECK(bucket.available(50) == 50);
    CHECK(bucket.available(10'000) == 100);
    std::int64_t taken = 0;
    for (std::int64_t nowMs = 10'000; nowMs <= 20'000; nowMs += 7) {
        const std::int64_t n = bucket.available(nowMs);
        bucket.take(n);
        taken += n;
    }
    CHECK(taken >= 100 + 9'990);
    CHECK(taken <= 100 + 10'000);
    sync::TokenBucket uncapped(0, 100);
    CHECK_FALSE(uncapped.capped());
    CHECK(uncapped.msUntil(1'000'000, 0) == 0);
}

TEST_CASE("The rate meter reports the rate over its window and forgets what is older", "[sync][download]")
{
    sync::RateMeter meter(2000);
    for (std::int64_t nowMs = 0; nowMs < 5000; nowMs += 10)
        meter.add(1000, nowMs); // 100 kB/s
    CHECK(meter.bytesPerSecond(5000) >= 95'000);
    CHECK(meter.bytesPerSecond(5000) <= 105'000);
    CHECK(meter.bytesPerSecond(9000) == 0); // nothing for longer than the window
}

TEST_CASE("The download journal skips a torn last line and ignores a journal of another file", "[sync][download]")
{
    TempDir dir;
    const auto path = dir / "full-0.webm.part.journal";
    const sync::DownloadJournalHeader header{3 * 1024 + 10, sha("whole"), 1024};
    CHECK(header.blockCount() == 4);
    CHECK(header.blockLength(3) == 10);
    auto journal = sync::DownloadJournal::create(path, header, {sha("b0")});
    REQUIRE(journal);
    CHECK(journal->append(1, sha("b1")));
    appendTo(path, "2 " + sha("b2").left(20)); // killed in the middle of a line
    auto blocks = sync::DownloadJournal::readBlocks(path, header);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks.at(0) == sha("b0"));
    CHECK(blocks.at(1) == sha("b1"));

    // A journal for another size, block size or SHA-256 says nothing.
    CHECK(sync::DownloadJournal::readBlocks(path, {header.sizeBytes + 1, header.sha256Hex, 1024}).empty());
    CHECK(sync::DownloadJournal::readBlocks(path, {header.sizeBytes, sha("other"), 1024}).empty());
    CHECK(sync::DownloadJournal::readBlocks(path, {header.sizeBytes, header.sha256Hex, 2048}).empty());

    // A block index past the end stops reading there.
    auto again = sync::DownloadJournal::create(path, header, {sha("b0")});
    REQUIRE(again);
    CHECK(again->append(9, sha("b9")));
    CHECK(again->append(1, sha("b1")));
    CHECK(sync::DownloadJournal::readBlocks(path, header).size() == 1);
    again->remove();
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("The recordings catalogue is read strictly", "[sync][download]")
{
    const QString route = QStringLiteral("/api/v1/recordings/7/files/audio-slides/0");
    const auto good = sync::parseRecordingAnswer(recordingWithPart(route, QString::fromLatin1(sha("x"))));
    REQUIRE(good);
    CHECK(good->id == 7);
    CHECK(good->sessionId == 31);
    REQUIRE(good->rendition("audio-slides") != nullptr);
    CHECK(good->rendition("audio-slides")->parts.first().bytes == 11'000'000);
    CHECK(good->rendition("full") == nullptr);

    // A part's path must be its own file route on the same hub: the token goes there.
    const auto elsewhere = sync::parseRecordingAnswer(
        recordingWithPart(QStringLiteral("https://evil.example/x"), QString::fromLatin1(sha("x"))));
    REQUIRE_FALSE(elsewhere);
    CHECK(elsewhere.error().detail.contains("recording.renditions[0].parts[0].path"));
    const auto upper = sync::parseRecordingAnswer(recordingWithPart(route, QString::fromLatin1(sha("x").toUpper())));
    REQUIRE_FALSE(upper);
    CHECK(upper.error().detail.contains("sha256"));
    CHECK_FALSE(sync::parseRecordingsAnswer(R"({"recordings":[{"id":"7"}]})"));
    CHECK_FALSE(sync::parseRecordingsAnswer("not json"));
    const auto empty = sync::parseRecordingsAnswer(R"({"recordings":[]})");
    REQUIRE(empty);
    CHECK(empty->isEmpty());
}

} // namespace spoke::test
