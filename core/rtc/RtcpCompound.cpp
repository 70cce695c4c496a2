#include "rtc/RtcpCompound.h"

#include "rtc/ByteReader.h"
#include "rtc/ByteWriter.h"

#include <algorithm>
#include <string>

namespace spoke::rtc {

namespace {

constexpr std::size_t kReportBlockBytes = 24;
constexpr std::uint8_t kSdesCname = 1;

std::string typeName(std::uint8_t pt, std::uint8_t fmt)
{
    switch (pt) {
    case rtcp::kSenderReport: return "SR";
    case rtcp::kReceiverReport: return "RR";
    case rtcp::kSdes: return "SDES";
    case rtcp::kBye: return "BYE";
    case rtcp::kRtpFeedback:
        return fmt == rtcp::kFmtNack ? "NACK" : fmt == rtcp::kFmtTransportCc ? "transport-cc" : "RTPFB";
    case rtcp::kPayloadFeedback: return fmt == rtcp::kFmtPli ? "PLI" : fmt == rtcp::kFmtFir ? "FIR" : "PSFB";
    default: return "RTCP type " + std::to_string(pt);
    }
}

ReportBlock readReportBlock(ByteReader& r)
{
    ReportBlock b;
    b.ssrc = r.u32();
    b.fractionLost = r.u8();
    b.cumulativeLost = static_cast<std::int32_t>(r.u24() << 8) >> 8;
    b.extendedHighestSequence = r.u32();
    b.jitter = r.u32();
    b.lastSenderReport = r.u32();
    b.delaySinceLastSenderReport = r.u32();
    return b;
}

void writeReportBlock(ByteWriter& w, const ReportBlock& b)
{
    w.u32(b.ssrc);
    w.u8(b.fractionLost);
    // Clamp to what 24 signed bits hold (RFC 3550 6.4.1).
    w.u24(static_cast<std::uint32_t>(std::clamp(b.cumulativeLost, -0x800000, 0x7FFFFF)) & 0xFFFFFF);
    w.u32(b.extendedHighestSequence);
    w.u32(b.jitter);
    w.u32(b.lastSenderReport);
    w.u32(b.delaySinceLastSenderReport);
}

Expected<std::vector<ReportBlock>> readReportBlocks(ByteReader& r, int count, const char* what)
{
    if (r.remaining() < static_cast<std::size_t>(count) * kReportBlockBytes)
        return RtcError(std::string(what) + " announces " + std::to_string(count) + " report blocks but has room for "
                        + std::to_string(r.remaining() / kReportBlockBytes));
    std::vector<ReportBlock> blocks;
    for (int i = 0; i < count; ++i)
        blocks.push_back(readReportBlock(r));
    return blocks;
}

Expected<RtcpPacket> parseSdes(std::span<const std::uint8_t> body, int count)
{
    Sdes sdes;
    ByteReader r(body);
    for (int c = 0; c < count; ++c) {
        const std::size_t chunkStart = r.position();
        SdesChunk chunk;
        chunk.ssrc = r.u32();
        if (!r.ok())
            return RtcError("SDES announces " + std::to_string(count) + " chunks but ends after " + std::to_string(c));
        while (true) {
            const std::uint8_t type = r.u8();
            if (!r.ok())
                return RtcError("SDES chunk for SSRC " + std::to_string(chunk.ssrc) + " has no terminating null item");
            if (type == 0)
                break;
            const std::uint8_t length = r.u8();
            const auto text = r.bytes(length);
            if (!r.ok())
                return RtcError("SDES item of type " + std::to_string(type) + " claims " + std::to_string(length)
                                + " bytes past the end of the packet");
            if (type == kSdesCname)
                chunk.cname.assign(text.begin(), text.end());
        }
        // Chunks end on a 32-bit boundary; the null bytes up to it are padding.
        while ((r.position() - chunkStart) % 4 != 0 && r.remaining() > 0)
            (void)r.u8();
        sdes.chunks.push_back(std::move(chunk));
    }
    return RtcpPacket(std::move(sdes));
}

Expected<RtcpPacket> parseFeedback(std::uint8_t pt, std::uint8_t fmt, std::span<const std::uint8_t> body)
{
    ByteReader r(body);
    const std::uint32_t sender = r.u32();
    const std::uint32_t media = r.u32();
    if (!r.ok())
        return RtcError(typeName(pt, fmt) + " is shorter than its two SSRCs");
    const auto fci = body.subspan(8);
    if (pt == rtcp::kRtpFeedback && fmt == rtcp::kFmtNack) {
        if (fci.empty() || fci.size() % 4 != 0)
            return RtcError("NACK has " + std::to_string(fci.size()) + " bytes of PID/BLP pairs, not a multiple of 4");
        Nack nack{sender, media, {}};
        for (; r.remaining() >= 4;) {
            const std::uint16_t pid = r.u16();
            const std::uint16_t blp = r.u16();
            nack.sequenceNumbers.push_back(pid);
            for (int bit = 0; bit < 16; ++bit)
                if (blp & (1u << bit))
                    nack.sequenceNumbers.push_back(static_cast<std::uint16_t>(pid + bit + 1));
        }
        return RtcpPacket(std::move(nack));
    }
    if (pt == rtcp::kRtpFeedback && fmt == rtcp::kFmtTransportCc) {
        auto fb = TransportFeedback::parseFci(sender, media, fci);
        if (!fb)
            return fb.error();
        return RtcpPacket(std::move(*fb));
    }
    if (pt == rtcp::kPayloadFeedback && fmt == rtcp::kFmtPli)
        return RtcpPacket(Pli{sender, media});
    if (pt == rtcp::kPayloadFeedback && fmt == rtcp::kFmtFir) {
        if (fci.size() % 8 != 0)
            return RtcError("FIR has " + std::to_string(fci.size()) + " bytes of entries, not a multiple of 8");
        Fir fir{sender, {}};
        while (r.remaining() >= 8) {
            FirEntry e;
            e.ssrc = r.u32();
            e.sequenceNumber = r.u8();
            (void)r.u24();
            fir.entries.push_back(e);
        }
        return RtcpPacket(std::move(fir));
    }
    if (pt == rtcp::kPayloadFeedback && fmt == rtcp::kFmtAfb && fci.size() >= 8 && fci[0] == 'R' && fci[1] == 'E'
        && fci[2] == 'M' && fci[3] == 'B') {
        (void)r.u32();
        const std::uint8_t count = r.u8();
        const std::uint32_t bits = r.u24();
        const int exponent = static_cast<int>(bits >> 18);
        const std::uint64_t mantissa = bits & 0x3FFFF;
        Remb remb{sender, 0, {}};
        // 18-bit mantissa shifted by up to 63 can overflow 64 bits; saturate.
        remb.bitrateBps = exponent > 46 && mantissa != 0 ? UINT64_MAX : mantissa << exponent;
        for (int i = 0; i < count; ++i)
            remb.ssrcs.push_back(r.u32());
        if (!r.ok())
            return RtcError("REMB lists " + std::to_string(count) + " SSRCs but the packet ends first");
        return RtcpPacket(std::move(remb));
    }
    return RtcpPacket(UnknownRtcp{pt, fmt, std::vector<std::uint8_t>(body.begin(), body.end())});
}

Expected<RtcpPacket> parseOne(std::uint8_t pt, std::uint8_t count, std::span<const std::uint8_t> body)
{
    ByteReader r(body);
    switch (pt) {
    case rtcp::kSenderReport: {
        SenderReport sr;
        sr.ssrc = r.u32();
        sr.ntpTime = r.u64();
        sr.rtpTimestamp = r.u32();
        sr.packetCount = r.u32();
        sr.octetCount = r.u32();
        if (!r.ok())
            return RtcError("SR is " + std::to_string(body.size() + 4)
                            + " bytes, shorter than its 28-byte sender info");
        auto blocks = readReportBlocks(r, count, "SR");
        if (!blocks)
            return blocks.error();
        sr.reports = std::move(*blocks);
        return RtcpPacket(std::move(sr));
    }
    case rtcp::kReceiverReport: {
        ReceiverReport rr;
        rr.ssrc = r.u32();
        if (!r.ok())
            return RtcError("RR has no room for its sender SSRC");
        auto blocks = readReportBlocks(r, count, "RR");
        if (!blocks)
            return blocks.error();
        rr.reports = std::move(*blocks);
        return RtcpPacket(std::move(rr));
    }
    case rtcp::kSdes: return parseSdes(body, count);
    case rtcp::kBye: {
        Bye bye;
        for (int i = 0; i < count; ++i)
            bye.ssrcs.push_back(r.u32());
        if (!r.ok())
            return RtcError("BYE announces " + std::to_string(count) + " SSRCs but the packet ends first");
        if (r.remaining() > 0) {
            const std::uint8_t length = r.u8();
            const auto text = r.bytes(length);
            if (!r.ok())
                return RtcError("BYE reason claims " + std::to_string(length) + " bytes past the end of the packet");
            bye.reason.assign(text.begin(), text.end());
        }
        return RtcpPacket(std::move(bye));
    }
    case rtcp::kRtpFeedback:
    case rtcp::kPayloadFeedback: return parseFeedback(pt, count, body);
    default: return RtcpPacket(UnknownRtcp{pt, count, std::vector<std::uint8_t>(body.begin(), body.end())});
    }
}

// Header + body with the length field filled in at the end.
class PacketWriter {
public:
    PacketWriter(ByteWriter& w, std::uint8_t countOrFormat, std::uint8_t pt) : w_(w), start_(w.size())
    {
        w_.u8(0x80 | (countOrFormat & 0x1F));
        w_.u8(pt);
        w_.u16(0);
    }
    ~PacketWriter()
    {
        w_.padTo32Bits(start_);
        w_.patchU16(start_ + 2, static_cast<std::uint32_t>((w_.size() - start_) / 4 - 1));
    }
    PacketWriter(const PacketWriter&) = delete;
    PacketWriter& operator=(const PacketWriter&) = delete;

private:
    ByteWriter& w_;
    std::size_t start_;
};

// Packs sequence numbers into PID/BLP pairs. The list is put in circular
// order starting after the largest gap, so a run over the wrap (65534, 65535,
// 0, 1) stays together and the same set always packs to the same bytes.
void writeNackItems(ByteWriter& w, std::vector<std::uint16_t> seqs)
{
    if (seqs.empty())
        return;
    std::sort(seqs.begin(), seqs.end());
    seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
    std::size_t startAt = 0;
    std::uint32_t largestGap = static_cast<std::uint32_t>(seqs.front()) + 0x10000u - seqs.back();
    for (std::size_t k = 1; k < seqs.size(); ++k) {
        const std::uint32_t gap = static_cast<std::uint32_t>(seqs[k] - seqs[k - 1]);
        if (gap > largestGap) {
            largestGap = gap;
            startAt = k;
        }
    }
    std::rotate(seqs.begin(), seqs.begin() + static_cast<std::ptrdiff_t>(startAt), seqs.end());
    std::size_t i = 0;
    while (i < seqs.size()) {
        const std::uint16_t pid = seqs[i++];
        std::uint32_t blp = 0;
        while (i < seqs.size()) {
            const auto offset = static_cast<std::uint16_t>(seqs[i] - pid);
            if (offset < 1 || offset > 16)
                break;
            blp |= 1u << (offset - 1);
            ++i;
        }
        w.u16(pid);
        w.u16(blp);
    }
}

void writeOne(ByteWriter& w, const RtcpPacket& packet)
{
    std::visit(
        [&w](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, SenderReport>) {
                const std::size_t n = std::min<std::size_t>(p.reports.size(), 31);
                PacketWriter pw(w, static_cast<std::uint8_t>(n), rtcp::kSenderReport);
                w.u32(p.ssrc);
                w.u64(p.ntpTime);
                w.u32(p.rtpTimestamp);
                w.u32(p.packetCount);
                w.u32(p.octetCount);
                for (std::size_t i = 0; i < n; ++i)
                    writeReportBlock(w, p.reports[i]);
            } else if constexpr (std::is_same_v<T, ReceiverReport>) {
                const std::size_t n = std::min<std::size_t>(p.reports.size(), 31);
                PacketWriter pw(w, static_cast<std::uint8_t>(n), rtcp::kReceiverReport);
                w.u32(p.ssrc);
                for (std::size_t i = 0; i < n; ++i)
                    writeReportBlock(w, p.reports[i]);
            } else if constexpr (std::is_same_v<T, Sdes>) {
                const std::size_t n = std::min<std::size_t>(p.chunks.size(), 31);
                PacketWriter pw(w, static_cast<std::uint8_t>(n), rtcp::kSdes);
                for (std::size_t i = 0; i < n; ++i) {
                    const std::size_t start = w.size();
                    w.u32(p.chunks[i].ssrc);
                    const std::size_t len = std::min<std::size_t>(p.chunks[i].cname.size(), 255);
                    w.u8(kSdesCname);
                    w.u8(static_cast<std::uint32_t>(len));
                    w.bytes(std::span(reinterpret_cast<const std::uint8_t*>(p.chunks[i].cname.data()), len));
                    w.u8(0); // end of items; at least one null byte, then pad
                    w.padTo32Bits(start);
                }
            } else if constexpr (std::is_same_v<T, Bye>) {
                const std::size_t n = std::min<std::size_t>(p.ssrcs.size(), 31);
                PacketWriter pw(w, static_cast<std::uint8_t>(n), rtcp::kBye);
                for (std::size_t i = 0; i < n; ++i)
                    w.u32(p.ssrcs[i]);
                if (!p.reason.empty()) {
                    const std::size_t len = std::min<std::size_t>(p.reason.size(), 255);
                    w.u8(static_cast<std::uint32_t>(len));
                    w.bytes(std::span(reinterpret_cast<const std::uint8_t*>(p.reason.data()), len));
                }
            } else if constexpr (std::is_same_v<T, Nack>) {
                PacketWriter pw(w, rtcp::kFmtNack, rtcp::kRtpFeedback);
                w.u32(p.senderSsrc);
                w.u32(p.mediaSsrc);
                writeNackItems(w, p.sequenceNumbers);
            } else if constexpr (std::is_same_v<T, Pli>) {
                PacketWriter pw(w, rtcp::kFmtPli, rtcp::kPayloadFeedback);
                w.u32(p.senderSsrc);
                w.u32(p.mediaSsrc);
            } else if constexpr (std::is_same_v<T, Fir>) {
                PacketWriter pw(w, rtcp::kFmtFir, rtcp::kPayloadFeedback);
                w.u32(p.senderSsrc);
                w.u32(0); // RFC 5104 4.3.1.2: media source SSRC unused
                for (const auto& e : p.entries) {
                    w.u32(e.ssrc);
                    w.u8(e.sequenceNumber);
                    w.u24(0);
                }
            } else if constexpr (std::is_same_v<T, Remb>) {
                PacketWriter pw(w, rtcp::kFmtAfb, rtcp::kPayloadFeedback);
                w.u32(p.senderSsrc);
                w.u32(0);
                w.bytes(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>("REMB"), 4));
                const std::size_t n = std::min<std::size_t>(p.ssrcs.size(), 255);
                w.u8(static_cast<std::uint32_t>(n));
                std::uint64_t mantissa = p.bitrateBps;
                std::uint32_t exponent = 0;
                while (mantissa > 0x3FFFF) {
                    mantissa >>= 1;
                    ++exponent;
                }
                w.u24((exponent << 18) | static_cast<std::uint32_t>(mantissa));
                for (std::size_t i = 0; i < n; ++i)
                    w.u32(p.ssrcs[i]);
            } else if constexpr (std::is_same_v<T, TransportFeedback>) {
                PacketWriter pw(w, rtcp::kFmtTransportCc, rtcp::kRtpFeedback);
                w.u32(p.senderSsrc);
                w.u32(p.mediaSsrc);
                p.writeFci(w);
            } else if constexpr (std::is_same_v<T, UnknownRtcp>) {
                PacketWriter pw(w, p.countOrFormat, p.packetType);
                w.bytes(p.body);
            }
        },
        packet);
}

} // namespace

Expected<std::vector<RtcpPacket>> parseRtcpCompound(std::span<const std::uint8_t> bytes)
{
    std::vector<RtcpPacket> packets;
    std::size_t offset = 0;
    if (bytes.empty())
        return RtcError("RTCP datagram is empty");
    while (offset < bytes.size()) {
        ByteReader r(bytes.subspan(offset));
        const std::uint8_t b0 = r.u8();
        const std::uint8_t pt = r.u8();
        const std::size_t words = r.u16();
        if (!r.ok())
            return RtcError("RTCP packet at byte " + std::to_string(offset) + " is cut off inside its 4-byte header");
        if ((b0 >> 6) != 2)
            return RtcError("RTCP packet at byte " + std::to_string(offset) + " has version " + std::to_string(b0 >> 6)
                            + ", expected 2");
        const std::size_t length = (words + 1) * 4;
        if (offset + length > bytes.size())
            return RtcError(typeName(pt, b0 & 0x1F) + " at byte " + std::to_string(offset) + " claims "
                            + std::to_string(length) + " bytes but the datagram has "
                            + std::to_string(bytes.size() - offset) + " left");
        auto body = bytes.subspan(offset + 4, length - 4);
        if (b0 & 0x20) {
            const std::uint8_t padding = body.empty() ? 0 : body.back();
            if (padding == 0 || padding > body.size())
                return RtcError(typeName(pt, b0 & 0x1F) + " has an invalid padding count of "
                                + std::to_string(padding));
            body = body.first(body.size() - padding);
        }
        auto packet = parseOne(pt, b0 & 0x1F, body);
        if (!packet)
            return packet.error();
        packets.push_back(std::move(*packet));
        offset += length;
    }
    return packets;
}

std::vector<std::uint8_t> buildRtcpCompound(const std::vector<RtcpPacket>& packets)
{
    std::vector<std::uint8_t> out;
    ByteWriter w(out);
    for (const auto& p : packets)
        writeOne(w, p);
    return out;
}

} // namespace spoke::rtc
