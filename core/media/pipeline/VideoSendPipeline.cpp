#include "media/pipeline/VideoSendPipeline.h"

#include "media/MediaError.h"
#include "util/ThreadCpu.h"
#include "util/ThreadName.h"

namespace spoke::media {

VideoSendPipeline::VideoSendPipeline(std::unique_ptr<VideoSource> source, SourceFactory fallback, const Config& config)
    : config_(config)
    , fallback_(std::move(fallback))
    , encoder_(std::make_unique<SimulcastEncoder>(config.encoder))
    , captured_(config.captureQueueCapacity)
    , output_(config.outputQueueCapacity)
    , source_(std::move(source))
{
    if (!source_)
        throw MediaError(MediaErrorKind::InvalidArgument, "A send pipeline needs a source");
}

VideoSendPipeline::~VideoSendPipeline()
{
    stop();
}

void VideoSendPipeline::setOutputReady(std::function<void()> ready)
{
    affinity_.assertOwner();
    outputReady_ = std::move(ready);
}

void VideoSendPipeline::start()
{
    affinity_.assertOwner();
    if (started_.exchange(true))
        return;
    captureThread_ = std::thread([this] {
        util::setCurrentThreadName("capture");
        captureLoop();
    });
    encodeThread_ = std::thread([this] {
        util::setCurrentThreadName("encode");
        encodeLoop();
    });
}

void VideoSendPipeline::stop()
{
    affinity_.assertOwner();
    stopping_ = true;
    {
        std::lock_guard lock(sourceMutex_);
        if (source_)
            source_->interrupt();
    }
    // The capture thread closes `captured_` as it leaves, so every picture
    // it counted is either encoded or counted as dropped.
    if (captureThread_.joinable())
        captureThread_.join();
    if (encodeThread_.joinable())
        encodeThread_.join();
    output_.close();
}

void VideoSendPipeline::recordError(const std::string& message)
{
    ++sourceErrors_;
    std::lock_guard lock(errorMutex_);
    lastError_ = message;
}

void VideoSendPipeline::captureLoop()
{
    std::int64_t lastSequence = -1;
    while (!stopping_.load()) {
        VideoFrame frame;
        try {
            frame = source_->read();
        } catch (const MediaError& error) {
            recordError(error.what());
            std::unique_ptr<VideoSource> replacement;
            if (fallback_ && !usingFallback_.load()) {
                try {
                    replacement = fallback_();
                } catch (const MediaError& fallbackError) {
                    recordError(std::string(error.what()) + "; the fallback failed too: " + fallbackError.what());
                }
            }
            if (!replacement)
                break; // nothing left to capture from; stats say why
            std::lock_guard lock(sourceMutex_);
            source_ = std::move(replacement);
            usingFallback_ = true;
            lastSequence = -1; // the fallback numbers its pictures from zero
            if (stopping_.load())
                source_->interrupt();
            continue;
        }
        if (frame.isNull())
            break; // interrupted: stop() is under way
        captureCpuUs_ = threadCpuUs();
        // A source that drops pictures before us (TappedVideoSource with the
        // camera off) leaves gaps in its numbers: pictures the far end never
        // gets, which its stamp count must not read as network loss.
        if (lastSequence >= 0 && frame.sequence() > lastSequence + 1)
            sourceSkipped_ += static_cast<std::uint64_t>(frame.sequence() - lastSequence - 1);
        lastSequence = frame.sequence();
        ++framesCaptured_;
        captured_.push(std::move(frame));
    }
    captured_.close();
}

void VideoSendPipeline::encodeLoop()
{
    encoder_->moveToCurrentThread();
    EncodeLoadMonitor load;
    for (;;) {
        auto frame = captured_.pop(std::chrono::milliseconds(200));
        if (!frame) {
            if (captured_.closed() && captured_.size() == 0)
                break;
            continue;
        }
        if (const int bitrate = pendingBitrateBps_.exchange(0); bitrate > 0)
            encoder_->setTotalBitrateBps(bitrate);
        if (keyframeRequested_.exchange(false))
            encoder_->requestKeyframe();
        if (const std::uint32_t layers = keyframeLayers_.exchange(0); layers != 0) {
            for (int i = 0; i < 32; ++i)
                if (layers & (1u << i))
                    encoder_->requestKeyframe(i);
        }
        try {
            const auto encodeStart = std::chrono::steady_clock::now();
            auto encoded = encoder_->encode(*frame);
            if (config_.encoder.adaptToCpu)
                adaptToLoad(load, frame->captureTimeUs(), std::chrono::steady_clock::now() - encodeStart);
            if (encoded.empty())
                ++encoderDropped_;
            else
                ++framesEncoded_;
            for (auto& out : encoded) {
                bytesOut_ += out.data.size();
                output_.push(std::move(out));
            }
            if (!encoded.empty() && outputReady_)
                outputReady_();
        } catch (const MediaError& error) {
            // A picture the encoder refuses (a source that changed size to
            // something odd) costs that picture, not the call.
            ++encodeErrors_;
            recordError(error.what());
        }
        encodeCpuUs_ = threadCpuUs();
    }
}

void VideoSendPipeline::adaptToLoad(EncodeLoadMonitor& load, std::int64_t captureTimeUs,
                                    std::chrono::steady_clock::duration encodeTime)
{
    const auto wallUs = std::chrono::duration_cast<std::chrono::microseconds>(encodeTime).count();
    const auto advice = load.onFrameEncoded(captureTimeUs, wallUs, encoder_->cpuScaleSteps() > 0);
    encodeUsage_ = load.usage();
    const bool stepped = (advice == EncodeLoadMonitor::Advice::ScaleDown && encoder_->scaleDownForCpu())
                         || (advice == EncodeLoadMonitor::Advice::ScaleUp && encoder_->scaleUpForCpu());
    if (stepped) {
        ++cpuAdaptations_;
        cpuScaleSteps_ = encoder_->cpuScaleSteps();
    }
}

VideoSendStats VideoSendPipeline::stats() const
{
    VideoSendStats stats;
    stats.framesCaptured = framesCaptured_.load();
    stats.sourceSkipped = sourceSkipped_.load();
    stats.captureQueueDropped = captured_.droppedCount();
    stats.encodeErrors = encodeErrors_.load();
    stats.framesEncoded = framesEncoded_.load();
    stats.encoderDropped = encoderDropped_.load();
    stats.outputDropped = output_.droppedCount();
    stats.bytesOut = bytesOut_.load();
    stats.sourceErrors = sourceErrors_.load();
    stats.captureCpuUs = captureCpuUs_.load();
    stats.encodeCpuUs = encodeCpuUs_.load();
    stats.encodeUsage = encodeUsage_.load();
    stats.cpuScaleSteps = cpuScaleSteps_.load();
    stats.cpuAdaptations = cpuAdaptations_.load();
    stats.usingFallback = usingFallback_.load();
    std::lock_guard lock(errorMutex_);
    stats.lastError = lastError_;
    return stats;
}

} // namespace spoke::media
