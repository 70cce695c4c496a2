#include "util/Clock.h"

#include <chrono>

namespace spoke::util {

namespace {

template <typename Duration, typename Clock> std::int64_t nowIn()
{
    return std::chrono::duration_cast<Duration>(Clock::now().time_since_epoch()).count();
}

} // namespace

std::int64_t steadyNowMs()
{
    return nowIn<std::chrono::milliseconds, std::chrono::steady_clock>();
}

std::int64_t steadyNowUs()
{
    return nowIn<std::chrono::microseconds, std::chrono::steady_clock>();
}

std::int64_t unixNowMs()
{
    return nowIn<std::chrono::milliseconds, std::chrono::system_clock>();
}

std::int64_t unixNowUs()
{
    return nowIn<std::chrono::microseconds, std::chrono::system_clock>();
}

std::int64_t unixMsFromSteadyMs(std::int64_t steadyMs)
{
    return steadyMs + (unixNowMs() - steadyNowMs());
}

std::int64_t steadyMsFromUnixMs(std::int64_t unixMs)
{
    return unixMs - (unixNowMs() - steadyNowMs());
}

} // namespace spoke::util
