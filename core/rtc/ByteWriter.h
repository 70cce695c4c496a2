#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace spoke::rtc {

// Big-endian appends to a byte vector the caller owns.
class ByteWriter {
public:
    explicit ByteWriter(std::vector<std::uint8_t>& out) : out_(out) { }

    void u8(std::uint32_t v) { put(v, 1); }
    void u16(std::uint32_t v) { put(v, 2); }
    void u24(std::uint32_t v) { put(v, 3); }
    void u32(std::uint32_t v) { put(v, 4); }
    void u64(std::uint64_t v) { put(v, 8); }
    void bytes(std::span<const std::uint8_t> data) { out_.insert(out_.end(), data.begin(), data.end()); }
    void zeros(std::size_t count) { out_.insert(out_.end(), count, 0); }
    // Zero bytes up to the next multiple of four counted from `start`.
    void padTo32Bits(std::size_t start)
    {
        while ((out_.size() - start) % 4 != 0)
            out_.push_back(0);
    }
    std::size_t size() const { return out_.size(); }
    // Overwrites a big-endian 16-bit value written earlier (lengths known only at the end).
    void patchU16(std::size_t at, std::uint32_t v)
    {
        out_[at] = static_cast<std::uint8_t>(v >> 8);
        out_[at + 1] = static_cast<std::uint8_t>(v);
    }

private:
    void put(std::uint64_t v, int count)
    {
        for (int shift = (count - 1) * 8; shift >= 0; shift -= 8)
            out_.push_back(static_cast<std::uint8_t>(v >> shift));
    }

    std::vector<std::uint8_t>& out_;
};

} // namespace spoke::rtc
