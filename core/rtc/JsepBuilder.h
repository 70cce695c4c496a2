#pragma once

#include "rtc/SessionDescription.h"

#include <cstdint>
#include <string>
#include <vector>

namespace spoke::rtc {

// Our side of ICE and DTLS, as the transport layer reports it.
struct LocalTransportParameters {
    std::string iceUfrag;
    std::string icePwd;
    SdpFingerprint fingerprint; // of our DTLS certificate
    std::vector<SdpCandidate> candidates; // empty when trickling
    bool endOfCandidates = false; // set with "trickle": false (half-trickle towards Janus)
};

// The two SDPs Spoke writes towards Janus VideoRoom (docs/janus.md §"SDP").
// Payload types and extension ids are fixed here and used by the media
// pipeline; Janus answers with the same numbers.
namespace jsep {

inline constexpr int kOpusPayloadType = 111;
inline constexpr int kVp8PayloadType = 96;
inline constexpr int kVp8RtxPayloadType = 97;
inline constexpr int kMidExtensionId = 1;
inline constexpr int kTransportCcExtensionId = 2;
inline constexpr int kAbsSendTimeExtensionId = 3;
inline constexpr int kAudioLevelExtensionId = 4;
inline constexpr int kRidExtensionId = 5;
inline constexpr int kRepairedRidExtensionId = 6;

struct PublisherOfferOptions {
    LocalTransportParameters transport;
    std::string sessionId = "1"; // o= session id; a fresh random number per PeerConnection
    std::string cname;
    std::string streamId = "spoke"; // a=msid stream; Janus shows it to subscribers
    std::uint32_t audioSsrc = 0;
    // Single-stream video: one SSRC plus its RTX (a=ssrc-group:FID). With
    // simulcast the layers are told apart by rid, as browsers do, and their
    // SSRCs are learnt by Janus from the packets.
    std::uint32_t videoSsrc = 0;
    std::uint32_t videoRtxSsrc = 0;
    // Highest quality first, as Janus numbers substreams 2, 1, 0 in this order.
    std::vector<std::string> simulcastRids = {"h", "m", "l"};
    // Legacy simulcast (a=ssrc-group:SIM, lowest layer first, one FID group
    // per layer): used when this has two or more SSRCs and simulcastRids is
    // empty. Janus 1.1.2 then maps layers by SSRC, so packets need no rid or
    // mid header extension. Same length as videoSimulcastRtxSsrcs.
    std::vector<std::uint32_t> videoSimulcastSsrcs;
    std::vector<std::uint32_t> videoSimulcastRtxSsrcs;
};

// sendonly Opus 111 + VP8 96 (rtx 97), BUNDLE, rtcp-mux, a=setup:actpass,
// feedback nack / nack pli / ccm fir / goog-remb / transport-cc, and
// simulcast by a=rid + a=simulcast:send unless simulcastRids is empty, else
// by a=ssrc-group:SIM when videoSimulcastSsrcs has several layers.
SessionDescription buildPublisherOffer(const PublisherOfferOptions& options);

struct SubscriberAnswerOptions {
    LocalTransportParameters transport;
    std::string sessionId = "1";
    bool acceptRtx = true; // take Janus' retransmissions on rtx 97 rather than inline
};

// recvonly answer to the offer Janus sends a subscriber: Opus and VP8 kept
// with their offered payload types, mids kept, feedback and header
// extensions narrowed to what Spoke handles, a=setup:active (we become the
// DTLS client). Sections we cannot take (data channels, other codecs) are
// rejected with port 0 and left out of BUNDLE. Fails when the offer lacks
// what any answer needs (mids, ICE credentials, a fingerprint).
Expected<SessionDescription> buildSubscriberAnswer(const SessionDescription& offer,
                                                   const SubscriberAnswerOptions& options);

} // namespace jsep
} // namespace spoke::rtc
