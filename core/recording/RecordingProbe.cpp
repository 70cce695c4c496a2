#include "recording/RecordingProbe.h"

#include "media/AvHandles.h"
#include "media/LocalInput.h"
#include "recording/ChapterJournal.h"
#include "recording/RecordingError.h"

#include <algorithm>
#include <system_error>

namespace spoke::recording {

namespace {

constexpr AVRational kMillisecond{1, 1000};

std::string kindOf(AVMediaType type)
{
    switch (type) {
    case AVMEDIA_TYPE_VIDEO: return "video";
    case AVMEDIA_TYPE_AUDIO: return "audio";
    case AVMEDIA_TYPE_SUBTITLE: return "subtitle";
    default: return "data";
    }
}

std::int64_t toMs(std::int64_t value, AVRational timeBase)
{
    return av_rescale_q(value, timeBase, kMillisecond);
}

} // namespace

bool ProbeResult::hasVideo() const
{
    return std::any_of(tracks.begin(), tracks.end(), [](const TrackInfo& t) { return t.kind == "video"; });
}

bool ProbeResult::hasAudio() const
{
    return std::any_of(tracks.begin(), tracks.end(), [](const TrackInfo& t) { return t.kind == "audio"; });
}

ProbeResult RecordingProbe::probe(const std::filesystem::path& file, ProbeDepth depth)
{
    ProbeResult result;
    result.file = file;
    std::error_code error;
    result.sizeBytes = static_cast<std::int64_t>(std::filesystem::file_size(file, error));
    if (error)
        throw RecordingError(RecordingErrorKind::CannotOpen, "Cannot read '" + file.string() + "': " + error.message());

    media::LocalInputResult input = media::openLocalInput(file, media::LocalInputKind::Recording);
    if (!input.refusal.empty())
        throw RecordingError(RecordingErrorKind::NotMedia,
                             "'" + file.string() + "' is not a recording Spoke can read: " + input.refusal);
    if (!input.context)
        throw RecordingError(RecordingErrorKind::NotMedia,
                             "'" + file.string() + "' is not a recording Spoke can read: " + avErrorText(input.error));
    media::AvInputContextPtr context = std::move(input.context);
    int rc = avformat_find_stream_info(context.get(), nullptr);
    if (rc < 0)
        throw RecordingError(RecordingErrorKind::NotMedia,
                             "'" + file.string() + "' has no tracks Spoke can read: " + avErrorText(rc));

    result.container = context->iformat->name;
    if (const AVDictionaryEntry* title = av_dict_get(context->metadata, "title", nullptr, 0))
        result.title = title->value;
    if (context->duration > 0)
        result.durationMs = av_rescale(context->duration, 1000, AV_TIME_BASE);

    for (unsigned i = 0; i < context->nb_streams; ++i) {
        const AVStream* stream = context->streams[i];
        const AVCodecParameters* par = stream->codecpar;
        TrackInfo track;
        track.index = static_cast<int>(i);
        track.kind = kindOf(par->codec_type);
        track.codec = avcodec_get_name(par->codec_id);
        track.width = par->width;
        track.height = par->height;
        if (par->codec_type == AVMEDIA_TYPE_VIDEO) {
            const AVRational rate = stream->avg_frame_rate.num > 0 ? stream->avg_frame_rate : stream->r_frame_rate;
            track.fps = rate.den > 0 ? av_q2d(rate) : 0.0;
        }
        track.sampleRateHz = par->sample_rate;
        track.channels = par->ch_layout.nb_channels;
        result.tracks.push_back(track);
    }
    for (unsigned i = 0; i < context->nb_chapters; ++i) {
        const AVChapter* chapter = context->chapters[i];
        ChapterMark mark;
        mark.startMs = toMs(chapter->start, chapter->time_base);
        mark.endMs = toMs(chapter->end, chapter->time_base);
        if (const AVDictionaryEntry* title = av_dict_get(chapter->metadata, "title", nullptr, 0))
            mark.title = title->value;
        result.chapters.push_back(mark);
    }
    if (result.chapters.empty()) {
        result.chapters = ChapterJournal::read(file);
        result.chaptersFromJournal = !result.chapters.empty();
    }

    result.playableMs = result.durationMs;
    if (depth == ProbeDepth::Headers) {
        if (result.chaptersFromJournal && result.durationMs > 0)
            result.chapters = closeChapters(std::move(result.chapters), result.durationMs);
        return result;
    }

    // Read every packet: the end of the last one read cleanly is how far
    // the file plays, whatever its header claims.
    const std::int64_t startUs = context->start_time == AV_NOPTS_VALUE ? 0 : context->start_time;
    const std::int64_t startMs = startUs / 1000;
    std::int64_t endMs = 0;
    media::AvPacketPtr packet(av_packet_alloc());
    if (!packet)
        throw std::bad_alloc();
    for (;;) {
        rc = av_read_frame(context.get(), packet.get());
        if (rc == AVERROR_EOF)
            break;
        if (rc < 0) {
            result.readToEnd = false;
            result.problem = "Reading stopped at damage after " + std::to_string(endMs) + " ms: " + avErrorText(rc);
            break;
        }
        const AVStream* stream = context->streams[packet->stream_index];
        const std::int64_t pts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
        if (pts != AV_NOPTS_VALUE) {
            const std::int64_t ms =
                toMs(pts + std::max<std::int64_t>(packet->duration, 0), stream->time_base) - startMs;
            endMs = std::max(endMs, ms);
        }
        ++result.packets;
        av_packet_unref(packet.get());
    }
    if (context->pb && context->pb->error < 0 && result.readToEnd) {
        result.readToEnd = false;
        result.problem =
            "The file could not be read past " + std::to_string(endMs) + " ms: " + avErrorText(context->pb->error);
    }
    result.playableMs = endMs;
    if (result.chaptersFromJournal)
        result.chapters = closeChapters(std::move(result.chapters), endMs);
    // A finished file that plays well short of its stated length was cut
    // off (a partial copy or download).
    if (result.readToEnd && result.durationMs > 0 && endMs + 1000 < result.durationMs) {
        result.readToEnd = false;
        result.problem = "The file ends at " + std::to_string(endMs) + " ms although it says it lasts "
                         + std::to_string(result.durationMs) + " ms: it was cut short";
    }
    return result;
}

} // namespace spoke::recording
