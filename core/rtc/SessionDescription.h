#pragma once

#include "rtc/RtcError.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spoke::rtc {

// SDP (RFC 8866) as JSEP and Janus 1.1.2 use it: one session with BUNDLEd
// media sections, each carrying its codecs, feedback, header extensions,
// SSRCs, simulcast rids and ICE/DTLS parameters. Attributes this model does
// not name are kept in order in `otherAttributes`, so parse → write keeps
// everything a peer sent.

enum class SdpDirection { SendRecv, SendOnly, RecvOnly, Inactive };
enum class SdpSetup { ActPass, Active, Passive, HoldConn };

std::string_view toString(SdpDirection direction);
std::string_view toString(SdpSetup setup);

struct SdpAttribute { // a=name[:value]
    std::string name;
    std::optional<std::string> value;
    bool operator==(const SdpAttribute&) const = default;
};

struct SdpCodec {
    int payloadType = 0;
    std::string name; // as written, e.g. "opus", "VP8", "rtx"
    int clockRateHz = 0;
    std::optional<int> channels;
    std::optional<std::string> fmtp; // the parameters after "a=fmtp:<pt> "
    std::vector<std::string> feedback; // a=rtcp-fb values, e.g. "nack", "nack pli", "transport-cc"
    bool operator==(const SdpCodec&) const = default;

    // "apt=96;..." → 96 for an rtx codec.
    std::optional<int> fmtpInt(std::string_view key) const;
    bool hasFeedback(std::string_view value) const;
};

struct SdpExtmap {
    int id = 0;
    std::optional<std::string> direction; // "sendonly" etc. after "<id>/"
    std::string uri;
    std::optional<std::string> attributes;
    bool operator==(const SdpExtmap&) const = default;
};

struct SdpSsrcAttribute { // a=ssrc:<ssrc> <name>[:<value>]
    std::uint32_t ssrc = 0;
    std::string name;
    std::optional<std::string> value;
    bool operator==(const SdpSsrcAttribute&) const = default;
};

struct SdpSsrcGroup { // a=ssrc-group:FID 1 2 / SIM 1 2 3
    std::string semantics;
    std::vector<std::uint32_t> ssrcs;
    bool operator==(const SdpSsrcGroup&) const = default;
};

struct SdpRid { // RFC 8851 a=rid:<id> send|recv [restrictions]
    std::string id;
    std::string direction;
    std::optional<std::string> restrictions;
    bool operator==(const SdpRid&) const = default;
};

struct SdpSimulcastStream { // one ';'-separated entry: alternatives separated by ','
    struct Alternative {
        std::string rid;
        bool paused = false; // "~" prefix
        bool operator==(const Alternative&) const = default;
    };
    std::vector<Alternative> alternatives;
    bool operator==(const SdpSimulcastStream&) const = default;
};

struct SdpSimulcast { // RFC 8853 a=simulcast:send h;m;l [recv ...]
    std::vector<SdpSimulcastStream> send;
    std::vector<SdpSimulcastStream> recv;
    bool operator==(const SdpSimulcast&) const = default;
};

struct SdpFingerprint {
    std::string algorithm; // "sha-256"
    std::string value; // colon-separated hex
    bool operator==(const SdpFingerprint&) const = default;
};

struct SdpCandidate { // the value of a=candidate, as libnice wants it back
    std::string foundation;
    int component = 1;
    std::string transport; // "udp" / "tcp"
    std::uint32_t priority = 0;
    std::string address;
    int port = 0;
    std::string type; // host, srflx, prflx, relay
    std::string raw; // full attribute value, written back verbatim
    bool operator==(const SdpCandidate&) const = default;

    // From the value of a=candidate (libnice's candidate SDP without "a=candidate:").
    static Expected<SdpCandidate> parse(std::string_view value);
};

struct SdpMedia {
    std::string kind; // audio, video, application
    int port = 9;
    std::string protocol = "UDP/TLS/RTP/SAVPF";
    std::vector<std::string> formats; // payload types as written (or "webrtc-datachannel")
    std::optional<std::string> connection; // c= value, e.g. "IN IP4 0.0.0.0"
    std::optional<std::string> mid;
    std::optional<SdpDirection> direction;
    std::vector<SdpCodec> codecs; // in the order of `formats` where described
    std::vector<std::string> wildcardFeedback; // a=rtcp-fb:* ...
    std::vector<SdpExtmap> extmaps;
    std::vector<SdpSsrcAttribute> ssrcs;
    std::vector<SdpSsrcGroup> ssrcGroups;
    std::vector<SdpRid> rids;
    std::optional<SdpSimulcast> simulcast;
    std::optional<std::string> iceUfrag;
    std::optional<std::string> icePwd;
    std::vector<std::string> iceOptions;
    std::optional<SdpFingerprint> fingerprint;
    std::optional<SdpSetup> setup;
    std::vector<SdpCandidate> candidates;
    bool endOfCandidates = false;
    bool rtcpMux = false;
    bool rtcpRsize = false;
    std::vector<SdpAttribute> otherAttributes;
    bool operator==(const SdpMedia&) const = default;

    bool rejected() const { return port == 0; }
    const SdpCodec* codec(int payloadType) const;
    const SdpCodec* codecByName(std::string_view name) const; // case-insensitive
    // The rtx codec whose apt= points at `payloadType`.
    const SdpCodec* rtxFor(int payloadType) const;
    std::optional<int> extmapId(std::string_view uri) const;
};

struct SdpGroup { // a=group:BUNDLE 0 1
    std::string semantics;
    std::vector<std::string> mids;
    bool operator==(const SdpGroup&) const = default;
};

struct SdpOrigin {
    std::string username = "-";
    std::string sessionId = "0";
    std::string sessionVersion = "0"; // kept as text: Janus uses 64-bit values
    std::string netType = "IN";
    std::string addressType = "IP4";
    std::string address = "127.0.0.1";
    bool operator==(const SdpOrigin&) const = default;
};

struct SessionDescription {
    SdpOrigin origin;
    std::string sessionName = "-";
    std::string timing = "0 0";
    std::optional<std::string> connection;
    std::vector<SdpGroup> groups;
    std::optional<std::string> msidSemantic; // value after "a=msid-semantic:", e.g. " WMS *"
    std::vector<std::string> iceOptions;
    bool iceLite = false;
    bool extmapAllowMixed = false;
    // Session-level ICE/DTLS values; media sections inherit them when they have none.
    std::optional<std::string> iceUfrag;
    std::optional<std::string> icePwd;
    std::optional<SdpFingerprint> fingerprint;
    std::optional<SdpSetup> setup;
    std::vector<SdpAttribute> otherAttributes;
    std::vector<SdpMedia> media;
    bool operator==(const SessionDescription&) const = default;

    // Never crashes on any input; the error names the line and what is wrong with it.
    static Expected<SessionDescription> parse(std::string_view text);
    std::string toString() const; // CRLF line endings

    const SdpGroup* bundleGroup() const;
    // Media-level value, else the session-level one.
    std::optional<std::string> iceUfragFor(const SdpMedia& m) const { return m.iceUfrag ? m.iceUfrag : iceUfrag; }
    std::optional<std::string> icePwdFor(const SdpMedia& m) const { return m.icePwd ? m.icePwd : icePwd; }
    std::optional<SdpFingerprint> fingerprintFor(const SdpMedia& m) const
    {
        return m.fingerprint ? m.fingerprint : fingerprint;
    }
    std::optional<SdpSetup> setupFor(const SdpMedia& m) const { return m.setup ? m.setup : setup; }
};

} // namespace spoke::rtc
