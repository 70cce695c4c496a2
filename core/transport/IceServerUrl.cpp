#include "transport/IceServerUrl.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <charconv>

namespace spoke::transport {

namespace {

TransportError bad(std::string_view url, const std::string& why)
{
    return {TransportErrorKind::Config, "ICE server URL \"" + std::string(url) + "\" " + why};
}

bool isHostChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

} // namespace

Expected<IceServerUrl> parseIceServerUrl(std::string_view url)
{
    IceServerUrl parsed;
    std::string_view rest;
    if (url.starts_with("stun:")) {
        rest = url.substr(5);
    } else if (url.starts_with("turn:")) {
        parsed.scheme = IceServerUrl::Scheme::Turn;
        rest = url.substr(5);
    } else if (url.starts_with("turns:")) {
        parsed.scheme = IceServerUrl::Scheme::Turns;
        parsed.port = 5349;
        parsed.transport = TurnServer::Transport::Tls;
        rest = url.substr(6);
    } else {
        return bad(url, "does not start with stun:, turn: or turns:");
    }
    if (const auto query = rest.find('?'); query != std::string_view::npos) {
        const std::string_view parameter = rest.substr(query + 1);
        if (parsed.scheme == IceServerUrl::Scheme::Stun)
            return bad(url, "has a query, which stun: URLs do not take");
        if (parameter == "transport=tcp")
            parsed.transport =
                parsed.scheme == IceServerUrl::Scheme::Turns ? TurnServer::Transport::Tls : TurnServer::Transport::Tcp;
        else if (parameter != "transport=udp" || parsed.scheme == IceServerUrl::Scheme::Turns)
            return bad(url, "has a transport other than udp or tcp");
        rest = rest.substr(0, query);
    }
    std::string_view port;
    if (rest.starts_with('[')) {
        const auto close = rest.find(']');
        if (close == std::string_view::npos)
            return bad(url, "has an unclosed [IPv6] host");
        parsed.host = std::string(rest.substr(1, close - 1));
        in6_addr ignored{};
        if (inet_pton(AF_INET6, parsed.host.c_str(), &ignored) != 1)
            return bad(url, "has a bracketed host that is not an IPv6 address");
        rest = rest.substr(close + 1);
        if (!rest.empty() && !rest.starts_with(':'))
            return bad(url, "has text after its host");
        port = rest.empty() ? rest : rest.substr(1);
    } else {
        const auto colon = rest.find(':');
        parsed.host = std::string(rest.substr(0, colon));
        port = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        for (const char c : parsed.host) {
            if (!isHostChar(c))
                return bad(url, "has a host that is not a name or an address");
        }
        if (colon != std::string_view::npos && port.empty())
            return bad(url, "has an empty port");
    }
    if (parsed.host.empty())
        return bad(url, "has no host");
    if (!port.empty()) {
        unsigned value = 0;
        const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (error != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535)
            return bad(url, "has a port that is not 1-65535");
        parsed.port = static_cast<std::uint16_t>(value);
    }
    return parsed;
}

Expected<std::string> resolveIceHost(const std::string& host)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo* found = nullptr;
    if (const int error = getaddrinfo(host.c_str(), nullptr, &hints, &found); error != 0 || !found)
        return TransportError{TransportErrorKind::Config,
                              "ICE server host \"" + host + "\" does not resolve: " + gai_strerror(error)};
    char text[INET6_ADDRSTRLEN] = {};
    const void* address = found->ai_family == AF_INET6
                              ? static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(found->ai_addr)->sin6_addr)
                              : static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(found->ai_addr)->sin_addr);
    inet_ntop(found->ai_family, address, text, sizeof text);
    freeaddrinfo(found);
    return std::string(text);
}

Expected<TurnServer> turnServerFrom(const IceServerUrl& url, std::string username, std::string password)
{
    if (url.scheme == IceServerUrl::Scheme::Stun)
        return TransportError{TransportErrorKind::Config, "a stun: URL is not a TURN server"};
    auto address = resolveIceHost(url.host);
    if (!address)
        return address.error();
    return TurnServer{*address, url.port, std::move(username), std::move(password), url.transport};
}

std::optional<TransportError> addIceServer(IceServers& servers, std::string_view text, const std::string& username,
                                           const std::string& password)
{
    auto url = parseIceServerUrl(text);
    if (!url)
        return url.error();
    if (url->scheme == IceServerUrl::Scheme::Stun) {
        if (servers.stun)
            return std::nullopt;
        auto address = resolveIceHost(url->host);
        if (!address)
            return address.error();
        servers.stun = IceServer{*address, url->port};
        return std::nullopt;
    }
    if (username.empty() || password.empty())
        return TransportError{TransportErrorKind::Config,
                              "TURN server \"" + std::string(text) + "\" needs a username and a credential"};
    auto turn = turnServerFrom(*url, username, password);
    if (!turn)
        return turn.error();
    servers.turn.push_back(std::move(*turn));
    return std::nullopt;
}

} // namespace spoke::transport
