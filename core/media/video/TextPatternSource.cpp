#include "media/video/TextPatternSource.h"

#include "media/MediaClock.h"
#include "media/MediaError.h"
#include "media/video/FrameStamp.h"
#include "media/video/TextStamp.h"

#include <array>
#include <chrono>
#include <cstring>
#include <string>

namespace spoke::media {

namespace {

constexpr std::uint8_t kPaper = 235;

// Words for the static rows: prose-like lines of varied length, so the page
// has the gaps and ragged edges a document has.
constexpr std::array kWords{
    "PATIENT", "HISTORY", "OF",    "TYPE", "2",     "DIABETES", "SINCE",   "2015",   "HBA1C", "8.2",  "ON",
    "MET",     "500",     "MG",    "BID",  "PLAN:", "REVIEW",   "INSULIN", "-",      "A",     "DOSE", "TITRATE",
    "WEEKLY",  "CHECK",   "RENAL", "LABS", "EGFR",  "=",        "64",      "FOLLOW", "UP",    "IN"};

} // namespace

TextPatternSource::TextPatternSource(Config config) : config_(config), info_(deviceInfo())
{
    const auto layout = TextStamp::layoutFor(config_.width, config_.height);
    if (config_.width % 2 || config_.height % 2 || layout.columns == 0)
        throw MediaError(MediaErrorKind::FormatRefused, "The text pattern needs an even size of at least 320x200, not "
                                                            + std::to_string(config_.width) + "x"
                                                            + std::to_string(config_.height));
    if (config_.fps <= 0 || config_.fps > 60)
        throw MediaError(MediaErrorKind::FormatRefused,
                         "The text pattern runs at 1 to 60 frames per second, not " + std::to_string(config_.fps));
    page_.assign(static_cast<std::size_t>(config_.width) * config_.height, kPaper);
    std::size_t word = 0;
    for (int row = 0; row < layout.rows; ++row) {
        std::string line;
        const int length = layout.columns * (5 + row % 5) / 10; // ragged right edge
        while (static_cast<int>(line.size()) < length) {
            line += kWords[word++ % kWords.size()];
            line += ' ';
        }
        TextStamp::drawText(page_.data(), config_.width, layout, 0, row, line);
    }
}

DeviceInfo TextPatternSource::deviceInfo()
{
    return DeviceInfo{"synthetic:text-pattern",
                      "Text pattern (a page of stamped text, for screen sharing tests)",
                      "synthetic",
                      DeviceKind::Screen,
                      true,
                      false};
}

VideoFrame TextPatternSource::render(std::int64_t sequence, std::int64_t captureTimeUs) const
{
    const int w = config_.width;
    const int h = config_.height;
    VideoFrame frame = VideoFrame::allocate(AV_PIX_FMT_YUV420P, w, h, captureTimeUs, sequence);
    for (int y = 0; y < h; ++y)
        std::memcpy(frame.mutablePlane(0) + static_cast<std::ptrdiff_t>(y) * frame.stride(0),
                    &page_[static_cast<std::size_t>(y) * w], static_cast<std::size_t>(w));
    for (int plane = 1; plane < 3; ++plane)
        for (int y = 0; y < h / 2; ++y)
            std::memset(frame.mutablePlane(plane) + static_cast<std::ptrdiff_t>(y) * frame.stride(plane), 128,
                        static_cast<std::size_t>(w / 2));
    TextStamp::write(frame, static_cast<std::uint32_t>(sequence));
    FrameStamp::write(frame, {static_cast<std::uint32_t>(sequence), static_cast<std::uint32_t>(captureTimeUs / 1000)});
    return frame;
}

bool TextPatternSource::waitUntilUs(std::int64_t dueUs)
{
    std::unique_lock lock(mutex_);
    const auto due = std::chrono::steady_clock::now() + std::chrono::microseconds(dueUs - MediaClock::nowUs());
    wake_.wait_until(lock, due, [this] { return interrupted_.load(); });
    return !interrupted_.load();
}

VideoFrame TextPatternSource::read()
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
        if (!waitUntilUs(startUs_ + sequence_ * 1'000'000 / config_.fps))
            return {};
    }
    VideoFrame frame = render(sequence_, MediaClock::nowUs());
    ++sequence_;
    return frame;
}

void TextPatternSource::interrupt()
{
    {
        std::lock_guard lock(mutex_);
        interrupted_ = true;
    }
    wake_.notify_all();
}

} // namespace spoke::media
