// Recording downloads under faults (issue 14 "Download under faults", "Bad
// input"): through a relay that cuts the connection, across a SIGKILL of
// spoke-cli, from a partial whose journal lies, with a wrong SHA-256, and
// under a speed cap. Against RangeServer (a real HTTP/1.1 Range server on
// 127.0.0.1 serving a file from disk), not the hub: the same faults against
// a real `spoke-hub serve` are in hub_download_test.cpp, and the hub's file
// route alone in tests/hub.

#include "DownloadTestSupport.h"
#include "RangeServer.h"
#include "support/TempDir.h"

#include "sync/DownloadJournal.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <sys/stat.h>

#include <catch2/catch.hpp>

namespace spoke::test {

namespace {

constexpr std::int64_t kBlockBytes = sync::RecordingDownloadOptions::kDefaultBlockBytes;
constexpr std::int64_t kHeaderAllowanceBytes = 1024; // an answer's status line and headers
const QByteArray kFilePath = "/api/v1/recordings/7/files/full/0";
const QByteArray kToken = "download-test-token-0123456789abcdef0123456789";

sync::RecordingDownloadOptions optionsFor(const RangeServer& server, const TestFile& file,
                                          const std::filesystem::path& destination, bool throughRelay)
{
    sync::RecordingDownloadOptions options;
    options.url = QUrl((throughRelay ? server.relayUrl() : server.serverUrl()) + QString::fromLatin1(kFilePath));
    options.token = QString::fromLatin1(kToken);
    options.sizeBytes = file.sizeBytes;
    options.sha256Hex = file.sha256Hex;
    options.destination = destination;
    options.firstRetryMs = 50;
    return options;
}

RangeServer::Config configFor(const TestFile& file)
{
    RangeServer::Config config;
    config.files[kFilePath] = QString::fromStdString(file.path.string());
    config.requiredBearer = kToken;
    return config;
}

bool ownerOnly(const std::filesystem::path& path)
{
    struct stat info { };
    return ::stat(path.c_str(), &info) == 0 && (info.st_mode & 077) == 0;
}

std::vector<std::int64_t> fileRequestStarts(const RangeServer& server)
{
    std::vector<std::int64_t> starts;
    for (const ServedRequest& r : server.served())
        if (r.path == kFilePath && r.firstByte >= 0)
            starts.push_back(r.firstByte);
    return starts;
}

} // namespace

TEST_CASE(
    "A 200 MB recording downloads through three cuts with its SHA-256 and at most one block fetched twice per cut",
    "[sync][download]")
{
    TempDir dir;
    const TestFile file = makeRandomFile(dir / "recording.webm", 200'000'000, 14);
    RangeServer::Config config = configFor(file);
    config.cutsAtBytes = {37'000'000, 101'000'000, 160'000'000};
    RangeServer server(config);
    const auto destination = dir / "downloads" / "7" / "full-0.webm";

    sync::RecordingDownload download(optionsFor(server, file, destination, /*throughRelay=*/true));
    QElapsedTimer clock;
    clock.start();
    runToEnd(download);
    INFO(download.error().detail.toStdString());
    REQUIRE(download.state() == sync::DownloadState::Done);
    CHECK(server.cutsDone() == 3);
    CHECK(sha256OfFile(destination) == file.sha256Hex);
    CHECK(ownerOnly(destination));
    CHECK_FALSE(std::filesystem::exists(sync::RecordingDownload::partialPathFor(destination)));
    CHECK_FALSE(
        std::filesystem::exists(sync::DownloadJournal::pathFor(sync::RecordingDownload::partialPathFor(destination))));

    // One request per connection: the first from 0, then one after each cut,
    // each from the end of a complete block, never going back.
    const auto starts = fileRequestStarts(server);
    REQUIRE(starts.size() == 4);
    CHECK(starts[0] == 0);
    for (std::size_t i = 1; i < starts.size(); ++i) {
        CHECK(starts[i] % kBlockBytes == 0);
        CHECK(starts[i] > starts[i - 1]);
    }
    const std::int64_t delivered = server.deliveredFor(kFilePath);
    const std::int64_t twice = delivered - file.sizeBytes;
    INFO("delivered " << delivered << " bytes for " << file.sizeBytes << " in " << clock.elapsed() << " ms");
    CHECK(twice <= 3 * kBlockBytes + 4 * kHeaderAllowanceBytes);
}

TEST_CASE("A partial whose journal disagrees with its bytes is downloaded again from that block", "[sync][download]")
{
    TempDir dir;
    const TestFile file = makeRandomFile(dir / "recording.webm", 24 * kBlockBytes + 12'345, 7);
    RangeServer server(configFor(file));
    const auto destination = dir / "downloads" / "7" / "full-0.webm";
    const auto partial = sync::RecordingDownload::partialPathFor(destination);

    {
        // Paused after ten blocks: the partial and its journal stay.
        sync::RecordingDownload first(optionsFor(server, file, destination, /*throughRelay=*/false));
        QObject::connect(&first, &sync::RecordingDownload::progressed, &first,
                         [&first](const sync::DownloadProgress& p) {
                             if (p.doneBytes >= 10 * kBlockBytes && p.state == sync::DownloadState::Running)
                                 first.pause();
                         });
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (first.state() == sync::DownloadState::Paused || first.state() == sync::DownloadState::Done)
                loop.quit();
        });
        poll.start(10);
        first.start();
        loop.exec();
        REQUIRE(first.state() == sync::DownloadState::Paused);
        CHECK(first.progress().doneBytes >= 10 * kBlockBytes);
    }
    const sync::DownloadJournalHeader header{file.sizeBytes, file.sha256Hex, kBlockBytes};
    const auto journaled = sync::DownloadJournal::readBlocks(sync::DownloadJournal::pathFor(partial), header);
    REQUIRE(journaled.size() >= 10);
    CHECK(ownerOnly(partial));

    // Three bytes in block 4 change on disk; the journal still vouches for it.
    {
        QFile bytes(QString::fromStdString(partial.string()));
        REQUIRE(bytes.open(QIODevice::ReadWrite));
        bytes.seek(4 * kBlockBytes + 1000);
        QByteArray three = bytes.read(3);
        for (char& c : three)
            c = static_cast<char>(~c);
        bytes.seek(4 * kBlockBytes + 1000);
        bytes.write(three);
    }

    const std::size_t requestsBefore = fileRequestStarts(server).size();
    sync::RecordingDownload second(optionsFor(server, file, destination, /*throughRelay=*/false));
    runToEnd(second);
    INFO(second.error().detail.toStdString());
    REQUIRE(second.state() == sync::DownloadState::Done);
    CHECK(second.resumedFromBytes() == 4 * kBlockBytes);
    const auto starts = fileRequestStarts(server);
    REQUIRE(starts.size() == requestsBefore + 1);
    CHECK(starts.back() == 4 * kBlockBytes);
    CHECK(sha256OfFile(destination) == file.sha256Hex);

    // Once the file is in place with its SHA-256, asking again fetches nothing.
    sync::RecordingDownload third(optionsFor(server, file, destination, /*throughRelay=*/false));
    runToEnd(third);
    CHECK(third.state() == sync::DownloadState::Done);
    CHECK(third.resumedFromBytes() == file.sizeBytes);
    CHECK(fileRequestStarts(server).size() == starts.size());
}

TEST_CASE("A wrong final SHA-256 is an error and leaves no file", "[sync][download]")
{
    TempDir dir;
    const TestFile file = makeRandomFile(dir / "recording.webm", 3 * kBlockBytes + 99, 3);
    RangeServer server(configFor(file));
    const auto destination = dir / "downloads" / "7" / "full-0.webm";
    sync::RecordingDownloadOptions options = optionsFor(server, file, destination, /*throughRelay=*/false);
    options.sha256Hex = QCryptographicHash::hash("another file", QCryptographicHash::Sha256).toHex();

    sync::RecordingDownload download(options);
    runToEnd(download);
    REQUIRE(download.state() == sync::DownloadState::Failed);
    CHECK(download.error().kind == sync::DownloadErrorKind::WrongChecksum);
    CHECK(download.error().detail.contains(QString::fromLatin1(file.sha256Hex)));
    CHECK_FALSE(std::filesystem::exists(destination));
    CHECK_FALSE(std::filesystem::exists(sync::RecordingDownload::partialPathFor(destination)));
    CHECK_FALSE(
        std::filesystem::exists(sync::DownloadJournal::pathFor(sync::RecordingDownload::partialPathFor(destination))));
}

TEST_CASE("A download without the token is refused and not retried", "[sync][download]")
{
    TempDir dir;
    const TestFile file = makeRandomFile(dir / "recording.webm", kBlockBytes, 5);
    RangeServer server(configFor(file));
    sync::RecordingDownloadOptions options = optionsFor(server, file, dir / "out.webm", /*throughRelay=*/false);
    options.token.clear();
    sync::RecordingDownload download(options);
    runToEnd(download);
    REQUIRE(download.state() == sync::DownloadState::Failed);
    CHECK(download.error().kind == sync::DownloadErrorKind::Refused);
    CHECK(download.error().httpStatus == 401);
    CHECK(fileRequestStarts(server).empty()); // refused before any file byte
    CHECK(server.served().size() == 1);
}

TEST_CASE("A speed cap holds the download rate within 20 percent", "[sync][download]")
{
    TempDir dir;
    const TestFile file = makeRandomFile(dir / "recording.webm", 3'000'000, 11);
    RangeServer server(configFor(file));
    sync::RecordingDownloadOptions options = optionsFor(server, file, dir / "out.webm", /*throughRelay=*/false);
    options.maxKbps = 8'000; // 1 MB/s

    sync::RecordingDownload download(options);
    QElapsedTimer clock;
    clock.start();
    runToEnd(download, 20'000);
    const double seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    REQUIRE(download.state() == sync::DownloadState::Done);
    const double bytesPerSecond = static_cast<double>(file.sizeBytes) / seconds;
    INFO(bytesPerSecond << " B/s over " << seconds << " s");
    CHECK(bytesPerSecond >= 0.8 * 1'000'000);
    CHECK(bytesPerSecond <= 1.2 * 1'000'000);
}

} // namespace spoke::test

namespace spoke::test {

TEST_CASE("A cancelled download leaves neither the partial file nor its journal", "[sync][download]")
{
    TempDir dir;
    const TestFile file = makeRandomFile(dir / "recording.webm", 6 * kBlockBytes, 4);
    RangeServer server(configFor(file));
    const auto destination = dir / "downloads" / "7" / "full-0.webm";
    sync::RecordingDownloadOptions options = optionsFor(server, file, destination, /*throughRelay=*/false);
    options.maxKbps = 16'000; // 2 MB/s: slow enough to cancel half way
    sync::RecordingDownload download(options);
    QObject::connect(&download, &sync::RecordingDownload::progressed, &download,
                     [&download](const sync::DownloadProgress& p) {
                         if (p.doneBytes >= kBlockBytes && p.state == sync::DownloadState::Running)
                             download.cancel();
                     });
    runToEnd(download, 20'000);
    REQUIRE(download.state() == sync::DownloadState::Cancelled);
    CHECK(download.error().kind == sync::DownloadErrorKind::Cancelled);
    const auto partial = sync::RecordingDownload::partialPathFor(destination);
    CHECK_FALSE(std::filesystem::exists(partial));
    CHECK_FALSE(std::filesystem::exists(sync::DownloadJournal::pathFor(partial)));
    CHECK_FALSE(std::filesystem::exists(destination));
}

} // namespace spoke::test
