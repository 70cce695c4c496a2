#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <queue>
#include <string>
#include <thread>
#include <vector>

namespace spoke::util {

// A named thread that runs posted tasks one at a time, in the order posted,
// and delayed tasks when they fall due: the one thread type of the engine
// (libwebrtc's TaskQueue, tgcalls' named threads). State that lives on a
// queue needs no lock, because only its tasks touch it; code on another
// thread posts to it instead of calling in. Between tasks the thread sleeps
// until the next one is posted or the earliest delayed one is due, so an
// idle queue costs no wakeups.
//
// The name shows in `top -H`, perf and gdb (at most 15 characters reach the
// kernel), which is how a field report tells the network thread from a
// feed's media thread.
//
// Threading: post, postDelayed, isCurrent and pending are safe from any
// thread, including the queue's own. stop() (and the destructor) from any
// thread but the queue's own: pending tasks are dropped, the running one
// finishes, then the thread is joined.
class TaskQueue {
public:
    using Task = std::function<void()>;

    explicit TaskQueue(std::string name);
    ~TaskQueue();
    TaskQueue(const TaskQueue&) = delete;
    TaskQueue& operator=(const TaskQueue&) = delete;

    void post(Task task);
    // Drops the task and returns false when `maxPending` tasks are already
    // waiting: for producers (a network thread's packets) that must never
    // block on a consumer that fell behind. The caller counts the drop.
    bool tryPost(Task task, std::size_t maxPending);
    // Runs no sooner than `delayMs` from now (steady clock), after every
    // task posted before it falls due.
    void postDelayed(std::int64_t delayMs, Task task);

    bool isCurrent() const;
    // Tasks posted and not yet run (delayed ones not counted).
    std::size_t pending() const;
    const std::string& name() const { return name_; }

    void stop();

    // The queue the calling thread runs, or nullptr on any other thread.
    static TaskQueue* current();

private:
    struct Delayed {
        std::int64_t dueUs;
        std::uint64_t order; // posted earlier runs first among equal due times
        Task task;
        bool operator>(const Delayed& other) const
        {
            return dueUs != other.dueUs ? dueUs > other.dueUs : order > other.order;
        }
    };

    void run();

    std::string name_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Task> tasks_;
    std::priority_queue<Delayed, std::vector<Delayed>, std::greater<>> delayed_;
    std::uint64_t delayedOrder_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace spoke::util
