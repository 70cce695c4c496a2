#pragma once

#include <string>

namespace spoke::util {

// Names the calling thread as `top -H`, perf and gdb show it (Linux keeps
// the first 15 characters). Every engine thread carries a name, so a field
// report can say which one is busy: "ice", "send", "feed-…", "playout".
void setCurrentThreadName(const std::string& name);

} // namespace spoke::util
