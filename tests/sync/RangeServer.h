#pragma once

// A small real HTTP/1.1 server and a cutting relay in front of it, for the
// recording download tests: the server serves files from disk honouring one
// `Range: bytes=A-|A-B|-N` (206 + Content-Range, 416 past the end), answers a
// few canned JSON routes (sign-in, the catalogue), and records each file
// request's range; the relay (tests/support/CuttingRelay.h, also used in
// front of a real spoke-hub) counts the bytes it delivers per connection,
// optionally paces them, can hold one at a given byte, and cuts connections
// at byte thresholds. Each runs on a thread of its own, so a test may block
// on a child process meanwhile. One request per connection (the server
// closes after each answer).

#include "support/CuttingRelay.h"

#include <QByteArray>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace spoke::test {

struct ServedRequest {
    QByteArray path;
    QByteArray range; // the Range header as sent, empty if none
    int status = 0;
    std::int64_t firstByte = -1; // of the body sent
};

class RangeServer {
public:
    struct Config {
        std::map<QByteArray, QString> files; // URL path -> file on disk
        std::map<QByteArray, QByteArray> json; // URL path -> JSON body (any method)
        QByteArray requiredBearer; // files and /api/v1/recordings* need it
        std::vector<std::int64_t> cutsAtBytes; // relay totals (all connections) at which to cut
        std::int64_t relayBytesPerSecond = 0; // pace the relay's deliveries; 0: as fast as they come
        // The relay stops delivering on the first file connection once it has
        // delivered this many bytes (headers included), until releaseHold():
        // a client stopped at a known byte, to be killed there. 0: no hold.
        std::int64_t holdFirstFileAtBytes = 0;
    };

    explicit RangeServer(Config config) : config_(std::move(config))
    {
        std::promise<void> ready;
        auto started = ready.get_future();
        thread_ = QThread::create([this, &ready] {
            server_ = new QTcpServer;
            server_->listen(QHostAddress::LocalHost, 0);
            serverPort_ = server_->serverPort();
            QObject::connect(server_, &QTcpServer::newConnection, server_, [this] { acceptServer(); });
            ready.set_value();
            QEventLoop loop; // QThread::quit() ends it
            loop.exec();
            delete server_;
        });
        thread_->start();
        started.wait();
        CuttingRelay::Config relay;
        relay.backendPort = serverPort_;
        relay.cutsAtBytes = config_.cutsAtBytes;
        relay.bytesPerSecond = config_.relayBytesPerSecond;
        relay.holdAtBytes = config_.holdFirstFileAtBytes;
        relay.holdPath = [files = config_.files](const QByteArray& path) { return files.count(path) > 0; };
        relay_ = std::make_unique<CuttingRelay>(std::move(relay));
    }
    ~RangeServer()
    {
        relay_.reset();
        thread_->quit();
        thread_->wait();
        delete thread_;
    }

    // Through the relay (cuts, pacing); directly to the server.
    QString relayUrl() const { return relay_->url(); }
    QString serverUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort_); }

    std::vector<ServedRequest> served() const
    {
        std::lock_guard lock(mutex_);
        return served_;
    }
    std::vector<RelayedConnection> relayed() const { return relay_->relayed(); }
    // What the relay delivered on connections whose request was for `path`.
    std::int64_t deliveredFor(const QByteArray& path) const { return relay_->deliveredFor(path); }
    void releaseHold() { relay_->releaseHold(); }
    int cutsDone() const { return relay_->cutsDone(); }

private:
    // --- the server ---
    struct Exchange {
        QByteArray buffer;
        std::unique_ptr<QFile> file;
        std::int64_t remaining = 0;
        bool answered = false;
    };

    void acceptServer()
    {
        while (QTcpSocket* socket = server_->nextPendingConnection()) {
            auto* exchange = new Exchange;
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, exchange] {
                exchange->buffer += socket->readAll();
                const qsizetype end = exchange->buffer.indexOf("\r\n\r\n");
                if (end >= 0 && !exchange->answered) {
                    exchange->answered = true;
                    answer(socket, *exchange, exchange->buffer.left(end));
                }
            });
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket,
                             [this, socket, exchange] { pumpFile(socket, *exchange); });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, exchange] {
                delete exchange;
                socket->deleteLater();
            });
        }
    }

    void answer(QTcpSocket* socket, Exchange& exchange, const QByteArray& head)
    {
        const QList<QByteArray> lines = head.split('\n');
        const QByteArray path = lines.first().trimmed().split(' ').value(1);
        QByteArray range;
        QByteArray authorization;
        for (const QByteArray& line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            if (name == "range")
                range = line.mid(colon + 1).trimmed();
            else if (name == "authorization")
                authorization = line.mid(colon + 1).trimmed();
        }
        const bool needsToken = path.startsWith("/api/v1/recordings");
        if (needsToken && authorization != "Bearer " + config_.requiredBearer)
            return reply(socket, path, range, 401, R"({"error":{"code":"unauthenticated","message":"no"}})");
        if (const auto json = config_.json.find(path); json != config_.json.end())
            return reply(socket, path, range, 200, json->second);
        const auto file = config_.files.find(path);
        if (file == config_.files.end())
            return reply(socket, path, range, 404, R"({"error":{"code":"not_found","message":"no"}})");
        serveFile(socket, exchange, path, range, file->second);
    }

    void reply(QTcpSocket* socket, const QByteArray& path, const QByteArray& range, int status, const QByteArray& body)
    {
        record({path, range, status, -1});
        socket->write("HTTP/1.1 " + QByteArray::number(status)
                      + " X\r\nContent-Type: application/json\r\n"
                        "Content-Length: "
                      + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    void serveFile(QTcpSocket* socket, Exchange& exchange, const QByteArray& path, const QByteArray& range,
                   const QString& fileName)
    {
        exchange.file = std::make_unique<QFile>(fileName);
        exchange.file->open(QIODevice::ReadOnly);
        const std::int64_t size = exchange.file->size();
        std::int64_t first = 0;
        std::int64_t last = size - 1;
        if (range.startsWith("bytes=")) {
            const QList<QByteArray> ends = range.mid(6).split('-');
            if (ends.value(0).isEmpty()) {
                first = std::max<std::int64_t>(0, size - ends.value(1).toLongLong());
            } else {
                first = ends.value(0).toLongLong();
                if (!ends.value(1).isEmpty())
                    last = std::min<std::int64_t>(last, ends.value(1).toLongLong());
            }
            if (first >= size) {
                record({path, range, 416, -1});
                socket->write("HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" + QByteArray::number(size)
                              + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
                exchange.file.reset();
                return;
            }
        }
        const int status = range.isEmpty() ? 200 : 206;
        record({path, range, status, first});
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Partial Content")
                          + "\r\nContent-Type: video/webm\r\nAccept-Ranges: bytes\r\nConnection: close\r\n"
                            "Content-Length: "
                          + QByteArray::number(static_cast<qlonglong>(last - first + 1)) + "\r\n";
        if (status == 206)
            head += "Content-Range: bytes " + QByteArray::number(static_cast<qlonglong>(first)) + '-'
                    + QByteArray::number(static_cast<qlonglong>(last)) + '/'
                    + QByteArray::number(static_cast<qlonglong>(size)) + "\r\n";
        socket->write(head + "\r\n");
        exchange.file->seek(first);
        exchange.remaining = last - first + 1;
        pumpFile(socket, exchange);
    }

    // From disk in 64 KiB chunks, at most 256 KiB queued: memory stays flat.
    void pumpFile(QTcpSocket* socket, Exchange& exchange)
    {
        while (exchange.file && exchange.remaining > 0 && socket->bytesToWrite() < 256 * 1024) {
            const QByteArray chunk = exchange.file->read(std::min<std::int64_t>(exchange.remaining, 64 * 1024));
            if (chunk.isEmpty())
                break;
            socket->write(chunk);
            exchange.remaining -= chunk.size();
        }
        if (exchange.file && exchange.remaining == 0) {
            exchange.file.reset();
            socket->disconnectFromHost();
        }
    }

    void record(const ServedRequest& request)
    {
        std::lock_guard lock(mutex_);
        served_.push_back(request);
    }

    Config config_;
    QThread* thread_ = nullptr;
    QTcpServer* server_ = nullptr;
    quint16 serverPort_ = 0;
    std::unique_ptr<CuttingRelay> relay_;
    mutable std::mutex mutex_;
    std::vector<ServedRequest> served_;
};

} // namespace spoke::test
