#include "util/ThreadName.h"

#include <pthread.h>

namespace spoke::util {

void setCurrentThreadName(const std::string& name)
{
    // Longer names are refused whole, so cut them to what the kernel keeps.
    pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
}

} // namespace spoke::util
