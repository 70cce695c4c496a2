// Any bytes: an RTP packet that serialises back and parses to the same
// value, plus typed extension reads and RTX unwrap, or an error.
#include "rtc/RtpExtensionMap.h"
#include "rtc/RtpPacket.h"
#include "rtc/Rtx.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace spoke::rtc;
    auto packet = RtpPacket::parse({data, size});
    if (!packet)
        return 0;
    auto again = RtpPacket::parse(packet->serialize());
    if (!again || !(again->payload == packet->payload) || again->sequenceNumber != packet->sequenceNumber
        || again->extensions.size() != packet->extensions.size())
        std::abort();
    RtpExtensionMap map;
    for (std::uint8_t id = 1; id <= 6; ++id)
        map.set(static_cast<RtpExtensionKind>(id - 1), id);
    (void)map.mid(*packet);
    (void)map.rid(*packet);
    (void)map.repairedRid(*packet);
    (void)map.absSendTime(*packet);
    (void)map.transportSequenceNumber(*packet);
    (void)map.audioLevel(*packet);
    (void)unwrapRtx(*packet, 96, 1);
    return 0;
}
