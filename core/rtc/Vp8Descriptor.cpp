#include "rtc/Vp8Descriptor.h"

#include <string>

namespace spoke::rtc {

Expected<Vp8Descriptor::Parsed> Vp8Descriptor::parse(std::span<const std::uint8_t> payload)
{
    if (payload.empty())
        return RtcError("VP8 payload is empty");
    Parsed out;
    Vp8Descriptor& d = out.descriptor;
    std::size_t i = 0;
    const std::uint8_t b0 = payload[i++];
    d.nonReference = (b0 & 0x20) != 0;
    d.startOfPartition = (b0 & 0x10) != 0;
    d.partitionIndex = b0 & 0x07;
    auto need = [&](std::size_t n) { return i + n <= payload.size(); };
    if (b0 & 0x80) {
        if (!need(1))
            return RtcError("VP8 descriptor sets X but the payload ends before the extension byte");
        const std::uint8_t x = payload[i++];
        const bool hasPictureId = (x & 0x80) != 0;
        const bool hasTl0 = (x & 0x40) != 0;
        const bool hasTid = (x & 0x20) != 0;
        const bool hasKeyIdx = (x & 0x10) != 0;
        if (hasPictureId) {
            if (!need(1))
                return RtcError("VP8 descriptor sets I but has no picture id");
            const std::uint8_t p0 = payload[i++];
            d.longPictureId = (p0 & 0x80) != 0;
            if (d.longPictureId) {
                if (!need(1))
                    return RtcError("VP8 descriptor has a 15-bit picture id cut off after one byte");
                d.pictureId = static_cast<std::uint16_t>(((p0 & 0x7F) << 8) | payload[i++]);
            } else {
                d.pictureId = p0 & 0x7F;
            }
        }
        if (hasTl0) {
            if (!need(1))
                return RtcError("VP8 descriptor sets L but has no TL0PICIDX");
            d.tl0PicIdx = payload[i++];
        }
        if (hasTid || hasKeyIdx) {
            if (!need(1))
                return RtcError("VP8 descriptor sets T or K but has no TID/KEYIDX byte");
            const std::uint8_t t = payload[i++];
            if (hasTid) {
                d.temporalId = static_cast<std::uint8_t>(t >> 6);
                d.layerSync = (t & 0x20) != 0;
            }
            if (hasKeyIdx)
                d.keyIndex = t & 0x1F;
        }
    }
    out.headerBytes = i;
    return out;
}

std::size_t Vp8Descriptor::size() const
{
    const bool extended = pictureId || tl0PicIdx || temporalId || keyIndex;
    if (!extended)
        return 1;
    return 2 + (pictureId ? (longPictureId ? 2 : 1) : 0) + (tl0PicIdx ? 1 : 0) + (temporalId || keyIndex ? 1 : 0);
}

void Vp8Descriptor::write(std::vector<std::uint8_t>& out) const
{
    const bool extended = pictureId || tl0PicIdx || temporalId || keyIndex;
    out.push_back(static_cast<std::uint8_t>((extended ? 0x80 : 0) | (nonReference ? 0x20 : 0)
                                            | (startOfPartition ? 0x10 : 0) | (partitionIndex & 0x07)));
    if (!extended)
        return;
    out.push_back(static_cast<std::uint8_t>((pictureId ? 0x80 : 0) | (tl0PicIdx ? 0x40 : 0) | (temporalId ? 0x20 : 0)
                                            | (keyIndex ? 0x10 : 0)));
    if (pictureId) {
        if (longPictureId) {
            out.push_back(static_cast<std::uint8_t>(0x80 | ((*pictureId >> 8) & 0x7F)));
            out.push_back(static_cast<std::uint8_t>(*pictureId));
        } else {
            out.push_back(static_cast<std::uint8_t>(*pictureId & 0x7F));
        }
    }
    if (tl0PicIdx)
        out.push_back(*tl0PicIdx);
    if (temporalId || keyIndex)
        out.push_back(static_cast<std::uint8_t>(((temporalId.value_or(0) & 0x3) << 6) | (layerSync ? 0x20 : 0)
                                                | (keyIndex.value_or(0) & 0x1F)));
}

Expected<Vp8FrameHeader> Vp8FrameHeader::parse(std::span<const std::uint8_t> frameStart)
{
    if (frameStart.size() < 3)
        return RtcError("VP8 frame starts with " + std::to_string(frameStart.size())
                        + " bytes, too few for the 3-byte frame tag");
    Vp8FrameHeader h;
    const std::uint32_t tag = frameStart[0] | (frameStart[1] << 8) | (frameStart[2] << 16);
    h.keyframe = (tag & 0x1) == 0; // P bit: 0 means key frame
    h.version = static_cast<std::uint8_t>((tag >> 1) & 0x7);
    h.showFrame = ((tag >> 4) & 0x1) != 0;
    h.firstPartitionBytes = tag >> 5;
    if (!h.keyframe)
        return h;
    if (frameStart.size() < 10)
        return RtcError("VP8 key frame header is " + std::to_string(frameStart.size()) + " bytes, needs 10");
    if (frameStart[3] != 0x9d || frameStart[4] != 0x01 || frameStart[5] != 0x2a)
        return RtcError("VP8 key frame lacks the 9d 01 2a start code");
    h.width = static_cast<std::uint16_t>((frameStart[6] | (frameStart[7] << 8)) & 0x3FFF);
    h.height = static_cast<std::uint16_t>((frameStart[8] | (frameStart[9] << 8)) & 0x3FFF);
    return h;
}

} // namespace spoke::rtc
