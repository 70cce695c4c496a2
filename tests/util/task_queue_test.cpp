// util::TaskQueue: order, delayed tasks, the bound on producers, stop, its
// thread's name, and that an idle queue does not wake up.
#include "util/Clock.h"
#include "util/TaskQueue.h"

#include <catch2/catch.hpp>

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using spoke::util::TaskQueue;

namespace {

// Waits for everything posted so far to have run.
void drain(TaskQueue& queue)
{
    std::promise<void> done;
    queue.post([&] { done.set_value(); });
    done.get_future().wait();
}

long voluntarySwitches(pid_t tid)
{
    std::ifstream status("/proc/self/task/" + std::to_string(tid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("voluntary_ctxt_switches:", 0) == 0)
            return std::stol(line.substr(line.find(':') + 1));
    }
    return -1;
}

} // namespace

TEST_CASE("task queue: tasks run in the order posted, on the queue's thread", "[util]")
{
    TaskQueue queue("test-order");
    std::vector<int> ran;
    std::atomic<bool> allOnQueue{true};
    for (int i = 0; i < 100; ++i)
        queue.post([&, i] {
            ran.push_back(i);
            if (!queue.isCurrent() || TaskQueue::current() != &queue)
                allOnQueue = false;
        });
    drain(queue);
    REQUIRE(ran.size() == 100);
    for (int i = 0; i < 100; ++i)
        CHECK(ran[static_cast<std::size_t>(i)] == i);
    CHECK(allOnQueue);
    CHECK_FALSE(queue.isCurrent());
    CHECK(TaskQueue::current() == nullptr);
}

TEST_CASE("task queue: delayed tasks run when due, earliest first, not before", "[util]")
{
    TaskQueue queue("test-delayed");
    std::mutex mutex;
    std::vector<std::pair<int, std::int64_t>> ran; // (tag, ms after posting)
    const std::int64_t postedMs = spoke::util::steadyNowMs();
    auto record = [&](int tag) {
        return [&, tag] {
            const std::lock_guard lock(mutex);
            ran.emplace_back(tag, spoke::util::steadyNowMs() - postedMs);
        };
    };
    queue.postDelayed(120, record(3));
    queue.postDelayed(40, record(1));
    queue.postDelayed(80, record(2));
    queue.post(record(0));
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    const std::lock_guard lock(mutex);
    REQUIRE(ran.size() == 4);
    CHECK(ran[0].first == 0);
    CHECK(ran[1].first == 1);
    CHECK(ran[1].second >= 40);
    CHECK(ran[2].first == 2);
    CHECK(ran[2].second >= 80);
    CHECK(ran[3].first == 3);
    CHECK(ran[3].second >= 120);
}

TEST_CASE("task queue: a bounded producer is refused once the queue is full, and nothing blocks", "[util]")
{
    TaskQueue queue("test-bound");
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::promise<void> started;
    queue.post([&started, released] {
        started.set_value();
        released.wait(); // holds the queue busy
    });
    started.get_future().wait();
    int accepted = 0;
    for (int i = 0; i < 10; ++i)
        accepted += queue.tryPost([] {}, 4) ? 1 : 0;
    CHECK(accepted == 4);
    CHECK(queue.pending() == 4);
    release.set_value();
    drain(queue);
    CHECK(queue.pending() == 0);
}

TEST_CASE("task queue: stop drops what is pending and later posts are refused", "[util]")
{
    std::atomic<int> ran{0};
    auto queue = std::make_unique<TaskQueue>("test-stop");
    std::promise<void> started;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    queue->post([&, released] {
        started.set_value();
        released.wait();
        ++ran;
    });
    for (int i = 0; i < 5; ++i)
        queue->post([&] { ++ran; });
    queue->postDelayed(10, [&] { ++ran; });
    started.get_future().wait();
    std::thread stopper([&] { queue->stop(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    release.set_value();
    stopper.join();
    CHECK(ran == 1); // the running task finishes; the rest never run
    queue->post([&] { ++ran; });
    CHECK(queue->pending() == 0);
    CHECK_FALSE(queue->tryPost([&] { ++ran; }, 10));
    queue.reset();
    CHECK(ran == 1);
}

TEST_CASE("task queue: its thread carries the queue's name", "[util]")
{
    TaskQueue queue("feed-42-media-thread-long");
    std::promise<std::string> name;
    queue.post([&] {
        char buffer[32] = {};
        pthread_getname_np(pthread_self(), buffer, sizeof buffer);
        name.set_value(buffer);
    });
    CHECK(name.get_future().get() == "feed-42-media-t"); // the kernel keeps 15 characters
}

TEST_CASE("task queue: an idle queue sleeps without waking, a delayed task wakes it once", "[util]")
{
    TaskQueue queue("test-idle");
    std::promise<pid_t> tidPromise;
    queue.post([&] { tidPromise.set_value(static_cast<pid_t>(syscall(SYS_gettid))); });
    const pid_t tid = tidPromise.get_future().get();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const long before = voluntarySwitches(tid);
    REQUIRE(before >= 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(voluntarySwitches(tid) - before == 0);

    std::promise<void> fired;
    queue.postDelayed(100, [&] { fired.set_value(); });
    fired.get_future().wait();
    // The post's notify, then the timed wait's expiry: a handful, not one per millisecond.
    CHECK(voluntarySwitches(tid) - before <= 4);
}
