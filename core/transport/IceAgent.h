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

struct TurnServer {
    enum class Transport { Udp, Tcp, Tls };
    std::string address;
    std::uint16_t port = 3478;
    std::string username;
    std::string password;
    Transport transport = Transport::Udp;
};

struct IceConfig {
    // Where host candidates come from. Janus never uses loopback and libnice
    // binds its sockets to the interface (IP_UNICAST_IF), so on a test
    // machine both ends must gather on the same real interface
    // (docs/janus.md §"ICE"). Interface names are resolved to their IPv4
    // addresses; with neither set libnice uses every non-loopback interface.
    std::string interfaceName;
    std::vector<std::string> localAddresses;
    bool controlling = true; // the offerer controls (RFC 8445 §6.1.1)
    std::optional<IceServer> stun;
    std::optional<TurnServer> turn;
    std::uint16_t minPort = 0; // 0 = any
    std::uint16_t maxPort = 0;
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
    std::thread thread_;
};

} // namespace spoke::transport
