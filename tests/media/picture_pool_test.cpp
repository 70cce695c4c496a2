// The picture buffer pool behind VideoFrame::allocate: buffers come back and
// are reused across threads, sizes are bounded, and an evicted size's
// pictures stay valid (ASan would see a use after free).
#include "media/PicturePool.h"
#include "media/VideoFrame.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <thread>
#include <vector>

using namespace spoke::media;

namespace {

// Writes every byte of every plane's visible rows, so ASan sees any plane
// laid out past the buffer.
void fill(AVFrame* frame, std::uint8_t value)
{
    for (int plane = 0; plane < 3; ++plane) {
        const int rows = plane == 0 ? frame->height : (frame->height + 1) / 2;
        std::memset(frame->data[plane], value, static_cast<std::size_t>(frame->linesize[plane]) * rows);
    }
}

} // namespace

TEST_CASE("Picture pool: pictures given back are reused, not allocated again", "[media][pool]")
{
    PicturePool pool;
    for (int round = 0; round < 5; ++round) {
        std::vector<AvFramePtr> held;
        for (int i = 0; i < 8; ++i) {
            held.push_back(pool.take(AV_PIX_FMT_YUV420P, 640, 360));
            REQUIRE(held.back());
            fill(held.back().get(), static_cast<std::uint8_t>(i));
        }
    }
    CHECK(pool.buffersAllocated() == 8); // the peak in flight, whatever the number of rounds
    CHECK(pool.sizes() == 1);
}

TEST_CASE("Picture pool: planes are 32-byte aligned rows inside one buffer", "[media][pool]")
{
    PicturePool pool;
    const AvFramePtr frame = pool.take(AV_PIX_FMT_YUV420P, 322, 182); // odd widths round up per plane
    REQUIRE(frame);
    CHECK(frame->width == 322);
    CHECK(frame->height == 182);
    CHECK(frame->format == AV_PIX_FMT_YUV420P);
    for (int plane = 0; plane < 3; ++plane) {
        CHECK(frame->linesize[plane] % 32 == 0);
        CHECK(reinterpret_cast<std::uintptr_t>(frame->data[plane]) % 32 == 0);
    }
    CHECK(frame->linesize[0] >= 322);
    CHECK(frame->linesize[1] >= 161);
    CHECK(frame->data[1] >= frame->data[0] + static_cast<std::ptrdiff_t>(frame->linesize[0]) * 182);
    fill(frame.get(), 0x80);
    CHECK(frame->buf[0] != nullptr);
    CHECK(frame->buf[1] == nullptr);
}

TEST_CASE("Picture pool: a picture made on one thread and freed on another comes back", "[media][pool]")
{
    PicturePool pool;
    for (int round = 0; round < 20; ++round) {
        std::vector<AvFramePtr> made;
        std::thread maker([&] {
            for (int i = 0; i < 4; ++i)
                made.push_back(pool.take(AV_PIX_FMT_YUV420P, 320, 180));
        });
        maker.join();
        std::thread freer([&] { made.clear(); });
        freer.join();
    }
    CHECK(pool.buffersAllocated() == 4);
}

TEST_CASE("Picture pool: sizes are bounded and an evicted size's pictures stay valid", "[media][pool]")
{
    PicturePool pool;
    AvFramePtr first = pool.take(AV_PIX_FMT_YUV420P, 64, 64);
    REQUIRE(first);
    for (int i = 1; i <= PicturePool::kMaxSizes; ++i)
        REQUIRE(pool.take(AV_PIX_FMT_YUV420P, 64 + 2 * i, 64));
    CHECK(pool.sizes() == PicturePool::kMaxSizes);
    fill(first.get(), 1); // its pool was evicted; the buffer lives until it is given back
    first.reset();
}

TEST_CASE("Picture pool: a format FFmpeg cannot lay out gives nothing, and VideoFrame says so", "[media][pool]")
{
    PicturePool pool;
    CHECK_FALSE(pool.take(AV_PIX_FMT_NONE, 64, 64));
    CHECK(pool.sizes() == 0);
    CHECK_THROWS(VideoFrame::allocate(AV_PIX_FMT_NONE, 64, 64));
}

TEST_CASE("Picture pool: a shared VideoFrame copies its pixels before a write", "[media][pool]")
{
    VideoFrame a = VideoFrame::allocate(AV_PIX_FMT_YUV420P, 64, 64);
    fill(a.av(), 7);
    VideoFrame b = a;
    CHECK(b.plane(0) == a.plane(0));
    b.makeWritable();
    CHECK(b.plane(0) != a.plane(0));
    CHECK(b.plane(0)[0] == 7);
    b.mutablePlane(0)[0] = 9;
    CHECK(a.plane(0)[0] == 7);
}
