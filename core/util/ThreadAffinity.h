#pragma once

#include <cstdio>
#include <cstdlib>
#include <thread>

namespace spoke {

// Records the thread that owns an object and checks it at every entry point.
// Objects that are not thread-safe hold one and call assertOwner(), so a
// wrong-thread call stops the program loudly instead of corrupting state.
// The check stays in release builds: a comparison of two thread ids costs
// nothing next to what a silent data race does to a clinic's recording,
// and the shipped build is the one that meets the untested paths.
class ThreadAffinity {
public:
    ThreadAffinity() : owner_(std::this_thread::get_id()) { }

    // For objects created on one thread and handed to another before use.
    void rebindToCurrentThread() { owner_ = std::this_thread::get_id(); }

    void assertOwner() const
    {
        if (owner_ != std::this_thread::get_id()) [[unlikely]]
            offOwnerThread();
    }

private:
    [[noreturn]] static void offOwnerThread()
    {
        std::fputs("spoke: an object was called off its owner thread (ThreadAffinity); stopping\n", stderr);
        std::abort();
    }

    std::thread::id owner_;
};

} // namespace spoke
