#pragma once

#include <cstdint>
#include <optional>

namespace spoke::rtc {

// NTP 32.32 timestamps as carried in SR, and the "compact" middle 32 bits
// (16.16) used for LSR/DLSR in report blocks.
namespace ntp {

// Microseconds since the Unix epoch to NTP (seconds since 1900).
std::uint64_t fromUnixMicros(std::int64_t unixUs);
std::int64_t toUnixMicros(std::uint64_t ntpTime);
inline std::uint32_t compact(std::uint64_t ntpTime)
{
    return static_cast<std::uint32_t>(ntpTime >> 16);
}
// A duration in microseconds as 1/65536 s units (for DLSR).
std::uint32_t compactFromMicros(std::int64_t durationUs);

// RFC 3550 6.4.1: round-trip time from a report block that echoes our SR.
// `arrivalCompact` is when the report arrived, on the same NTP clock as the
// SR we sent. Nullopt when the peer has not seen an SR yet (LSR 0). Clock
// steps can make the result negative; it is then clamped to 0.
std::optional<std::int64_t> roundTripMicros(std::uint32_t arrivalCompact, std::uint32_t lastSenderReport,
                                            std::uint32_t delaySinceLastSenderReport);

} // namespace ntp
} // namespace spoke::rtc
