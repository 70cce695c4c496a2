#include "media/BoundedQueue.h"
#include "media/MediaError.h"
#include "media/audio/OpusVoiceDecoder.h"
#include "media/audio/ToneMarker.h"
#include "media/audio/ToneSource.h"
#include "media/pipeline/AudioSendPipeline.h"
#include "media/pipeline/VideoSendPipeline.h"
#include "media/video/FrameStamp.h"
#include "media/video/TestPatternSource.h"
#include "media/video/VpxDecoder.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace spoke::media;

namespace {

// A camera whose reads start failing after a number of frames, the way a
// USB camera behaves when it is pulled out mid-call.
class FailingSource final : public VideoSource {
public:
    explicit FailingSource(int goodFrames) : inner_({320, 180, 30, true, AV_PIX_FMT_YUYV422}), goodFrames_(goodFrames)
    {
    }
    const DeviceInfo& device() const override { return info_; }
    VideoFrame read() override
    {
        if (reads_++ >= goodFrames_)
            throw MediaError(MediaErrorKind::DeviceLost, "USB camera stopped delivering: No such device");
        return inner_.read();
    }
    void interrupt() override { inner_.interrupt(); }

private:
    DeviceInfo info_{"test:failing", "failing camera", "test", DeviceKind::Camera, false, false};
    TestPatternSource inner_;
    int goodFrames_;
    int reads_ = 0;
};

// Drops every `every`-th picture before the pipeline sees it, as
// call::TappedVideoSource does while the camera is off.
class SkippingSource final : public VideoSource {
public:
    explicit SkippingSource(int every) : inner_({320, 180, 30, true, AV_PIX_FMT_YUV420P}), every_(every) { }
    const DeviceInfo& device() const override { return inner_.device(); }
    VideoFrame read() override
    {
        VideoFrame frame = inner_.read();
        if (!frame.isNull() && frame.sequence() % every_ == every_ - 1)
            frame = inner_.read();
        return frame;
    }
    void interrupt() override { inner_.interrupt(); }

private:
    TestPatternSource inner_;
    int every_;
};

VideoSendPipeline::Config pipelineConfig(int width, int height, int bitrateBps)
{
    VideoSendPipeline::Config config;
    config.encoder.sourceWidth = width;
    config.encoder.sourceHeight = height;
    config.encoder.totalBitrateBps = bitrateBps;
    return config;
}

std::vector<EncodedFrame> drain(BoundedQueue<EncodedFrame>& queue)
{
    std::vector<EncodedFrame> frames;
    while (auto frame = queue.tryPop())
        frames.push_back(std::move(*frame));
    return frames;
}

} // namespace

TEST_CASE("A bounded queue drops the oldest item and counts it", "[media][queue]")
{
    BoundedQueue<int> queue(3);
    for (int i = 0; i < 5; ++i)
        CHECK(queue.push(i));
    CHECK(queue.size() == 3);
    CHECK(queue.droppedCount() == 2);
    CHECK(*queue.tryPop() == 2);
    queue.close();
    CHECK_FALSE(queue.push(9));
    CHECK(*queue.pop(std::chrono::milliseconds(10)) == 3);
    CHECK(*queue.pop(std::chrono::milliseconds(10)) == 4);
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(queue.pop(std::chrono::seconds(5))); // closed: returns at once
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
}

TEST_CASE("The video send pipeline captures, converts and encodes on its own threads", "[media][pipeline]")
{
    auto source =
        std::make_unique<TestPatternSource>(TestPatternSource::Config{640, 360, 30, true, AV_PIX_FMT_YUYV422});
    VideoSendPipeline pipeline(std::move(source), nullptr, pipelineConfig(640, 360, 500'000));
    pipeline.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    pipeline.requestKeyframe();
    pipeline.setTotalBitrateBps(150'000); // the ladder moves the stream to 320x180
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    const auto stopStart = std::chrono::steady_clock::now();
    pipeline.stop();
    CHECK(std::chrono::steady_clock::now() - stopStart < std::chrono::milliseconds(500));

    const auto frames = drain(pipeline.output());
    const auto stats = pipeline.stats();
    CHECK(stats.framesCaptured >= 40);
    CHECK(stats.sourceErrors == 0);
    CHECK(stats.framesEncoded + stats.encoderDropped + stats.captureQueueDropped == stats.framesCaptured);
    REQUIRE(frames.size() >= 35);
    CHECK(frames.front().keyframe);
    CHECK(frames.front().width == 640);
    CHECK(frames.back().width == 320);

    VpxDecoder decoder(VideoCodec::Vp8);
    std::int64_t previous = -1;
    for (const auto& frame : frames) {
        const auto picture = decoder.decode(frame.data);
        REQUIRE(picture);
        const auto stamp = FrameStamp::read(*picture);
        REQUIRE(stamp.value);
        CHECK(static_cast<std::int64_t>(stamp.value->sequence) == frame.sequence);
        CHECK(frame.sequence > previous);
        previous = frame.sequence;
    }
}

TEST_CASE("The video pipeline says when a picture is ready and counts every picture it never encoded",
          "[media][pipeline]")
{
    VideoSendPipeline pipeline(std::make_unique<SkippingSource>(3), nullptr, pipelineConfig(320, 180, 300'000));
    std::atomic<int> ready{0};
    pipeline.setOutputReady([&] { ++ready; });
    pipeline.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    pipeline.stop();
    const auto stats = pipeline.stats();
    const auto frames = drain(pipeline.output());
    REQUIRE(stats.framesCaptured >= 10);
    // One notification per picture that came out, none for one that did not.
    CHECK(ready.load() == static_cast<int>(stats.framesEncoded));
    CHECK(frames.size() == stats.framesEncoded); // one layer: one frame per picture
    // Every picture the source numbered is accounted for: skipped before us,
    // dropped in the capture queue, dropped or refused by the encoder, or sent.
    CHECK(stats.sourceSkipped >= stats.framesCaptured / 2 - 1);
    CHECK(stats.framesEncoded + stats.encoderDropped + stats.encodeErrors + stats.captureQueueDropped
          == stats.framesCaptured);
    CHECK(static_cast<std::uint64_t>(frames.back().sequence + 1) <= stats.framesCaptured + stats.sourceSkipped);
}

TEST_CASE("A camera that fails mid-stream is replaced by the fallback, with the reason kept", "[media][pipeline]")
{
    auto fallback = [] {
        return std::make_unique<TestPatternSource>(TestPatternSource::Config{320, 180, 30, true, AV_PIX_FMT_YUV420P});
    };
    VideoSendPipeline pipeline(std::make_unique<FailingSource>(10), fallback, pipelineConfig(320, 180, 300'000));
    pipeline.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    pipeline.stop();
    const auto stats = pipeline.stats();
    CHECK(stats.usingFallback);
    CHECK(stats.sourceErrors == 1);
    CHECK(stats.lastError.find("USB camera stopped delivering") != std::string::npos);
    CHECK(stats.framesCaptured >= 20); // 10 from the camera, the rest from the fallback
    CHECK(drain(pipeline.output()).size() >= 15);
}

TEST_CASE("Without a fallback a failing camera ends capture cleanly", "[media][pipeline]")
{
    VideoSendPipeline pipeline(std::make_unique<FailingSource>(3), nullptr, pipelineConfig(320, 180, 300'000));
    pipeline.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    pipeline.stop();
    const auto stats = pipeline.stats();
    CHECK(stats.framesCaptured == 3);
    CHECK_FALSE(stats.usingFallback);
    CHECK_FALSE(stats.lastError.empty());
}

TEST_CASE("The audio send pipeline sends marked Opus packets in real time", "[media][pipeline][opus]")
{
    AudioSendPipeline::Config config;
    config.processing = AudioProcessingSwitches{false, false, false}; // a tone is not speech: keep it intact
    config.opus.dtx = false;
    config.outputQueueCapacity = 100; // nobody drains during the test
    AudioSendPipeline pipeline(std::make_unique<ToneSource>(ToneSource::Config{true, 0.25}), config);
    std::atomic<int> ready{0};
    pipeline.setOutputReady([&] { ++ready; });
    pipeline.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    pipeline.setBitrateBps(16'000);
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    pipeline.stop();

    OpusVoiceDecoder decoder;
    std::vector<std::int16_t> pcm;
    std::int64_t previous = -1;
    int packets = 0;
    while (auto packet = pipeline.output().tryPop()) {
        CHECK(packet->sequence == previous + 1);
        previous = packet->sequence;
        const auto frame = decoder.decode(packet->data);
        pcm.insert(pcm.end(), frame.samples().begin(), frame.samples().end());
        ++packets;
    }
    CHECK(packets >= 40);
    CHECK(packets <= 55);
    const auto codes = ToneMarker::detectAll(pcm, ToneMarker::findBlockOffset(pcm));
    int readable = 0;
    for (const auto& code : codes)
        readable += code ? 1 : 0;
    CHECK(readable >= packets - 3);
    CHECK(pipeline.stats().sourceErrors == 0);
    CHECK(ready.load() == packets); // told once per packet: its consumer never polls
}
