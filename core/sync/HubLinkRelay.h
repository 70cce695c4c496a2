#pragma once

#include "transport/ImpairmentConfig.h"

#include <QByteArray>
#include <QNetworkProxy>
#include <QString>
#include <QThread>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

#include "util/Expected.h"

namespace spoke::sync {

// What a SOCKS5 client asks for (RFC 1928 §4): CONNECT to host:port.
struct Socks5Connect {
    QString host; // a name or an IPv4/IPv6 address as text
    quint16 port = 0;
    qsizetype consumedBytes = 0; // of the buffer given to the parser
};
template <typename T> using Socks5Expected = spoke::Expected<std::optional<T>, QString>;

// The client's greeting (RFC 1928 §3): version 5 and the methods it offers.
// nullopt: not all of it has arrived yet; the value: the bytes it took. An
// error when it is not SOCKS5 or does not offer "no authentication" (the
// relay listens on loopback only, for the process that started it).
Socks5Expected<qsizetype> parseSocks5Greeting(const QByteArray& bytes);
// The request after it: CONNECT only, to an IPv4, IPv6 or domain address.
Socks5Expected<Socks5Connect> parseSocks5Connect(const QByteArray& bytes);

// The hub connection of a client on an impaired link: a SOCKS5 relay on
// 127.0.0.1 that the client's HubClient and event socket use as their proxy
// (HubClient::setProxy, EventListener::setProxy), so that every byte to and
// from the hub — the deck download, the event socket, chat and turns —
// crosses the same rate cap, delay and loss as the call's media would
// (transport::StreamImpairment, one per direction, shared by all the hub
// connections: the uplink's config for what the client sends, the
// downlink's for what it receives). Each new connection waits one round
// trip (twice the larger delay) before it is connected, as TCP's handshake
// would. Because the hub is reached through a tunnel, TLS goes end to end
// and the hub's certificate is checked as before.
//
// The link is a budget of its own: the media's PeerConnections shape their
// datagrams in core/transport's Impairment, one per direction of each, and
// do not share their rate with this relay (docs/benchmarks.md says so next
// to the figures measured with it).
//
// The relay runs on a thread of its own ("hub-link"), so its timing does
// not depend on the caller's event loop (HubClient waits for answers in a
// nested one). Constructed and destroyed on any one thread; totals() from
// any thread.
class HubLinkRelay {
public:
    // Bytes that crossed the link each way, as a metered link counts them:
    // TCP payloads (TLS records included), each retransmission again; not
    // IP/TCP headers, the handshake nor ACKs (like the call's data meter,
    // which counts UDP payloads).
    struct Totals {
        std::uint64_t sentBytes = 0;
        std::uint64_t receivedBytes = 0;
    };

    HubLinkRelay(transport::ImpairmentConfig uplink, transport::ImpairmentConfig downlink);
    ~HubLinkRelay();
    HubLinkRelay(const HubLinkRelay&) = delete;
    HubLinkRelay& operator=(const HubLinkRelay&) = delete;

    // False when no loopback port could be had (then proxy() is NoProxy).
    bool listening() const { return port_ != 0; }
    QNetworkProxy proxy() const;
    Totals totals() const;

    class Worker; // the relay's sockets and links, on its thread

private:
    struct Counters {
        std::atomic<std::uint64_t> sentBytes{0};
        std::atomic<std::uint64_t> receivedBytes{0};
    };
    std::shared_ptr<Counters> counters_;
    QThread thread_;
    Worker* worker_ = nullptr; // owned by thread_ once started; deleted there
    quint16 port_ = 0;
};

} // namespace spoke::sync
