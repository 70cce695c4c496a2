// The hub connection on an impaired link (sync::HubLinkRelay): its SOCKS5
// readers on good and bad input, and a real TCP exchange through the relay
// on 127.0.0.1 with the link's handshake, rate and delay, and its byte
// counts.

#include "sync/HubLinkRelay.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

using namespace spoke;
using namespace spoke::sync;

namespace {

bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

transport::ImpairmentConfig parsed(const char* text)
{
    auto config = transport::ImpairmentConfig::parse(text);
    REQUIRE(config.ok());
    return *config;
}

} // namespace

TEST_CASE("hub link relay: SOCKS5 greetings and CONNECT requests are read strictly", "[sync][relay]")
{
    CHECK(parseSocks5Greeting(QByteArray("\x05", 1)).ok());
    CHECK_FALSE(parseSocks5Greeting(QByteArray("\x05", 1)).value().has_value()); // more to come
    CHECK(parseSocks5Greeting(QByteArray("\x05\x02\x02\x00", 4)).value() == 4);
    CHECK_FALSE(parseSocks5Greeting(QByteArray("\x05\x02\x00", 3)).value().has_value());
    CHECK_FALSE(parseSocks5Greeting(QByteArray("\x04\x01\x00", 3)).ok()); // SOCKS4
    CHECK_FALSE(parseSocks5Greeting(QByteArray("\x05\x01\x02", 3)).ok()); // password only

    const auto ipv4 = parseSocks5Connect(QByteArray("\x05\x01\x00\x01\x7f\x00\x00\x01\x1f\x90", 10));
    REQUIRE(ipv4.ok());
    REQUIRE(ipv4->has_value());
    CHECK((*ipv4)->host == QStringLiteral("127.0.0.1"));
    CHECK((*ipv4)->port == 8080);
    CHECK((*ipv4)->consumedBytes == 10);

    const QByteArray named = QByteArray("\x05\x01\x00\x03\x0fhub.example.org\x01\xbb", 22);
    const auto domain = parseSocks5Connect(named);
    REQUIRE(domain.ok());
    REQUIRE(domain->has_value());
    CHECK((*domain)->host == QStringLiteral("hub.example.org"));
    CHECK((*domain)->port == 443);
    CHECK_FALSE(parseSocks5Connect(named.left(21)).value().has_value());

    QByteArray v6("\x05\x01\x00\x04", 4);
    v6 += QByteArray(15, '\0') + QByteArray("\x01\x00\x50", 3);
    const auto ipv6 = parseSocks5Connect(v6);
    REQUIRE(ipv6.ok());
    REQUIRE(ipv6->has_value());
    CHECK((*ipv6)->host == QStringLiteral("::1"));
    CHECK((*ipv6)->port == 80);

    CHECK_FALSE(parseSocks5Connect(QByteArray("\x05\x02\x00\x01\x7f\x00\x00\x01\x1f\x90", 10)).ok()); // BIND
    CHECK_FALSE(parseSocks5Connect(QByteArray("\x05\x01\x00\x09\x7f\x00\x00\x01\x1f\x90", 10)).ok());
    CHECK_FALSE(parseSocks5Connect(QByteArray("\x05\x01\x00\x03\x00\x00\x50", 7)).ok()); // empty name
}

TEST_CASE("hub link relay: a TCP exchange through the relay waits for the handshake, the rate and the delay and is "
          "counted",
          "[sync][relay]")
{
    // An echo server stands in for the hub.
    QTcpServer echo;
    REQUIRE(echo.listen(QHostAddress::LocalHost, 0));
    QObject::connect(&echo, &QTcpServer::newConnection, [&echo] {
        QTcpSocket* peer = echo.nextPendingConnection();
        QObject::connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
    });

    // 64 kbit/s (8000 B/s) and 100 ms each way, no loss.
    HubLinkRelay relay(parsed("rate=64kbit,delay=100ms"), parsed("rate=64kbit,delay=100ms"));
    REQUIRE(relay.listening());
    QTcpSocket client;
    client.setProxy(relay.proxy());
    QElapsedTimer clock;
    clock.start();
    client.connectToHost(QStringLiteral("127.0.0.1"), echo.serverPort());
    REQUIRE(waitFor([&] { return client.state() == QAbstractSocket::ConnectedState; }, 5000));
    // The handshake's round trip: 2 x 100 ms.
    CHECK(clock.elapsed() >= 195);

    QByteArray sent(4000, 'x');
    for (int i = 0; i < sent.size(); ++i)
        sent[i] = char(i * 7);
    clock.restart();
    client.write(sent);
    QByteArray received;
    REQUIRE(waitFor(
        [&] {
            received += client.readAll();
            return received.size() >= sent.size();
        },
        10'000));
    const qint64 roundTripMs = clock.elapsed();
    CHECK(received == sent);
    // Half a second on the link each way, pipelined, plus both delays.
    INFO("round trip " << roundTripMs << " ms");
    CHECK(roundTripMs >= 690);
    CHECK(roundTripMs < 3000);
    REQUIRE(waitFor([&] { return relay.totals().receivedBytes == 4000; }, 2000));
    CHECK(relay.totals().sentBytes == 4000);

    // A close on one side reaches the other.
    client.disconnectFromHost();
    REQUIRE(waitFor([&] { return client.state() == QAbstractSocket::UnconnectedState; }, 5000));
}

TEST_CASE("hub link relay: a connection to a closed port is refused through the relay", "[sync][relay]")
{
    QTcpServer closed;
    REQUIRE(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    HubLinkRelay relay({}, {});
    QTcpSocket client;
    client.setProxy(relay.proxy());
    bool failed = false;
    QObject::connect(&client, &QTcpSocket::errorOccurred, [&](QAbstractSocket::SocketError) { failed = true; });
    client.connectToHost(QStringLiteral("127.0.0.1"), port);
    REQUIRE(waitFor([&] { return failed; }, 5000));
    CHECK(client.state() != QAbstractSocket::ConnectedState);
}
