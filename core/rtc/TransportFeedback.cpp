#include "rtc/TransportFeedback.h"

#include "rtc/ByteReader.h"
#include "rtc/ByteWriter.h"

#include <algorithm>
#include <string>

namespace spoke::rtc {

namespace {

enum Symbol : std::uint8_t { NotReceived = 0, Small = 1, Large = 2, Reserved = 3 };

Symbol symbolOf(const TransportFeedback::PacketStatus& s)
{
    if (!s.received)
        return NotReceived;
    return s.deltaTicks >= 0 && s.deltaTicks <= 255 ? Small : Large;
}

std::int32_t signExtend24(std::uint32_t v)
{
    return static_cast<std::int32_t>(v << 8) >> 8;
}

constexpr std::size_t kMaxRunLength = 0x1FFF;

} // namespace

Expected<TransportFeedback> TransportFeedback::parseFci(std::uint32_t senderSsrc, std::uint32_t mediaSsrc,
                                                        std::span<const std::uint8_t> fci)
{
    ByteReader r(fci);
    TransportFeedback fb;
    fb.senderSsrc = senderSsrc;
    fb.mediaSsrc = mediaSsrc;
    fb.baseSequenceNumber = r.u16();
    const std::size_t statusCount = r.u16();
    fb.referenceTime = signExtend24(r.u24());
    fb.feedbackPacketCount = r.u8();
    if (!r.ok())
        return RtcError("transport-cc feedback is " + std::to_string(fci.size())
                        + " bytes, shorter than its 8-byte fixed part");

    std::vector<Symbol> symbols;
    symbols.reserve(statusCount);
    while (symbols.size() < statusCount) {
        const std::uint16_t chunk = r.u16();
        if (!r.ok())
            return RtcError("transport-cc feedback announces " + std::to_string(statusCount)
                            + " packet statuses but its chunks end after " + std::to_string(symbols.size()));
        const std::size_t left = statusCount - symbols.size();
        if ((chunk & 0x8000) == 0) { // run length chunk
            const auto symbol = static_cast<Symbol>((chunk >> 13) & 0x3);
            if (symbol == Reserved)
                return RtcError("transport-cc run-length chunk uses the reserved status 3");
            const std::size_t run = chunk & kMaxRunLength;
            if (run == 0)
                return RtcError("transport-cc run-length chunk has a run of 0 packets");
            symbols.insert(symbols.end(), std::min(run, left), symbol);
        } else if ((chunk & 0x4000) == 0) { // 14 one-bit symbols
            for (int i = 13; i >= 0 && symbols.size() < statusCount; --i)
                symbols.push_back(static_cast<Symbol>((chunk >> i) & 0x1));
        } else { // 7 two-bit symbols
            for (int i = 6; i >= 0 && symbols.size() < statusCount; --i) {
                const auto symbol = static_cast<Symbol>((chunk >> (2 * i)) & 0x3);
                if (symbol == Reserved)
                    return RtcError("transport-cc status vector uses the reserved status 3");
                symbols.push_back(symbol);
            }
        }
    }

    fb.packets.reserve(statusCount);
    for (const Symbol s : symbols) {
        PacketStatus status;
        if (s == Small) {
            status.received = true;
            status.deltaTicks = r.u8();
        } else if (s == Large) {
            status.received = true;
            status.deltaTicks = static_cast<std::int16_t>(r.u16());
        }
        if (!r.ok())
            return RtcError("transport-cc feedback ends before the receive delta of packet "
                            + std::to_string(static_cast<std::uint16_t>(fb.baseSequenceNumber + fb.packets.size())));
        fb.packets.push_back(status);
    }
    // What remains is padding to the 32-bit boundary.
    return fb;
}

void TransportFeedback::writeFci(ByteWriter& w) const
{
    const std::size_t start = w.size();
    const std::size_t count = std::min<std::size_t>(packets.size(), 0xFFFF);
    w.u16(baseSequenceNumber);
    w.u16(static_cast<std::uint32_t>(count));
    w.u24(static_cast<std::uint32_t>(referenceTime) & 0xFFFFFF);
    w.u8(feedbackPacketCount);

    std::vector<Symbol> symbols(count);
    for (std::size_t i = 0; i < count; ++i)
        symbols[i] = symbolOf(packets[i]);

    // Greedy chunking: a run of 7+ equal symbols is cheapest as run-length
    // (it would fill a two-bit vector anyway); otherwise pack as many as fit
    // a one-bit vector (14, if no large delta) or a two-bit vector (7).
    std::size_t i = 0;
    while (i < count) {
        std::size_t run = 1;
        while (i + run < count && symbols[i + run] == symbols[i] && run < kMaxRunLength)
            ++run;
        const std::size_t oneBitSpan = std::min<std::size_t>(14, count - i);
        const bool fitsOneBit = std::all_of(symbols.begin() + static_cast<std::ptrdiff_t>(i),
                                            symbols.begin() + static_cast<std::ptrdiff_t>(i + oneBitSpan),
                                            [](Symbol s) { return s != Large; });
        if (run >= 14 || (run >= 7 && !fitsOneBit) || run == count - i) {
            w.u16(static_cast<std::uint32_t>((symbols[i] << 13) | run));
            i += run;
        } else if (fitsOneBit) {
            std::uint32_t chunk = 0x8000;
            for (std::size_t k = 0; k < oneBitSpan; ++k)
                chunk |= static_cast<std::uint32_t>(symbols[i + k]) << (13 - k);
            w.u16(chunk);
            i += oneBitSpan;
        } else {
            const std::size_t n = std::min<std::size_t>(7, count - i);
            std::uint32_t chunk = 0xC000;
            for (std::size_t k = 0; k < n; ++k)
                chunk |= static_cast<std::uint32_t>(symbols[i + k]) << (2 * (6 - k));
            w.u16(chunk);
            i += n;
        }
    }
    for (std::size_t k = 0; k < count; ++k) {
        if (symbols[k] == Small)
            w.u8(static_cast<std::uint32_t>(packets[k].deltaTicks));
        else if (symbols[k] == Large)
            w.u16(static_cast<std::uint16_t>(packets[k].deltaTicks));
    }
    w.padTo32Bits(start);
}

std::vector<TransportFeedback::Arrival> TransportFeedback::arrivals() const
{
    std::vector<Arrival> out;
    std::int64_t timeUs = std::int64_t{referenceTime} * kReferenceTickUs;
    for (std::size_t i = 0; i < packets.size(); ++i) {
        if (!packets[i].received)
            continue;
        timeUs += std::int64_t{packets[i].deltaTicks} * kDeltaTickUs;
        out.push_back({static_cast<std::uint16_t>(baseSequenceNumber + i), timeUs});
    }
    return out;
}

TransportFeedbackBuilder::TransportFeedbackBuilder(std::uint32_t senderSsrc, std::uint32_t mediaSsrc,
                                                   std::uint8_t feedbackPacketCount)
{
    feedback_.senderSsrc = senderSsrc;
    feedback_.mediaSsrc = mediaSsrc;
    feedback_.feedbackPacketCount = feedbackPacketCount;
}

bool TransportFeedbackBuilder::addReceivedPacket(std::uint16_t sequenceNumber, std::int64_t arrivalTimeUs)
{
    affinity_.assertOwner();
    if (!lastSequence_) {
        const std::int64_t ticks =
            arrivalTimeUs >= 0
                ? arrivalTimeUs / TransportFeedback::kReferenceTickUs
                : -((-arrivalTimeUs + TransportFeedback::kReferenceTickUs - 1) / TransportFeedback::kReferenceTickUs);
        // Only differences matter to the sender, so the 24-bit field may wrap.
        feedback_.referenceTime = static_cast<std::int32_t>(static_cast<std::uint32_t>(ticks & 0xFFFFFF) << 8) >> 8;
        feedback_.baseSequenceNumber = sequenceNumber;
        cursorUs_ = ticks * TransportFeedback::kReferenceTickUs;
        lastSequence_ = sequenceNumber;
        const std::int64_t delta = (arrivalTimeUs - cursorUs_) / TransportFeedback::kDeltaTickUs;
        feedback_.packets.push_back({true, static_cast<std::int16_t>(delta)});
        cursorUs_ += delta * TransportFeedback::kDeltaTickUs;
        return true;
    }
    const auto step = static_cast<std::uint16_t>(sequenceNumber - static_cast<std::uint16_t>(*lastSequence_));
    if (step == 0 || step >= 0x8000 || feedback_.packets.size() + step > 0xFFFF)
        return false;
    const std::int64_t delta = (arrivalTimeUs - cursorUs_) / TransportFeedback::kDeltaTickUs;
    if (delta < INT16_MIN || delta > INT16_MAX)
        return false;
    feedback_.packets.insert(feedback_.packets.end(), step - 1u, TransportFeedback::PacketStatus{});
    feedback_.packets.push_back({true, static_cast<std::int16_t>(delta)});
    cursorUs_ += delta * TransportFeedback::kDeltaTickUs;
    *lastSequence_ += step;
    return true;
}

} // namespace spoke::rtc
