#include "rtc/OpusPayload.h"

#include <string>

namespace spoke::rtc {

Expected<OpusPacketInfo> OpusPacketInfo::parse(std::span<const std::uint8_t> payload)
{
    if (payload.empty())
        return RtcError("Opus RTP payload is empty (RFC 7587 requires at least the TOC byte)");
    OpusPacketInfo info;
    const std::uint8_t toc = payload[0];
    const int config = toc >> 3;
    info.stereo = (toc & 0x04) != 0;
    // RFC 6716 table 2.
    static constexpr std::int32_t kSilkUs[4] = {10'000, 20'000, 40'000, 60'000};
    static constexpr std::int32_t kHybridUs[2] = {10'000, 20'000};
    static constexpr std::int32_t kCeltUs[4] = {2'500, 5'000, 10'000, 20'000};
    if (config < 12) {
        info.mode = Mode::Silk;
        info.bandwidth = static_cast<Bandwidth>(config / 4); // NB, MB, WB
        info.frameDurationUs = kSilkUs[config % 4];
    } else if (config < 16) {
        info.mode = Mode::Hybrid;
        info.bandwidth = config < 14 ? Bandwidth::SuperWide : Bandwidth::Full;
        info.frameDurationUs = kHybridUs[config % 2];
    } else {
        info.mode = Mode::Celt;
        static constexpr Bandwidth kCeltBandwidth[4] = {Bandwidth::Narrow, Bandwidth::Wide, Bandwidth::SuperWide,
                                                        Bandwidth::Full};
        info.bandwidth = kCeltBandwidth[(config - 16) / 4];
        info.frameDurationUs = kCeltUs[config % 4];
    }
    switch (toc & 0x03) {
    case 0: info.frameCount = 1; break;
    case 1:
    case 2: info.frameCount = 2; break;
    case 3:
        if (payload.size() < 2)
            return RtcError("Opus code-3 packet has no frame count byte");
        info.frameCount = payload[1] & 0x3F;
        if (info.frameCount == 0)
            return RtcError("Opus code-3 packet declares 0 frames");
        break;
    }
    if (info.durationUs() > 120'000)
        return RtcError("Opus packet holds " + std::to_string(info.durationUs() / 1000)
                        + " ms of audio, more than the 120 ms allowed");
    return info;
}

} // namespace spoke::rtc
