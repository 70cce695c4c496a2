#include "media/video/TestPatternSource.h"

#include "media/MediaClock.h"
#include "media/MediaError.h"
#include "media/video/FrameStamp.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <string>

namespace spoke::media {

namespace {

// The texture scrolls this many luma pixels per frame and repeats after
// kPeriodPx, so a frame is a row-wise copy out of a wider texture: cheap
// enough that the source costs a small fraction of what encoding does.
constexpr int kScrollPxPerFrame = 2;
constexpr int kPeriodPx = 256;

} // namespace

TestPatternSource::TestPatternSource(Config config)
    : config_(config)
    , info_(deviceInfo())
{
    if (config_.width < 160 || config_.height < 90 || config_.width % 2 || config_.height % 2)
        throw MediaError(MediaErrorKind::FormatRefused,
                         "The test pattern needs an even size of at least 160x90, not " + std::to_string(config_.width)
                             + "x" + std::to_string(config_.height));
    if (config_.fps <= 0 || config_.fps > 240)
        throw MediaError(MediaErrorKind::FormatRefused,
                         "The test pattern runs at 1 to 240 frames per second, not " + std::to_string(config_.fps));
    if (config_.pixelFormat != AV_PIX_FMT_YUV420P) {
        toOutput_.reset(sws_getContext(config_.width, config_.height, AV_PIX_FMT_YUV420P, config_.width, config_.height,
                                       config_.pixelFormat, SWS_POINT, nullptr, nullptr, nullptr));
        if (!toOutput_)
            throw MediaError(MediaErrorKind::FormatRefused, "The test pattern cannot deliver pixel format "
                                                                + std::to_string(static_cast<int>(config_.pixelFormat)));
    }
    buildTexture();
}

TestPatternSource::~TestPatternSource() = default;

DeviceInfo TestPatternSource::deviceInfo()
{
    return DeviceInfo{"synthetic:test-pattern", "Test pattern (frame number and time stamped)", "synthetic",
                      DeviceKind::Camera, true, false};
}

void TestPatternSource::buildTexture()
{
    textureWidth_ = config_.width + kPeriodPx;
    const int h = config_.height;
    const int cw = textureWidth_ / 2;
    const int ch = h / 2;
    textureY_.resize(static_cast<std::size_t>(textureWidth_) * h);
    textureU_.resize(static_cast<std::size_t>(cw) * ch);
    textureV_.resize(static_cast<std::size_t>(cw) * ch);
    // Smooth diagonal gradients, a few sharp stripes and a fine checker
    // area: the mix of flat, edge and detail that camera pictures have.
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < textureWidth_; ++x) {
            const int px = x % kPeriodPx;
            double value = 128 + 70 * std::sin(2 * M_PI * (px + y * 0.5) / kPeriodPx);
            if ((px / 16) % 8 == 3)
                value = 220;
            if (y > h * 2 / 3 && ((px / 4 + y / 4) % 2 == 0))
                value = value * 0.6 + 30;
            textureY_[static_cast<std::size_t>(y) * textureWidth_ + x] = static_cast<std::uint8_t>(value);
        }
    }
    for (int y = 0; y < ch; ++y) {
        for (int x = 0; x < cw; ++x) {
            const int px = (2 * x) % kPeriodPx;
            textureU_[static_cast<std::size_t>(y) * cw + x]
                = static_cast<std::uint8_t>(128 + 50 * std::cos(2 * M_PI * px / kPeriodPx));
            textureV_[static_cast<std::size_t>(y) * cw + x]
                = static_cast<std::uint8_t>(128 + 50 * std::sin(2 * M_PI * (px + 2 * y) / kPeriodPx));
        }
    }
}

VideoFrame TestPatternSource::render(std::int64_t sequence, std::int64_t captureTimeUs) const
{
    const int w = config_.width;
    const int h = config_.height;
    VideoFrame frame = VideoFrame::allocate(AV_PIX_FMT_YUV420P, w, h, captureTimeUs, sequence);

    const int offset = static_cast<int>((sequence * kScrollPxPerFrame) % kPeriodPx) & ~1;
    for (int y = 0; y < h; ++y)
        std::memcpy(frame.mutablePlane(0) + static_cast<std::ptrdiff_t>(y) * frame.stride(0),
                    &textureY_[static_cast<std::size_t>(y) * textureWidth_ + offset], static_cast<std::size_t>(w));
    const int cw = textureWidth_ / 2;
    for (int y = 0; y < h / 2; ++y) {
        std::memcpy(frame.mutablePlane(1) + static_cast<std::ptrdiff_t>(y) * frame.stride(1),
                    &textureU_[static_cast<std::size_t>(y) * cw + offset / 2], static_cast<std::size_t>(w / 2));
        std::memcpy(frame.mutablePlane(2) + static_cast<std::ptrdiff_t>(y) * frame.stride(2),
                    &textureV_[static_cast<std::size_t>(y) * cw + offset / 2], static_cast<std::size_t>(w / 2));
    }

    // A box that moves along a Lissajous path below the stamp: motion the
    // encoder has to search for, not just a global scroll.
    const int box = (h / 5) & ~1;
    const int top = FrameStamp::heightPx(w);
    const double t = static_cast<double>(sequence) / config_.fps;
    const int bx = static_cast<int>((w - box) * (0.5 + 0.5 * std::sin(t * 1.3))) & ~1;
    const int by = top + (static_cast<int>((h - top - box) * (0.5 + 0.5 * std::sin(t * 0.9 + 1))) & ~1);
    for (int y = by; y < by + box; ++y) {
        std::memset(frame.mutablePlane(0) + static_cast<std::ptrdiff_t>(y) * frame.stride(0) + bx, 200,
                    static_cast<std::size_t>(box));
        if (y % 2 == 0) {
            std::memset(frame.mutablePlane(1) + static_cast<std::ptrdiff_t>(y / 2) * frame.stride(1) + bx / 2, 60,
                        static_cast<std::size_t>(box / 2));
            std::memset(frame.mutablePlane(2) + static_cast<std::ptrdiff_t>(y / 2) * frame.stride(2) + bx / 2, 190,
                        static_cast<std::size_t>(box / 2));
        }
    }

    FrameStamp::write(frame, {static_cast<std::uint32_t>(sequence), static_cast<std::uint32_t>(captureTimeUs / 1000)});
    if (!toOutput_)
        return frame;

    VideoFrame converted = VideoFrame::allocate(config_.pixelFormat, w, h, captureTimeUs, sequence);
    sws_scale(toOutput_.get(), frame.av()->data, frame.av()->linesize, 0, h, converted.av()->data,
              converted.av()->linesize);
    return converted;
}

bool TestPatternSource::waitUntilUs(std::int64_t dueUs)
{
    std::unique_lock lock(mutex_);
    const auto due = std::chrono::steady_clock::now() + std::chrono::microseconds(dueUs - MediaClock::nowUs());
    wake_.wait_until(lock, due, [this] { return interrupted_.load(); });
    return !interrupted_.load();
}

VideoFrame TestPatternSource::read()
{
    if (!bound_) {
        affinity_.rebindToCurrentThread(); // built on one thread, read on the capture thread
        bound_ = true;
    }
    affinity_.assertOwner();
    if (interrupted_.load())
        return {};
    if (config_.paced) {
        if (startUs_ < 0)
            startUs_ = MediaClock::nowUs();
        const std::int64_t dueUs = startUs_ + sequence_ * 1'000'000 / config_.fps;
        if (!waitUntilUs(dueUs))
            return {};
    }
    VideoFrame frame = render(sequence_, MediaClock::nowUs());
    ++sequence_;
    return frame;
}

void TestPatternSource::interrupt()
{
    {
        std::lock_guard lock(mutex_);
        interrupted_ = true;
    }
    wake_.notify_all();
}

} // namespace spoke::media
