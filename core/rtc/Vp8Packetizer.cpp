#include "rtc/Vp8Packetizer.h"

namespace spoke::rtc {

std::vector<std::vector<std::uint8_t>> Vp8Packetizer::packetize(std::span<const std::uint8_t> frame,
                                                                const Vp8Descriptor& frameDescriptor) const
{
    std::vector<std::vector<std::uint8_t>> payloads;
    Vp8Descriptor d = frameDescriptor;
    d.partitionIndex = 0;
    const std::size_t headerBytes = d.size();
    if (frame.empty() || maxPayloadBytes_ <= headerBytes)
        return payloads;
    const std::size_t room = maxPayloadBytes_ - headerBytes;
    const std::size_t count = (frame.size() + room - 1) / room;
    const std::size_t base = frame.size() / count;
    const std::size_t withExtraByte = frame.size() % count;
    std::size_t offset = 0;
    payloads.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t bytes = base + (i < withExtraByte ? 1 : 0);
        d.startOfPartition = i == 0;
        std::vector<std::uint8_t> payload;
        payload.reserve(headerBytes + bytes);
        d.write(payload);
        payload.insert(payload.end(), frame.begin() + static_cast<std::ptrdiff_t>(offset),
                       frame.begin() + static_cast<std::ptrdiff_t>(offset + bytes));
        offset += bytes;
        payloads.push_back(std::move(payload));
    }
    return payloads;
}

} // namespace spoke::rtc
