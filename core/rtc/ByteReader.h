#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace spoke::rtc {

// Big-endian reads with bounds checks. A read past the end returns zeros and
// latches failure, so a parser can read a whole fixed header and test ok()
// once instead of checking every field.
class ByteReader {
public:
    explicit ByteReader(std::span<const std::uint8_t> data) : data_(data) { }

    bool ok() const { return ok_; }
    std::size_t position() const { return pos_; }
    std::size_t remaining() const { return data_.size() - pos_; }

    std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)); }
    std::uint16_t u16() { return static_cast<std::uint16_t>(take(2)); }
    std::uint32_t u24() { return static_cast<std::uint32_t>(take(3)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(take(4)); }
    std::uint64_t u64() { return take(8); }

    std::span<const std::uint8_t> bytes(std::size_t count)
    {
        if (!ok_ || count > remaining()) {
            ok_ = false;
            return {};
        }
        auto out = data_.subspan(pos_, count);
        pos_ += count;
        return out;
    }
    bool skip(std::size_t count)
    {
        (void)bytes(count);
        return ok_;
    }

private:
    std::uint64_t take(std::size_t count)
    {
        if (!ok_ || count > remaining()) {
            ok_ = false;
            return 0;
        }
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < count; ++i)
            value = (value << 8) | data_[pos_ + i];
        pos_ += count;
        return value;
    }

    std::span<const std::uint8_t> data_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

} // namespace spoke::rtc
