#pragma once

#include <ctime>

#include <cstdint>

namespace spoke {

// CPU time the calling thread has used so far, in microseconds. What a
// pipeline thread really costs, apart from the time it waits: the figure
// the "share of one core" budgets are written in.
inline std::int64_t threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000;
}

} // namespace spoke
