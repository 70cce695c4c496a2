// Issue 14's "Download under faults" and its "Bad input" file answers
// against the real thing: `spoke-hub serve` serving a 200 MB recording from
// its catalogue, and `spoke-cli recordings download` (signed in with
// `spoke-cli hub join`) as a child process, through CuttingRelay
// (tests/support) in front of the hub. Three cuts, then a SIGKILL of the
// client and a restart; each time the SHA-256 is the catalogue's and the
// relay's own byte counters say how much was fetched twice. The same
// properties against tests/sync's RangeServer are in
// recording_download_test.cpp and recording_download_cli_test.cpp.

#include "DownloadTestSupport.h"
#include "support/CuttingRelay.h"
#include "support/RequireAll.h"
#include "support/TempDir.h"
#include "ui/HubProcess.h"

#include "hub/admin/Admin.h"
#include "hub/db/HubDatabase.h"
#include "hub/identity/Identity.h"
#include "hub/recordings/RecordingCatalogue.h"
#include "recording/WebmWriter.h"
#include "sync/DownloadJournal.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>

#include <catch2/catch.hpp>

#include <cstring>

namespace spoke::test {

namespace {

constexpr std::int64_t kRecordingBytes = 200'000'000;
constexpr std::int64_t kBlockBytes = sync::RecordingDownloadOptions::kDefaultBlockBytes;
constexpr std::int64_t kHeaderAllowanceBytes = 1024; // an answer's status line and headers
constexpr int kDownloadTimeoutMs = 200'000; // under ASan a 200 MB download takes over a minute
const QString kPassword = QStringLiteral("correct horse battery staple");

// A WebM of at least `bytes` as the hub files any recording: one VP8 track
// of 1 MiB packets at 10 fps, closed by WebmWriter with its Cues and
// Duration. The packets are pseudo-random bytes, not coded pictures: the
// hub stores, hashes and probes the container (its duration) and serves
// the bytes, and nothing here decodes them, while encoding 200 MB of real
// video would take minutes. Random bytes also make any misplaced block
// change the SHA-256.
std::filesystem::path writeBulkWebm(const std::filesystem::path& file, std::int64_t bytes)
{
    constexpr int kFps = 10;
    recording::WebmWriterConfig config;
    config.file = file;
    config.audio = false;
    config.fps = kFps;
    recording::WebmWriter writer(config);
    std::vector<std::uint64_t> packet(kBlockBytes / 8);
    std::uint64_t state = 0x5eed'0014'0000'0001ULL;
    for (int frame = 0; writer.bytesWritten() < bytes; ++frame) {
        for (std::uint64_t& word : packet) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            word = state;
        }
        const auto* data = reinterpret_cast<const std::uint8_t*>(packet.data());
        writer.writeVideo({data, packet.size() * 8}, std::int64_t(frame) * 1000 / kFps, true);
    }
    writer.finish();
    return file;
}

struct SeededHub {
    std::int64_t recordingId = 0;
    QByteArray filePath; // the full rendition's file route
    std::int64_t sizeBytes = 0;
    QByteArray sha256Hex; // of the file as written, before the catalogue took it
    QString catalogueSha256;
    std::vector<QString> invites; // trainees of the recording's programme, one per laptop
    QString memberToken; // a trainee of the recording's programme
    QString strangerToken; // a trainee of another programme
};

QString signUp(hub::Admin& admin, hub::Identity& identity, std::int64_t programme, const QString& email)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    auto signedIn = identity.redeemInvite(admin.inviteMember(programme, hub::Role::Trainee, nowMs)->code, email,
                                          QStringLiteral("Trainee"), kPassword, nowMs);
    REQUIRE(signedIn.ok());
    return signedIn->token;
}

// Two programmes, members, and a recording of `bytes` filed by the hub's own
// RecordingCatalogue in the hub's data dir before it starts: what `spoke-hub
// admin recording import` does minus the renditions (a maker that makes
// none), which would take minutes for 200 MB. The file is written inside the
// data dir, so filing it is a rename.
SeededHub seed(const QString& dataDir, std::int64_t bytes, int laptops)
{
    SeededHub seeded;
    const std::filesystem::path root = dataDir.toStdString();
    const std::filesystem::path webm = writeBulkWebm(root / "incoming.webm", bytes);
    seeded.sizeBytes = std::int64_t(std::filesystem::file_size(webm));
    seeded.sha256Hex = sha256OfFile(webm);

    auto db = hub::HubDatabase::open(hub::HubDatabaseLocation::sqliteIn(dataDir));
    hub::Admin admin(*db);
    hub::Identity identity(*db);
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const std::int64_t programme = *admin.addProgramme(QStringLiteral("TB Mombasa"), hub::ProgrammeKind::Tb, nowMs);
    const std::int64_t other = *admin.addProgramme(QStringLiteral("HIV Kampala"), hub::ProgrammeKind::Hiv, nowMs);
    for (int i = 0; i < laptops; ++i)
        seeded.invites.push_back(admin.inviteMember(programme, hub::Role::Trainee, nowMs)->code);
    seeded.memberToken = signUp(admin, identity, programme, QStringLiteral("member@clinic.example"));
    seeded.strangerToken = signUp(admin, identity, other, QStringLiteral("stranger@clinic.example"));

    hub::recordings::RecordingCatalogue catalogue(*db, root / "recordings");
    hub::recordings::AddRecording add;
    add.programmeId = programme;
    add.title = QStringLiteral("DR-TB case review, back catalogue");
    add.fullParts = {webm};
    add.moveParts = true;
    auto recording = catalogue.add(add, {}, nowMs);
    INFO((recording ? QString() : recording.error().message).toStdString());
    REQUIRE(recording);
    REQUIRE(recording->files.size() == 1);
    seeded.recordingId = recording->id;
    seeded.filePath =
        QByteArrayLiteral("/api/v1/recordings/") + QByteArray::number(qint64(recording->id)) + "/files/full/0";
    seeded.catalogueSha256 = recording->files.front().sha256;
    return seeded;
}

// The 200 MB file, its downloaded copy and the partial beside it.
bool enoughDiskFor200Mb()
{
    std::error_code error;
    const auto space = std::filesystem::space(std::filesystem::temp_directory_path(), error);
    return !error && space.available > std::uintmax_t(4) * std::uintmax_t(kRecordingBytes);
}

// A laptop: `spoke-cli --data-dir DIR` joined to the hub at `url` (the
// relay's) with an invite, as a trainee does.
struct Laptop {
    TempDir dir;

    Laptop(const QString& url, const QString& invite, const QString& email)
    {
        joinWithCli(dir, url, invite, email, QStringLiteral("Wanjiru"), kPassword);
    }
    QStringList args(std::int64_t recordingId) const
    {
        return {QStringLiteral("--data-dir"), QString::fromStdString(dir.path().string()),
                QStringLiteral("recordings"), QStringLiteral("download"),
                QString::number(recordingId), QStringLiteral("--rendition"),
                QStringLiteral("full"),       QStringLiteral("--json")};
    }
    std::filesystem::path destination(std::int64_t recordingId) const
    {
        return dir.path() / "downloads" / std::to_string(recordingId) / "full-0.webm";
    }
    // Runs the download to its end; the `files` entry of its last JSON line.
    QJsonObject download(std::int64_t recordingId) const
    {
        QProcess process;
        process.start(QStringLiteral(SPOKE_CLI_PATH), args(recordingId));
        REQUIRE(process.waitForFinished(kDownloadTimeoutMs));
        INFO(process.readAllStandardError().toStdString());
        REQUIRE(process.exitStatus() == QProcess::NormalExit);
        REQUIRE(process.exitCode() == 0);
        const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
        const QJsonArray files = QJsonDocument::fromJson(lines.last()).object().value("files").toArray();
        REQUIRE(files.size() == 1);
        return files.first().toObject();
    }
};

// The relay's connections that asked for `path`.
std::vector<RelayedConnection> connectionsFor(const CuttingRelay& relay, const QByteArray& path)
{
    std::vector<RelayedConnection> found;
    for (const RelayedConnection& c : relay.relayed())
        if (std::find(c.paths.begin(), c.paths.end(), path) != c.paths.end())
            found.push_back(c);
    return found;
}

struct RawAnswer {
    int status = 0;
    QByteArray contentRange;
    QByteArray body;
};

// One GET straight to the hub (not through a relay).
RawAnswer get(const HubProcess& hub, const QByteArray& path, const QString& token, const QByteArray& range = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(hub.url() + QString::fromLatin1(path)));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!range.isEmpty())
        request.setRawHeader("Range", range);
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    REQUIRE(reply->isFinished());
    RawAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                     reply->rawHeader("Content-Range"), reply->readAll()};
    reply->deleteLater();
    return answer;
}

} // namespace

TEST_CASE("hub download: a 200 MB recording from spoke-hub serve survives three cuts with its SHA-256",
          "[sync][download][hub]")
{
    if (!enoughDiskFor200Mb()) {
        SPOKE_SKIP_OR_FAIL("less than 800 MB free in the temp dir for a 200 MB recording and its copy");
        return;
    }
    QElapsedTimer clock;
    clock.start();
    HubProcess hub(QStringLiteral(SPOKE_HUB_PATH));
    const SeededHub seeded = seed(hub.dataDir(), kRecordingBytes, 1);
    REQUIRE(seeded.catalogueSha256 == QString::fromLatin1(seeded.sha256Hex));
    hub.start();
    const qint64 seededMs = clock.elapsed();

    CuttingRelay::Config config;
    config.backendPort = quint16(hub.port());
    config.cutsAtBytes = {37'000'000, 101'000'000, 160'000'000};
    CuttingRelay relay(config);
    const Laptop laptop(relay.url(), seeded.invites[0], QStringLiteral("nurse@clinic.example"));

    const QJsonObject file = laptop.download(seeded.recordingId);
    CHECK(relay.cutsDone() == 3);
    CHECK(file.value("sha256").toString() == seeded.catalogueSha256);
    CHECK(file.value("bytes").toInteger() == seeded.sizeBytes);
    CHECK(sha256OfFile(laptop.destination(seeded.recordingId)) == seeded.sha256Hex);
    CHECK_FALSE(
        std::filesystem::exists(sync::RecordingDownload::partialPathFor(laptop.destination(seeded.recordingId))));

    // A connection for the file from the start, and one after each cut.
    const auto connections = connectionsFor(relay, seeded.filePath);
    CHECK(connections.size() == 4);
    CHECK(std::count_if(connections.begin(), connections.end(), [](const auto& c) { return c.cut; }) == 3);
    const std::int64_t delivered = relay.deliveredFor(seeded.filePath);
    const std::int64_t twice = delivered - seeded.sizeBytes;
    WARN("three cuts: the relay delivered " << delivered << " bytes for a file of " << seeded.sizeBytes << " (" << twice
                                            << " more); seeding " << seededMs << " ms, all " << clock.elapsed()
                                            << " ms");
    CHECK(twice >= 0);
    CHECK(twice <= 3 * kBlockBytes + 4 * kHeaderAllowanceBytes);
}

TEST_CASE("hub download: spoke-cli killed with SIGKILL mid-file resumes from spoke-hub serve and fetches at most "
          "one block twice",
          "[sync][download][hub]")
{
    if (!enoughDiskFor200Mb()) {
        SPOKE_SKIP_OR_FAIL("less than 800 MB free in the temp dir for a 200 MB recording and its copy");
        return;
    }
    QElapsedTimer clock;
    clock.start();
    HubProcess hub(QStringLiteral(SPOKE_HUB_PATH));
    const SeededHub seeded = seed(hub.dataDir(), kRecordingBytes, 1);
    hub.start();

    // The relay holds the first transfer of the file 100 kB into block 40:
    // the client is killed with 40 complete blocks and part of the next,
    // whatever the machine's speed.
    constexpr std::int64_t kKillAfterBlocks = 40;
    CuttingRelay::Config config;
    config.backendPort = quint16(hub.port());
    config.holdAtBytes = kKillAfterBlocks * kBlockBytes + 100'000;
    config.holdPath = [path = seeded.filePath](const QByteArray& asked) { return asked == path; };
    CuttingRelay relay(config);
    const Laptop laptop(relay.url(), seeded.invites[0], QStringLiteral("nurse@clinic.example"));
    const auto destination = laptop.destination(seeded.recordingId);
    const auto partial = sync::RecordingDownload::partialPathFor(destination);
    const sync::DownloadJournalHeader header{seeded.sizeBytes, seeded.sha256Hex, kBlockBytes};

    QProcess first;
    first.start(QStringLiteral(SPOKE_CLI_PATH), laptop.args(seeded.recordingId));
    QElapsedTimer waited;
    waited.start();
    std::size_t journaled = 0;
    while (journaled < kKillAfterBlocks && waited.elapsed() < kDownloadTimeoutMs
           && first.state() != QProcess::NotRunning) {
        first.waitForFinished(20);
        journaled = sync::DownloadJournal::readBlocks(sync::DownloadJournal::pathFor(partial), header).size();
    }
    REQUIRE(journaled == kKillAfterBlocks);
    first.kill(); // SIGKILL
    REQUIRE(first.waitForFinished(10'000));
    CHECK(first.exitStatus() == QProcess::CrashExit);
    CHECK_FALSE(std::filesystem::exists(destination));

    relay.releaseHold();
    const QJsonObject file = laptop.download(seeded.recordingId);
    CHECK(file.value("sha256").toString() == seeded.catalogueSha256);
    CHECK(sha256OfFile(destination) == seeded.sha256Hex);
    CHECK_FALSE(std::filesystem::exists(partial));

    const auto connections = connectionsFor(relay, seeded.filePath);
    CHECK(connections.size() == 2); // the killed one, and the restart's
    const std::int64_t delivered = relay.deliveredFor(seeded.filePath);
    const std::int64_t twice = delivered - seeded.sizeBytes;
    WARN("SIGKILL and restart: the relay delivered " << delivered << " bytes for a file of " << seeded.sizeBytes << " ("
                                                     << twice << " more); all " << clock.elapsed() << " ms");
    CHECK(twice >= 0);
    CHECK(twice <= kBlockBytes + 2 * kHeaderAllowanceBytes);
}

TEST_CASE("hub download: spoke-hub serve answers 403 to another programme and 416 past the end of a recording",
          "[sync][download][hub]")
{
    HubProcess hub(QStringLiteral(SPOKE_HUB_PATH));
    const SeededHub seeded = seed(hub.dataDir(), 3 * kBlockBytes, 0);
    hub.start();
    const QByteArray size = QByteArray::number(qint64(seeded.sizeBytes));

    const RawAnswer stranger = get(hub, seeded.filePath, seeded.strangerToken);
    CHECK(stranger.status == 403);
    CHECK(stranger.body.contains("forbidden"));
    CHECK(get(hub, seeded.filePath, seeded.strangerToken, "bytes=0-99").status == 403);

    const RawAnswer past = get(hub, seeded.filePath, seeded.memberToken, "bytes=" + size + "-");
    CHECK(past.status == 416);
    CHECK(past.contentRange == "bytes */" + size);
    const RawAnswer last = get(hub, seeded.filePath, seeded.memberToken,
                               "bytes=" + QByteArray::number(qint64(seeded.sizeBytes - 1)) + "-");
    CHECK(last.status == 206);
    CHECK(last.body.size() == 1);
    const RawAnswer whole = get(hub, seeded.filePath, seeded.memberToken);
    CHECK(whole.status == 200);
    CHECK(QCryptographicHash::hash(whole.body, QCryptographicHash::Sha256).toHex() == seeded.sha256Hex);
}

} // namespace spoke::test
