// Any bytes: compound RTCP (incl. transport-cc) that rebuilds to bytes
// parsing to the same packets, or an error.
#include "rtc/RtcpCompound.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace spoke::rtc;
    auto packets = parseRtcpCompound({data, size});
    if (!packets)
        return 0;
    for (const auto& p : *packets)
        if (const auto* fb = std::get_if<TransportFeedback>(&p))
            (void)fb->arrivals();
    const auto rebuilt = buildRtcpCompound(*packets);
    auto again = parseRtcpCompound(rebuilt);
    if (!again || again->size() != packets->size())
        std::abort();
    // A second rebuild is byte-identical: the first normalised everything.
    if (buildRtcpCompound(*again) != rebuilt)
        std::abort();
    return 0;
}
