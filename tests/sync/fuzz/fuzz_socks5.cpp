// Any bytes as what a client sends the hub link relay (sync::HubLinkRelay):
// the SOCKS5 readers return a request, "more to come" or an error, never a
// crash, and a request they accept never claims more bytes than it was given.
#include "sync/HubLinkRelay.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace spoke;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (const auto greeting = sync::parseSocks5Greeting(bytes); greeting.ok() && greeting->has_value()) {
        if (**greeting > bytes.size())
            std::abort();
    }
    if (const auto request = sync::parseSocks5Connect(bytes); request.ok() && request->has_value()) {
        if ((*request)->consumedBytes > bytes.size() || (*request)->host.isEmpty())
            std::abort();
    }
    return 0;
}
