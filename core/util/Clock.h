#pragma once

#include <cstdint>

namespace spoke::util {

// The engine's one clock. Engine stages never read it: they take `nowMs` or
// `nowUs` as a parameter (as core/rtc does), and only the thread that drives
// them calls these, so a test can drive the same stage with a fake time.
//
// Steady time is the machine's monotonic clock, shared by every process on
// it (the call tests' glass-to-glass figures rely on that). Wall time (Unix
// epoch) is only for what leaves the machine as a date: NTP timestamps in
// RTCP sender reports, file and database timestamps.
std::int64_t steadyNowMs();
std::int64_t steadyNowUs();
std::int64_t unixNowMs();
std::int64_t unixNowUs();

// Between the two clocks at the current offset (it moves when the wall clock
// is set or slewed, so convert close to when the time was taken).
std::int64_t unixMsFromSteadyMs(std::int64_t steadyMs);
std::int64_t steadyMsFromUnixMs(std::int64_t unixMs);

} // namespace spoke::util
