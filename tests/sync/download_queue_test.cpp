// The app's download queue (core/sync DownloadQueue) and its policy
// (DownloadPolicy): the policy alone, clock-free; the queue against the
// download helper's real Range server (RangeServer.h) with real files: an
// app restart mid-download resumes from the bytes on disk, a pause is kept
// across a restart, and a network the policy does not allow holds the
// download until it is allowed.

#include "DownloadTestSupport.h"
#include "RangeServer.h"
#include "support/TempDir.h"

#include "sync/DownloadPolicy.h"
#include "sync/DownloadQueue.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <catch2/catch.hpp>

#include <functional>

using namespace spoke;
using namespace spoke::test;

namespace {

constexpr const char* kToken = "queue-token";
const QByteArray kFilePath = "/api/v1/recordings/7/files/light/0";

sync::DownloadPolicy hours(int fromHour, int toHour)
{
    sync::DownloadPolicy p;
    p.allowedFromMinute = fromHour * 60;
    p.allowedToMinute = toHour * 60;
    return p;
}

// Runs the event loop until `done` or `timeoutMs`; the final value of `done`.
bool waitFor(const std::function<bool()>& done, int timeoutMs = 30'000)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(10);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

struct QueueFixture {
    TempDir dir;
    TestFile file;
    std::unique_ptr<RangeServer> server;

    explicit QueueFixture(std::int64_t sizeBytes, std::int64_t relayBytesPerSecond)
    {
        file = makeRandomFile(dir / "served.webm", sizeBytes, 14);
        RangeServer::Config config;
        config.files[kFilePath] = QString::fromStdString(file.path.string());
        config.requiredBearer = kToken;
        config.relayBytesPerSecond = relayBytesPerSecond;
        server = std::make_unique<RangeServer>(config);
    }

    std::filesystem::path folder() const { return dir / "downloads"; }

    std::unique_ptr<sync::DownloadQueue> makeQueue() const
    {
        sync::DownloadQueue::Options o;
        o.folder = folder();
        o.firstRetryMs = 50;
        o.access = [url = server->relayUrl()](const QString& path) -> std::optional<sync::DownloadQueue::Access> {
            return sync::DownloadQueue::Access{QUrl(url + path), QString::fromLatin1(kToken)};
        };
        auto queue = std::make_unique<sync::DownloadQueue>(o);
        REQUIRE(queue->load());
        return queue;
    }

    sync::QueuedDownload item() const
    {
        sync::QueuedDownload d;
        d.recordingId = 7;
        d.rendition = QStringLiteral("light");
        d.title = QStringLiteral("Cervical screening ECHO");
        d.durationMs = 60'000;
        d.parts.append(
            sync::HubRecordingPart{0, file.sizeBytes, file.sha256Hex, 60'000, QString::fromLatin1(kFilePath)});
        return d;
    }

    std::vector<std::int64_t> requestStarts() const
    {
        std::vector<std::int64_t> starts;
        for (const ServedRequest& r : server->served())
            if (r.path == kFilePath && r.firstByte >= 0)
                starts.push_back(r.firstByte);
        return starts;
    }
};

// Keeps the last status the queue published.
struct Watch {
    sync::DownloadStatus last;
    std::optional<sync::DownloadStatus> completed;
    explicit Watch(sync::DownloadQueue& queue)
    {
        QObject::connect(&queue, &sync::DownloadQueue::statusChanged, &queue,
                         [this](const sync::DownloadStatus& s) { last = s; });
        QObject::connect(&queue, &sync::DownloadQueue::completed, &queue,
                         [this](const sync::QueuedDownload&, const sync::DownloadStatus& s) { completed = s; });
    }
};

} // namespace

TEST_CASE("Download policy hours: inside outside and past midnight", "[sync][download][policy]")
{
    const QStringList eth{QStringLiteral("eth0")};
    CHECK(sync::evaluateDownloadPolicy(sync::DownloadPolicy{}, 3 * 60, eth) == sync::DownloadGate::Allowed);
    CHECK(sync::evaluateDownloadPolicy(hours(9, 17), 9 * 60, eth) == sync::DownloadGate::Allowed);
    CHECK(sync::evaluateDownloadPolicy(hours(9, 17), 17 * 60 - 1, eth) == sync::DownloadGate::Allowed);
    CHECK(sync::evaluateDownloadPolicy(hours(9, 17), 17 * 60, eth) == sync::DownloadGate::OutsideHours);
    CHECK(sync::evaluateDownloadPolicy(hours(9, 17), 8 * 60 + 59, eth) == sync::DownloadGate::OutsideHours);
    // 22:00-06:00 wraps past midnight.
    CHECK(sync::evaluateDownloadPolicy(hours(22, 6), 23 * 60, eth) == sync::DownloadGate::Allowed);
    CHECK(sync::evaluateDownloadPolicy(hours(22, 6), 2 * 60, eth) == sync::DownloadGate::Allowed);
    CHECK(sync::evaluateDownloadPolicy(hours(22, 6), 12 * 60, eth) == sync::DownloadGate::OutsideHours);
    CHECK(sync::minutesUntilAllowed(hours(22, 6), 12 * 60) == 10 * 60);
    CHECK(sync::minutesUntilAllowed(hours(9, 17), 23 * 60) == 10 * 60);
    CHECK(sync::minutesUntilAllowed(hours(9, 17), 10 * 60) == 0);
}

TEST_CASE("Download policy networks: the allowed list against the default route", "[sync][download][policy]")
{
    sync::DownloadPolicy p;
    p.allowedInterfaces = {QStringLiteral("wlan0"), QStringLiteral("eth0")};
    CHECK(sync::evaluateDownloadPolicy(p, 600, {QStringLiteral("eth0")}) == sync::DownloadGate::Allowed);
    CHECK(sync::evaluateDownloadPolicy(p, 600, {QStringLiteral("usb0")}) == sync::DownloadGate::NetworkNotAllowed);
    CHECK(sync::evaluateDownloadPolicy(p, 600, {QStringLiteral("tun0"), QStringLiteral("wlan0")})
          == sync::DownloadGate::Allowed);
    CHECK(sync::evaluateDownloadPolicy(p, 600, {}) == sync::DownloadGate::NoNetwork);
    CHECK(sync::evaluateDownloadPolicy(sync::DownloadPolicy{}, 600, {}) == sync::DownloadGate::NoNetwork);
    // Hours are checked first: outside them the network does not matter.
    p.allowedFromMinute = 60;
    p.allowedToMinute = 120;
    CHECK(sync::evaluateDownloadPolicy(p, 600, {QStringLiteral("eth0")}) == sync::DownloadGate::OutsideHours);
}

TEST_CASE("The default route's interfaces are read from /proc/net/route text", "[sync][download][policy]")
{
    const QByteArray route = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
                             "wlan0\t00000000\t0102A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
                             "wlan0\t0002A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0\n"
                             "usb0\t00000000\t012BA8C0\t0002\t0\t0\t100\t00000000\t0\t0\t0\n" // not up
                             "eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
                             "wlan0\t00000000\t0102A8C0\t0003\t0\t0\t700\t00000000\t0\t0\t0\n";
    CHECK(sync::defaultRouteInterfaces(route) == QStringList{QStringLiteral("wlan0"), QStringLiteral("eth0")});
    CHECK(sync::defaultRouteInterfaces("Iface\tDestination\n").isEmpty());
    CHECK(sync::defaultRouteInterfaces("").isEmpty());
}

TEST_CASE("An app restart mid-download resumes the queue from the bytes on disk", "[sync][download][queue]")
{
    // 8 MB at 4 MB/s through the relay: the first queue is stopped about halfway.
    QueueFixture f(8 * 1024 * 1024, 4 * 1024 * 1024);
    {
        auto queue = f.makeQueue();
        Watch watch(*queue);
        queue->add(f.item());
        CHECK(watch.last.state == sync::QueuedState::Queued); // nothing starts before the policy is known
        queue->reconsider(600, {QStringLiteral("eth0")});
        REQUIRE(waitFor([&] { return watch.last.receivedBytes >= 3 * 1024 * 1024; }));
        CHECK(watch.last.state == sync::QueuedState::Running);
        CHECK(watch.last.totalBytes == f.file.sizeBytes);
        // The app quits: the queue goes with it, the list stays on disk.
    }
    REQUIRE(std::filesystem::exists(sync::DownloadQueue::queueFileIn(f.folder())));
    const auto destination = f.folder() / "7" / "light-0.webm";
    CHECK_FALSE(std::filesystem::exists(destination));
    const auto partialBytes = std::filesystem::file_size(sync::RecordingDownload::partialPathFor(destination));
    CHECK(partialBytes >= 2 * 1024 * 1024);

    auto queue = f.makeQueue(); // the app starts again
    REQUIRE(queue->statuses().size() == 1);
    CHECK(queue->statuses().first().state == sync::QueuedState::Queued);
    CHECK(queue->items().first().title == QStringLiteral("Cervical screening ECHO"));
    Watch watch(*queue);
    queue->reconsider(600, {QStringLiteral("eth0")});
    REQUIRE(waitFor([&] { return watch.completed.has_value(); }));
    CHECK(watch.completed->state == sync::QueuedState::Done);
    REQUIRE(watch.completed->files.size() == 1);
    CHECK(watch.completed->files.front() == destination);
    CHECK(sha256OfFile(destination) == f.file.sha256Hex);
    CHECK(queue->statuses().isEmpty());
    // The second run asked from a complete block (1 MiB boundary) past zero, not from the start.
    const auto starts = f.requestStarts();
    REQUIRE(starts.size() >= 2);
    CHECK(starts.front() == 0);
    CHECK(starts.back() > 0);
    CHECK(starts.back() % (1024 * 1024) == 0);
    // And the list on disk is empty: a third start downloads nothing.
    auto third = f.makeQueue();
    CHECK(third->statuses().isEmpty());
}

TEST_CASE("A paused download stays paused across a restart and resumes when asked", "[sync][download][queue]")
{
    QueueFixture f(3 * 1024 * 1024, 1024 * 1024);
    {
        auto queue = f.makeQueue();
        Watch watch(*queue);
        queue->add(f.item());
        queue->reconsider(600, {QStringLiteral("eth0")});
        REQUIRE(waitFor([&] { return watch.last.receivedBytes >= 1024 * 1024 + 1; }));
        queue->pause(7, QStringLiteral("light"));
        CHECK(watch.last.state == sync::QueuedState::Paused);
        CHECK(watch.last.bytesPerSecond == 0);
    }
    auto queue = f.makeQueue();
    REQUIRE(queue->statuses().size() == 1);
    CHECK(queue->statuses().first().state == sync::QueuedState::Paused);
    Watch watch(*queue);
    queue->reconsider(600, {QStringLiteral("eth0")});
    const auto requestsWhilePaused = f.requestStarts().size();
    waitFor([] { return false; }, 300);
    CHECK(f.requestStarts().size() == requestsWhilePaused); // nothing asked while paused
    queue->resume(7, QStringLiteral("light"));
    REQUIRE(waitFor([&] { return watch.completed.has_value(); }));
    CHECK(sha256OfFile(f.folder() / "7" / "light-0.webm") == f.file.sha256Hex);
    CHECK(f.requestStarts().back() > 0);
}

TEST_CASE("A network the policy does not allow holds the download until an allowed one comes",
          "[sync][download][queue]")
{
    QueueFixture f(512 * 1024, 0);
    auto queue = f.makeQueue();
    Watch watch(*queue);
    sync::DownloadPolicy policy;
    policy.allowedInterfaces = {QStringLiteral("wlan0")};
    queue->setPolicy(policy);
    queue->add(f.item());
    queue->reconsider(600, {QStringLiteral("usb0")});
    CHECK(watch.last.state == sync::QueuedState::Waiting);
    CHECK(watch.last.gate == sync::DownloadGate::NetworkNotAllowed);
    waitFor([] { return false; }, 200);
    CHECK(f.requestStarts().empty());

    policy.allowedFromMinute = 22 * 60;
    policy.allowedToMinute = 6 * 60;
    queue->setPolicy(policy);
    queue->reconsider(12 * 60, {QStringLiteral("wlan0")});
    CHECK(watch.last.gate == sync::DownloadGate::OutsideHours);
    CHECK(f.requestStarts().empty());

    queue->reconsider(23 * 60, {QStringLiteral("wlan0")});
    REQUIRE(waitFor([&] { return watch.completed.has_value(); }));
    CHECK(sha256OfFile(f.folder() / "7" / "light-0.webm") == f.file.sha256Hex);
}

TEST_CASE("Cancel deletes what came down and forgets the download", "[sync][download][queue]")
{
    QueueFixture f(4 * 1024 * 1024, 1024 * 1024);
    auto queue = f.makeQueue();
    Watch watch(*queue);
    queue->add(f.item());
    queue->reconsider(600, {QStringLiteral("eth0")});
    REQUIRE(waitFor([&] { return watch.last.receivedBytes >= 1024 * 1024 + 1; }));
    queue->cancel(7, QStringLiteral("light"));
    CHECK(watch.last.state == sync::QueuedState::Cancelled);
    CHECK(queue->statuses().isEmpty());
    CHECK_FALSE(std::filesystem::exists(f.folder() / "7"));
    auto again = f.makeQueue();
    CHECK(again->statuses().isEmpty());
}
