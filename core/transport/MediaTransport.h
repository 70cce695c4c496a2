#pragma once

#include "rtc/JsepBuilder.h"
#include "transport/DtlsTransport.h"
#include "transport/IceAgent.h"
#include "transport/Impairment.h"
#include "transport/SrtpSession.h"
#include "transport/TransportParameters.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace spoke::transport {

struct MediaTransportConfig {
    IceConfig ice;
    DtlsTransport::Options dtls;
    std::shared_ptr<const DtlsCertificate> certificate; // null: the process certificate
    // Off by default. Applied to every datagram we send / receive (DTLS and
    // SRTP alike; STUN stays inside libnice and is never impaired).
    ImpairmentConfig sendImpairment;
    ImpairmentConfig receiveImpairment;
};

// New → Connecting (ICE) → Securing (DTLS) → Ready (SRTP keys in place).
// Failed and Closed are final.
enum class MediaTransportState { New, Connecting, Securing, Ready, Failed, Closed };
const char* toString(MediaTransportState state);

// Counters, readable from any thread at any time.
struct MediaTransportStats {
    std::uint64_t datagramsSent = 0;
    std::uint64_t bytesSent = 0; // on the wire, after SRTP
    std::uint64_t datagramsReceived = 0;
    std::uint64_t bytesReceived = 0;
    std::uint64_t rtpSent = 0;
    std::uint64_t rtcpSent = 0;
    std::uint64_t rtpReceived = 0; // unprotected and delivered
    std::uint64_t rtcpReceived = 0;
    std::uint64_t dtlsDatagramsReceived = 0;
    std::uint64_t unknownReceived = 0; // not DTLS/RTP/RTCP (RFC 7983)
    std::uint64_t droppedNotReady = 0; // media offered before SRTP was ready
    std::uint64_t srtpAuthFailures = 0;
    std::uint64_t srtpReplays = 0;
    std::uint64_t srtpOtherFailures = 0;
    std::uint64_t sendImpairmentDrops = 0;
    std::uint64_t receiveImpairmentDrops = 0;
    DtlsState dtlsState = DtlsState::New;
};

// One PeerConnection's transport: ICE (libnice) carrying DTLS-SRTP on one
// BUNDLEd, rtcp-muxed component. Datagrams are told apart by RFC 7983; DTLS
// keys SRTP, after which RTP/RTCP is protected on send and unprotected on
// receive. An optional seeded Impairment sits between SRTP and ICE in each
// direction.
//
// Threading: the network thread is the IceAgent's libnice thread. All
// callbacks arrive there and must not block (hand media to a bounded queue;
// re-post state to the signalling thread). Every public method may be called
// from any thread: work is posted to the network thread in call order.
// Destroy the transport from outside its callbacks.
class MediaTransport {
public:
    struct Callbacks {
        std::function<void(const std::string& candidate)> localCandidate; // a=candidate value
        std::function<void()> localCandidatesDone;
        std::function<void(MediaTransportState, const std::optional<TransportError>&)> stateChanged;
        std::function<void(std::vector<std::uint8_t>&& rtp)> rtp; // unprotected
        std::function<void(std::vector<std::uint8_t>&& rtcp)> rtcp; // unprotected compound RTCP
    };

    static Expected<std::unique_ptr<MediaTransport>> create(MediaTransportConfig config, Callbacks callbacks);
    ~MediaTransport();

    MediaTransport(const MediaTransport&) = delete;
    MediaTransport& operator=(const MediaTransport&) = delete;

    // Our half of the SDP (no candidates: they trickle through localCandidate).
    rtc::LocalTransportParameters localParameters() const;

    void start(); // gathers candidates
    void setRemote(RemoteTransportParameters remote);
    void addRemoteCandidate(std::string candidate);
    void remoteCandidatesDone();

    // Protects and sends; dropped (and counted) unless the state is Ready.
    void sendRtp(std::vector<std::uint8_t> packet);
    void sendRtcp(std::vector<std::uint8_t> packet);
    // Sends DTLS close_notify and stops; the state becomes Closed.
    void close();

    MediaTransportState state() const { return state_.load(); }
    MediaTransportStats stats() const;
    std::optional<SrtpProfile> srtpProfile() const; // once Ready
    std::optional<SelectedPair> selectedPair() const; // once ICE has chosen one

private:
    class Timer;
    struct Counters;

    MediaTransport(MediaTransportConfig config, Callbacks callbacks);

    // Network thread only.
    void onIceState(IceState state);
    void onDatagram(std::span<const std::uint8_t> datagram);
    void deliver(std::vector<std::uint8_t> datagram);
    void sendDatagram(std::vector<std::uint8_t> datagram);
    void sendMedia(std::vector<std::uint8_t> packet, bool rtcp);
    void onDtlsState(DtlsState state, const std::optional<TransportError>& error);
    void armDtlsTimer();
    void armImpairmentTimer(Impairment& impairment, Timer& timer, bool sendDirection);
    void releaseImpaired(bool sendDirection);
    void setState(MediaTransportState state, const std::optional<TransportError>& error = std::nullopt);
    void fail(TransportError error);
    void assertNetworkThread() const;
    static std::int64_t nowUs();

    MediaTransportConfig config_;
    Callbacks callbacks_;
    std::shared_ptr<const DtlsCertificate> certificate_;
    std::atomic<MediaTransportState> state_{MediaTransportState::New};
    std::atomic<int> srtpProfile_{-1};
    std::unique_ptr<Counters> counters_;

    // Owned by the network thread.
    std::unique_ptr<DtlsTransport> dtls_;
    std::unique_ptr<SrtpSession> srtp_;
    std::unique_ptr<Impairment> sendImpairment_;
    std::unique_ptr<Impairment> receiveImpairment_;
    std::unique_ptr<Timer> dtlsTimer_;
    std::unique_ptr<Timer> sendTimer_;
    std::unique_ptr<Timer> receiveTimer_;
    bool iceConnected_ = false;
    bool stopped_ = false;

    std::unique_ptr<IceAgent> ice_; // last: its thread stops first in the destructor
};

} // namespace spoke::transport
