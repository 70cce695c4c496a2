// HubClient's timeout is a stall timeout: an answer that keeps coming is
// never cut off for taking long (a deck down a 64 kbit/s link), and one that
// stops is given up after the timeout. A local server trickles or stalls
// its answer; HubClient's own event loop serves it (single thread).

#include "sync/HubClient.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace spoke::sync;

namespace {

constexpr int kChunkBytes = 1000;

// Answers every request with `chunks` chunks of kChunkBytes, one every
// `everyMs`, announced in full by Content-Length; stops after `sendChunks`.
class TricklingServer {
public:
    TricklingServer(int chunks, int sendChunks, int everyMs)
    {
        REQUIRE(server_.listen(QHostAddress::LocalHost));
        QObject::connect(&server_, &QTcpServer::newConnection, [=, this] {
            QTcpSocket* socket = server_.nextPendingConnection();
            socket->setParent(&server_);
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: "
                          + QByteArray::number(chunks * kChunkBytes) + "\r\n\r\n");
            auto* timer = new QTimer(socket);
            auto sent = std::make_shared<int>(0);
            QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, sent, sendChunks] {
                if (*sent >= sendChunks)
                    return timer->stop();
                socket->write(QByteArray(kChunkBytes, 'x'));
                ++*sent;
            });
            timer->start(everyMs);
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server_.serverPort())); }

private:
    QTcpServer server_;
};

} // namespace

TEST_CASE("hub client: an answer that keeps coming outlasts the timeout, one that stops is given up", "[sync][client]")
{
    constexpr int kTimeoutMs = 1000;
    QElapsedTimer clock;
    {
        // 20 chunks, one every 150 ms: about 3 s in all, never 1 s without a byte.
        TricklingServer server(20, 20, 150);
        HubClient client(server.url(), kTimeoutMs);
        clock.start();
        const auto reply = client.sendBytes("GET", QStringLiteral("api/v1/decks/slow"), {}, {}, "application/pdf");
        INFO((reply ? QString() : reply.error().detail).toStdString());
        REQUIRE(reply);
        CHECK(reply->status == 200);
        CHECK(reply->body.size() == 20 * kChunkBytes);
        CHECK(clock.elapsed() > 2 * kTimeoutMs);
    }
    {
        // Two chunks, then nothing more of the 20 announced.
        TricklingServer server(20, 2, 150);
        HubClient client(server.url(), kTimeoutMs);
        clock.start();
        const auto reply = client.sendBytes("GET", QStringLiteral("api/v1/decks/stalled"), {}, {}, "application/pdf");
        REQUIRE_FALSE(reply);
        CHECK(reply.error().kind == SyncErrorKind::Timeout);
        CHECK(reply.error().detail.contains(QStringLiteral("nothing from the hub for 1000 ms")));
        CHECK(clock.elapsed() >= kTimeoutMs);
        CHECK(clock.elapsed() < 5 * kTimeoutMs);
    }
}
