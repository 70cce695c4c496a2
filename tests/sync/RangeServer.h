#pragma once

// A small real HTTP/1.1 server and a cutting relay in front of it, for the
// recording download tests: the server serves files from disk honouring one
// `Range: bytes=A-|A-B|-N` (206 + Content-Range, 416 past the end), answers a
// few canned JSON routes (sign-in, the catalogue), and records each file
// request's range; the relay forwards each connection to the server, counts
// the bytes it delivers to the client per connection, optionally paces them,
// can hold one at a given byte, and cuts the connection (a clean close, after exactly the bytes before the
// cut) when its total crosses each of a list of thresholds. Both run on a
// thread of their own, so a test may block on a child process meanwhile.
// One request per connection (the server closes after each answer).

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QMap>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <future>
#include <map>
#include <mutex>
#include <vector>

namespace spoke::test {

struct ServedRequest {
    QByteArray path;
    QByteArray range; // the Range header as sent, empty if none
    int status = 0;
    std::int64_t firstByte = -1; // of the body sent
};

struct RelayedConnection {
    QByteArray requestLine; // "GET /path HTTP/1.1"
    std::int64_t deliveredBytes = 0; // to the client, headers included
    bool cut = false;
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
            relay_ = new QTcpServer;
            server_->listen(QHostAddress::LocalHost, 0);
            relay_->listen(QHostAddress::LocalHost, 0);
            serverPort_ = server_->serverPort();
            relayPort_ = relay_->serverPort();
            QObject::connect(server_, &QTcpServer::newConnection, server_, [this] { acceptServer(); });
            QObject::connect(relay_, &QTcpServer::newConnection, relay_, [this] { acceptRelay(); });
            ready.set_value();
            QEventLoop loop; // QThread::quit() ends it
            loop.exec();
            delete relay_;
            delete server_;
        });
        thread_->start();
        started.wait();
    }
    ~RangeServer()
    {
        thread_->quit();
        thread_->wait();
        delete thread_;
    }

    // Through the relay (cuts, pacing); directly to the server.
    QString relayUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(relayPort_); }
    QString serverUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort_); }

    std::vector<ServedRequest> served() const
    {
        std::lock_guard lock(mutex_);
        return served_;
    }
    std::vector<RelayedConnection> relayed() const
    {
        std::lock_guard lock(mutex_);
        return relayed_;
    }
    // What the relay delivered on connections whose request was for `path`.
    std::int64_t deliveredFor(const QByteArray& path) const
    {
        std::int64_t total = 0;
        for (const RelayedConnection& c : relayed())
            total += c.requestLine.split(' ').value(1) == path ? c.deliveredBytes : 0;
        return total;
    }
    void releaseHold() { holdReleased_ = true; }
    int cutsDone() const
    {
        std::lock_guard lock(mutex_);
        return nextCut_;
    }

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

    // --- the relay ---
    struct Pipe {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> backend;
        std::size_t index = 0; // in relayed_
        bool closing = false;
    };

    void acceptRelay()
    {
        while (QTcpSocket* client = relay_->nextPendingConnection()) {
            auto* pipe = new Pipe;
            pipe->client = client;
            pipe->backend = new QTcpSocket(client);
            pipe->backend->setReadBufferSize(64 * 1024);
            {
                std::lock_guard lock(mutex_);
                pipe->index = relayed_.size();
                relayed_.push_back({});
            }
            QObject::connect(client, &QTcpSocket::readyRead, client, [this, pipe] { upstream(*pipe); });
            QObject::connect(pipe->backend, &QTcpSocket::connected, client, [this, pipe] { upstream(*pipe); });
            QObject::connect(pipe->backend, &QTcpSocket::readyRead, client, [this, pipe] { downstream(*pipe); });
            QObject::connect(client, &QTcpSocket::bytesWritten, client, [this, pipe] { downstream(*pipe); });
            QObject::connect(pipe->backend, &QTcpSocket::disconnected, client, [this, pipe] { downstream(*pipe); });
            QObject::connect(client, &QTcpSocket::disconnected, client, [client, pipe] {
                if (pipe->backend)
                    pipe->backend->abort();
                client->deleteLater();
            });
            QObject::connect(client, &QObject::destroyed, [pipe] { delete pipe; });
            pipe->backend->connectToHost(QHostAddress::LocalHost, serverPort_);
        }
    }

    void upstream(Pipe& pipe)
    {
        if (!pipe.client || !pipe.backend || pipe.backend->state() != QAbstractSocket::ConnectedState)
            return;
        const QByteArray bytes = pipe.client->readAll();
        if (bytes.isEmpty())
            return;
        {
            std::lock_guard lock(mutex_);
            QByteArray& line = relayed_[pipe.index].requestLine;
            if (!line.contains('\n'))
                line += bytes.left(512);
            if (line.contains('\n')) {
                line = line.left(line.indexOf('\n')).trimmed();
                if (firstFileConnection_ == kNone && config_.files.count(line.split(' ').value(1)) > 0)
                    firstFileConnection_ = pipe.index;
            }
        }
        pipe.backend->write(bytes);
    }

    // How much may go to the client now: the pacing budget, the hold and the next cut.
    std::int64_t allowance(const Pipe& pipe)
    {
        std::int64_t allowed = 64 * 1024;
        if (config_.relayBytesPerSecond > 0) {
            if (!pace_.isValid())
                pace_.start();
            const std::int64_t earned = pace_.elapsed() * config_.relayBytesPerSecond / 1000;
            // Time with nothing to send does not bank a burst: at most 50 ms' worth.
            paced_ = std::max(paced_, earned - config_.relayBytesPerSecond / 20);
            allowed = std::min(allowed, earned - paced_);
        }
        std::lock_guard lock(mutex_);
        if (config_.holdFirstFileAtBytes > 0 && !holdReleased_ && pipe.index == firstFileConnection_)
            allowed = std::min(allowed, config_.holdFirstFileAtBytes - relayed_[pipe.index].deliveredBytes);
        if (nextCut_ < static_cast<int>(config_.cutsAtBytes.size()))
            allowed = std::min(allowed, config_.cutsAtBytes[static_cast<std::size_t>(nextCut_)] - total_);
        return allowed;
    }

    void downstream(Pipe& pipe)
    {
        if (!pipe.client || !pipe.backend || pipe.closing)
            return;
        while (pipe.backend->bytesAvailable() > 0 && pipe.client->bytesToWrite() < 256 * 1024) {
            const std::int64_t allowed = allowance(pipe);
            if (allowed <= 0 && !cutDue())
                break;
            if (allowed <= 0)
                return cut(pipe);
            const QByteArray bytes = pipe.backend->read(allowed);
            pipe.client->write(bytes);
            paced_ += bytes.size();
            std::lock_guard lock(mutex_);
            total_ += bytes.size();
            relayed_[pipe.index].deliveredBytes += bytes.size();
        }
        if (pipe.backend->bytesAvailable() > 0 && pipe.client->bytesToWrite() < 256 * 1024) {
            if (cutDue())
                return cut(pipe);
            QTimer::singleShot(5, pipe.client, [this, &pipe] { downstream(pipe); });
            return;
        }
        if (pipe.backend->state() == QAbstractSocket::UnconnectedState && pipe.backend->bytesAvailable() == 0) {
            pipe.closing = true;
            pipe.client->disconnectFromHost();
        }
    }

    bool cutDue()
    {
        std::lock_guard lock(mutex_);
        return nextCut_ < static_cast<int>(config_.cutsAtBytes.size())
               && total_ >= config_.cutsAtBytes[static_cast<std::size_t>(nextCut_)];
    }

    // A clean close after exactly the bytes before the cut: the client reads
    // them all, then sees the connection end early.
    void cut(Pipe& pipe)
    {
        {
            std::lock_guard lock(mutex_);
            ++nextCut_;
            relayed_[pipe.index].cut = true;
        }
        pipe.closing = true;
        pipe.backend->abort();
        pipe.client->disconnectFromHost();
    }

    Config config_;
    QThread* thread_ = nullptr;
    QTcpServer* server_ = nullptr;
    QTcpServer* relay_ = nullptr;
    quint16 serverPort_ = 0;
    quint16 relayPort_ = 0;
    QElapsedTimer pace_;
    std::int64_t paced_ = 0; // relay thread only
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::atomic<bool> holdReleased_{false};
    mutable std::mutex mutex_;
    std::vector<ServedRequest> served_;
    std::vector<RelayedConnection> relayed_;
    std::int64_t total_ = 0;
    int nextCut_ = 0;
    std::size_t firstFileConnection_ = kNone;
};

} // namespace spoke::test
