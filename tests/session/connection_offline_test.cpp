// JanusConnection without a server: what a client sees when nothing answers.
#include "session/JanusConnection.h"
#include "session/VideoRoomHandle.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpServer>

using namespace spoke::session;

namespace {
bool waitUntil(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return condition();
}
} // namespace

TEST_CASE("session: a refused connection ends in sessionLost, not a hang", "[session][connection]")
{
    // Find a port nobody listens on: bind, note it, close.
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    JanusConnection::Options options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port));
    JanusConnection connection(options);
    std::optional<SessionError> lost;
    QObject::connect(&connection, &JanusConnection::sessionLost, [&](const SessionError& e) { lost = e; });
    connection.open();
    REQUIRE(waitUntil([&] { return lost.has_value(); }, 5000));
    CHECK(lost->kind == SessionErrorKind::NotConnected);
    CHECK(lost->message.contains(QString::number(port)));
    CHECK(connection.state() == JanusConnection::State::Closed);
}

TEST_CASE("session: a server that accepts but never speaks times out the connect", "[session][connection]")
{
    QTcpServer silent; // accepts TCP, never answers the WebSocket handshake
    REQUIRE(silent.listen(QHostAddress::LocalHost, 0));
    JanusConnection::Options options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(silent.serverPort()));
    options.requestTimeoutMs = 500;
    JanusConnection connection(options);
    std::optional<SessionError> lost;
    QObject::connect(&connection, &JanusConnection::sessionLost, [&](const SessionError& e) { lost = e; });
    connection.open();
    REQUIRE(waitUntil([&] { return lost.has_value(); }, 5000));
    CHECK(lost->kind == SessionErrorKind::NotConnected);
}

TEST_CASE("session: requests before a session fail asynchronously with NotConnected", "[session][connection]")
{
    JanusConnection::Options options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:1"));
    JanusConnection connection(options);
    VideoRoomHandle handle(connection);
    std::optional<SessionError> attachError;
    std::optional<SessionError> joinError;
    handle.attach([&](const std::optional<SessionError>& e) { attachError = e.value_or(SessionError{}); });
    handle.joinAsPublisher({1234, QStringLiteral("x"), 0, {}, {}}, [&](const Outcome& o) { joinError = o.error; });
    CHECK_FALSE(attachError); // never inside the call
    REQUIRE(waitUntil([&] { return attachError && joinError; }, 2000));
    CHECK(attachError->kind == SessionErrorKind::NotConnected);
    CHECK(joinError->kind == SessionErrorKind::NotConnected);
}
