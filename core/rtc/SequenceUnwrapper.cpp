#include "rtc/SequenceUnwrapper.h"

namespace spoke::rtc {

std::int64_t SequenceUnwrapper::peek(std::uint16_t seq) const
{
    if (!last_)
        return std::int64_t{seq} + 0x10000;
    const auto delta = static_cast<std::int16_t>(static_cast<std::uint16_t>(seq - static_cast<std::uint16_t>(*last_)));
    return *last_ + delta;
}

std::int64_t SequenceUnwrapper::unwrap(std::uint16_t seq)
{
    const std::int64_t value = peek(seq);
    last_ = value;
    return value;
}

} // namespace spoke::rtc
