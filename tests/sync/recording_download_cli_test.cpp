// spoke-cli recordings list|download as a real child process against
// RangeServer: the catalogue, a download killed with SIGKILL and restarted
// (it resumes and fetches at most one block twice), and --max-kbps.

#include "DownloadTestSupport.h"
#include "RangeServer.h"
#include "support/TempDir.h"

#include "sync/DownloadJournal.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <catch2/catch.hpp>

namespace spoke::test {

namespace {

constexpr std::int64_t kBlockBytes = sync::RecordingDownloadOptions::kDefaultBlockBytes;
const QByteArray kFilePath = "/api/v1/recordings/7/files/full/0";
const QByteArray kToken = "cli-download-token-0123456789abcdef0123456789";

QByteArray recordingJson(const TestFile& file)
{
    const QJsonObject part{{"part", 0},
                           {"bytes", static_cast<qint64>(file.sizeBytes)},
                           {"sha256", QString::fromLatin1(file.sha256Hex)},
                           {"duration_ms", 60'000},
                           {"path", QString::fromLatin1(kFilePath)}};
    const QJsonObject full{
        {"rendition", "full"}, {"bytes", static_cast<qint64>(file.sizeBytes)}, {"parts", QJsonArray{part}}};
    return QJsonDocument(QJsonObject{{"id", 7},
                                     {"programme_id", 1},
                                     {"session_id", QJsonValue()},
                                     {"title", "DR-TB case review"},
                                     {"recorded_ms", qint64{1'765'000'000'000}},
                                     {"duration_ms", 60'000},
                                     {"renditions", QJsonArray{full}}})
        .toJson(QJsonDocument::Compact);
}

// The hub routes spoke-cli needs to sign in and read the catalogue.
RangeServer::Config hubConfig(const TestFile& file)
{
    RangeServer::Config config;
    const QByteArray account = R"({"id":1,"email":"nurse@clinic.example","name":"Wanjiru"})";
    config.json["/api/v1/auth/login"] =
        R"({"token":")" + kToken + R"(","expires_ms":4102444800000,"account":)" + account + "}";
    config.json["/api/v1/me"] = R"({"account":)" + account + R"(,"memberships":[]})";
    config.json["/api/v1/recordings"] = R"({"recordings":[)" + recordingJson(file) + "]}";
    config.json["/api/v1/recordings/7"] = R"({"recording":)" + recordingJson(file) + "}";
    config.files[kFilePath] = QString::fromStdString(file.path.string());
    config.requiredBearer = kToken;
    return config;
}

struct Cli {
    std::filesystem::path dataDir;

    QStringList args(const QStringList& rest) const
    {
        return QStringList{QStringLiteral("--data-dir"), QString::fromStdString(dataDir.string())} + rest;
    }
    std::pair<int, QByteArray> run(const QStringList& rest, int timeoutMs = 60'000) const
    {
        QProcess process;
        process.start(QStringLiteral(SPOKE_CLI_PATH), args(rest));
        REQUIRE(process.waitForFinished(timeoutMs));
        INFO(process.readAllStandardError().toStdString());
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput()};
    }
    void signIn(const QString& hubUrl) const
    {
        const auto passwordFile = dataDir / "password.txt";
        QFile password(QString::fromStdString(passwordFile.string()));
        REQUIRE(password.open(QIODevice::WriteOnly));
        password.write("correct horse battery staple\n");
        password.close();
        const auto [code, out] = run({"hub", "login", hubUrl, "--email", "nurse@clinic.example", "--password-file",
                                      QString::fromStdString(passwordFile.string())});
        INFO(out.toStdString());
        REQUIRE(code == 0);
    }
};

QList<QJsonObject> jsonLines(const QByteArray& out)
{
    QList<QJsonObject> lines;
    for (const QByteArray& line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    return lines;
}

} // namespace

TEST_CASE("spoke-cli recordings list shows the catalogue with each rendition's size", "[sync][download][cli]")
{
    TempDir dir;
    const TestFile file = makeRandomFile(dir / "recording.webm", 2 * kBlockBytes, 1);
    RangeServer server(hubConfig(file));
    const Cli cli{dir / "laptop"};
    std::filesystem::create_directories(cli.dataDir);
    cli.signIn(server.serverUrl());
    const auto [code, out] = cli.run({"recordings", "list", "--json"});
    REQUIRE(code == 0);
    const QJsonArray recordings = QJsonDocument::fromJson(out).object().value("recordings").toArray();
    REQUIRE(recordings.size() == 1);
    const QJsonObject recording = recordings.first().toObject();
    CHECK(recording.value("id").toInteger() == 7);
    CHECK(recording.value("title").toString() == "DR-TB case review");
    const QJsonObject full = recording.value("renditions").toArray().first().toObject();
    CHECK(full.value("rendition").toString() == "full");
    CHECK(full.value("bytes").toInteger() == file.sizeBytes);
    CHECK(full.value("parts").toArray().first().toObject().value("sha256").toString()
          == QString::fromLatin1(file.sha256Hex));
}

TEST_CASE("spoke-cli recordings download killed with SIGKILL resumes and fetches at most one block twice",
          "[sync][download][cli]")
{
    TempDir dir;
    const TestFile file = makeRandomFile(dir / "recording.webm", 32 * kBlockBytes + 4321, 9);
    RangeServer::Config config = hubConfig(file);
    // The relay holds the first transfer 100 kB into block 12: the process is
    // killed with 12 complete blocks and part of the next, whatever the
    // machine's speed.
    config.holdFirstFileAtBytes = 12 * kBlockBytes + 100'000;
    RangeServer server(config);
    const Cli cli{dir / "laptop"};
    std::filesystem::create_directories(cli.dataDir);
    cli.signIn(server.relayUrl());
    const QStringList download{"recordings", "download", "7", "--rendition", "full", "--json"};
    const auto destination = cli.dataDir / "downloads" / "7" / "full-0.webm";
    const auto partial = sync::RecordingDownload::partialPathFor(destination);
    const sync::DownloadJournalHeader header{file.sizeBytes, file.sha256Hex, kBlockBytes};

    QProcess first;
    first.start(QStringLiteral(SPOKE_CLI_PATH), cli.args(download));
    QElapsedTimer clock;
    clock.start();
    std::size_t journaled = 0;
    while (journaled < 12 && clock.elapsed() < 30'000 && first.state() != QProcess::NotRunning) {
        first.waitForFinished(20);
        journaled = sync::DownloadJournal::readBlocks(sync::DownloadJournal::pathFor(partial), header).size();
    }
    REQUIRE(journaled == 12);
    first.kill(); // SIGKILL
    REQUIRE(first.waitForFinished(10'000));
    CHECK(first.exitStatus() == QProcess::CrashExit);
    REQUIRE(std::filesystem::exists(partial));
    REQUIRE(std::filesystem::exists(sync::DownloadJournal::pathFor(partial)));
    CHECK_FALSE(std::filesystem::exists(destination));

    server.releaseHold();
    const auto [code, out] = cli.run(download);
    REQUIRE(code == 0);
    const QList<QJsonObject> lines = jsonLines(out);
    REQUIRE_FALSE(lines.isEmpty());
    const QJsonArray files = lines.last().value("files").toArray();
    REQUIRE(files.size() == 1);
    CHECK(files.first().toObject().value("sha256").toString() == QString::fromLatin1(file.sha256Hex));
    CHECK(files.first().toObject().value("path").toString() == QString::fromStdString(destination.string()));
    CHECK(sha256OfFile(destination) == file.sha256Hex);
    CHECK_FALSE(std::filesystem::exists(partial));

    // Two file requests: from 0, then from the end of block 11, the last the
    // killed process completed.
    std::vector<std::int64_t> starts;
    for (const ServedRequest& r : server.served())
        if (r.path == kFilePath)
            starts.push_back(r.firstByte);
    REQUIRE(starts.size() == 2);
    CHECK(starts[1] == 12 * kBlockBytes);
    const std::int64_t twice = server.deliveredFor(kFilePath) - file.sizeBytes;
    INFO("fetched twice: " << twice << " bytes");
    CHECK(twice <= kBlockBytes + 2 * 1024);
}

TEST_CASE("spoke-cli recordings download --max-kbps holds the rate within 20 percent", "[sync][download][cli]")
{
    TempDir dir;
    const TestFile file = makeRandomFile(dir / "recording.webm", 3'500'000, 2);
    RangeServer server(hubConfig(file));
    const Cli cli{dir / "laptop"};
    std::filesystem::create_directories(cli.dataDir);
    cli.signIn(server.serverUrl());

    // The rate between progress lines as the test receives them, over the
    // seconds the transfer runs (the process's start-up is not counted).
    QProcess process;
    process.start(QStringLiteral(SPOKE_CLI_PATH),
                  cli.args({"recordings", "download", "7", "--rendition", "full", "--max-kbps", "8000", "--json"}));
    QElapsedTimer clock;
    clock.start();
    std::vector<std::pair<std::int64_t, std::int64_t>> samples; // (ms, done bytes)
    QByteArray pending;
    while (process.state() != QProcess::NotRunning && clock.elapsed() < 30'000) {
        process.waitForReadyRead(50);
        pending += process.readAllStandardOutput();
        while (pending.contains('\n')) {
            const QByteArray line = pending.left(pending.indexOf('\n'));
            pending.remove(0, line.size() + 1);
            const QJsonObject progress = QJsonDocument::fromJson(line).object().value("progress").toObject();
            if (progress.value("state").toString() == "running" && progress.value("received_bytes").toInteger() > 0)
                samples.emplace_back(clock.elapsed(), progress.value("received_bytes").toInteger());
        }
    }
    if (process.state() != QProcess::NotRunning)
        REQUIRE(process.waitForFinished(5'000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
    REQUIRE(samples.size() >= 4);
    const auto [firstMs, firstBytes] = samples.front();
    const auto [lastMs, lastBytes] = samples.back();
    REQUIRE(lastMs - firstMs >= 2'000);
    const double bytesPerSecond =
        static_cast<double>(lastBytes - firstBytes) * 1000.0 / static_cast<double>(lastMs - firstMs);
    INFO(bytesPerSecond << " B/s over " << (lastMs - firstMs) << " ms");
    CHECK(bytesPerSecond >= 0.8 * 1'000'000);
    CHECK(bytesPerSecond <= 1.2 * 1'000'000);
    CHECK(sha256OfFile(cli.dataDir / "downloads" / "7" / "full-0.webm") == file.sha256Hex);
}

} // namespace spoke::test
