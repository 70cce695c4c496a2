#pragma once

#include <cassert>
#include <thread>

namespace spoke {

// Records the thread that owns an object and checks it in debug builds.
// Objects that are not thread-safe hold one and call assertOwner() at every
// entry point, so a wrong-thread call fails loudly in tests instead of
// corrupting state in the field.
class ThreadAffinity {
public:
    ThreadAffinity() : owner_(std::this_thread::get_id()) { }

    // For objects created on one thread and handed to another before use.
    void rebindToCurrentThread() { owner_ = std::this_thread::get_id(); }

    void assertOwner() const { assert(owner_ == std::this_thread::get_id() && "called off its owner thread"); }

private:
    std::thread::id owner_;
};

} // namespace spoke
