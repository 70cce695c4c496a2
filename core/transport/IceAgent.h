#pragma once

#include "transport/TransportError.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

// Forward declarations that repeat libnice's and GLib's own (their struct
// tags are reserved names because the libraries chose them).
typedef struct _NiceAgent NiceAgent; // NOLINT(modernize-use-using,bugprone-reserved-identifier)
typedef struct _GMainContext GMainContext; // NOLINT(modernize-use-using,bugprone-reserved-identifier)
typedef struct _GMainLoop GMainLoop; // NOLINT(modernize-use-using,bugprone-reserved-identifier)

namespace spoke::transport {

struct IceServer {
    std::string address; // an IP address: libnice does not resolve names
    std::uint16_t port = 3478;
};

// A TURN relay (RFC 8656) and how we reach it. With coturn's REST-secret
// scheme the username is "EXPIRY:ACCOUNT" and the password its HMAC
// (TurnCredentials.h); libnice sends both as long-term credentials.
struct TurnServer {
    enum class Transport { Udp, Tcp, Tls };
    std::string address; // an IP address, as for IceServer
    std::uint16_t port = 3478;
    std::string username;
    std::string password;
    Transport transport = Transport::Udp;
};

// One address of one network interface, as getifaddrs() reports it.
struct InterfaceAddress {
    std::string interfaceName;
    std::string address; // numeric, without a scope
    bool ipv6 = false;
    bool up = false; // IFF_UP and IFF_RUNNING
    bool loopback = false;
    bool linkLocal = false; // 169.254/16 or fe80::/10
};

// Every address of this machine, and the ones ICE can use: up, not loopback
// (Janus never gathers on it), not link-local (a link-local IPv6 address needs
// a scope that SDP candidates cannot carry), IPv4 and IPv6 alike.
std::vector<InterfaceAddress> listInterfaceAddresses();
std::vector<std::string> usableIceAddresses(const std::vector<InterfaceAddress>& addresses);

struct IceConfig {
    // Where host candidates come from. A pinned interface gives its IPv4
    // addresses: Janus never uses loopback and libnice binds its sockets to the
    // interface (IP_UNICAST_IF), so on a test machine both ends must gather on
    // the same real interface (docs/janus.md §"ICE"). With neither set, every
    // usable address (usableIceAddresses), IPv6 included.
    std::string interfaceName;
    std::vector<std::string> localAddresses;
    bool controlling = true; // the offerer controls (RFC 8445 §6.1.1)
    std::optional<IceServer> stun; // libnice takes one STUN server
    std::vector<TurnServer> turnServers; // each gives a relayed candidate
    std::uint16_t minPort = 0; // 0 = any
    std::uint16_t maxPort = 0;
};

// The candidate pair ICE selected, as RFC 8445 names the kinds: "host",
// "srflx", "prflx" or "relay".
struct SelectedPair {
    std::string localType;
    std::string remoteType;
    std::string localAddress; // ip:port
    std::string remoteAddress;

    std::string describe() const;
};

// ICE state of our one component (BUNDLE + rtcp-mux: one stream, one
// component carries everything).
enum class IceState { New, Gathering, Connecting, Connected, Disconnected, Failed };
const char* toString(IceState state);

struct IceCredentials {
    std::string ufrag;
    std::string pwd;
};

// A full (RFC 5245) ICE agent over libnice with trickle in both directions.
//
// Threading: the agent owns a GMainContext and the thread that runs its loop
// — the network thread. Every callback arrives on that thread; every method
// may be called from any thread and is carried out there, in call order, so
// callers never block on the network and libnice never sees two threads.
// Callbacks must not block. The destructor stops the thread (never call it
// from a callback); nothing is delivered afterwards.
class IceAgent {
public:
    struct Callbacks {
        // Value of an a=candidate attribute (as rtc::SdpCandidate::parse takes it).
        std::function<void(const std::string& candidate)> localCandidate;
        std::function<void()> gatheringDone; // = our end-of-candidates
        std::function<void(IceState)> stateChanged;
        std::function<void(std::span<const std::uint8_t>)> datagram; // non-STUN packets from the peer
        std::function<void(const TransportError&)> problem; // a refused input; the agent carries on
    };

    // Fails when libnice cannot be set up with the config (bad address, unknown interface).
    static Expected<std::unique_ptr<IceAgent>> create(IceConfig config, Callbacks callbacks);
    ~IceAgent();

    IceAgent(const IceAgent&) = delete;
    IceAgent& operator=(const IceAgent&) = delete;

    IceCredentials localCredentials() const; // fixed until restart()
    const IceConfig& config() const { return config_; }

    void gather();
    void setRemoteCredentials(IceCredentials credentials);
    // "a=candidate:…", "candidate:…" or the bare attribute value.
    void addRemoteCandidate(std::string candidate);
    void remoteCandidatesDone(); // the peer's end-of-candidates
    // ICE restart (RFC 8445 §9): new local credentials (returned), remote
    // candidates forgotten; the peer must send new credentials and candidates.
    // Waits for the network thread when called from another thread.
    IceCredentials restart();
    // The pair in use, once ICE has chosen one (any thread).
    std::optional<SelectedPair> selectedPair() const;
    // Sends one datagram on the selected pair; false when there is none yet.
    bool send(std::span<const std::uint8_t> datagram);

    // Runs `task` on the network thread (after everything posted before it).
    void post(std::function<void()> task);
    bool onNetworkThread() const { return std::this_thread::get_id() == thread_.get_id(); }
    GMainContext* context() const { return context_; }

    // libnice entry points; not part of the API.
    void onCandidate(void* candidate);
    void onGatheringDone();
    void onComponentState(unsigned state);
    void onReceive(const char* data, unsigned length);
    void onSelectedPair(void* local, void* remote);

private:
    IceAgent(IceConfig config, Callbacks callbacks);
    std::optional<TransportError> setUp();

    IceConfig config_;
    Callbacks callbacks_;
    GMainContext* context_ = nullptr;
    GMainLoop* loop_ = nullptr;
    NiceAgent* agent_ = nullptr;
    unsigned streamId_ = 0;
    IceCredentials credentials_;
    mutable std::mutex credentialsMutex_;
    std::optional<SelectedPair> selectedPair_;
    mutable std::mutex pairMutex_;
    std::thread thread_;
};

} // namespace spoke::transport
