#include "util/TaskQueue.h"

#include "util/Clock.h"
#include "util/ThreadName.h"

#include <cassert>
#include <utility>

namespace spoke::util {

namespace {

thread_local TaskQueue* currentQueue = nullptr;

} // namespace

TaskQueue::TaskQueue(std::string name) : name_(std::move(name))
{
    thread_ = std::thread([this] { run(); });
}

TaskQueue::~TaskQueue()
{
    stop();
}

void TaskQueue::post(Task task)
{
    {
        const std::lock_guard lock(mutex_);
        if (stopping_)
            return;
        tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
}

bool TaskQueue::tryPost(Task task, std::size_t maxPending)
{
    {
        const std::lock_guard lock(mutex_);
        if (stopping_ || tasks_.size() >= maxPending)
            return false;
        tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
    return true;
}

void TaskQueue::postDelayed(std::int64_t delayMs, Task task)
{
    const std::int64_t dueUs = steadyNowUs() + std::max<std::int64_t>(delayMs, 0) * 1000;
    {
        const std::lock_guard lock(mutex_);
        if (stopping_)
            return;
        delayed_.push(Delayed{dueUs, delayedOrder_++, std::move(task)});
    }
    wake_.notify_one();
}

bool TaskQueue::isCurrent() const
{
    return currentQueue == this;
}

std::size_t TaskQueue::pending() const
{
    const std::lock_guard lock(mutex_);
    return tasks_.size();
}

TaskQueue* TaskQueue::current()
{
    return currentQueue;
}

void TaskQueue::stop()
{
    assert(!isCurrent() && "a TaskQueue cannot stop itself");
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable())
        thread_.join();
    // Dropped only now: a task's captures may post back, and must find the
    // queue refusing rather than half torn down.
    const std::lock_guard lock(mutex_);
    tasks_.clear();
    delayed_ = {};
}

void TaskQueue::run()
{
    currentQueue = this;
    setCurrentThreadName(name_);
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        // Delayed tasks that are due join the queue behind what is there.
        const std::int64_t nowUs = steadyNowUs();
        while (!delayed_.empty() && delayed_.top().dueUs <= nowUs) {
            tasks_.push_back(std::move(const_cast<Delayed&>(delayed_.top()).task));
            delayed_.pop();
        }
        if (!tasks_.empty()) {
            Task task = std::move(tasks_.front());
            tasks_.pop_front();
            lock.unlock();
            task();
            task = nullptr; // its captures die off the lock, too
            lock.lock();
            continue;
        }
        if (delayed_.empty()) {
            wake_.wait(lock);
        } else {
            wake_.wait_for(lock, std::chrono::microseconds(delayed_.top().dueUs - nowUs));
        }
    }
    currentQueue = nullptr;
}

} // namespace spoke::util
