#include "recording/WebmWriter.h"

#include "media/AvHandles.h"
#include "recording/RecordingError.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace spoke::recording {

namespace {

constexpr AVRational kMillisecond{1, 1000};

std::string describe(const std::filesystem::path& file)
{
    return "'" + file.string() + "'";
}

// The Opus identification header (RFC 7845 §5.1) Matroska stores as
// CodecPrivate; decoders need it to know the channel count and pre-skip.
std::array<std::uint8_t, 19> opusHead(int channels, int preSkipSamples)
{
    std::array<std::uint8_t, 19> head{};
    std::memcpy(head.data(), "OpusHead", 8);
    head[8] = 1; // version
    head[9] = static_cast<std::uint8_t>(channels);
    head[10] = static_cast<std::uint8_t>(preSkipSamples & 0xff);
    head[11] = static_cast<std::uint8_t>((preSkipSamples >> 8) & 0xff);
    const std::uint32_t rate = 48000;
    for (int i = 0; i < 4; ++i)
        head[12 + i] = static_cast<std::uint8_t>((rate >> (8 * i)) & 0xff);
    // gain 0, channel mapping family 0 (mono/stereo)
    return head;
}

} // namespace

WebmWriter::WebmWriter(const WebmWriterConfig& config) : config_(config), journal_(config.file)
{
    if (!config.video && !config.audio)
        throw RecordingError(RecordingErrorKind::InvalidArgument, "A recording needs video, audio or both");
    if (config.video && (config.width <= 0 || config.height <= 0 || config.fps <= 0))
        throw RecordingError(RecordingErrorKind::InvalidArgument, "A video track needs a positive size and frame rate");

    AVFormatContext* raw = nullptr;
    int rc = avformat_alloc_output_context2(&raw, nullptr, "webm", config.file.c_str());
    if (rc < 0 || !raw)
        throw RecordingError(RecordingErrorKind::Unsupported, "This FFmpeg cannot write WebM: " + avErrorText(rc));
    raw->pb = nullptr;
    context_.reset(raw);
    // Without this, a packet sits in avio's buffer until 32 KiB pile up.
    context_->flags |= AVFMT_FLAG_FLUSH_PACKETS;
    if (!config.title.empty())
        av_dict_set(&context_->metadata, "title", config.title.c_str(), 0);

    if (config.video) {
        AVStream* stream = avformat_new_stream(context_.get(), nullptr);
        if (!stream)
            throw std::bad_alloc();
        stream->time_base = kMillisecond;
        stream->avg_frame_rate = AVRational{config.fps, 1};
        AVCodecParameters* par = stream->codecpar;
        par->codec_type = AVMEDIA_TYPE_VIDEO;
        par->codec_id = config.videoCodec == WebmVideoCodec::Vp9 ? AV_CODEC_ID_VP9 : AV_CODEC_ID_VP8;
        par->width = config.width;
        par->height = config.height;
        par->format = AV_PIX_FMT_YUV420P;
        videoStream_ = stream->index;
    }
    if (config.audio) {
        AVStream* stream = avformat_new_stream(context_.get(), nullptr);
        if (!stream)
            throw std::bad_alloc();
        stream->time_base = kMillisecond;
        AVCodecParameters* par = stream->codecpar;
        par->codec_type = AVMEDIA_TYPE_AUDIO;
        par->codec_id = AV_CODEC_ID_OPUS;
        par->sample_rate = 48000;
        av_channel_layout_default(&par->ch_layout, config.audioChannels);
        par->frame_size = 960;
        par->initial_padding = config.opusPreSkipSamples;
        const auto head = opusHead(config.audioChannels, config.opusPreSkipSamples);
        par->extradata = static_cast<std::uint8_t*>(av_mallocz(head.size() + AV_INPUT_BUFFER_PADDING_SIZE));
        if (!par->extradata)
            throw std::bad_alloc();
        std::memcpy(par->extradata, head.data(), head.size());
        par->extradata_size = static_cast<int>(head.size());
        audioStream_ = stream->index;
    }
    lastStreamPtsMs_.assign(context_->nb_streams, -1);

    rc = avio_open(&context_->pb, config.file.c_str(), AVIO_FLAG_WRITE);
    if (rc < 0)
        throw RecordingError(RecordingErrorKind::CannotOpen,
                             "Cannot create the recording " + describe(config.file) + ": " + avErrorText(rc));
    syncFd_ = ::open(config.file.c_str(), O_WRONLY | O_CLOEXEC);

    AVDictionary* options = nullptr;
    av_dict_set_int(&options, "cluster_time_limit", config.clusterTimeLimitMs, 0);
    av_dict_set_int(&options, "cluster_size_limit", 4 << 20, 0);
    rc = avformat_write_header(context_.get(), &options);
    av_dict_free(&options);
    if (rc < 0)
        throw RecordingError(RecordingErrorKind::Io,
                             "Cannot write the header of " + describe(config.file) + ": " + avErrorText(rc));
    // The header reaches the disk before the first frame, so even a crash in
    // the first second leaves a file every player recognises.
    sync();
}

WebmWriter::~WebmWriter()
{
    try {
        finish();
    } catch (...) { // NOLINT(bugprone-empty-catch): a destructor must not throw; the file stays crash-safe
    }
    if (syncFd_ >= 0)
        ::close(syncFd_);
}

void WebmWriter::writeVideo(std::span<const std::uint8_t> data, std::int64_t ptsMs, bool keyframe)
{
    if (videoStream_ < 0)
        throw RecordingError(RecordingErrorKind::InvalidArgument, "This recording has no video track");
    write(videoStream_, data, ptsMs, 0, keyframe);
}

void WebmWriter::writeAudio(std::span<const std::uint8_t> data, std::int64_t ptsMs, int durationSamples)
{
    if (audioStream_ < 0)
        throw RecordingError(RecordingErrorKind::InvalidArgument, "This recording has no audio track");
    write(audioStream_, data, ptsMs, durationSamples / 48, true);
}

void WebmWriter::write(int streamIndex, std::span<const std::uint8_t> data, std::int64_t ptsMs,
                       std::int64_t durationMs, bool keyframe)
{
    affinity_.assertOwner();
    if (finished_)
        throw RecordingError(RecordingErrorKind::InvalidArgument, "The recording is already closed");
    if (data.empty())
        return;
    std::int64_t& last = lastStreamPtsMs_[static_cast<std::size_t>(streamIndex)];
    // Matroska needs rising times per track; two packets in one millisecond
    // or a late one must not abort a recording.
    if (ptsMs <= last)
        ptsMs = last + 1;
    last = ptsMs;

    media::AvPacketPtr packet(av_packet_alloc());
    if (!packet || av_new_packet(packet.get(), static_cast<int>(data.size())) < 0)
        throw std::bad_alloc();
    std::memcpy(packet->data, data.data(), data.size());
    packet->stream_index = streamIndex;
    packet->pts = ptsMs;
    packet->dts = ptsMs;
    packet->duration = durationMs;
    packet->time_base = kMillisecond;
    if (keyframe)
        packet->flags |= AV_PKT_FLAG_KEY;
    const int rc = av_write_frame(context_.get(), packet.get());
    if (rc < 0) {
        const auto kind = rc == AVERROR(ENOSPC) ? RecordingErrorKind::DiskFull : RecordingErrorKind::Io;
        throw RecordingError(kind, "Cannot write to the recording " + describe(config_.file) + ": " + avErrorText(rc));
    }
    lastPtsMs_ = std::max(lastPtsMs_, ptsMs + durationMs);
}

void WebmWriter::addChapter(std::int64_t startMs, const std::string& title)
{
    affinity_.assertOwner();
    chapters_.push_back({std::max<std::int64_t>(0, startMs), std::nullopt, title});
    journal_.append(startMs, title); // best effort: the cache has the chapter too
}

void WebmWriter::sync()
{
    affinity_.assertOwner();
    if (finished_ || !context_->pb)
        return;
    avio_flush(context_->pb);
    if (syncFd_ >= 0)
        ::fdatasync(syncFd_);
}

void WebmWriter::finish()
{
    if (finished_)
        return;
    affinity_.assertOwner();
    finished_ = true;
    const auto closed = closeChapters(chapters_, lastPtsMs_);
    for (std::size_t i = 0; i < closed.size(); ++i) {
        AVChapter* chapter = static_cast<AVChapter*>(av_mallocz(sizeof(AVChapter)));
        if (!chapter)
            throw std::bad_alloc();
        chapter->id = static_cast<std::int64_t>(i + 1);
        chapter->time_base = kMillisecond;
        chapter->start = closed[i].startMs;
        chapter->end = closed[i].endMs.value_or(closed[i].startMs);
        av_dict_set(&chapter->metadata, "title", closed[i].title.c_str(), 0);
        const unsigned count = context_->nb_chapters;
        auto* grown = static_cast<AVChapter**>(av_realloc_array(context_->chapters, count + 1, sizeof(AVChapter*)));
        if (!grown) {
            av_dict_free(&chapter->metadata);
            av_free(chapter);
            throw std::bad_alloc();
        }
        context_->chapters = grown;
        grown[count] = chapter;
        context_->nb_chapters = count + 1;
    }
    const int rc = av_write_trailer(context_.get());
    if (rc < 0)
        throw RecordingError(RecordingErrorKind::Io,
                             "Cannot close the recording " + describe(config_.file) + ": " + avErrorText(rc));
    avio_flush(context_->pb);
    if (syncFd_ >= 0)
        ::fdatasync(syncFd_);
    journal_.remove(); // the chapters are in the file now
}

std::int64_t WebmWriter::bytesWritten() const
{
    return context_->pb ? avio_tell(context_->pb) : 0;
}

} // namespace spoke::recording
