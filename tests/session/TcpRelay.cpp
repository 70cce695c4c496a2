#include "session/TcpRelay.h"

#include <algorithm>

namespace spoke::test {

TcpRelay::TcpRelay(QHostAddress targetHost, quint16 targetPort)
    : targetHost_(std::move(targetHost))
    , targetPort_(targetPort)
{
    connect(&server_, &QTcpServer::newConnection, this, &TcpRelay::onNewConnection);
    accept();
}

TcpRelay::~TcpRelay()
{
    server_.close();
    for (auto& pair : pairs_) {
        pair->down->disconnect();
        pair->up->disconnect();
    }
}

bool TcpRelay::accept()
{
    if (server_.isListening())
        return true;
    if (!server_.listen(QHostAddress::LocalHost, port_))
        return false;
    port_ = server_.serverPort();
    return true;
}

bool TcpRelay::refuse()
{
    server_.close();
    return !server_.isListening();
}

void TcpRelay::onNewConnection()
{
    while (QTcpSocket* accepted = server_.nextPendingConnection()) {
        auto pair = std::make_unique<Pair>();
        pair->down.reset(accepted);
        accepted->setParent(nullptr);
        pair->up = std::make_unique<QTcpSocket>();
        Pair* raw = pair.get();
        QTcpSocket* down = raw->down.get();
        QTcpSocket* up = raw->up.get();
        connect(down, &QTcpSocket::readyRead, this, [this, down, up] { forward(down, up); });
        connect(up, &QTcpSocket::readyRead, this, [this, up, down] { forward(up, down); });
        connect(up, &QTcpSocket::connected, this, [this, down, up] { forward(down, up); });
        connect(down, &QTcpSocket::disconnected, this, [this, raw] {
            // A stalled link never tells the server the client went away.
            if (stalled_)
                raw->down->disconnect();
            else
                closePair(raw);
        });
        connect(up, &QTcpSocket::disconnected, this, [this, raw] { closePair(raw); });
        up->connectToHost(targetHost_, targetPort_);
        pairs_.push_back(std::move(pair));
    }
}

void TcpRelay::forward(QTcpSocket* from, QTcpSocket* to)
{
    // While stalled, bytes wait in the kernel and Qt buffers: the peer sees a
    // link that is open and silent.
    if (stalled_ || to->state() != QAbstractSocket::ConnectedState)
        return;
    to->write(from->readAll());
}

void TcpRelay::closePair(Pair* pair)
{
    auto it = std::find_if(pairs_.begin(), pairs_.end(), [pair](const auto& p) { return p.get() == pair; });
    if (it == pairs_.end())
        return;
    std::unique_ptr<Pair> gone = std::move(*it);
    pairs_.erase(it);
    gone->down->disconnect();
    gone->up->disconnect();
    gone->down->abort();
    gone->up->abort();
    // Deleting now would destroy the socket whose signal is being handled.
    gone->down.release()->deleteLater();
    gone->up.release()->deleteLater();
}

void TcpRelay::cut()
{
    while (!pairs_.empty())
        closePair(pairs_.front().get());
}

void TcpRelay::stall()
{
    stalled_ = true;
}

void TcpRelay::resume()
{
    stalled_ = false;
    // Connections whose client left during the stall end now.
    std::vector<Pair*> orphans;
    for (auto& pair : pairs_) {
        if (pair->down->state() != QAbstractSocket::ConnectedState)
            orphans.push_back(pair.get());
    }
    for (Pair* orphan : orphans)
        closePair(orphan);
    for (auto& pair : pairs_) {
        forward(pair->down.get(), pair->up.get());
        forward(pair->up.get(), pair->down.get());
    }
}

int TcpRelay::liveConnections() const
{
    return static_cast<int>(pairs_.size());
}

} // namespace spoke::test
