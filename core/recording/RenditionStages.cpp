#include "recording/RenditionStages.h"

#include "media/LocalInput.h"
#include "recording/ChapterJournal.h"
#include "recording/RecordingError.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>
#include <span>

namespace spoke::recording {

namespace {

constexpr AVRational kMillisecond{1, 1000};
constexpr int kRateHz = 48000;
constexpr int kSamplesPerMs = kRateHz / 1000;

std::string describe(const std::filesystem::path& file)
{
    return "'" + file.string() + "'";
}

media::AvCodecContextPtr openDecoder(const AVStream& stream, const std::filesystem::path& file)
{
    const AVCodec* codec = avcodec_find_decoder(stream.codecpar->codec_id);
    if (!codec)
        throw RecordingError(RecordingErrorKind::Unsupported, describe(file) + " uses "
                                                                  + avcodec_get_name(stream.codecpar->codec_id)
                                                                  + ", which this FFmpeg cannot decode");
    media::AvCodecContextPtr context(avcodec_alloc_context3(codec));
    if (!context)
        throw std::bad_alloc();
    int rc = avcodec_parameters_to_context(context.get(), stream.codecpar);
    if (rc >= 0) {
        context->pkt_timebase = stream.time_base;
        context->thread_count = 2; // the hub converts one recording at a time next to its other work
        rc = avcodec_open2(context.get(), codec, nullptr);
    }
    if (rc < 0)
        throw RecordingError(RecordingErrorKind::Codec,
                             "Cannot start the " + std::string(codec->name) + " decoder: " + avErrorText(rc));
    return context;
}

media::VpxEncoderConfig lightEncoderConfig(int width, int height, int fps, int bitrateBps)
{
    media::VpxEncoderConfig config;
    config.codec = media::VideoCodec::Vp8;
    config.width = width;
    config.height = height;
    config.fps = fps;
    config.bitrateBps = bitrateBps;
    config.threads = 1; // one per stream below 720p (VpxEncoderConfig)
    // Rate control may skip a picture rather than go over the budget: the
    // ceiling is the point of this rendition.
    config.allowFrameDrop = true;
    // A keyframe every 2 s like Recorder's files, so a player seeks fast and
    // damage spoils at most two seconds.
    config.maxKeyframeIntervalFrames = std::max(1, 2 * fps);
    return config;
}

} // namespace

// ---- PartReader ------------------------------------------------------------------

PartReader::PartReader(const std::filesystem::path& file, bool decodeVideo) : file_(file)
{
    media::LocalInputResult input = media::openLocalInput(file, media::LocalInputKind::Recording);
    if (!input.refusal.empty())
        throw RecordingError(RecordingErrorKind::NotMedia,
                             describe(file) + " is not a recording Spoke can read: " + input.refusal);
    if (!input.context)
        throw RecordingError(RecordingErrorKind::NotMedia,
                             describe(file) + " is not a recording Spoke can read: " + avErrorText(input.error));
    context_ = std::move(input.context);
    const int rc = avformat_find_stream_info(context_.get(), nullptr);
    if (rc < 0)
        throw RecordingError(RecordingErrorKind::NotMedia,
                             describe(file) + " has no tracks Spoke can read: " + avErrorText(rc));
    videoStream_ = av_find_best_stream(context_.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    audioStream_ = av_find_best_stream(context_.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    videoStream_ = std::max(videoStream_, -1);
    audioStream_ = std::max(audioStream_, -1);
    if (decodeVideo && videoStream_ >= 0)
        videoDecoder_ = openDecoder(*context_->streams[videoStream_], file);
    if (audioStream_ >= 0)
        audioDecoder_ = openDecoder(*context_->streams[audioStream_], file);
    startMs_ = context_->start_time == AV_NOPTS_VALUE ? 0 : context_->start_time / 1000;
    packet_.reset(av_packet_alloc());
    frame_.reset(av_frame_alloc());
    if (!packet_ || !frame_)
        throw std::bad_alloc();
}

int PartReader::width() const
{
    return videoStream_ >= 0 ? context_->streams[videoStream_]->codecpar->width : 0;
}

int PartReader::height() const
{
    return videoStream_ >= 0 ? context_->streams[videoStream_]->codecpar->height : 0;
}

int PartReader::fps() const
{
    if (videoStream_ < 0)
        return 30;
    const AVStream* stream = context_->streams[videoStream_];
    const AVRational rate = stream->avg_frame_rate.num > 0 ? stream->avg_frame_rate : stream->r_frame_rate;
    if (rate.num <= 0 || rate.den <= 0)
        return 30;
    return std::clamp(static_cast<int>(std::lround(av_q2d(rate))), 1, 60);
}

std::string PartReader::title() const
{
    const AVDictionaryEntry* title = av_dict_get(context_->metadata, "title", nullptr, 0);
    return title ? title->value : "";
}

std::vector<ChapterMark> PartReader::chapters() const
{
    std::vector<ChapterMark> marks;
    for (unsigned i = 0; i < context_->nb_chapters; ++i) {
        const AVChapter* chapter = context_->chapters[i];
        ChapterMark mark;
        mark.startMs = av_rescale_q(chapter->start, chapter->time_base, kMillisecond);
        mark.endMs = av_rescale_q(chapter->end, chapter->time_base, kMillisecond);
        if (const AVDictionaryEntry* title = av_dict_get(chapter->metadata, "title", nullptr, 0))
            mark.title = title->value;
        marks.push_back(mark);
    }
    // Matroska stores chapters only at a clean stop; a part the recorder
    // did not survive has them in its journal (ChapterJournal).
    return marks.empty() ? ChapterJournal::read(file_) : marks;
}

std::int64_t PartReader::bytesRead() const
{
    return context_->pb ? avio_tell(context_->pb) : 0;
}

bool PartReader::step(const Sinks& sinks)
{
    if (done_)
        return false;
    const int rc = av_read_frame(context_.get(), packet_.get());
    if (rc < 0) {
        if (rc != AVERROR_EOF)
            problem_ = "reading stopped at damage after " + std::to_string(playedMs_) + " ms: " + avErrorText(rc);
        else if (context_->pb && context_->pb->error < 0)
            problem_ = "the file could not be read past " + std::to_string(playedMs_)
                       + " ms: " + avErrorText(context_->pb->error);
        else if (context_->duration > 0 && playedMs_ + 1000 < context_->duration / 1000)
            // A finished file copied or downloaded only in part keeps the
            // Duration its header states (RecordingProbe words it the same).
            problem_ = "the file ends at " + std::to_string(playedMs_) + " ms although it says it lasts "
                       + std::to_string(context_->duration / 1000) + " ms: it was cut short";
        finishPart(sinks);
        return false;
    }
    const AVStream* stream = context_->streams[packet_->stream_index];
    const std::int64_t pts = packet_->pts != AV_NOPTS_VALUE ? packet_->pts : packet_->dts;
    if (pts != AV_NOPTS_VALUE) {
        // The same measure RecordingProbe's playableMs uses, so a part's
        // length here and in the probe agree.
        const std::int64_t endMs =
            av_rescale_q(pts + std::max<std::int64_t>(packet_->duration, 0), stream->time_base, kMillisecond)
            - startMs_;
        playedMs_ = std::max(playedMs_, endMs);
    }
    if (packet_->stream_index == videoStream_ && videoDecoder_ && sinks.video)
        decode(videoDecoder_.get(), packet_.get(), true, sinks);
    else if (packet_->stream_index == audioStream_ && audioDecoder_ && sinks.audio)
        decode(audioDecoder_.get(), packet_.get(), false, sinks);
    av_packet_unref(packet_.get());
    return true;
}

void PartReader::finishPart(const Sinks& sinks)
{
    done_ = true;
    if (videoDecoder_ && sinks.video)
        decode(videoDecoder_.get(), nullptr, true, sinks);
    if (audioDecoder_ && sinks.audio)
        decode(audioDecoder_.get(), nullptr, false, sinks);
}

void PartReader::decode(AVCodecContext* decoder, const AVPacket* packet, bool isVideo, const Sinks& sinks)
{
    const AVStream* stream = context_->streams[isVideo ? videoStream_ : audioStream_];
    const auto receiveAll = [&] {
        while (avcodec_receive_frame(decoder, frame_.get()) >= 0) {
            std::int64_t ts = frame_->best_effort_timestamp;
            if (ts == AV_NOPTS_VALUE)
                ts = frame_->pts;
            if (ts != AV_NOPTS_VALUE) {
                const std::int64_t ms = av_rescale_q(ts, stream->time_base, kMillisecond) - startMs_;
                if (isVideo)
                    sinks.video(*frame_, ms);
                else
                    sinks.audio(*frame_, ms);
            }
            av_frame_unref(frame_.get());
        }
    };
    for (;;) {
        const int rc = avcodec_send_packet(decoder, packet);
        if (rc != AVERROR(EAGAIN))
            break; // a damaged packet is skipped: the next keyframe brings the picture back
        receiveAll();
    }
    receiveAll();
}

// ---- RenditionVideo ----------------------------------------------------------------

RenditionVideo::RenditionVideo(WebmWriter& writer, int width, int height, int fps, int bitrateBps)
    : writer_(writer)
    , converter_(AV_PIX_FMT_YUV420P, width, height)
    , encoder_(lightEncoderConfig(width, height, fps, bitrateBps))
{
}

void RenditionVideo::encode(const AVFrame& picture, std::int64_t ptsMs)
{
    media::AvFramePtr reference(av_frame_clone(&picture));
    if (!reference)
        throw std::bad_alloc();
    const media::VideoFrame input(std::move(reference), ptsMs * 1000, frames_);
    const media::VideoFrame scaled = converter_.convert(input);
    for (const media::EncodedFrame& encoded : encoder_.encode(scaled))
        writer_.writeVideo(encoded.data, encoded.captureTimeUs / 1000, encoded.keyframe);
    ++frames_;
}

// ---- RenditionAudio -------------------------------------------------------------------

RenditionAudio::RenditionAudio(int bitrateBps, int packetMs)
{
    const AVCodec* codec = avcodec_find_encoder_by_name("libopus");
    if (!codec)
        throw RecordingError(RecordingErrorKind::Unsupported, "This FFmpeg was built without the libopus encoder");
    encoder_.reset(avcodec_alloc_context3(codec));
    if (!encoder_)
        throw std::bad_alloc();
    encoder_->sample_rate = kRateHz;
    encoder_->sample_fmt = AV_SAMPLE_FMT_S16;
    av_channel_layout_default(&encoder_->ch_layout, 1);
    encoder_->bit_rate = bitrateBps;
    encoder_->time_base = AVRational{1, kRateHz};
    AVDictionary* options = nullptr;
    av_dict_set(&options, "application", "voip", 0); // a session is speech
    av_dict_set(&options, "frame_duration", std::to_string(packetMs).c_str(), 0);
    av_dict_set(&options, "vbr", "constrained", 0); // VBR proper runs 10-15 % over on a steady tone
    av_dict_set_int(&options, "compression_level", 10, 0); // offline: the best libopus can do costs little
    const int rc = avcodec_open2(encoder_.get(), codec, &options);
    // avcodec_open2 leaves the options it did not know in the dictionary: a
    // renamed one must not silently give another bitrate or packet length.
    const AVDictionaryEntry* unused = av_dict_get(options, "", nullptr, AV_DICT_IGNORE_SUFFIX);
    const std::string unusedName = unused ? unused->key : "";
    av_dict_free(&options);
    if (!unusedName.empty())
        throw RecordingError(RecordingErrorKind::Codec,
                             "This FFmpeg's Opus encoder has no option '" + unusedName + "'");
    if (rc < 0)
        throw RecordingError(RecordingErrorKind::Codec, "Cannot start the Opus encoder: " + avErrorText(rc));
    frame_.reset(av_frame_alloc());
    packet_.reset(av_packet_alloc());
    if (!frame_ || !packet_)
        throw std::bad_alloc();
}

RenditionAudio::~RenditionAudio()
{
    av_channel_layout_uninit(&inLayout_);
}

int RenditionAudio::preSkipSamples() const
{
    return encoder_->initial_padding;
}

void RenditionAudio::push(const AVFrame& sound, std::int64_t ptsMs)
{
    // A gap longer than a 20 ms frame is silence on the output's timeline;
    // an overlap of a few ms (rounding between parts) is simply played on.
    if (ptsMs * kSamplesPerMs > samplesQueued_ + kRateHz / 50)
        padTo(ptsMs);
    const bool changed = !resampler_ || sound.format != inFormat_ || sound.sample_rate != inRateHz_
                         || av_channel_layout_compare(&sound.ch_layout, &inLayout_) != 0;
    if (changed) {
        av_channel_layout_uninit(&inLayout_);
        av_channel_layout_copy(&inLayout_, &sound.ch_layout); // FFmpeg 5 takes the layouts non-const
        SwrContext* raw = nullptr;
        int rc = swr_alloc_set_opts2(&raw, &encoder_->ch_layout, AV_SAMPLE_FMT_S16, kRateHz, &inLayout_,
                                     static_cast<AVSampleFormat>(sound.format), sound.sample_rate, 0, nullptr);
        resampler_.reset(raw);
        if (rc >= 0)
            rc = swr_init(resampler_.get());
        if (rc < 0)
            throw RecordingError(RecordingErrorKind::Codec,
                                 "Cannot convert the sound to 48 kHz mono: " + avErrorText(rc));
        inFormat_ = sound.format;
        inRateHz_ = sound.sample_rate;
    }
    const int capacity = swr_get_out_samples(resampler_.get(), sound.nb_samples);
    std::vector<std::int16_t> samples(static_cast<std::size_t>(std::max(capacity, 0)));
    auto* out = reinterpret_cast<std::uint8_t*>(samples.data());
    const int got = swr_convert(resampler_.get(), &out, capacity, const_cast<const std::uint8_t**>(sound.extended_data),
                                sound.nb_samples);
    if (got < 0)
        throw RecordingError(RecordingErrorKind::Codec, "Cannot convert the sound: " + avErrorText(got));
    pushSamples(samples.data(), got);
}

void RenditionAudio::padTo(std::int64_t ptsMs)
{
    const std::vector<std::int16_t> second(kRateHz, 0);
    // A second at a time: a crashed recorder may have been away for minutes.
    while (samplesQueued_ < ptsMs * kSamplesPerMs) {
        const auto count = std::min<std::int64_t>(kRateHz, ptsMs * kSamplesPerMs - samplesQueued_);
        pushSamples(second.data(), static_cast<int>(count));
    }
}

void RenditionAudio::pushSamples(const std::int16_t* samples, int count)
{
    pending_.insert(pending_.end(), samples, samples + count);
    samplesQueued_ += count;
    encodeFrames(false);
}

void RenditionAudio::encodeFrames(bool flush)
{
    const std::size_t frameSize = static_cast<std::size_t>(encoder_->frame_size);
    const bool shortLastFrame = encoder_->codec->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME;
    std::size_t used = 0;
    while (pending_.size() - used >= frameSize || (flush && used < pending_.size())) {
        const std::size_t count = std::min(frameSize, pending_.size() - used);
        frame_->nb_samples = static_cast<int>(shortLastFrame ? count : frameSize);
        frame_->format = AV_SAMPLE_FMT_S16;
        frame_->sample_rate = kRateHz;
        av_channel_layout_copy(&frame_->ch_layout, &encoder_->ch_layout);
        if (av_frame_get_buffer(frame_.get(), 0) < 0)
            throw std::bad_alloc();
        auto* data = reinterpret_cast<std::int16_t*>(frame_->data[0]);
        std::fill(data, data + frame_->nb_samples, std::int16_t{0});
        std::copy_n(pending_.begin() + static_cast<std::ptrdiff_t>(used), count, data);
        frame_->pts = samplesSent_;
        samplesSent_ += frame_->nb_samples;
        const int rc = avcodec_send_frame(encoder_.get(), frame_.get());
        av_frame_unref(frame_.get());
        if (rc < 0)
            throw RecordingError(RecordingErrorKind::Codec, "The Opus encoder refused the sound: " + avErrorText(rc));
        drainPackets();
        used += count;
    }
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(used));
}

void RenditionAudio::drainPackets()
{
    while (avcodec_receive_packet(encoder_.get(), packet_.get()) >= 0) {
        // libavcodec counts packets from minus the encoder delay; Matroska's
        // first block is at 0 and the Opus pre-skip hides that delay.
        const std::int64_t ptsMs = (packet_->pts + preSkipSamples()) / kSamplesPerMs;
        if (writer_)
            writer_->writeAudio(std::span<const std::uint8_t>(packet_->data, static_cast<std::size_t>(packet_->size)),
                                ptsMs, static_cast<int>(packet_->duration));
        av_packet_unref(packet_.get());
    }
}

void RenditionAudio::finish()
{
    encodeFrames(true);
    const int rc = avcodec_send_frame(encoder_.get(), nullptr);
    if (rc < 0 && rc != AVERROR_EOF)
        throw RecordingError(RecordingErrorKind::Codec, "Cannot drain the Opus encoder: " + avErrorText(rc));
    drainPackets();
}

} // namespace spoke::recording
