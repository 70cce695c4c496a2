// Screen sharing without a network: how a share is described to and
// recognised by subscribers, the ScreenShare lifecycle when Janus cannot be
// reached, CallSession's refusal before it has joined, and spoke-cli join
// --share-screen's parsing.
#include "JoinScreen.h"
#include "call/CallSession.h"
#include "call/RemoteFeed.h"
#include "call/ScreenShare.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <variant>

using namespace spoke;
using namespace spoke::call;

namespace {

// Runs the event loop until `done` or 5 s.
template <typename Done> bool spinUntil(Done done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

session::JanusConnection::Options unreachable()
{
    session::JanusConnection::Options options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9")); // discard: nothing listens
    options.requestTimeoutMs = 1000;
    return options;
}

} // namespace

TEST_CASE("A screen share is told from a camera by its stream description", "[call][screen]")
{
    const QString description = screenShareDescription(1234);
    CHECK(description == QLatin1String("screen;clock=1234"));
    CHECK(isScreenShareDescription(description));
    CHECK_FALSE(isScreenShareDescription(clockDescription(1234)));
    // The clock still reads from a share's description, so stamps give latency.
    CHECK(parseClockDescription(description) == 1234);
    CHECK(parseClockDescription(clockDescription(99)) == 99);
    CHECK(parseClockDescription(QStringLiteral("screen")) == -1);

    session::Participant camera{7, QStringLiteral("clinic"), true, {}};
    camera.streams.append({QStringLiteral("audio"), 0, QStringLiteral("0"), QStringLiteral("opus"), {}, false, false});
    camera.streams.append(
        {QStringLiteral("video"), 1, QStringLiteral("1"), QStringLiteral("vp8"), clockDescription(5), false, true});
    CHECK_FALSE(isScreenShare(camera));
    session::Participant share{8, QStringLiteral("clinic"), true, {}};
    share.streams.append(
        {QStringLiteral("video"), 0, QStringLiteral("1"), QStringLiteral("vp8"), description, false, false});
    CHECK(isScreenShare(share));
}

TEST_CASE("A screen share stopped before it starts, or failing to reach Janus, ends once and cleanly", "[call][screen]")
{
    session::JanusConnection connection(unreachable());
    session::videoroom::JoinOptions join;
    join.room = 1234;
    join.display = QStringLiteral("clinic");

    ScreenShare idle(connection, ScreenShareConfig{}, join);
    int stoppedCount = 0;
    QObject::connect(&idle, &ScreenShare::stopped, [&] { ++stoppedCount; });
    CHECK(idle.state() == ScreenShare::State::Idle);
    CHECK(idle.feedId() == 0);
    idle.stop();
    idle.stop();
    CHECK(idle.state() == ScreenShare::State::Stopped);
    CHECK(stoppedCount == 1);
    CHECK(idle.stats().videoFramesSent == 0);
    CHECK(idle.wireBytes().sent == 0);
    idle.start(); // a stopped share does not come back
    CHECK(idle.state() == ScreenShare::State::Stopped);

    // No Janus: attaching fails, the share says why and ends.
    ScreenShare share(connection, ScreenShareConfig{}, join);
    QString why;
    int stops = 0;
    QObject::connect(&share, &ScreenShare::failed, [&](const QString& reason) { why = reason; });
    QObject::connect(&share, &ScreenShare::stopped, [&] { ++stops; });
    share.start();
    CHECK(share.state() == ScreenShare::State::Joining);
    REQUIRE(spinUntil([&] { return !why.isEmpty(); }));
    CHECK(why.contains(QLatin1String("could not attach the screen share")));
    CHECK(share.state() == ScreenShare::State::Failed);
    share.stop(); // after a failure: nothing more
    CHECK(stops == 1);
}

TEST_CASE("A call refuses a screen share before it has joined the room", "[call][screen]")
{
    CallOptions options;
    options.janusUrl = QUrl(QStringLiteral("ws://127.0.0.1:9"));
    options.room = 1234;
    CallSession session(options);
    QString why = QStringLiteral("(none)");
    QObject::connect(&session, &CallSession::screenShareStopped, [&](const QString& reason) { why = reason; });
    session.startScreenShare("synthetic:text-pattern");
    CHECK(why == QLatin1String("not in the room yet"));
    CHECK_FALSE(session.screenSharing());
    CHECK_FALSE(session.stats().screenShare.has_value());
    session.stopScreenShare(); // nothing to stop
}

TEST_CASE("spoke-cli join --share-screen takes a source and a start time", "[call][screen][cli]")
{
    using cli::ScreenShareRequest;
    const auto parse = [](const char* value) { return cli::parseScreenShareValue(QString::fromLatin1(value)); };
    auto text = parse("test-text");
    REQUIRE(std::holds_alternative<ScreenShareRequest>(text));
    CHECK(std::get<ScreenShareRequest>(text).deviceId == "synthetic:text-pattern");
    CHECK(std::get<ScreenShareRequest>(text).startAfterS == 0);
    auto later = parse("test-text@12");
    REQUIRE(std::holds_alternative<ScreenShareRequest>(later));
    CHECK(std::get<ScreenShareRequest>(later).startAfterS == 12);
    auto window = parse("window:0x1a00007@3");
    REQUIRE(std::holds_alternative<ScreenShareRequest>(window));
    CHECK(std::get<ScreenShareRequest>(window).deviceId == "x11grab:window:0x1a00007");
    CHECK(std::get<ScreenShareRequest>(window).startAfterS == 3);
    auto decimal = parse("window:4194311");
    REQUIRE(std::holds_alternative<ScreenShareRequest>(decimal));
    CHECK(std::get<ScreenShareRequest>(decimal).deviceId == "x11grab:window:4194311");
    auto screen = parse("screen");
    REQUIRE(std::holds_alternative<ScreenShareRequest>(screen));
    const std::string& screenId = std::get<ScreenShareRequest>(screen).deviceId;
    CHECK((screenId.rfind("x11grab:", 0) == 0 || screenId == "missing:screen"));
    for (const char* bad : {"", "tv", "window:", "window:xyz", "test-text@", "test-text@-1", "screen@1.5"}) {
        INFO(bad);
        const auto refused = parse(bad);
        REQUIRE(std::holds_alternative<QString>(refused));
        CHECK(std::get<QString>(refused).contains(QLatin1String("--share-screen")));
    }
}
