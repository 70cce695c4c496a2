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

TEST_CASE("session: ws:// is for loopback and practice; anything else must be wss://", "[session][connection]")
{
    const auto check = [](const char* url, bool practice) {
        return JanusConnection::checkSignallingUrl(QUrl(QString::fromLatin1(url)), practice);
    };
    CHECK_FALSE(check("wss://media.example.org:8989", false));
    CHECK_FALSE(check("ws://127.0.0.1:8188", false));
    CHECK_FALSE(check("ws://127.9.9.9:8188", false));
    CHECK_FALSE(check("ws://localhost:8188", false));
    CHECK_FALSE(check("ws://[::1]:8188", false));
    CHECK_FALSE(check("ws://10.77.0.1:8188", true));
    const auto refused = check("ws://10.77.0.1:8188", false);
    REQUIRE(refused);
    CHECK(refused->contains(QStringLiteral("refusing unencrypted ws:// to 10.77.0.1")));
    CHECK(check("ws://media.example.org:8188", false));
    CHECK(check("http://127.0.0.1:8088", true));
    CHECK(check("wss://", false));
}

TEST_CASE("session: a plain ws:// beyond loopback, or an unreadable CA file, ends as Insecure before connecting",
          "[session][connection]")
{
    for (const auto& [url, caFile] :
         {std::pair{QStringLiteral("ws://192.0.2.1:8188"), QString()},
          std::pair{QStringLiteral("wss://127.0.0.1:1"), QStringLiteral("/nonexistent/ca.pem")}}) {
        JanusConnection::Options options;
        options.url = QUrl(url);
        options.caCertificatesPath = caFile;
        JanusConnection connection(options);
        std::optional<SessionError> lost;
        QObject::connect(&connection, &JanusConnection::sessionLost, [&](const SessionError& e) { lost = e; });
        connection.open();
        CHECK_FALSE(lost); // never inside open()
        REQUIRE(waitUntil([&] { return lost.has_value(); }, 2000));
        INFO(lost->describe().toStdString());
        CHECK(lost->kind == SessionErrorKind::Insecure);
        CHECK(connection.state() == JanusConnection::State::Closed);
    }
}
