#include "recording/Recorder.h"

#include "media/MediaClock.h"
#include "media/MediaError.h"
#include "media/audio/OpusVoiceEncoder.h"
#include "media/video/VideoConverter.h"
#include "media/video/VpxEncoder.h"
#include "recording/RecordingError.h"
#include "util/ThreadName.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <system_error>

namespace spoke::recording {

namespace {

constexpr std::int64_t kMiB = 1 << 20;

std::int64_t freeBytes(const std::filesystem::path& file)
{
    std::error_code error;
    const auto space = std::filesystem::space(file.parent_path().empty() ? "." : file.parent_path(), error);
    return error ? -1 : static_cast<std::int64_t>(space.available);
}

media::VideoFrame blackFrame(int width, int height)
{
    media::VideoFrame frame = media::VideoFrame::allocate(AV_PIX_FMT_YUV420P, width, height);
    for (int plane = 0; plane < 3; ++plane) {
        const int rows = plane == 0 ? height : (height + 1) / 2;
        std::memset(frame.mutablePlane(plane), plane == 0 ? 16 : 128,
                    static_cast<std::size_t>(frame.stride(plane)) * static_cast<std::size_t>(rows));
    }
    return frame;
}

// Copies `inset` (I420) into `target` (I420, writable) with its top-left
// corner at (x, y); both even.
void paste(media::VideoFrame& target, const media::VideoFrame& inset, int x, int y)
{
    for (int plane = 0; plane < 3; ++plane) {
        const int shift = plane == 0 ? 0 : 1;
        const int rows = inset.height() >> shift;
        const int bytes = inset.width() >> shift;
        for (int row = 0; row < rows; ++row) {
            std::memcpy(target.mutablePlane(plane)
                            + static_cast<std::ptrdiff_t>((y >> shift) + row) * target.stride(plane) + (x >> shift),
                        inset.plane(plane) + static_cast<std::ptrdiff_t>(row) * inset.stride(plane),
                        static_cast<std::size_t>(bytes));
        }
    }
}

int even(int value)
{
    return std::max(2, value & ~1);
}

media::OpusVoiceConfig opusConfigFor(const RecorderConfig& config)
{
    media::OpusVoiceConfig opus;
    opus.bitrateBps = config.audioBitrateBps;
    opus.expectedLossPercent = 0; // a file loses nothing: no FEC
    opus.inbandFec = false;
    opus.dtx = false; // keep timestamps continuous for seeking
    return opus;
}

} // namespace

Recorder::Recorder(const RecorderConfig& config) : config_(config)
{
    const std::int64_t available = freeBytes(config.file);
    if (available >= 0 && available < 2 * config.diskMarginBytes)
        throw RecordingError(RecordingErrorKind::DiskFull,
                             "Not enough free space to record: " + std::to_string(available / kMiB)
                                 + " MiB free on the disk of '" + config.file.string() + "', and Spoke keeps "
                                 + std::to_string(2 * config.diskMarginBytes / kMiB) + " MiB spare");
    WebmWriterConfig writerConfig;
    // The pre-skip is whatever delay the encoder used by audioLoop() adds.
    writerConfig.opusPreSkipSamples = media::OpusVoiceEncoder(opusConfigFor(config)).lookaheadSamples();
    writerConfig.file = config.file;
    writerConfig.title = config.title;
    writerConfig.video = config.video;
    writerConfig.videoCodec = config.codec;
    writerConfig.width = config.width;
    writerConfig.height = config.height;
    writerConfig.fps = config.fps;
    writer_ = std::make_unique<WebmWriter>(writerConfig);

    videoOn_ = config.video;
    status_.recording = true;
    status_.width = config.width;
    status_.height = config.height;
    status_.fps = config.fps;
    status_.audioOnly = !config.video;
    startUs_ = media::MediaClock::nowUs();
    muxThread_ = std::thread([this] {
        util::setCurrentThreadName("rec-mux");
        muxLoop();
    });
    audioThread_ = std::thread([this] {
        util::setCurrentThreadName("rec-audio");
        audioLoop();
    });
    if (config.video)
        videoThread_ = std::thread([this] {
            util::setCurrentThreadName("rec-video");
            videoLoop();
        });
}

Recorder::~Recorder()
{
    stop();
}

void Recorder::pushVideo(const std::string& participant, const media::VideoFrame& frame)
{
    std::lock_guard lock(inputMutex_);
    latestVideo_[participant] = frame;
    if (activeSpeaker_.empty())
        activeSpeaker_ = participant;
}

void Recorder::pushAudio(const std::string& participant, const media::AudioFrame& frame)
{
    std::lock_guard lock(inputMutex_);
    auto& queue = audioIn_[participant];
    if (!queue)
        queue = std::make_unique<media::BoundedQueue<media::AudioFrame>>(25); // 500 ms of jitter
    queue->push(frame);
}

void Recorder::setActiveSpeaker(const std::string& participant)
{
    std::lock_guard lock(inputMutex_);
    activeSpeaker_ = participant;
}

void Recorder::setScreenShare(std::optional<std::string> participant)
{
    std::lock_guard lock(inputMutex_);
    screenShare_ = std::move(participant);
}

std::int64_t Recorder::elapsedMs() const
{
    return (media::MediaClock::nowUs() - startUs_) / 1000;
}

ChapterMark Recorder::addChapter(const std::string& title)
{
    affinity_.assertOwner();
    ChapterMark mark{elapsedMs(), std::nullopt, title};
    MuxItem item;
    item.kind = MuxItem::Kind::Chapter;
    item.ptsMs = mark.startMs;
    item.title = title;
    mux_.push(std::move(item));
    return mark;
}

RecorderStatus Recorder::status() const
{
    std::lock_guard lock(statusMutex_);
    RecorderStatus copy = status_;
    if (copy.recording)
        copy.durationMs = elapsedMs();
    copy.packetsDropped = mux_.droppedCount();
    return copy;
}

bool Recorder::waitUntilStopped(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(statusMutex_);
    return stoppedChanged_.wait_for(lock, timeout, [this] { return !status_.recording; });
}

RecorderStatus Recorder::stop()
{
    affinity_.assertOwner();
    stopping_ = true;
    for (std::thread* thread : {&videoThread_, &audioThread_}) {
        if (thread->joinable())
            thread->join();
    }
    mux_.close();
    if (muxThread_.joinable())
        muxThread_.join();
    {
        std::lock_guard lock(statusMutex_);
        if (status_.stopReason == StopReason::None)
            status_.stopReason = StopReason::Requested;
    }
    return status();
}

void Recorder::fallBackToAudioOnly(const std::string& reason)
{
    if (!videoOn_.exchange(false))
        return;
    std::lock_guard lock(statusMutex_);
    status_.audioOnly = true;
    status_.fallbackReason = reason;
}

// ---- video: compose and encode ------------------------------------------------

void Recorder::videoLoop()
{
    int width = config_.width;
    int height = config_.height;
    int fps = config_.fps;
    media::VpxEncoderConfig encoderConfig;
    encoderConfig.codec = config_.codec == WebmVideoCodec::Vp9 ? media::VideoCodec::Vp9 : media::VideoCodec::Vp8;
    encoderConfig.width = width;
    encoderConfig.height = height;
    encoderConfig.fps = fps;
    encoderConfig.bitrateBps = config_.videoBitrateBps;
    encoderConfig.threads = width * height >= 1280 * 720 ? 2 : 1;
    encoderConfig.allowFrameDrop = false; // a recording should be smooth, not fit a link
    encoderConfig.maxKeyframeIntervalFrames = std::max(1, config_.keyframeIntervalMs * fps / 1000);
    media::VpxEncoder encoder(encoderConfig);
    media::VideoConverter mainScaler(AV_PIX_FMT_YUV420P, width, height);
    media::VideoConverter insetScaler(AV_PIX_FMT_YUV420P, even(width / 4), even(height / 4));
    media::VideoFrame black = blackFrame(width, height);

    std::deque<double> loads; // encode time / frame interval, last ~2 s
    int level = 0;
    std::int64_t lastKeyframeUs = -1;
    std::int64_t tickUs = startUs_;
    while (!stopping_ && videoOn_) {
        const std::int64_t intervalUs = 1'000'000 / fps;
        tickUs += intervalUs;
        const std::int64_t waitUs = tickUs - media::MediaClock::nowUs();
        if (waitUs > 0)
            std::this_thread::sleep_for(std::chrono::microseconds(waitUs));
        else if (-waitUs > 4 * intervalUs)
            tickUs = media::MediaClock::nowUs(); // fell far behind: skip ticks rather than burst

        media::VideoFrame main;
        media::VideoFrame inset;
        {
            std::lock_guard lock(inputMutex_);
            const auto find = [this](const std::string& who) {
                const auto it = latestVideo_.find(who);
                return it == latestVideo_.end() ? media::VideoFrame() : it->second;
            };
            main = screenShare_ ? find(*screenShare_) : find(activeSpeaker_);
            if (screenShare_ && *screenShare_ != activeSpeaker_)
                inset = find(activeSpeaker_);
        }
        const auto began = std::chrono::steady_clock::now();
        try {
            media::VideoFrame composed = main.isNull() ? black : mainScaler.convert(main);
            if (!inset.isNull()) {
                const media::VideoFrame small = insetScaler.convert(inset);
                composed.makeWritable();
                paste(composed, small, even(width - small.width() - width / 32),
                      even(height - small.height() - height / 32));
            }
            composed.setCaptureTimeUs(tickUs);
            if (lastKeyframeUs < 0 || tickUs - lastKeyframeUs >= config_.keyframeIntervalMs * 1000ll) {
                encoder.requestKeyframe();
                lastKeyframeUs = tickUs;
            }
            for (media::EncodedFrame& encoded : encoder.encode(composed)) {
                MuxItem item;
                item.kind = MuxItem::Kind::Video;
                item.data = std::move(encoded.data);
                item.ptsMs = (tickUs - startUs_) / 1000;
                item.keyframe = encoded.keyframe;
                mux_.push(std::move(item));
                std::lock_guard lock(statusMutex_);
                ++status_.videoFramesEncoded;
            }
        } catch (const media::MediaError& error) {
            fallBackToAudioOnly(std::string("The video encoder failed, recording continues with audio only: ")
                                + error.what());
            return;
        }
        const double load = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - began).count()
                            / static_cast<double>(intervalUs);
        loads.push_back(load);
        if (loads.size() > static_cast<std::size_t>(2 * fps))
            loads.pop_front();
        double average = 0;
        for (double value : loads)
            average += value;
        average /= static_cast<double>(loads.size());
        if (loads.size() < static_cast<std::size_t>(fps) || average <= config_.maxEncodeLoad)
            continue;
        // This machine cannot keep up: smaller picture, then fewer frames,
        // then audio only — audio is what a replay cannot do without.
        loads.clear();
        ++level;
        if (level == 1) {
            width = even(width / 2);
            height = even(height / 2);
            encoder.setResolution(width, height);
            mainScaler.setOutputSize(width, height);
            insetScaler.setOutputSize(even(width / 4), even(height / 4));
            black = blackFrame(width, height);
        } else if (level == 2) {
            fps = std::max(5, fps / 2);
            encoder.setFrameRate(fps);
        } else {
            fallBackToAudioOnly("This computer cannot encode video fast enough; recording continues with audio only");
            return;
        }
        std::lock_guard lock(statusMutex_);
        status_.width = width;
        status_.height = height;
        status_.fps = fps;
        status_.fallbackReason = "Encoding could not keep up; video reduced to " + std::to_string(width) + "x"
                                 + std::to_string(height) + " at " + std::to_string(fps) + " fps";
    }
}

// ---- audio: mix and encode ------------------------------------------------------

void Recorder::audioLoop()
{
    media::OpusVoiceEncoder encoder(opusConfigFor(config_));
    std::vector<std::int32_t> sum(media::AudioFrame::kSamplesPer20Ms);
    std::int64_t block = 0;
    while (!stopping_) {
        const std::int64_t dueUs = startUs_ + (block + 1) * 20'000;
        const std::int64_t waitUs = dueUs - media::MediaClock::nowUs();
        if (waitUs > 0)
            std::this_thread::sleep_for(std::chrono::microseconds(waitUs));
        std::fill(sum.begin(), sum.end(), 0);
        {
            std::lock_guard lock(inputMutex_);
            for (auto& [participant, queue] : audioIn_) {
                const auto frame = queue->tryPop();
                if (!frame || frame->sampleCount() != media::AudioFrame::kSamplesPer20Ms)
                    continue;
                const auto samples = frame->samples();
                for (std::size_t i = 0; i < sum.size(); ++i)
                    sum[i] += samples[i];
            }
        }
        media::AudioFrame mixed = media::AudioFrame::allocate(media::AudioFrame::kSamplesPer20Ms, dueUs, block);
        auto out = mixed.mutableSamples();
        for (std::size_t i = 0; i < sum.size(); ++i)
            out[i] = static_cast<std::int16_t>(std::clamp(sum[i], -32768, 32767));
        MuxItem item;
        item.kind = MuxItem::Kind::Audio;
        item.data = encoder.encode(mixed);
        item.ptsMs = block * 20;
        mux_.push(std::move(item));
        ++block;
        std::lock_guard lock(statusMutex_);
        ++status_.audioFramesEncoded;
    }
}

// ---- writer ----------------------------------------------------------------------

void Recorder::muxLoop()
{
    writer_->moveToCurrentThread();
    auto lastSync = std::chrono::steady_clock::now();
    while (!stopped_) {
        auto item = mux_.pop(std::chrono::milliseconds(50));
        if (!item && mux_.closed()) {
            finishWith(StopReason::Requested, {});
            return;
        }
        try {
            if (item) {
                switch (item->kind) {
                case MuxItem::Kind::Video:
                    if (videoOn_)
                        writer_->writeVideo(item->data, item->ptsMs, item->keyframe);
                    break;
                case MuxItem::Kind::Audio: writer_->writeAudio(item->data, item->ptsMs, 960); break;
                case MuxItem::Kind::Chapter: writer_->addChapter(item->ptsMs, item->title); break;
                }
            }
            if (std::chrono::steady_clock::now() - lastSync >= std::chrono::seconds(1)) {
                lastSync = std::chrono::steady_clock::now();
                writer_->sync();
                checkDisk();
            }
        } catch (const RecordingError& error) {
            finishWith(error.kind() == RecordingErrorKind::DiskFull ? StopReason::DiskFull : StopReason::WriteFailed,
                       error.what());
            return;
        }
    }
}

void Recorder::checkDisk()
{
    const std::int64_t available = freeBytes(config_.file);
    if (available < 0)
        return;
    if (available < config_.diskMarginBytes) {
        finishWith(StopReason::DiskFull, "Recording stopped to keep the disk from filling up: "
                                             + std::to_string(available / kMiB) + " MiB left");
        return;
    }
    if (available < 2 * config_.diskMarginBytes && videoOn_)
        fallBackToAudioOnly("Disk space is running low (" + std::to_string(available / kMiB)
                            + " MiB left): recording continues with audio only");
}

void Recorder::finishWith(StopReason reason, const std::string& message)
{
    if (stopped_.exchange(true))
        return;
    stopping_ = true;
    std::string finishError;
    try {
        writer_->finish();
    } catch (const RecordingError& error) {
        finishError = error.what(); // the file still plays: clusters are on disk
    }
    std::lock_guard lock(statusMutex_);
    status_.durationMs = writer_->lastPtsMs();
    status_.bytesWritten = writer_->bytesWritten();
    status_.recording = false;
    if (status_.stopReason == StopReason::None)
        status_.stopReason = reason;
    status_.stopMessage = !message.empty() ? message : finishError;
    stoppedChanged_.notify_all();
}

} // namespace spoke::recording
