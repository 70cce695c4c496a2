#pragma once

#include "transport/DtlsTransport.h"
#include "transport/TransportError.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <memory>
#include <vector>

struct srtp_ctx_t_;

namespace spoke::transport {

// What became of one packet. Failures on receive are routine on a hostile
// or broken path (forged, replayed, truncated or corrupted packets): they
// are counted and the packet dropped, never fatal.
enum class SrtpStatus { Ok, AuthFailed, Replayed, Malformed, Failed };
const char* toString(SrtpStatus status);

// SRTP and SRTCP (RFC 3711, RFC 7714 for AES-GCM) for one DTLS-SRTP
// association: an outbound context keyed with our master key for every SSRC
// we send (ssrc_any_outbound) and an inbound one keyed with the peer's for
// every SSRC we receive (ssrc_any_inbound), with libsrtp's replay window on
// receive. Retransmitting a packet with the same sequence number (NACK
// answered without RTX) is allowed on send, as the payload is identical.
//
// Not thread-safe: owned by the network thread (asserted).
class SrtpSession {
public:
    struct Stats {
        std::uint64_t protectedRtp = 0;
        std::uint64_t protectedRtcp = 0;
        std::uint64_t unprotectedRtp = 0;
        std::uint64_t unprotectedRtcp = 0;
        std::uint64_t authFailures = 0;
        std::uint64_t replays = 0;
        std::uint64_t otherFailures = 0;
    };

    static Expected<std::unique_ptr<SrtpSession>> create(const SrtpKeyingMaterial& keys);
    ~SrtpSession();

    SrtpSession(const SrtpSession&) = delete;
    SrtpSession& operator=(const SrtpSession&) = delete;

    // In place: the packet grows by the authentication tag (protect) or
    // shrinks back to plain RTP/RTCP (unprotect). Left unchanged on failure.
    SrtpStatus protectRtp(std::vector<std::uint8_t>& packet);
    SrtpStatus protectRtcp(std::vector<std::uint8_t>& packet);
    SrtpStatus unprotectRtp(std::vector<std::uint8_t>& packet);
    SrtpStatus unprotectRtcp(std::vector<std::uint8_t>& packet);

    const Stats& stats() const { return stats_; }
    SrtpProfile profile() const { return profile_; }

    // For a session created on one thread and handed to the network thread.
    void rebindToCurrentThread() { affinity_.rebindToCurrentThread(); }

private:
    struct ContextDeleter {
        void operator()(srtp_ctx_t_* context) const;
    };
    using ContextPtr = std::unique_ptr<srtp_ctx_t_, ContextDeleter>;

    SrtpSession(SrtpProfile profile, ContextPtr outbound, ContextPtr inbound);
    SrtpStatus count(int libsrtpStatus);

    ThreadAffinity affinity_;
    SrtpProfile profile_;
    ContextPtr outbound_;
    ContextPtr inbound_;
    Stats stats_;
};

} // namespace spoke::transport
