// VideoRenderQueue: pictures wait for their due time, keep their order,
// follow a changing sync delay without going back or freezing, and the
// queue stays bounded. Real (tiny) I420 frames, so moves and copies of the
// ref-counted pictures are exercised too.
#include "call/VideoRenderQueue.h"

#include <catch2/catch.hpp>

using spoke::call::VideoRenderQueue;
using spoke::media::VideoFrame;

namespace {

VideoFrame picture(std::int64_t sequence)
{
    return VideoFrame::allocate(AV_PIX_FMT_YUV420P, 16, 16, 0, sequence);
}

constexpr std::uint32_t kTicksPerFrame = 3000; // 30 fps at 90 kHz

} // namespace

TEST_CASE("Video render queue releases each picture at decode time plus delay, in order", "[call][render]")
{
    VideoRenderQueue queue;
    for (int i = 0; i < 3; ++i)
        queue.push(picture(i), static_cast<std::uint32_t>(i) * kTicksPerFrame, 1000 + 33 * i, 100);
    REQUIRE(queue.nextDueMs() == 1100);
    CHECK(queue.popDue(1099).empty());
    auto first = queue.popDue(1100);
    REQUIRE(first.size() == 1);
    CHECK(first[0].picture.sequence() == 0);
    CHECK(first[0].decodedMs == 1000);
    CHECK(queue.nextDueMs() == 1133);
    auto rest = queue.popDue(1170);
    REQUIRE(rest.size() == 2);
    CHECK(rest[0].picture.sequence() == 1);
    CHECK(rest[1].picture.sequence() == 2);
    CHECK(rest[1].dueMs == 1166);
    CHECK_FALSE(queue.nextDueMs());
    CHECK(queue.counters().released == 3);
}

TEST_CASE("Video render queue follows a delay change in small steps, never backwards, never frozen", "[call][render]")
{
    VideoRenderQueue queue;
    std::int64_t previousDue = -1;
    std::int64_t previousDelay = -1;
    // 0 ms, then the sync asks for 300 ms at once, then for 0 again.
    for (int i = 0; i < 90; ++i) {
        const std::int64_t decoded = 33 * i;
        const std::int64_t wanted = i < 10 ? 0 : i < 50 ? 300 : 0;
        queue.push(picture(i), static_cast<std::uint32_t>(i) * kTicksPerFrame, decoded, wanted);
        const auto due = queue.popDue(1'000'000);
        REQUIRE(due.size() == 1);
        const std::int64_t delay = due[0].dueMs - decoded;
        if (previousDelay >= 0)
            CHECK(std::abs(delay - previousDelay) <= VideoRenderQueue::kMaxStepMs);
        if (previousDue >= 0) {
            CHECK(due[0].dueMs >= previousDue); // never before the picture ahead
            // Never a freeze: at most one step longer than the decode interval.
            CHECK(due[0].dueMs - previousDue <= 33 + VideoRenderQueue::kMaxStepMs);
        }
        previousDue = due[0].dueMs;
        previousDelay = delay;
        if (i == 49)
            CHECK(delay == 300); // 15 steps of 20 ms reached it
    }
    CHECK(previousDelay == 0);
}

TEST_CASE("Video render queue is bounded: overflow and long-overdue pictures are dropped and counted", "[call][render]")
{
    VideoRenderQueue queue(VideoRenderQueue::Config{.maxFrames = 4, .maxDelayMs = 1000, .maxLateMs = 100});
    for (int i = 0; i < 6; ++i)
        queue.push(picture(i), static_cast<std::uint32_t>(i) * kTicksPerFrame, 33 * i, 500);
    CHECK(queue.size() == 4);
    CHECK(queue.counters().droppedOverflow == 2);
    CHECK(queue.nextDueMs() == 500 + 66); // picture 2 is the oldest kept

    // The thread was held up: picture 2 is 300 ms overdue and the newer ones
    // are due too. Only the one still within maxLateMs and those after play.
    const auto due = queue.popDue(866);
    REQUIRE(due.size() == 1);
    CHECK(due[0].picture.sequence() == 5);
    CHECK(queue.counters().droppedLate == 3);

    // A delay beyond the bound is clamped to it.
    VideoRenderQueue clamped(VideoRenderQueue::Config{.maxFrames = 4, .maxDelayMs = 200, .maxLateMs = 100});
    clamped.push(picture(0), 0, 0, 5000);
    CHECK(clamped.nextDueMs() == 200);
}

TEST_CASE("Video render queue starts over when the sender does, and on reset()", "[call][render]")
{
    VideoRenderQueue queue;
    queue.push(picture(0), 900'000, 0, 200);
    queue.push(picture(1), 903'000, 33, 200);
    // A new source: its timestamps start far behind. The old pictures go,
    // and the new one takes the delay asked without stepping from the old.
    queue.push(picture(2), 1'000, 40, 60);
    CHECK(queue.counters().flushed == 2);
    REQUIRE(queue.size() == 1);
    CHECK(queue.nextDueMs() == 100);
    queue.reset();
    CHECK(queue.size() == 0);
    CHECK(queue.counters().flushed == 3);
    CHECK_FALSE(queue.nextDueMs());
    queue.push(picture(3), 2'000, 500, 0);
    CHECK(queue.popDue(500).size() == 1);
}
