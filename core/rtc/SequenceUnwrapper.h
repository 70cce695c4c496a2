#pragma once

#include <cstdint>
#include <optional>

namespace spoke::rtc {

// Extends 16-bit RTP sequence numbers to a monotonic 64-bit space so that
// ordering and gaps survive the wrap at 65535. Each value is placed within
// ±32768 of the previous one, which tolerates any realistic reordering.
// The first value maps to itself plus 2^16, so a packet reordered before the
// first one still gets a positive number. A plain value held by thread-owned
// classes (assembler, NACK generator, retransmission buffer), which assert.
class SequenceUnwrapper {
public:
    std::int64_t unwrap(std::uint16_t seq);
    // Same placement without remembering the value (for look-ups).
    std::int64_t peek(std::uint16_t seq) const;
    std::optional<std::int64_t> last() const { return last_; }

private:
    std::optional<std::int64_t> last_;
};

} // namespace spoke::rtc
