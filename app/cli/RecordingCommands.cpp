// spoke-cli record / probe / play / bench playback.

#include "Commands.h"

#include "bench/PlaybackBench.h"
#include "media/MediaError.h"
#include "media/VideoSink.h"
#include "media/devices/DeviceRegistry.h"
#include "recording/AudioOutput.h"
#include "recording/Importer.h"
#include "recording/Player.h"
#include "recording/Recorder.h"
#include "recording/RecordingError.h"
#include "recording/RecordingLog.h"
#include "recording/RecordingProbe.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>

namespace spoke::cli {

namespace {

using namespace std::chrono_literals;

QJsonArray chaptersJson(const std::vector<recording::ChapterMark>& chapters)
{
    QJsonArray array;
    for (const auto& chapter : chapters)
        array.append(
            QJsonObject{{QStringLiteral("start_ms"), static_cast<qint64>(chapter.startMs)},
                        {QStringLiteral("end_ms"), static_cast<qint64>(chapter.endMs.value_or(chapter.startMs))},
                        {QStringLiteral("title"), QString::fromStdString(chapter.title)}});
    return array;
}

QJsonObject probeJson(const recording::ProbeResult& probe)
{
    QJsonArray tracks;
    for (const auto& track : probe.tracks) {
        QJsonObject t{{QStringLiteral("index"), track.index},
                      {QStringLiteral("kind"), QString::fromStdString(track.kind)},
                      {QStringLiteral("codec"), QString::fromStdString(track.codec)}};
        if (track.kind == "video") {
            t.insert(QStringLiteral("width"), track.width);
            t.insert(QStringLiteral("height"), track.height);
            t.insert(QStringLiteral("fps"), track.fps);
        } else if (track.kind == "audio") {
            t.insert(QStringLiteral("sample_rate_hz"), track.sampleRateHz);
            t.insert(QStringLiteral("channels"), track.channels);
        }
        tracks.append(t);
    }
    return QJsonObject{
        {QStringLiteral("file"), QString::fromStdString(probe.file.string())},
        {QStringLiteral("container"), QString::fromStdString(probe.container)},
        {QStringLiteral("title"), QString::fromStdString(probe.title)},
        {QStringLiteral("size_bytes"), static_cast<qint64>(probe.sizeBytes)},
        {QStringLiteral("duration_ms"), static_cast<qint64>(probe.durationMs)},
        {QStringLiteral("playable_ms"), static_cast<qint64>(probe.playableMs)},
        {QStringLiteral("finalized"), probe.durationMs > 0},
        {QStringLiteral("read_to_end"), probe.readToEnd},
        {QStringLiteral("problem"), QString::fromStdString(probe.problem)},
        {QStringLiteral("packets"), static_cast<qint64>(probe.packets)},
        {QStringLiteral("tracks"), tracks},
        {QStringLiteral("chapters"), chaptersJson(probe.chapters)},
    };
}

bool parseArgs(QCommandLineParser& parser, const char* name, const QStringList& args)
{
    if (!parser.parse(QStringList{QString::fromLatin1(name)} + args)) {
        CliContext::printError(parser.errorText());
        return false;
    }
    return true;
}

struct ChapterPlan {
    std::int64_t atMs = 0;
    std::string title;
};

// Counts pictures; the CLI has no screen.
class CountingSink final : public media::VideoSink {
public:
    void onFrame(const media::VideoFrame&) override { ++count; }
    std::atomic<std::int64_t> count{0};
};

} // namespace

namespace {

// What `record` was asked for, its options checked.
struct RecordPlan {
    recording::RecorderConfig config;
    double seconds = 0;
    QString videoKind;
    QString audioKind;
    std::vector<ChapterPlan> chapters;
};

void addRecordOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("video"), QStringLiteral("test|camera|screen|none"), QStringLiteral("SOURCE"),
                      QStringLiteral("test")});
    parser.addOption(
        {QStringLiteral("audio"), QStringLiteral("tone|mic"), QStringLiteral("SOURCE"), QStringLiteral("tone")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("length"), QStringLiteral("S")});
    parser.addOption({QStringLiteral("chapter"), QStringLiteral("SECONDS:TITLE"), QStringLiteral("CHAPTER")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("file"), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("size"), QStringLiteral("WxH"), QStringLiteral("SIZE"), QStringLiteral("1280x720")});
    parser.addOption({QStringLiteral("fps"), QStringLiteral("frame rate"), QStringLiteral("N"), QStringLiteral("30")});
    parser.addOption(
        {QStringLiteral("codec"), QStringLiteral("vp8|vp9"), QStringLiteral("CODEC"), QStringLiteral("vp8")});
    parser.addOption({QStringLiteral("title"), QStringLiteral("title"), QStringLiteral("TITLE")});
}

// --chapter SECONDS:TITLE, any number of them, in time order.
std::optional<std::vector<ChapterPlan>> parseChapters(const QStringList& specs)
{
    std::vector<ChapterPlan> plans;
    for (const QString& spec : specs) {
        const auto colon = spec.indexOf(QLatin1Char(':'));
        bool ok = false;
        const double at = spec.left(colon).toDouble(&ok);
        if (colon <= 0 || !ok || at < 0) {
            CliContext::printError(QStringLiteral("--chapter needs SECONDS:TITLE, not \"%1\"").arg(spec));
            return std::nullopt;
        }
        plans.push_back({static_cast<std::int64_t>(at * 1000), spec.mid(colon + 1).toStdString()});
    }
    std::sort(plans.begin(), plans.end(), [](const auto& a, const auto& b) { return a.atMs < b.atMs; });
    return plans;
}

std::optional<RecordPlan> parseRecordPlan(const QStringList& args)
{
    QCommandLineParser parser;
    addRecordOptions(parser);
    if (!parseArgs(parser, "record", args))
        return std::nullopt;
    RecordPlan plan;
    bool ok = false;
    plan.seconds = parser.value(QStringLiteral("seconds")).toDouble(&ok);
    if (!ok || plan.seconds <= 0 || !parser.isSet(QStringLiteral("out"))) {
        CliContext::printError(QStringLiteral("record needs --seconds S (positive) and --out FILE"));
        return std::nullopt;
    }
    plan.videoKind = parser.value(QStringLiteral("video"));
    plan.audioKind = parser.value(QStringLiteral("audio"));
    const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    auto& config = plan.config;
    config.file = parser.value(QStringLiteral("out")).toStdString();
    config.title = parser.isSet(QStringLiteral("title")) ? parser.value(QStringLiteral("title")).toStdString()
                                                         : config.file.stem().string();
    config.video = plan.videoKind != QLatin1String("none");
    config.codec = parser.value(QStringLiteral("codec")) == QLatin1String("vp9") ? recording::WebmVideoCodec::Vp9
                                                                                 : recording::WebmVideoCodec::Vp8;
    config.width = size.value(0).toInt();
    config.height = size.value(1).toInt();
    config.fps = parser.value(QStringLiteral("fps")).toInt();
    if (config.width < 160 || config.height < 90 || config.fps <= 0 || config.width % 2 || config.height % 2) {
        CliContext::printError(
            QStringLiteral("--size needs an even WxH of at least 160x90 and --fps a positive number"));
        return std::nullopt;
    }
    config.videoBitrateBps = std::max(300'000, config.width * config.height * config.fps / 20);
    auto chapters = parseChapters(parser.values(QStringLiteral("chapter")));
    if (!chapters)
        return std::nullopt;
    plan.chapters = std::move(*chapters);
    return plan;
}

struct RecordSources {
    std::unique_ptr<media::VideoSource> video; // null for --video none
    std::unique_ptr<media::AudioSource> audio;
};

// Opens what --video and --audio name; an unknown kind is nullopt (said),
// a missing device a MediaError.
std::optional<RecordSources> openRecordSources(media::DeviceRegistry& devices, const RecordPlan& plan)
{
    const auto firstOf = [&](media::DeviceKind kind) {
        std::string id = devices.firstReal(kind);
        if (id.empty())
            throw media::MediaError(media::MediaErrorKind::DeviceNotFound, "No such device on this computer");
        return id;
    };
    const media::VideoCaptureFormat format{plan.config.width, plan.config.height, plan.config.fps};
    RecordSources sources;
    if (plan.videoKind == QLatin1String("test"))
        sources.video = devices.openVideo("synthetic:test-pattern", format);
    else if (plan.videoKind == QLatin1String("camera"))
        sources.video = devices.openVideo(firstOf(media::DeviceKind::Camera), format);
    else if (plan.videoKind == QLatin1String("screen"))
        sources.video = devices.openVideo(firstOf(media::DeviceKind::Screen), format);
    else if (plan.videoKind != QLatin1String("none")) {
        CliContext::printError(QStringLiteral("--video is test, camera, screen or none"));
        return std::nullopt;
    }
    if (plan.audioKind == QLatin1String("tone"))
        sources.audio = devices.openAudio("synthetic:tone");
    else if (plan.audioKind == QLatin1String("mic"))
        sources.audio = devices.openAudio(firstOf(media::DeviceKind::Microphone));
    else {
        CliContext::printError(QStringLiteral("--audio is tone or mic"));
        return std::nullopt;
    }
    return sources;
}

// Feeds the recorder from the sources on two threads, marks the chapters
// when their time comes, and stops at the planned length (or when the
// recorder stops itself: a full disk).
recording::RecorderStatus recordFor(recording::Recorder& recorder, recording::RecordingLog& log, RecordSources& sources,
                                    const RecordPlan& plan)
{
    std::thread videoPump;
    if (sources.video) {
        videoPump = std::thread([&] {
            try {
                for (media::VideoFrame frame = sources.video->read(); !frame.isNull(); frame = sources.video->read())
                    recorder.pushVideo("local", frame);
            } catch (const media::MediaError&) { // NOLINT(bugprone-empty-catch): the recording shows black from here
            }
        });
    }
    std::thread audioPump([&] {
        try {
            for (media::AudioFrame frame = sources.audio->read(); !frame.isNull(); frame = sources.audio->read())
                recorder.pushAudio("local", frame);
        } catch (const media::MediaError&) { // NOLINT(bugprone-empty-catch): the mix carries silence from here
        }
    });
    const auto endMs = static_cast<std::int64_t>(plan.seconds * 1000);
    std::size_t nextChapter = 0;
    while (recorder.isRecording() && recorder.elapsedMs() < endMs) {
        while (nextChapter < plan.chapters.size() && plan.chapters[nextChapter].atMs <= recorder.elapsedMs()) {
            const auto mark = recorder.addChapter(plan.chapters[nextChapter].title);
            log.chapter(mark.startMs, mark.title);
            ++nextChapter;
        }
        std::this_thread::sleep_for(10ms);
    }
    recording::RecorderStatus status = recorder.stop(); // returned: moved, so not const
    if (sources.video)
        sources.video->interrupt();
    sources.audio->interrupt();
    if (videoPump.joinable())
        videoPump.join();
    audioPump.join();
    return status;
}

QJsonObject finishedJson(const recording::RecorderStatus& status, const recording::ProbeResult& probe,
                         std::int64_t recordingId)
{
    QJsonObject json = probeJson(probe);
    json.insert(QStringLiteral("event"), QStringLiteral("finished"));
    json.insert(QStringLiteral("recording_id"), static_cast<qint64>(recordingId));
    json.insert(QStringLiteral("audio_only"), status.audioOnly);
    json.insert(QStringLiteral("fallback"), QString::fromStdString(status.fallbackReason));
    json.insert(QStringLiteral("stop_reason"),
                status.stopReason == recording::StopReason::DiskFull      ? QStringLiteral("disk_full")
                : status.stopReason == recording::StopReason::WriteFailed ? QStringLiteral("write_failed")
                                                                          : QStringLiteral("requested"));
    json.insert(QStringLiteral("stop_message"), QString::fromStdString(status.stopMessage));
    json.insert(QStringLiteral("video_frames_encoded"), static_cast<qint64>(status.videoFramesEncoded));
    json.insert(QStringLiteral("audio_frames_encoded"), static_cast<qint64>(status.audioFramesEncoded));
    return json;
}

} // namespace

int runRecord(CliContext& context, const QStringList& args)
{
    const std::optional<RecordPlan> plan = parseRecordPlan(args);
    if (!plan)
        return kBadInput;
    try {
        media::DeviceRegistry devices;
        std::optional<RecordSources> sources = openRecordSources(devices, *plan);
        if (!sources)
            return kBadInput;
        store::Cache cache = context.openCache();
        store::RecordingStore recordings = cache.recordings();
        recording::RecordingLog log(recordings, plan->config.file, plan->config.title);
        recording::Recorder recorder(plan->config);
        // One line as soon as the file exists, so a caller (the crash test)
        // knows when recording time starts.
        CliContext::printJsonLine(
            QJsonObject{{QStringLiteral("event"), QStringLiteral("recording")},
                        {QStringLiteral("file"), QString::fromStdString(plan->config.file.string())},
                        {QStringLiteral("recording_id"), static_cast<qint64>(log.recordingId())}});
        std::fflush(stdout);

        const recording::RecorderStatus status = recordFor(recorder, log, *sources, *plan);
        const recording::ProbeResult probe = recording::RecordingProbe::probe(plan->config.file);
        log.finish(probe, recording::Importer::sha256Of(plan->config.file));
        CliContext::printJsonLine(finishedJson(status, probe, log.recordingId()));
        if (!status.fallbackReason.empty())
            CliContext::printError(QString::fromStdString(status.fallbackReason));
        return status.stopReason == recording::StopReason::Requested ? kOk : kFailed;
    } catch (const media::MediaError& error) {
        CliContext::printError(QString::fromStdString(error.what()));
        return kBadInput;
    } catch (const recording::RecordingError& error) {
        CliContext::printError(QString::fromStdString(error.what()));
        return kFailed;
    }
}

int runProbe(CliContext&, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("recording"));
    if (!parseArgs(parser, "probe", args))
        return kBadInput;
    if (parser.positionalArguments().size() != 1) {
        CliContext::printError(QStringLiteral("probe needs exactly one FILE"));
        return kBadInput;
    }
    try {
        const auto probe = recording::RecordingProbe::probe(parser.positionalArguments().front().toStdString());
        if (parser.isSet(QStringLiteral("json"))) {
            CliContext::printJson(QJsonDocument(probeJson(probe)));
        } else {
            std::printf("%s: %s, %.1f s playable of %.1f s stated, %zu tracks, %zu chapters%s%s\n", probe.file.c_str(),
                        probe.container.c_str(), static_cast<double>(probe.playableMs) / 1000.0,
                        static_cast<double>(probe.durationMs) / 1000.0, probe.tracks.size(), probe.chapters.size(),
                        probe.problem.empty() ? "" : "; ", probe.problem.c_str());
        }
        return kOk;
    } catch (const recording::RecordingError& error) {
        CliContext::printError(QString::fromStdString(error.what()));
        return kBadInput;
    }
}

int runPlay(CliContext&, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON")});
    parser.addOption(
        {QStringLiteral("null-output"), QStringLiteral("Decode and pace in real time, show and play nothing")});
    parser.addOption({QStringLiteral("speed"), QStringLiteral("0.5–2"), QStringLiteral("X"), QStringLiteral("1")});
    parser.addOption(
        {QStringLiteral("start"), QStringLiteral("start position"), QStringLiteral("MS"), QStringLiteral("0")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("recording"));
    if (!parseArgs(parser, "play", args))
        return kBadInput;
    bool ok = false;
    const double speed = parser.value(QStringLiteral("speed")).toDouble(&ok);
    if (parser.positionalArguments().size() != 1 || !ok || speed < 0.5 || speed > 2.0) {
        CliContext::printError(QStringLiteral("play needs one FILE and a --speed from 0.5 to 2"));
        return kBadInput;
    }
    if (!parser.isSet(QStringLiteral("null-output"))) {
        CliContext::printError(QStringLiteral("spoke-cli has no screen or speaker: use --null-output"));
        return kBadInput;
    }
    try {
        recording::NullAudioOutput audio(2);
        CountingSink sink;
        recording::PlayerConfig config;
        config.audio = &audio;
        config.video = &sink;
        config.speed = speed;
        config.startMs = parser.value(QStringLiteral("start")).toLongLong();
        const auto began = std::chrono::steady_clock::now();
        recording::Player player(parser.positionalArguments().front().toStdString(), config);
        player.play();
        const auto lengthMs = std::max(player.info().durationMs, std::int64_t{600'000});
        const bool finished = player.waitUntilFinished(
            std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(lengthMs) / speed) + 30'000));
        const auto wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
        const recording::PlayerStats stats = player.stats();
        const QJsonObject json{
            {QStringLiteral("file"), QString::fromStdString(player.info().file.string())},
            {QStringLiteral("speed"), speed},
            {QStringLiteral("finished"), finished},
            {QStringLiteral("frames_decoded"), static_cast<qint64>(stats.framesDecoded)},
            {QStringLiteral("frames_presented"), static_cast<qint64>(stats.framesPresented)},
            {QStringLiteral("dropped_frames"), static_cast<qint64>(stats.droppedFrames)},
            {QStringLiteral("decode_errors"), static_cast<qint64>(stats.decodeErrors)},
            {QStringLiteral("max_av_drift_ms"), stats.maxAvDriftMs},
            {QStringLiteral("audio_frames"), static_cast<qint64>(stats.audioFramesWritten)},
            {QStringLiteral("readable_until_ms"), static_cast<qint64>(stats.readableUntilMs)},
            {QStringLiteral("problem"), QString::fromStdString(stats.problem)},
            {QStringLiteral("wall_ms"), wallMs},
            {QStringLiteral("chapters"), chaptersJson(player.info().chapters)},
        };
        if (parser.isSet(QStringLiteral("json")))
            CliContext::printJson(QJsonDocument(json));
        else
            std::printf("played %lld frames (%lld dropped), max A/V drift %.1f ms, in %.0f ms\n",
                        static_cast<long long>(stats.framesPresented), static_cast<long long>(stats.droppedFrames),
                        stats.maxAvDriftMs, wallMs);
        if (!stats.problem.empty())
            CliContext::printError(QString::fromStdString(stats.problem));
        return finished ? kOk : kFailed;
    } catch (const recording::RecordingError& error) {
        CliContext::printError(QString::fromStdString(error.what()));
        return kBadInput;
    }
}

int runBenchPlayback(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON")});
    parser.addOption({QStringLiteral("minutes"), QStringLiteral("length of the long file"), QStringLiteral("N"),
                      QStringLiteral("120")});
    parser.addOption(
        {QStringLiteral("seeks"), QStringLiteral("random seeks"), QStringLiteral("N"), QStringLiteral("40")});
    if (!parseArgs(parser, "bench-playback", args))
        return kBadInput;
    bench::PlaybackBenchConfig config;
    config.minutes = parser.value(QStringLiteral("minutes")).toInt();
    config.seeks = parser.value(QStringLiteral("seeks")).toInt();
    if (config.minutes <= 0 || config.seeks <= 0) {
        CliContext::printError(QStringLiteral("--minutes and --seeks need positive whole numbers"));
        return kBadInput;
    }
    config.workDir = context.dataDir() / "bench" / "playback";
    try {
        const auto result = bench::runPlaybackBench(config);
        const auto summary = [](const bench::Summary& s) {
            return QJsonObject{{QStringLiteral("median"), s.median},
                               {QStringLiteral("p95"), s.p95},
                               {QStringLiteral("max"), s.max},
                               {QStringLiteral("count"), s.count}};
        };
        const QJsonObject json{
            {QStringLiteral("file"), QString::fromStdString(result.longFile.string())},
            {QStringLiteral("minutes"), config.minutes},
            {QStringLiteral("generate_seconds"), result.generateSeconds},
            {QStringLiteral("first_frame_ms"), summary(result.firstFrameMs)},
            {QStringLiteral("seek_ms"), summary(result.seekMs)},
            {QStringLiteral("reference_first_frame_ms"), summary(result.referenceFirstFrameMs)},
            {QStringLiteral("reference_seek_ms"), summary(result.referenceSeekMs)},
            {QStringLiteral("seek_median_ratio_to_reference"),
             result.referenceSeekMs.median > 0 ? result.seekMs.median / result.referenceSeekMs.median : 0.0},
        };
        if (parser.isSet(QStringLiteral("json")))
            CliContext::printJson(QJsonDocument(json));
        else
            std::printf(
                "%d-minute file: first frame median %.1f ms, seek median %.1f ms (p95 %.1f); 1-minute reference: "
                "%.1f / %.1f ms\n",
                config.minutes, result.firstFrameMs.median, result.seekMs.median, result.seekMs.p95,
                result.referenceFirstFrameMs.median, result.referenceSeekMs.median);
        return kOk;
    } catch (const std::exception& error) {
        CliContext::printError(QString::fromStdString(error.what()));
        return kFailed;
    }
}

} // namespace spoke::cli
