#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace spoke::recording {

// The hand-off between playback threads. Unlike media::BoundedQueue (live
// media, drops the oldest), a file must not lose packets: a full queue makes
// the producer wait, which is how the demuxer is held a few frames ahead of
// the decoders. abort() wakes every waiter for shutdown; clear() empties the
// queue for a seek. Thread-safe.
template <typename T>
class BlockingQueue {
public:
    explicit BlockingQueue(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) { }

    // Waits while full. False once aborted (the item is discarded).
    bool push(T item)
    {
        std::unique_lock lock(mutex_);
        notFull_.wait(lock, [this] { return aborted_ || items_.size() < capacity_; });
        if (aborted_)
            return false;
        items_.push_back(std::move(item));
        notEmpty_.notify_one();
        return true;
    }

    // Waits up to `timeout`; nothing on timeout or abort.
    std::optional<T> pop(std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(mutex_);
        notEmpty_.wait_for(lock, timeout, [this] { return aborted_ || !items_.empty(); });
        if (aborted_ || items_.empty())
            return std::nullopt;
        T item = std::move(items_.front());
        items_.pop_front();
        notFull_.notify_one();
        return item;
    }

    void clear()
    {
        std::lock_guard lock(mutex_);
        items_.clear();
        notFull_.notify_all();
    }

    void abort()
    {
        std::lock_guard lock(mutex_);
        aborted_ = true;
        notFull_.notify_all();
        notEmpty_.notify_all();
    }

    std::size_t size() const
    {
        std::lock_guard lock(mutex_);
        return items_.size();
    }

private:
    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::condition_variable notFull_;
    std::condition_variable notEmpty_;
    std::deque<T> items_;
    bool aborted_ = false;
};

} // namespace spoke::recording
