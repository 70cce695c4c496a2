#pragma once

// A TCP relay on 127.0.0.1 in front of any HTTP/1.1 server (tests/sync's
// RangeServer, or a real `spoke-hub serve`), for the recording download
// tests: it forwards each connection to the backend port, notes the request
// lines the client sends on it, counts the bytes it delivers to the client
// per connection, optionally paces them, can hold the first connection that
// asks for a chosen path at a given byte, and cuts the connection (a clean
// close, after exactly the bytes before the cut) when its total over all
// connections crosses each of a list of thresholds. It runs on a thread of
// its own, so a test may block on a child process meanwhile.

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <future>
#include <mutex>
#include <vector>

namespace spoke::test {

struct RelayedConnection {
    QByteArray requestLine; // the first request's "GET /path HTTP/1.1"
    std::vector<QByteArray> paths; // of every request seen on it (keep-alive)
    std::int64_t deliveredBytes = 0; // to the client, headers included
    bool cut = false;
};

class CuttingRelay {
public:
    struct Config {
        quint16 backendPort = 0;
        std::vector<std::int64_t> cutsAtBytes; // relay totals (all connections) at which to cut
        std::int64_t bytesPerSecond = 0; // pace the deliveries; 0: as fast as they come
        // The relay stops delivering on the first connection that asks for a
        // path `holdPath` accepts once that connection has delivered this
        // many bytes (headers included), until releaseHold(): a client
        // stopped at a known byte, to be killed there. 0: no hold.
        std::int64_t holdAtBytes = 0;
        std::function<bool(const QByteArray& path)> holdPath;
    };

    explicit CuttingRelay(Config config) : config_(std::move(config))
    {
        std::promise<void> ready;
        auto started = ready.get_future();
        thread_ = QThread::create([this, &ready] {
            listener_ = new QTcpServer;
            listener_->listen(QHostAddress::LocalHost, 0);
            port_ = listener_->serverPort();
            QObject::connect(listener_, &QTcpServer::newConnection, listener_, [this] { accept(); });
            ready.set_value();
            QEventLoop loop; // QThread::quit() ends it
            loop.exec();
            delete listener_;
        });
        thread_->start();
        started.wait();
    }
    ~CuttingRelay()
    {
        thread_->quit();
        thread_->wait();
        delete thread_;
    }
    CuttingRelay(const CuttingRelay&) = delete;
    CuttingRelay& operator=(const CuttingRelay&) = delete;

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port_); }

    std::vector<RelayedConnection> relayed() const
    {
        std::lock_guard lock(mutex_);
        return relayed_;
    }
    // What the relay delivered on connections that carried a request for
    // `path` (with keep-alive, also the other answers on those connections).
    std::int64_t deliveredFor(const QByteArray& path) const
    {
        std::int64_t total = 0;
        for (const RelayedConnection& c : relayed())
            total += std::find(c.paths.begin(), c.paths.end(), path) != c.paths.end() ? c.deliveredBytes : 0;
        return total;
    }
    std::int64_t deliveredTotal() const
    {
        std::lock_guard lock(mutex_);
        return total_;
    }
    void releaseHold() { holdReleased_ = true; }
    int cutsDone() const
    {
        std::lock_guard lock(mutex_);
        return nextCut_;
    }

private:
    struct Pipe {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> backend;
        std::size_t index = 0; // in relayed_
        QByteArray upstreamLine; // the part of a request line seen so far
        bool closing = false;
    };

    void accept()
    {
        while (QTcpSocket* client = listener_->nextPendingConnection()) {
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
            pipe->backend->connectToHost(QHostAddress::LocalHost, config_.backendPort);
        }
    }

    // Notes the request lines in what the client sent (a GET has no body,
    // so every line after an empty one starts a request).
    void noteRequests(Pipe& pipe, const QByteArray& bytes)
    {
        pipe.upstreamLine += bytes;
        qsizetype end = 0;
        while ((end = pipe.upstreamLine.indexOf("\r\n")) >= 0) {
            const QByteArray line = pipe.upstreamLine.left(end);
            pipe.upstreamLine.remove(0, end + 2);
            const QList<QByteArray> words = line.split(' ');
            if (words.size() != 3 || !words[2].startsWith("HTTP/"))
                continue; // a header, or the empty line
            std::lock_guard lock(mutex_);
            RelayedConnection& connection = relayed_[pipe.index];
            if (connection.requestLine.isEmpty())
                connection.requestLine = line;
            connection.paths.push_back(words[1]);
            if (held_ == kNone && config_.holdAtBytes > 0 && config_.holdPath && config_.holdPath(words[1]))
                held_ = pipe.index;
        }
        if (pipe.upstreamLine.size() > 64 * 1024)
            pipe.upstreamLine.clear(); // not HTTP; nothing to note
    }

    void upstream(Pipe& pipe)
    {
        if (!pipe.client || !pipe.backend || pipe.backend->state() != QAbstractSocket::ConnectedState)
            return;
        const QByteArray bytes = pipe.client->readAll();
        if (bytes.isEmpty())
            return;
        noteRequests(pipe, bytes);
        pipe.backend->write(bytes);
    }

    // How much may go to the client now: the pacing budget, the hold and the next cut.
    std::int64_t allowance(const Pipe& pipe)
    {
        std::int64_t allowed = 64 * 1024;
        if (config_.bytesPerSecond > 0) {
            if (!pace_.isValid())
                pace_.start();
            const std::int64_t earned = pace_.elapsed() * config_.bytesPerSecond / 1000;
            // Time with nothing to send does not bank a burst: at most 50 ms' worth.
            paced_ = std::max(paced_, earned - config_.bytesPerSecond / 20);
            allowed = std::min(allowed, earned - paced_);
        }
        std::lock_guard lock(mutex_);
        if (!holdReleased_ && pipe.index == held_)
            allowed = std::min(allowed, config_.holdAtBytes - relayed_[pipe.index].deliveredBytes);
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
    QTcpServer* listener_ = nullptr;
    quint16 port_ = 0;
    QElapsedTimer pace_;
    std::int64_t paced_ = 0; // relay thread only
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::atomic<bool> holdReleased_{false};
    mutable std::mutex mutex_;
    std::vector<RelayedConnection> relayed_;
    std::int64_t total_ = 0;
    int nextCut_ = 0;
    std::size_t held_ = kNone;
};

} // namespace spoke::test
