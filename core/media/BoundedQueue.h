#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

namespace spoke::media {

// The hand-off between two media threads. It never grows past its capacity:
// when the consumer falls behind, the *oldest* item is dropped and counted,
// because for live media a fresh frame is worth more than a late one, and a
// queue that grows turns a slow encoder into ever-rising latency.
// Thread-safe: any number of producers and consumers.
template <typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

    // Returns false if the queue is closed (the item is discarded, not counted).
    bool push(T item)
    {
        {
            std::lock_guard lock(mutex_);
            if (closed_)
                return false;
            if (items_.size() >= capacity_) {
                items_.pop_front();
                ++dropped_;
            }
            items_.push_back(std::move(item));
            ++pushed_;
        }
        ready_.notify_one();
        return true;
    }

    // Waits up to `timeout` for an item; nothing if it timed out or the queue
    // is closed and empty.
    std::optional<T> pop(std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(mutex_);
        ready_.wait_for(lock, timeout, [this] { return closed_ || !items_.empty(); });
        if (items_.empty())
            return std::nullopt;
        T item = std::move(items_.front());
        items_.pop_front();
        return item;
    }

    std::optional<T> tryPop() { return pop(std::chrono::milliseconds(0)); }

    // Wakes every waiter; later pushes are refused. Items already queued can
    // still be popped.
    void close()
    {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        ready_.notify_all();
    }

    bool closed() const
    {
        std::lock_guard lock(mutex_);
        return closed_;
    }
    std::size_t size() const
    {
        std::lock_guard lock(mutex_);
        return items_.size();
    }
    std::size_t capacity() const { return capacity_; }
    std::uint64_t droppedCount() const
    {
        std::lock_guard lock(mutex_);
        return dropped_;
    }
    std::uint64_t pushedCount() const
    {
        std::lock_guard lock(mutex_);
        return pushed_;
    }

private:
    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<T> items_;
    bool closed_ = false;
    std::uint64_t dropped_ = 0;
    std::uint64_t pushed_ = 0;
};

} // namespace spoke::media
