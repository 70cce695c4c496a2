#include "rtc/RtpPacket.h"

#include "rtc/ByteReader.h"
#include "rtc/ByteWriter.h"

#include <algorithm>
#include <string>

namespace spoke::rtc {

namespace {

bool needsTwoByteForm(const std::vector<RtpExtension>& extensions)
{
    return std::any_of(extensions.begin(), extensions.end(),
                       [](const RtpExtension& e) { return e.id > 14 || e.data.empty() || e.data.size() > 16; });
}

// Parses an RFC 8285 extension block; `twoByte` selects the element form.
std::optional<std::string> parseElements(std::span<const std::uint8_t> block, bool twoByte,
                                         std::vector<RtpExtension>& out)
{
    std::size_t i = 0;
    while (i < block.size()) {
        const std::uint8_t first = block[i];
        if (first == 0) { // padding between elements
            ++i;
            continue;
        }
        std::uint8_t id = 0;
        std::size_t length = 0;
        if (twoByte) {
            if (i + 2 > block.size())
                return "two-byte header extension element cut off after its id";
            id = first;
            length = block[i + 1];
            i += 2;
        } else {
            id = first >> 4;
            if (id == 15) // RFC 8285 4.2: reserved, stop parsing here
                break;
            length = static_cast<std::size_t>(first & 0x0F) + 1;
            i += 1;
        }
        if (i + length > block.size())
            return "header extension element " + std::to_string(id) + " claims " + std::to_string(length)
                   + " bytes but only " + std::to_string(block.size() - i) + " remain";
        out.push_back({id, std::vector<std::uint8_t>(block.begin() + static_cast<std::ptrdiff_t>(i),
                                                     block.begin() + static_cast<std::ptrdiff_t>(i + length))});
        i += length;
    }
    return std::nullopt;
}

} // namespace

bool looksLikeRtcp(std::span<const std::uint8_t> bytes)
{
    return bytes.size() >= 4 && (bytes[0] >> 6) == 2 && bytes[1] >= 192 && bytes[1] <= 223;
}

Expected<RtpPacket> RtpPacket::parse(std::span<const std::uint8_t> bytes)
{
    ByteReader r(bytes);
    const std::uint8_t b0 = r.u8();
    const std::uint8_t b1 = r.u8();
    RtpPacket p;
    p.sequenceNumber = r.u16();
    p.timestamp = r.u32();
    p.ssrc = r.u32();
    if (!r.ok())
        return RtcError("RTP packet of " + std::to_string(bytes.size()) + " bytes is shorter than the 12-byte header");
    if ((b0 >> 6) != 2)
        return RtcError("RTP version is " + std::to_string(b0 >> 6) + ", expected 2");
    const bool padding = (b0 & 0x20) != 0;
    const bool hasExtension = (b0 & 0x10) != 0;
    const int csrcCount = b0 & 0x0F;
    p.marker = (b1 & 0x80) != 0;
    p.payloadType = b1 & 0x7F;
    for (int i = 0; i < csrcCount; ++i)
        p.csrcs.push_back(r.u32());
    if (!r.ok())
        return RtcError("RTP header announces " + std::to_string(csrcCount) + " CSRCs but the packet ends first");
    if (hasExtension) {
        const std::uint16_t profile = r.u16();
        const std::size_t words = r.u16();
        const auto block = r.bytes(words * 4);
        if (!r.ok())
            return RtcError("RTP header extension of " + std::to_string(words)
                            + " words runs past the end of the packet");
        if (profile == kOneByteProfile || (profile & 0xFFF0) == kTwoByteProfile) {
            p.twoByteExtensions = profile != kOneByteProfile;
            if (auto error = parseElements(block, p.twoByteExtensions, p.extensions))
                return RtcError("RTP " + *error);
        } else {
            p.opaqueExtensionProfile = profile;
            p.opaqueExtensionData.assign(block.begin(), block.end());
        }
    }
    std::size_t payloadBytes = r.remaining();
    if (padding) {
        const std::uint8_t count = payloadBytes > 0 ? bytes.back() : 0;
        if (count == 0 || count > payloadBytes)
            return RtcError("RTP padding count " + std::to_string(count) + " does not fit the "
                            + std::to_string(payloadBytes) + " bytes after the header");
        p.paddingBytes = count;
        payloadBytes -= count;
    }
    const auto payload = r.bytes(payloadBytes);
    p.payload.assign(payload.begin(), payload.end());
    return p;
}

std::size_t RtpPacket::headerBytes() const
{
    std::size_t size = kFixedHeaderBytes + 4 * csrcs.size();
    if (opaqueExtensionProfile) {
        size += 4 + opaqueExtensionData.size();
    } else if (!extensions.empty()) {
        const bool twoByte = twoByteExtensions || needsTwoByteForm(extensions);
        std::size_t block = 0;
        for (const auto& e : extensions)
            block += (twoByte ? 2 : 1) + e.data.size();
        size += 4 + (block + 3) / 4 * 4;
    }
    return size;
}

std::vector<std::uint8_t> RtpPacket::serialize() const
{
    std::vector<std::uint8_t> out;
    out.reserve(headerBytes() + payload.size() + paddingBytes);
    ByteWriter w(out);
    const bool hasExtension = opaqueExtensionProfile.has_value() || !extensions.empty();
    w.u8(0x80 | (paddingBytes > 0 ? 0x20 : 0) | (hasExtension ? 0x10 : 0) | (csrcs.size() & 0x0F));
    w.u8((marker ? 0x80 : 0) | (payloadType & 0x7F));
    w.u16(sequenceNumber);
    w.u32(timestamp);
    w.u32(ssrc);
    for (std::size_t i = 0; i < std::min<std::size_t>(csrcs.size(), 15); ++i)
        w.u32(csrcs[i]);
    if (opaqueExtensionProfile) {
        w.u16(*opaqueExtensionProfile);
        w.u16(static_cast<std::uint32_t>((opaqueExtensionData.size() + 3) / 4));
        w.bytes(opaqueExtensionData);
        w.padTo32Bits(out.size() - opaqueExtensionData.size());
    } else if (!extensions.empty()) {
        const bool twoByte = twoByteExtensions || needsTwoByteForm(extensions);
        w.u16(twoByte ? kTwoByteProfile : kOneByteProfile);
        const std::size_t lengthAt = w.size();
        w.u16(0);
        const std::size_t start = w.size();
        for (const auto& e : extensions) {
            if (twoByte) {
                w.u8(e.id);
                w.u8(static_cast<std::uint32_t>(std::min<std::size_t>(e.data.size(), 255)));
                w.bytes(std::span(e.data).first(std::min<std::size_t>(e.data.size(), 255)));
            } else {
                w.u8(static_cast<std::uint32_t>((e.id << 4) | ((e.data.size() - 1) & 0x0F)));
                w.bytes(e.data);
            }
        }
        w.padTo32Bits(start);
        w.patchU16(lengthAt, static_cast<std::uint32_t>((w.size() - start) / 4));
    }
    w.bytes(payload);
    if (paddingBytes > 0) {
        w.zeros(paddingBytes - 1u);
        w.u8(paddingBytes);
    }
    return out;
}

const RtpExtension* RtpPacket::extension(std::uint8_t id) const
{
    for (const auto& e : extensions)
        if (e.id == id)
            return &e;
    return nullptr;
}

void RtpPacket::setExtension(std::uint8_t id, std::vector<std::uint8_t> data)
{
    for (auto& e : extensions) {
        if (e.id == id) {
            e.data = std::move(data);
            return;
        }
    }
    extensions.push_back({id, std::move(data)});
}

void RtpPacket::removeExtension(std::uint8_t id)
{
    std::erase_if(extensions, [id](const RtpExtension& e) { return e.id == id; });
}

} // namespace spoke::rtc
