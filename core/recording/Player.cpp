#include "recording/Player.h"

#include "media/LocalInput.h"
#include "recording/AudioOutput.h"
#include "recording/RecordingError.h"
#include "recording/TempoFilter.h"
#include "util/ThreadName.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/samplefmt.h>
}

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace spoke::recording {

namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(20);
constexpr AVRational kMicrosecond{1, 1'000'000};

media::AvCodecContextPtr openDecoder(const AVStream& stream, const std::filesystem::path& file)
{
    const AVCodec* codec = avcodec_find_decoder(stream.codecpar->codec_id);
    if (!codec)
        throw RecordingError(RecordingErrorKind::Unsupported, "'" + file.string() + "' uses "
                                                                  + avcodec_get_name(stream.codecpar->codec_id)
                                                                  + ", which this FFmpeg cannot decode");
    media::AvCodecContextPtr context(avcodec_alloc_context3(codec));
    if (!context)
        throw std::bad_alloc();
    int rc = avcodec_parameters_to_context(context.get(), stream.codecpar);
    if (rc >= 0) {
        context->pkt_timebase = stream.time_base;
        context->thread_count = 0; // FFmpeg picks; decoding is the heaviest playback work
        rc = avcodec_open2(context.get(), codec, nullptr);
    }
    if (rc < 0)
        throw RecordingError(RecordingErrorKind::Codec,
                             "Cannot start the " + std::string(codec->name) + " decoder: " + avErrorText(rc));
    return context;
}

// The frame without its first `skipUs` of samples.
media::AvFramePtr trimFront(const AVFrame& frame, std::int64_t skipUs)
{
    const int skip = static_cast<int>(
        std::min<std::int64_t>(av_rescale(skipUs, frame.sample_rate, 1'000'000), frame.nb_samples - 1));
    media::AvFramePtr trimmed(av_frame_alloc());
    if (!trimmed)
        throw std::bad_alloc();
    trimmed->format = frame.format;
    trimmed->sample_rate = frame.sample_rate;
    trimmed->nb_samples = frame.nb_samples - skip;
    trimmed->pts = frame.pts;
    if (av_channel_layout_copy(&trimmed->ch_layout, &frame.ch_layout) < 0 || av_frame_get_buffer(trimmed.get(), 0) < 0)
        throw std::bad_alloc();
    av_samples_copy(trimmed->extended_data, frame.extended_data, 0, skip, trimmed->nb_samples,
                    frame.ch_layout.nb_channels, static_cast<AVSampleFormat>(frame.format));
    return trimmed;
}

} // namespace

Player::Player(const std::filesystem::path& file, const PlayerConfig& config)
    : config_(config)
    , info_(RecordingProbe::probe(file, ProbeDepth::Headers))
    , clock_(config.audio)
{
    // Only Spoke's containers, from disk only (media/LocalInput.h).
    media::LocalInputResult input = media::openLocalInput(file, media::LocalInputKind::Recording);
    if (!input.refusal.empty())
        throw RecordingError(RecordingErrorKind::NotMedia, "Cannot open '" + file.string() + "': " + input.refusal);
    if (!input.context)
        throw RecordingError(RecordingErrorKind::CannotOpen,
                             "Cannot open '" + file.string() + "': " + avErrorText(input.error));
    format_.reset(input.context.release());
    if (avformat_find_stream_info(format_.get(), nullptr) < 0)
        throw RecordingError(RecordingErrorKind::NotMedia, "'" + file.string() + "' has no readable tracks");
    // Positions are the file's own timestamps (chapters use them too). Only
    // a file that starts late (an MP4 cut from a stream) is shifted to 0; the
    // few negative milliseconds of Opus pre-roll are not.
    startOffsetUs_ = format_->start_time == AV_NOPTS_VALUE ? 0 : std::max<std::int64_t>(0, format_->start_time);
    info_.chapters = closeChapters(info_.chapters, info_.durationMs);

    videoStream_ = av_find_best_stream(format_.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (config.audio)
        audioStream_ = av_find_best_stream(format_.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    videoStream_ = std::max(videoStream_, -1);
    audioStream_ = std::max(audioStream_, -1);
    if (videoStream_ < 0 && audioStream_ < 0)
        throw RecordingError(RecordingErrorKind::NotMedia, "'" + file.string() + "' has nothing to play");
    openDecoders();

    speed_ = std::clamp(config.speed, 0.5, 2.0);
    clock_.setSpeed(speed_);
    start();
}

Player::~Player()
{
    stop();
}

void Player::openDecoders()
{
    for (unsigned i = 0; i < format_->nb_streams; ++i) {
        const int index = static_cast<int>(i);
        format_->streams[i]->discard =
            index == videoStream_ || index == audioStream_ ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    }
    if (videoStream_ >= 0) {
        const AVStream& stream = *format_->streams[videoStream_];
        videoDecoder_ = openDecoder(stream, info_.file);
        const AVRational rate = stream.avg_frame_rate.num > 0 ? stream.avg_frame_rate : stream.r_frame_rate;
        if (rate.num > 0 && rate.den > 0)
            frameDurationUs_ = av_rescale(1'000'000, rate.den, rate.num);
    }
    if (audioStream_ >= 0)
        audioDecoder_ = openDecoder(*format_->streams[audioStream_], info_.file);
    videoEnded_ = videoStream_ < 0;
    audioEnded_ = audioStream_ < 0;
}

void Player::start()
{
    const std::int64_t startUs = std::max<std::int64_t>(0, config_.startMs) * 1000;
    serial_ = 1;
    forceShowSerial_ = 1;
    discardBeforeUs_ = startUs;
    clock_.reset(startUs, audioStream_ >= 0, 1);
    if (config_.audio)
        config_.audio->setPaused(true);
    if (startUs > 0) {
        seekPending_ = true;
        seekTargetUs_ = startUs;
    }
    for (auto* queue : {&videoPackets_, &audioPackets_})
        queue->push(PacketItem{ItemKind::Flush, 1, nullptr});
    demuxThread_ = std::thread([this] {
        util::setCurrentThreadName("play-demux");
        demuxLoop();
    });
    if (videoStream_ >= 0) {
        videoThread_ = std::thread([this] {
            util::setCurrentThreadName("play-video");
            videoDecodeLoop();
        });
        presentThread_ = std::thread([this] {
            util::setCurrentThreadName("play-present");
            presentLoop();
        });
    }
    if (audioStream_ >= 0)
        audioThread_ = std::thread([this] {
            util::setCurrentThreadName("play-audio");
            audioLoop();
        });
}

void Player::stop()
{
    stopping_ = true;
    videoPackets_.abort();
    audioPackets_.abort();
    frames_.abort();
    if (config_.audio)
        config_.audio->abort();
    {
        std::lock_guard lock(seekMutex_);
        demuxWake_.notify_all();
    }
    for (std::thread* thread : {&demuxThread_, &videoThread_, &presentThread_, &audioThread_}) {
        if (thread->joinable())
            thread->join();
    }
}

std::int64_t Player::ptsUs(std::int64_t pts, int streamIndex) const
{
    return av_rescale_q(pts, format_->streams[streamIndex]->time_base, kMicrosecond) - startOffsetUs_;
}

void Player::noteProblem(const std::string& problem)
{
    std::lock_guard lock(stateMutex_);
    if (stats_.problem.empty())
        stats_.problem = problem;
}

// ---- demux thread -----------------------------------------------------------

void Player::demuxLoop()
{
    media::AvPacketPtr packet(av_packet_alloc());
    bool ended = false;
    std::int64_t readableUntilUs = 0;
    while (!stopping_) {
        int serial = 0;
        {
            std::unique_lock lock(seekMutex_);
            if (ended && !seekPending_)
                demuxWake_.wait_for(lock, std::chrono::milliseconds(100));
            if (seekPending_) {
                const std::int64_t target = seekTargetUs_ + startOffsetUs_;
                // The keyframe at or before the target; the decoders skip up to it.
                const int rc = avformat_seek_file(format_.get(), -1, INT64_MIN, target, target, 0);
                if (rc < 0)
                    avformat_seek_file(format_.get(), -1, INT64_MIN, target, INT64_MAX, 0);
                seekPending_ = false;
                ended = false;
            }
            serial = serial_;
        }
        if (ended || stopping_)
            continue;

        const int rc = av_read_frame(format_.get(), packet.get());
        if (rc < 0) {
            if (rc != AVERROR_EOF)
                noteProblem("Playback stopped at " + std::to_string(readableUntilUs / 1000)
                            + " ms where the file is damaged: " + avErrorText(rc));
            else if (info_.durationMs > 0 && readableUntilUs / 1000 + 1000 < info_.durationMs)
                noteProblem("The file ends at " + std::to_string(readableUntilUs / 1000) + " ms of the "
                            + std::to_string(info_.durationMs) + " ms it announces: it was cut short");
            ended = true;
            for (auto* queue : {&videoPackets_, &audioPackets_})
                queue->push(PacketItem{ItemKind::End, serial, nullptr});
            continue;
        }
        const int index = packet->stream_index;
        if (index != videoStream_ && index != audioStream_) {
            av_packet_unref(packet.get());
            continue;
        }
        if (packet->pts != AV_NOPTS_VALUE) {
            const std::int64_t endUs = ptsUs(packet->pts + std::max<std::int64_t>(0, packet->duration), index);
            readableUntilUs = std::max(readableUntilUs, endUs);
            std::lock_guard lock(stateMutex_);
            stats_.readableUntilMs = std::max(stats_.readableUntilMs, endUs / 1000);
        }
        media::AvPacketPtr item(av_packet_alloc());
        if (!item)
            throw std::bad_alloc();
        av_packet_move_ref(item.get(), packet.get());
        auto& queue = index == videoStream_ ? videoPackets_ : audioPackets_;
        queue.push(PacketItem{ItemKind::Data, serial, std::move(item)});
    }
}

// ---- video decode thread ----------------------------------------------------

void Player::videoDecodeLoop()
{
    media::AvFramePtr decoded(av_frame_alloc());
    const auto drain = [&](int serial) {
        for (;;) {
            const int rc = avcodec_receive_frame(videoDecoder_.get(), decoded.get());
            if (rc < 0)
                return;
            const std::int64_t pts = decoded->best_effort_timestamp;
            FrameItem item;
            item.serial = serial;
            item.ptsUs = pts == AV_NOPTS_VALUE ? 0 : ptsUs(pts, videoStream_);
            media::AvFramePtr owned(av_frame_alloc());
            av_frame_move_ref(owned.get(), decoded.get());
            item.frame = media::VideoFrame(std::move(owned), item.ptsUs, 0);
            {
                std::lock_guard lock(stateMutex_);
                ++stats_.framesDecoded;
            }
            if (!frames_.push(std::move(item)))
                return;
        }
    };
    while (!stopping_) {
        auto item = videoPackets_.pop(kPollInterval);
        if (!item || item->serial != serial_)
            continue;
        if (item->kind == ItemKind::Flush) {
            avcodec_flush_buffers(videoDecoder_.get());
            continue;
        }
        if (item->kind == ItemKind::End) {
            avcodec_send_packet(videoDecoder_.get(), nullptr);
            drain(item->serial);
            avcodec_flush_buffers(videoDecoder_.get()); // ready for a seek back
            frames_.push(FrameItem{true, item->serial, 0, {}});
            continue;
        }
        if (avcodec_send_packet(videoDecoder_.get(), item->packet.get()) < 0) {
            std::lock_guard lock(stateMutex_);
            ++stats_.decodeErrors;
        }
        drain(item->serial);
    }
}

// ---- presentation thread ----------------------------------------------------

void Player::presentLoop()
{
    while (!stopping_) {
        auto item = frames_.pop(kPollInterval);
        if (!item || item->serial != serial_)
            continue;
        if (item->end) {
            markEnded(true);
            continue;
        }
        // Frame-accurate seek: show the picture on screen at the target,
        // i.e. the first whose display interval reaches past it.
        if (item->ptsUs + frameDurationUs_ <= discardBeforeUs_)
            continue;
        presentFrame(*item);
    }
}

bool Player::presentFrame(FrameItem& item)
{
    const bool forced = forceShowSerial_.exchange(0) == item.serial;
    std::int64_t nowUs = clock_.nowUs();
    while (!forced) {
        if (stopping_ || item.serial != serial_)
            return false;
        nowUs = clock_.nowUs();
        if (!paused_ && nowUs >= item.ptsUs)
            break;
        const std::int64_t waitUs = paused_ ? 10'000 : std::clamp<std::int64_t>(item.ptsUs - nowUs, 200, 10'000);
        std::unique_lock lock(stateMutex_);
        stateChanged_.wait_for(lock, std::chrono::microseconds(waitUs));
    }
    const std::int64_t lateUs = nowUs - item.ptsUs;
    {
        std::lock_guard lock(stateMutex_);
        if (!forced && lateUs > config_.lateFrameToleranceMs * 1000) {
            ++stats_.droppedFrames;
            return false;
        }
        if (!forced && audioStream_ >= 0 && !audioEnded_)
            stats_.maxAvDriftMs = std::max(stats_.maxAvDriftMs, std::abs(static_cast<double>(lateUs)) / 1000.0);
    }
    // Outside the state lock: the control thread never waits on a sink.
    if (config_.video)
        config_.video->onFrame(item.frame);
    std::lock_guard lock(stateMutex_);
    ++stats_.framesPresented;
    presentedSerial_ = item.serial;
    stateChanged_.notify_all();
    return true;
}

void Player::markEnded(bool video)
{
    if (!video)
        clock_.audioEnded();
    std::lock_guard lock(stateMutex_);
    (video ? videoEnded_ : audioEnded_) = true;
    stateChanged_.notify_all();
}

// ---- audio thread -----------------------------------------------------------

void Player::audioLoop()
{
    media::AvFramePtr decoded(av_frame_alloc());
    std::unique_ptr<TempoFilter> filter;
    std::optional<std::int64_t> mediaEndUs;
    AudioOutput& output = *config_.audio;
    std::vector<std::int16_t> samples;

    const auto play = [&](AVFrame* frame, int serial) {
        const double speed = speed_;
        if (!filter || filter->speed() != speed)
            filter = std::make_unique<TempoFilter>(*audioDecoder_, output.channels(), speed);
        filter->push(frame, [&](const AVFrame& out) {
            if (serial != serial_ || stopping_)
                return;
            const auto* data = reinterpret_cast<const std::int16_t*>(out.data[0]);
            samples.assign(data, data + static_cast<std::ptrdiff_t>(out.nb_samples) * output.channels());
            if (!output.write(samples) || serial != serial_)
                return;
            *mediaEndUs += static_cast<std::int64_t>(out.nb_samples * 1e6 / AudioOutput::kSampleRateHz * speed);
            clock_.audioWritten(*mediaEndUs, serial);
            std::lock_guard lock(stateMutex_);
            stats_.audioFramesWritten += out.nb_samples;
        });
    };
    const auto drain = [&](int serial) {
        while (avcodec_receive_frame(audioDecoder_.get(), decoded.get()) >= 0) {
            const std::int64_t pts = decoded->best_effort_timestamp;
            const std::int64_t startUs = pts == AV_NOPTS_VALUE ? mediaEndUs.value_or(0) : ptsUs(pts, audioStream_);
            const std::int64_t lengthUs = av_rescale(decoded->nb_samples, 1'000'000, decoded->sample_rate);
            const std::int64_t targetUs = discardBeforeUs_;
            if (startUs + lengthUs > targetUs && serial == serial_) {
                if (!mediaEndUs && startUs < targetUs) {
                    // The block straddling a seek target: sound starts at the
                    // target to the sample, like the picture.
                    media::AvFramePtr trimmed = trimFront(*decoded, targetUs - startUs);
                    mediaEndUs = targetUs;
                    play(trimmed.get(), serial);
                } else {
                    if (!mediaEndUs)
                        mediaEndUs = startUs;
                    play(decoded.get(), serial);
                }
            }
            av_frame_unref(decoded.get());
        }
    };
    while (!stopping_) {
        auto item = audioPackets_.pop(kPollInterval);
        if (!item || item->serial != serial_)
            continue;
        try {
            if (item->kind == ItemKind::Flush) {
                avcodec_flush_buffers(audioDecoder_.get());
                filter.reset();
                mediaEndUs.reset();
                output.flush();
                continue;
            }
            if (item->kind == ItemKind::End) {
                avcodec_send_packet(audioDecoder_.get(), nullptr);
                drain(item->serial);
                if (filter && mediaEndUs)
                    play(nullptr, item->serial); // atempo's tail
                filter.reset();
                avcodec_flush_buffers(audioDecoder_.get());
                markEnded(false);
                continue;
            }
            if (avcodec_send_packet(audioDecoder_.get(), item->packet.get()) < 0) {
                std::lock_guard lock(stateMutex_);
                ++stats_.decodeErrors;
            }
            drain(item->serial);
        } catch (const RecordingError& error) {
            noteProblem(error.what());
            filter.reset();
        }
    }
}

// ---- control ----------------------------------------------------------------

void Player::play()
{
    affinity_.assertOwner();
    paused_ = false;
    clock_.setPaused(false);
    if (config_.audio)
        config_.audio->setPaused(false);
    std::lock_guard lock(stateMutex_);
    stateChanged_.notify_all();
}

void Player::pause()
{
    affinity_.assertOwner();
    paused_ = true;
    clock_.setPaused(true);
    if (config_.audio)
        config_.audio->setPaused(true);
}

void Player::seek(std::int64_t positionMs)
{
    affinity_.assertOwner();
    std::int64_t targetUs = std::max<std::int64_t>(0, positionMs) * 1000;
    if (info_.durationMs > 0)
        targetUs = std::min(targetUs, info_.durationMs * 1000);
    std::lock_guard seekLock(seekMutex_);
    const int serial = serial_ + 1;
    serial_ = serial;
    discardBeforeUs_ = targetUs;
    forceShowSerial_ = serial;
    seekPending_ = true;
    seekTargetUs_ = targetUs;
    videoPackets_.clear();
    audioPackets_.clear();
    frames_.clear();
    if (config_.audio)
        config_.audio->flush();
    clock_.reset(targetUs, audioStream_ >= 0, serial);
    {
        std::lock_guard lock(stateMutex_);
        videoEnded_ = videoStream_ < 0;
        audioEnded_ = audioStream_ < 0;
        stateChanged_.notify_all();
    }
    for (auto* queue : {&videoPackets_, &audioPackets_})
        queue->push(PacketItem{ItemKind::Flush, serial, nullptr});
    demuxWake_.notify_all();
}

void Player::setSpeed(double speed)
{
    affinity_.assertOwner();
    speed_ = std::clamp(speed, 0.5, 2.0);
    clock_.setSpeed(speed_);
}

void Player::nextChapter()
{
    affinity_.assertOwner();
    const std::int64_t now = positionMs();
    for (const ChapterMark& chapter : info_.chapters) {
        if (chapter.startMs > now + 500) {
            seek(chapter.startMs);
            return;
        }
    }
}

void Player::previousChapter()
{
    affinity_.assertOwner();
    const std::int64_t now = positionMs();
    const auto current = chapterAt(info_.chapters, now);
    if (!current)
        return seek(0);
    // Like a CD player: a first press goes back to the start of this
    // chapter; pressed again right away it goes to the one before.
    if (now - info_.chapters[*current].startMs > 2000 || *current == 0)
        return seek(info_.chapters[*current].startMs);
    seek(info_.chapters[*current - 1].startMs);
}

std::int64_t Player::positionMs() const
{
    return std::max<std::int64_t>(0, clock_.nowUs() / 1000);
}

std::optional<std::size_t> Player::currentChapter() const
{
    return chapterAt(info_.chapters, positionMs());
}

PlayerState Player::state() const
{
    std::lock_guard lock(stateMutex_);
    if (videoEnded_ && audioEnded_)
        return PlayerState::Finished;
    return paused_ ? PlayerState::Paused : PlayerState::Playing;
}

PlayerStats Player::stats() const
{
    std::lock_guard lock(stateMutex_);
    return stats_;
}

bool Player::waitUntilFinished(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(stateMutex_);
    return stateChanged_.wait_for(lock, timeout, [this] { return videoEnded_ && audioEnded_; });
}

bool Player::waitForPicture(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(stateMutex_);
    return stateChanged_.wait_for(lock, timeout, [this] { return presentedSerial_ == serial_; });
}

} // namespace spoke::recording
