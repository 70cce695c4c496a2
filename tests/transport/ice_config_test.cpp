// What ICE is given before it runs: the addresses it gathers on when no
// interface is pinned, and ICE server URLs (RFC 7064, RFC 7065) turned into
// what libnice takes.

#include "transport/IceAgent.h"
#include "transport/IceServerUrl.h"

#include <catch2/catch.hpp>

using namespace spoke::transport;

TEST_CASE("ICE gathers on every address that is up, IPv6 included, never loopback or link-local", "[transport][ice]")
{
    const std::vector<InterfaceAddress> addresses{
        {"lo", "127.0.0.1", false, true, true, false},       {"lo", "::1", true, true, true, false},
        {"eth0", "192.168.1.20", false, true, false, false}, {"eth0", "2001:db8::20", true, true, false, false},
        {"eth0", "fe80::1", true, true, false, true},        {"wlan0", "10.0.0.5", false, false, false, false}, // down
        {"eth1", "169.254.3.3", false, true, false, true},
    };
    CHECK(usableIceAddresses(addresses) == std::vector<std::string>{"192.168.1.20", "2001:db8::20"});
    CHECK(usableIceAddresses({}).empty());
}

TEST_CASE("this machine's addresses are listed with loopback marked", "[transport][ice]")
{
    const auto addresses = listInterfaceAddresses();
    const bool loopbackMarked = std::any_of(addresses.begin(), addresses.end(), [](const InterfaceAddress& a) {
        return a.address == "127.0.0.1" && a.loopback;
    });
    CHECK(loopbackMarked);
    for (const std::string& usable : usableIceAddresses(addresses))
        CHECK(usable != "127.0.0.1");
}

TEST_CASE("ICE server URLs: schemes, default ports, transports and IPv6 hosts", "[transport][ice]")
{
    auto url = parseIceServerUrl("stun:stun.example.org");
    REQUIRE(url.ok());
    CHECK(url->scheme == IceServerUrl::Scheme::Stun);
    CHECK(url->host == "stun.example.org");
    CHECK(url->port == 3478);

    url = parseIceServerUrl("turn:10.78.0.1:3479?transport=tcp");
    REQUIRE(url.ok());
    CHECK(url->scheme == IceServerUrl::Scheme::Turn);
    CHECK(url->host == "10.78.0.1");
    CHECK(url->port == 3479);
    CHECK(url->transport == TurnServer::Transport::Tcp);

    url = parseIceServerUrl("turn:[2001:db8::7]?transport=udp");
    REQUIRE(url.ok());
    CHECK(url->host == "2001:db8::7");
    CHECK(url->port == 3478);
    CHECK(url->transport == TurnServer::Transport::Udp);

    url = parseIceServerUrl("turns:turn.example.org");
    REQUIRE(url.ok());
    CHECK(url->port == 5349);
    CHECK(url->transport == TurnServer::Transport::Tls);
}

TEST_CASE("ICE server URLs that are not one are refused with the reason", "[transport][ice]")
{
    for (const char* text : {"http://turn.example.org", "turn:", "turn:host:0", "turn:host:70000",
                             "turn:host:", "turn:host?transport=sctp", "stun:host?transport=udp", "turn:[2001:db8::7",
                             "turn:[not-v6]:3478", "turn:ho st", "turns:host?transport=udp"}) {
        INFO(text);
        const auto url = parseIceServerUrl(text);
        REQUIRE_FALSE(url.ok());
        CHECK(url.error().message.find(text) != std::string::npos);
    }
}

TEST_CASE("a TURN server for libnice carries an address and the credentials", "[transport][ice]")
{
    const auto url = parseIceServerUrl("turn:127.0.0.1:3478?transport=tcp");
    REQUIRE(url.ok());
    const auto turn = turnServerFrom(*url, "1796900000:7", "c2VjcmV0");
    REQUIRE(turn.ok());
    CHECK(turn->address == "127.0.0.1");
    CHECK(turn->port == 3478);
    CHECK(turn->username == "1796900000:7");
    CHECK(turn->password == "c2VjcmV0");
    CHECK(turn->transport == TurnServer::Transport::Tcp);
    CHECK_FALSE(turnServerFrom(*parseIceServerUrl("stun:127.0.0.1"), "u", "p").ok());
    CHECK(resolveIceHost("::1").ok());
    CHECK(*resolveIceHost("::1") == "::1");
}

TEST_CASE("ICE servers of a call: the first STUN server, every TURN URL with its credentials", "[transport][ice]")
{
    IceServers servers;
    CHECK_FALSE(addIceServer(servers, "stun:127.0.0.1:3478", "", ""));
    CHECK_FALSE(addIceServer(servers, "stun:127.0.0.2", "", ""));
    CHECK_FALSE(addIceServer(servers, "turn:127.0.0.1?transport=udp", "1:7", "cred"));
    CHECK_FALSE(addIceServer(servers, "turn:127.0.0.1?transport=tcp", "1:7", "cred"));
    REQUIRE(servers.stun);
    CHECK(servers.stun->address == "127.0.0.1");
    REQUIRE(servers.turn.size() == 2);
    CHECK(servers.turn[0].transport == TurnServer::Transport::Udp);
    CHECK(servers.turn[1].transport == TurnServer::Transport::Tcp);
    const auto refused = addIceServer(servers, "turn:127.0.0.1", "", "");
    REQUIRE(refused);
    CHECK(refused->message.find("needs a username") != std::string::npos);
}
