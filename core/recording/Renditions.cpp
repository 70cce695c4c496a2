#include "recording/Renditions.h"

#include "recording/ChapterJournal.h"
#include "recording/RenditionStages.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <system_error>

namespace spoke::recording {

namespace {

// Packets read between two looks at the progress callback: a few per second
// of input, so cancelling takes effect within milliseconds.
constexpr int kPacketsPerProgressCheck = 64;

int even(int value)
{
    return std::max(2, value & ~1);
}

// What the output holds, from the parts' headers.
struct OutputPlan {
    bool video = false;
    bool audio = false;
    int width = 0;
    int height = 0;
    int fps = 30;
    std::string title;
    std::int64_t totalBytes = 0;
};

OutputPlan planFor(const std::vector<std::filesystem::path>& parts, Rendition rendition)
{
    OutputPlan plan;
    for (const auto& part : parts) {
        const PartReader reader(part, false);
        std::error_code error;
        plan.totalBytes += static_cast<std::int64_t>(std::filesystem::file_size(part, error));
        plan.audio = plan.audio || reader.hasAudio();
        if (plan.title.empty())
            plan.title = reader.title();
        if (rendition != Rendition::Light || plan.video || !reader.hasVideo() || reader.height() <= 0)
            continue;
        // The first part with pictures sets the size; later parts are scaled
        // to it (a recorder that stepped down sends smaller pictures).
        plan.video = true;
        plan.height = even(std::min(kLightHeight, reader.height()));
        plan.width = even(static_cast<int>(
            std::lround(static_cast<double>(reader.width()) * plan.height / static_cast<double>(reader.height()))));
        plan.fps = std::min(reader.fps(), 30);
    }
    if (rendition == Rendition::AudioSlides && !plan.audio)
        throw RecordingError(RecordingErrorKind::Unsupported,
                             "The recording has no sound to make an audio rendition of");
    return plan;
}

// Calls the caller's progress function at most every 0.2 %, by bytes read.
class ProgressGate {
public:
    ProgressGate(const std::function<bool(double)>& progress, std::int64_t totalBytes)
        : progress_(progress)
        , totalBytes_(std::max<std::int64_t>(totalBytes, 1))
    {
    }

    void report(std::int64_t bytesDone, bool force = false)
    {
        const double fraction = std::clamp(static_cast<double>(bytesDone) / static_cast<double>(totalBytes_), 0.0, 1.0);
        if (!progress_ || (!force && fraction < last_ + 0.002) || fraction < last_)
            return;
        last_ = fraction;
        if (!progress_(fraction))
            throw RecordingError(RecordingErrorKind::Cancelled, "The conversion was cancelled");
    }

private:
    const std::function<bool(double)>& progress_;
    std::int64_t totalBytes_;
    double last_ = -1;
};

struct Conversion {
    ProgressGate& gate;
    WebmWriter& writer;
    RenditionAudio* audio = nullptr;
    std::optional<RenditionVideo> video;
    std::int64_t offsetMs = 0; // where the current part starts on the output's timeline
    std::int64_t bytesBefore = 0; // of the parts already converted
    RenditionResult result;

    void convertPart(const std::filesystem::path& part)
    {
        PartReader reader(part, video.has_value());
        PartReader::Sinks sinks;
        if (video && reader.hasVideo())
            sinks.video = [this](const AVFrame& picture, std::int64_t ptsMs) {
                video->encode(picture, offsetMs + ptsMs);
            };
        if (audio)
            sinks.audio = [this](const AVFrame& sound, std::int64_t ptsMs) { audio->push(sound, offsetMs + ptsMs); };
        for (int packets = 1; reader.step(sinks); ++packets)
            if (packets % kPacketsPerProgressCheck == 0)
                gate.report(bytesBefore + reader.bytesRead());
        if (!reader.problem().empty())
            result.problems.push_back(part.filename().string() + ": " + reader.problem());
        const std::int64_t partMs = reader.playedMs();
        // A chapter marked after the last packet that survived a crash would
        // point into the next part: it is left out.
        for (const ChapterMark& mark : reader.chapters())
            if (mark.startMs < partMs)
                result.chapters.push_back(
                    {offsetMs + std::max<std::int64_t>(0, mark.startMs), std::nullopt, mark.title});
        offsetMs += partMs;
        if (audio)
            audio->padTo(offsetMs); // the next part's sound starts where its pictures do
        std::error_code error;
        bytesBefore += static_cast<std::int64_t>(std::filesystem::file_size(part, error));
        gate.report(bytesBefore);
    }
};

RenditionResult convert(const std::vector<std::filesystem::path>& parts, Rendition rendition,
                        const std::filesystem::path& temp, const std::function<bool(double)>& progress)
{
    const OutputPlan plan = planFor(parts, rendition);
    const bool light = rendition == Rendition::Light;
    std::optional<RenditionAudio> audio;
    if (plan.audio)
        audio.emplace(light ? kLightAudioBitrateBps : kAudioSlidesBitrateBps, 60);

    WebmWriterConfig config;
    config.file = temp;
    config.title = plan.title;
    config.video = plan.video;
    config.videoCodec = WebmVideoCodec::Vp8;
    config.width = plan.video ? plan.width : 2;
    config.height = plan.video ? plan.height : 2;
    config.fps = plan.fps;
    config.audio = plan.audio;
    config.audioChannels = 1;
    config.opusPreSkipSamples = audio ? audio->preSkipSamples() : 0;
    WebmWriter writer(config);
    if (audio)
        audio->attach(writer);

    ProgressGate gate(progress, plan.totalBytes);
    gate.report(0, true);
    Conversion conversion{gate, writer, audio ? &*audio : nullptr, std::nullopt, 0, 0, {}};
    if (plan.video)
        conversion.video.emplace(writer, plan.width, plan.height, plan.fps, kLightVideoBitrateBps);
    for (const auto& part : parts)
        conversion.convertPart(part);
    if (audio)
        audio->finish();
    gate.report(plan.totalBytes, true);
    // Added only now so the output never gets a chapter journal of its own.
    for (const ChapterMark& mark : conversion.result.chapters)
        writer.addChapter(mark.startMs, mark.title);
    writer.finish();

    RenditionResult result = std::move(conversion.result);
    result.durationMs = conversion.offsetMs;
    result.chapters = closeChapters(std::move(result.chapters), result.durationMs);
    return result;
}

void removeQuietly(const std::filesystem::path& file)
{
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
}

} // namespace

const char* toString(Rendition rendition)
{
    switch (rendition) {
    case Rendition::Light: return "light";
    case Rendition::AudioSlides: return "audio-slides";
    }
    return "unknown";
}

Expected<RenditionResult, RecordingError> makeRendition(const std::vector<std::filesystem::path>& parts,
                                                        Rendition rendition, const std::filesystem::path& out,
                                                        const std::function<bool(double fraction)>& progress)
{
    if (parts.empty())
        return RecordingError(RecordingErrorKind::InvalidArgument, "A rendition needs at least one recording part");
    // Beside the output, so the rename stays on one file system and is atomic.
    std::filesystem::path temp = out;
    temp += ".partial";
    try {
        removeQuietly(temp);
        RenditionResult result = convert(parts, rendition, temp, progress);
        std::filesystem::rename(temp, out);
        result.bytes = static_cast<std::int64_t>(std::filesystem::file_size(out));
        return result;
    } catch (const RecordingError& error) {
        removeQuietly(temp);
        removeQuietly(ChapterJournal::pathFor(temp));
        return error;
    } catch (const std::filesystem::filesystem_error& error) {
        removeQuietly(temp);
        removeQuietly(ChapterJournal::pathFor(temp));
        return RecordingError(RecordingErrorKind::Io,
                              "Cannot write the rendition '" + out.string() + "': " + error.what());
    }
}

} // namespace spoke::recording
