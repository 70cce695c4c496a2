#include "sync/HubLinkRelay.h"

#include "transport/StreamImpairment.h"
#include "util/Clock.h"
#include "util/ThreadName.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <algorithm>
#include <map>

namespace spoke::sync {

namespace {

constexpr char kSocksVersion = 5;
constexpr char kNoAuthentication = 0;
constexpr char kConnectCommand = 1;
constexpr char kIpv4 = 1, kDomain = 3, kIpv6 = 4;
// Reply codes (RFC 1928 §6).
constexpr char kSucceeded = 0, kGeneralFailure = 1, kCommandNotSupported = 7;
// Read from a socket only while the link holds less than this of its
// connection: the rest waits in the kernel, whose TCP flow control then
// slows the sender, as a real bottleneck would. Several times the link's
// queue, so the queue never runs dry while a connection has data.
constexpr qint64 kMaxBacklogBytes = 32 * 1024;

quint8 byteAt(const QByteArray& bytes, qsizetype i)
{
    return static_cast<quint8>(bytes[i]);
}

} // namespace

Socks5Expected<qsizetype> parseSocks5Greeting(const QByteArray& bytes)
{
    if (bytes.size() < 2)
        return std::optional<qsizetype>();
    if (bytes[0] != kSocksVersion)
        return QStringLiteral("not SOCKS version 5");
    const qsizetype methods = byteAt(bytes, 1);
    if (bytes.size() < 2 + methods)
        return std::optional<qsizetype>();
    if (!bytes.mid(2, methods).contains(kNoAuthentication))
        return QStringLiteral("the client offers no method without authentication");
    return std::optional<qsizetype>(2 + methods);
}

Socks5Expected<Socks5Connect> parseSocks5Connect(const QByteArray& bytes)
{
    // VER CMD RSV ATYP, then the address and a two-byte port.
    if (bytes.size() < 5)
        return std::optional<Socks5Connect>();
    if (bytes[0] != kSocksVersion)
        return QStringLiteral("not SOCKS version 5");
    if (bytes[1] != kConnectCommand)
        return QStringLiteral("only CONNECT is relayed");
    qsizetype addressBytes = 0;
    qsizetype addressAt = 4;
    switch (bytes[3]) {
    case kIpv4: addressBytes = 4; break;
    case kIpv6: addressBytes = 16; break;
    case kDomain:
        addressBytes = byteAt(bytes, 4);
        addressAt = 5;
        if (addressBytes == 0)
            return QStringLiteral("an empty host name");
        break;
    default: return QStringLiteral("an unknown address type");
    }
    const qsizetype total = addressAt + addressBytes + 2;
    if (bytes.size() < total)
        return std::optional<Socks5Connect>();
    Socks5Connect request;
    const QByteArray address = bytes.mid(addressAt, addressBytes);
    if (bytes[3] == kDomain) {
        request.host = QString::fromLatin1(address);
    } else if (bytes[3] == kIpv4) {
        request.host = QHostAddress(qFromBigEndian<quint32>(address.constData())).toString();
    } else {
        Q_IPV6ADDR ipv6;
        std::copy(address.begin(), address.end(), ipv6.c);
        request.host = QHostAddress(ipv6).toString();
    }
    request.port = static_cast<quint16>(byteAt(bytes, total - 2) << 8 | byteAt(bytes, total - 1));
    request.consumedBytes = total;
    return std::optional<Socks5Connect>(request);
}

// On the relay's thread: the listening socket, each client's connection and
// its hub side, and the two links between them.
class HubLinkRelay::Worker : public QObject {
public:
    Worker(transport::ImpairmentConfig uplink, transport::ImpairmentConfig downlink, std::shared_ptr<Counters> counters)
        : counters_(std::move(counters))
        , up_(std::move(uplink), util::steadyNowUs())
        , down_(std::move(downlink), util::steadyNowUs())
        , server_(this)
        , timer_(this)
    {
        handshakeMs_ = 2 * std::max(up_.config().delayMs, down_.config().delayMs);
        timer_.setSingleShot(true);
        timer_.setTimerType(Qt::PreciseTimer);
        QObject::connect(&timer_, &QTimer::timeout, this, [this] { pump(); });
        QObject::connect(&server_, &QTcpServer::newConnection, this, [this] { accept(); });
    }

    quint16 listen()
    {
        util::setCurrentThreadName("hub-link");
        return server_.listen(QHostAddress::LocalHost, 0) ? server_.serverPort() : 0;
    }

private:
    enum class Stage { Greeting, Request, Connecting, Open };
    struct Connection {
        Stage stage = Stage::Greeting;
        QByteArray handshake;
        QTcpSocket* client = nullptr; // children of the worker
        QTcpSocket* upstream = nullptr;
        bool clientGone = false;
        bool upstreamGone = false;
    };

    Connection* find(std::uint64_t id)
    {
        const auto it = connections_.find(id);
        return it == connections_.end() ? nullptr : &it->second;
    }

    void accept()
    {
        while (QTcpSocket* client = server_.nextPendingConnection()) {
            const std::uint64_t id = nextId_++;
            client->setParent(this);
            client->setReadBufferSize(kMaxBacklogBytes);
            connections_[id].client = client;
            QObject::connect(client, &QTcpSocket::readyRead, this, [this, id] { onClientReadable(id); });
            QObject::connect(client, &QTcpSocket::disconnected, this, [this, id] { onGone(id, true); });
        }
    }

    void reply(Connection& c, char code)
    {
        // VER REP RSV, and a bound address the client does not use: 0.0.0.0:0.
        c.client->write(QByteArray("\x05", 1) + code + QByteArray("\x00\x01\x00\x00\x00\x00\x00\x00", 8));
    }

    void refuse(Connection& c, char code)
    {
        reply(c, code);
        c.client->disconnectFromHost();
    }

    void onClientReadable(std::uint64_t id)
    {
        Connection* c = find(id);
        if (!c)
            return;
        if (c->stage == Stage::Open) {
            pump();
            return;
        }
        if (c->stage == Stage::Connecting)
            return; // its bytes wait in the socket until the hub answers
        c->handshake += c->client->readAll();
        if (c->stage == Stage::Greeting) {
            const auto greeting = parseSocks5Greeting(c->handshake);
            if (!greeting) {
                c->client->write(QByteArray("\x05\xff", 2)); // no acceptable method
                c->client->disconnectFromHost();
                return;
            }
            if (!*greeting)
                return;
            c->handshake.remove(0, **greeting);
            c->client->write(QByteArray("\x05\x00", 2));
            c->stage = Stage::Request;
        }
        const auto request = parseSocks5Connect(c->handshake);
        if (!request) {
            refuse(*c, c->handshake.size() > 1 && c->handshake[1] != kConnectCommand ? kCommandNotSupported
                                                                                     : kGeneralFailure);
            return;
        }
        if (!*request)
            return;
        c->stage = Stage::Connecting;
        // The SYN and SYN-ACK cross the link before the first byte can.
        QTimer::singleShot(handshakeMs_, this, [this, id, host = (*request)->host, port = (*request)->port] {
            connectUpstream(id, host, port);
        });
    }

    void connectUpstream(std::uint64_t id, const QString& host, quint16 port)
    {
        Connection* c = find(id);
        if (!c || c->clientGone)
            return;
        c->upstream = new QTcpSocket(this);
        c->upstream->setReadBufferSize(kMaxBacklogBytes);
        QObject::connect(c->upstream, &QTcpSocket::connected, this, [this, id] {
            if (Connection* open = find(id)) {
                reply(*open, kSucceeded);
                open->stage = Stage::Open;
                pump();
            }
        });
        QObject::connect(c->upstream, &QTcpSocket::errorOccurred, this, [this, id](QAbstractSocket::SocketError) {
            if (Connection* failed = find(id); failed && failed->stage == Stage::Connecting) {
                failed->upstreamGone = true; // never connected: no `disconnected` will come
                refuse(*failed, kGeneralFailure);
            }
        });
        QObject::connect(c->upstream, &QTcpSocket::readyRead, this, [this] { pump(); });
        QObject::connect(c->upstream, &QTcpSocket::disconnected, this, [this, id] { onGone(id, false); });
        c->upstream->connectToHost(host, port);
    }

    void onGone(std::uint64_t id, bool client)
    {
        Connection* c = find(id);
        if (!c)
            return;
        (client ? c->clientGone : c->upstreamGone) = true;
        pump();
    }

    // Moves what each socket has into its link (up to the backlog bound).
    void readSockets()
    {
        for (auto& [id, c] : connections_) {
            if (c.stage != Stage::Open)
                continue;
            for (auto [from, link] : {std::pair{c.client, &up_}, std::pair{c.upstream, &down_}}) {
                const qint64 room = kMaxBacklogBytes - static_cast<qint64>(link->backlogBytes(id));
                if (room <= 0 || from->bytesAvailable() == 0)
                    continue;
                const QByteArray bytes = from->read(room);
                link->write(id, reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                            static_cast<std::size_t>(bytes.size()));
            }
        }
    }

    void deliver(transport::StreamImpairment& link, bool toHub, std::int64_t nowUs)
    {
        for (const auto& chunk : link.takeDue(nowUs)) {
            Connection* c = find(chunk.connection);
            QTcpSocket* to = c ? (toHub ? c->upstream : c->client) : nullptr;
            if (to)
                to->write(reinterpret_cast<const char*>(chunk.bytes.data()), qint64(chunk.bytes.size()));
        }
    }

    // A side that closed closes the other once its last bytes are across;
    // a connection with both sides closed is forgotten.
    void closeFinished()
    {
        for (auto it = connections_.begin(); it != connections_.end();) {
            const std::uint64_t id = it->first;
            Connection& c = it->second;
            const bool clientDrained = c.clientGone && up_.pendingBytes(id) == 0 && c.client->bytesAvailable() == 0;
            const bool upstreamDrained =
                c.upstreamGone && down_.pendingBytes(id) == 0 && (!c.upstream || c.upstream->bytesAvailable() == 0);
            if (clientDrained && c.upstream && !c.upstreamGone)
                c.upstream->disconnectFromHost();
            if ((upstreamDrained || (c.upstreamGone && c.stage != Stage::Open)) && !c.clientGone)
                c.client->disconnectFromHost();
            if (!(c.clientGone && (c.upstreamGone || !c.upstream))) {
                ++it;
                continue;
            }
            up_.forget(id);
            down_.forget(id);
            c.client->deleteLater();
            if (c.upstream)
                c.upstream->deleteLater();
            it = connections_.erase(it);
        }
    }

    // A socket's disconnectFromHost() emits `disconnected` at once, which
    // calls back in here: such a call only asks for one more round.
    void pump()
    {
        if (pumping_) {
            pumpAgain_ = true;
            return;
        }
        pumping_ = true;
        do {
            pumpAgain_ = false;
            pumpOnce();
        } while (pumpAgain_);
        pumping_ = false;
    }

    void pumpOnce()
    {
        const std::int64_t nowUs = util::steadyNowUs();
        readSockets();
        deliver(up_, true, nowUs);
        deliver(down_, false, nowUs);
        readSockets(); // the links may have made room
        closeFinished();
        const auto& up = up_.stats();
        const auto& down = down_.stats();
        counters_->sentBytes.store(up.bytesDelivered + up.retransmittedBytes);
        counters_->receivedBytes.store(down.bytesDelivered + down.retransmittedBytes);
        std::optional<std::int64_t> next = up_.nextEventUs();
        if (const auto downNext = down_.nextEventUs())
            next = next ? std::min(*next, *downNext) : *downNext;
        if (next)
            timer_.start(static_cast<int>(std::clamp<std::int64_t>((*next - nowUs + 999) / 1000, 0, 60'000)));
    }

    std::shared_ptr<Counters> counters_;
    transport::StreamImpairment up_;
    transport::StreamImpairment down_;
    QTcpServer server_;
    QTimer timer_;
    int handshakeMs_ = 0;
    bool pumping_ = false;
    bool pumpAgain_ = false;
    std::uint64_t nextId_ = 1;
    std::map<std::uint64_t, Connection> connections_;
};

HubLinkRelay::HubLinkRelay(transport::ImpairmentConfig uplink, transport::ImpairmentConfig downlink)
    : counters_(std::make_shared<Counters>())
{
    worker_ = new Worker(std::move(uplink), std::move(downlink), counters_);
    worker_->moveToThread(&thread_);
    QObject::connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
    QMetaObject::invokeMethod(
        worker_, [this] { port_ = worker_->listen(); }, Qt::BlockingQueuedConnection);
}

HubLinkRelay::~HubLinkRelay()
{
    thread_.quit();
    thread_.wait();
}

QNetworkProxy HubLinkRelay::proxy() const
{
    if (!listening())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    return QNetworkProxy(QNetworkProxy::Socks5Proxy, QStringLiteral("127.0.0.1"), port_);
}

HubLinkRelay::Totals HubLinkRelay::totals() const
{
    return {counters_->sentBytes.load(), counters_->receivedBytes.load()};
}

} // namespace spoke::sync
