#include "media/pipeline/AudioSendPipeline.h"

#include "media/MediaError.h"
#include "util/ThreadName.h"

namespace spoke::media {

AudioSendPipeline::AudioSendPipeline(std::unique_ptr<AudioSource> source, const Config& config)
    : source_(std::move(source))
    , encoder_(config.opus)
    , output_(config.outputQueueCapacity)
{
    if (!source_)
        throw MediaError(MediaErrorKind::InvalidArgument, "An audio pipeline needs a source");
    if (config.processing)
        processor_ = std::make_unique<AudioProcessor>(*config.processing);
}

AudioSendPipeline::~AudioSendPipeline()
{
    stop();
}

void AudioSendPipeline::setOutputReady(std::function<void()> ready)
{
    affinity_.assertOwner();
    outputReady_ = std::move(ready);
}

void AudioSendPipeline::start()
{
    affinity_.assertOwner();
    if (started_.exchange(true))
        return;
    thread_ = std::thread([this] {
        util::setCurrentThreadName("audio-send");
        run();
    });
}

void AudioSendPipeline::stop()
{
    affinity_.assertOwner();
    source_->interrupt();
    if (thread_.joinable())
        thread_.join();
    output_.close();
}

void AudioSendPipeline::run()
{
    encoder_.moveToCurrentThread();
    if (processor_)
        processor_->moveToCurrentThread();
    for (;;) {
        AudioFrame frame;
        try {
            frame = source_->read();
            if (frame.isNull())
                break;
            ++framesCaptured_;
            if (const int bitrate = pendingBitrateBps_.exchange(0); bitrate > 0)
                encoder_.setBitrateBps(bitrate);
            if (const int loss = pendingLossPercent_.exchange(-1); loss >= 0)
                encoder_.setExpectedLossPercent(loss);
            if (const int delay = pendingEchoDelayMs_.exchange(-1); delay >= 0 && processor_)
                processor_->setStreamDelayMs(delay);
            if (processor_)
                processor_->processNearEnd(frame);
            EncodedAudio packet;
            packet.data = encoder_.encode(frame);
            packet.captureTimeUs = frame.captureTimeUs();
            packet.sequence = frame.sequence();
            packet.dtx = encoder_.lastWasDtx();
            ++packetsEncoded_;
            if (packet.dtx)
                ++dtxPackets_;
            output_.push(std::move(packet));
            if (outputReady_)
                outputReady_();
        } catch (const MediaError& error) {
            ++sourceErrors_;
            std::lock_guard lock(errorMutex_);
            lastError_ = error.what();
            break;
        }
    }
    output_.close();
}

void AudioSendPipeline::processFarEnd(std::span<const std::int16_t> samples)
{
    // The processor is made in the constructor and never replaced, and its
    // far-end path locks inside webrtc-audio-processing.
    if (processor_)
        processor_->processFarEnd(samples);
}

AudioSendStats AudioSendPipeline::stats() const
{
    AudioSendStats stats;
    stats.framesCaptured = framesCaptured_.load();
    stats.packetsEncoded = packetsEncoded_.load();
    stats.dtxPackets = dtxPackets_.load();
    stats.outputDropped = output_.droppedCount();
    stats.sourceErrors = sourceErrors_.load();
    std::lock_guard lock(errorMutex_);
    stats.lastError = lastError_;
    return stats;
}

} // namespace spoke::media
