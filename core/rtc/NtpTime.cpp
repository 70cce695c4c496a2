#include "rtc/NtpTime.h"

namespace spoke::rtc::ntp {

namespace {
constexpr std::int64_t kUnixEpochInNtpSeconds = 2'208'988'800; // 1900-01-01 to 1970-01-01
constexpr std::int64_t kMicros = 1'000'000;
} // namespace

std::uint64_t fromUnixMicros(std::int64_t unixUs)
{
    const std::int64_t seconds = unixUs / kMicros + kUnixEpochInNtpSeconds;
    const std::int64_t micros = unixUs % kMicros;
    const std::uint64_t fraction = (static_cast<std::uint64_t>(micros) << 32) / kMicros;
    return (static_cast<std::uint64_t>(seconds) << 32) | fraction;
}

std::int64_t toUnixMicros(std::uint64_t ntpTime)
{
    const auto seconds = static_cast<std::int64_t>(ntpTime >> 32) - kUnixEpochInNtpSeconds;
    const auto micros = static_cast<std::int64_t>(((ntpTime & 0xFFFFFFFFu) * kMicros + (1ull << 31)) >> 32);
    return seconds * kMicros + micros;
}

std::uint32_t compactFromMicros(std::int64_t durationUs)
{
    if (durationUs <= 0)
        return 0;
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(durationUs) << 16) / kMicros);
}

std::optional<std::int64_t> roundTripMicros(std::uint32_t arrivalCompact, std::uint32_t lastSenderReport,
                                            std::uint32_t delaySinceLastSenderReport)
{
    if (lastSenderReport == 0)
        return std::nullopt;
    // Modular arithmetic: the compact clock wraps every 18 hours.
    const auto rtt = static_cast<std::int32_t>(arrivalCompact - lastSenderReport - delaySinceLastSenderReport);
    if (rtt <= 0)
        return 0;
    return (static_cast<std::int64_t>(rtt) * kMicros) >> 16;
}

} // namespace spoke::rtc::ntp
