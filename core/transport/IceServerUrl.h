#pragma once

#include "transport/IceAgent.h"
#include "transport/TransportError.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spoke::transport {

// One ICE server URL as WebRTC's RTCIceServer.urls spells it: stun:host[:port]
// (RFC 7064) or turn:/turns:host[:port][?transport=udp|tcp] (RFC 7065).
// The host may be a name, an IPv4 address or a bracketed IPv6 address.
struct IceServerUrl {
    enum class Scheme { Stun, Turn, Turns };
    Scheme scheme = Scheme::Stun;
    std::string host; // without brackets
    std::uint16_t port = 3478; // RFC 7065 §3: 3478, or 5349 for turns
    TurnServer::Transport transport = TurnServer::Transport::Udp; // turns: Tls
};

Expected<IceServerUrl> parseIceServerUrl(std::string_view url);

// The first address of `host` (a literal is returned as it is). libnice takes
// addresses only. Blocks on DNS: call it before a call starts, off the UI thread.
Expected<std::string> resolveIceHost(const std::string& host);

// A TURN server for IceConfig from a turn:/turns: URL and its credentials,
// the host resolved; a stun: URL is refused.
Expected<TurnServer> turnServerFrom(const IceServerUrl& url, std::string username, std::string password);

// The ICE servers of a call, as IceConfig takes them.
struct IceServers {
    std::optional<IceServer> stun; // libnice takes one; the first stun: URL wins
    std::vector<TurnServer> turn;
};

// Adds what one URL names (a WebRTC RTCIceServer entry has several URLs that
// share one username and credential), its host resolved.
std::optional<TransportError> addIceServer(IceServers& servers, std::string_view url, const std::string& username,
                                           const std::string& password);

} // namespace spoke::transport
