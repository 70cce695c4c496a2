#include "rtc/Rtx.h"

#include <string>

namespace spoke::rtc {

RtpPacket wrapRtx(const RtpPacket& original, std::uint8_t rtxPayloadType, std::uint32_t rtxSsrc,
                  std::uint16_t rtxSequenceNumber)
{
    RtpPacket rtx = original;
    rtx.payloadType = rtxPayloadType;
    rtx.ssrc = rtxSsrc;
    rtx.sequenceNumber = rtxSequenceNumber;
    rtx.paddingBytes = 0;
    rtx.payload.clear();
    rtx.payload.reserve(original.payload.size() + 2);
    rtx.payload.push_back(static_cast<std::uint8_t>(original.sequenceNumber >> 8));
    rtx.payload.push_back(static_cast<std::uint8_t>(original.sequenceNumber));
    rtx.payload.insert(rtx.payload.end(), original.payload.begin(), original.payload.end());
    return rtx;
}

Expected<RtpPacket> unwrapRtx(const RtpPacket& rtx, std::uint8_t originalPayloadType, std::uint32_t originalSsrc)
{
    if (rtx.payload.size() < 2)
        return RtcError("RTX packet (SSRC " + std::to_string(rtx.ssrc) + ", seq " + std::to_string(rtx.sequenceNumber)
                        + ") has " + std::to_string(rtx.payload.size())
                        + " payload bytes, too few for the original sequence number");
    RtpPacket original = rtx;
    original.payloadType = originalPayloadType;
    original.ssrc = originalSsrc;
    original.sequenceNumber = static_cast<std::uint16_t>((rtx.payload[0] << 8) | rtx.payload[1]);
    original.paddingBytes = 0;
    original.payload.assign(rtx.payload.begin() + 2, rtx.payload.end());
    return original;
}

} // namespace spoke::rtc
