#include "bench/RenditionsBench.h"

#include "media/MediaClock.h"
#include "media/audio/OpusVoiceEncoder.h"
#include "media/audio/ToneSource.h"
#include "media/video/TestPatternSource.h"
#include "media/video/VpxEncoder.h"
#include "recording/Renditions.h"
#include "recording/WebmWriter.h"

#include <sys/resource.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace spoke::bench {

namespace {

double cpuSecondsNow()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

RenditionTiming timeRendition(const std::filesystem::path& input, recording::Rendition rendition,
                              const std::filesystem::path& out, double seconds)
{
    const double cpuBefore = cpuSecondsNow();
    const auto start = std::chrono::steady_clock::now();
    const auto result = recording::makeRendition({input}, rendition, out, {});
    RenditionTiming timing;
    timing.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    timing.cpuSeconds = cpuSecondsNow() - cpuBefore;
    if (!result)
        throw std::runtime_error(result.error().what());
    timing.bytes = result->bytes;
    timing.wallToRealTime = timing.wallSeconds / seconds;
    return timing;
}

} // namespace

void writeSyntheticRecording(const SyntheticRecordingConfig& config)
{
    // The settings Recorder's opusConfigFor() and videoLoop() use.
    media::OpusVoiceConfig opusConfig;
    opusConfig.bitrateBps = 48'000;
    opusConfig.expectedLossPercent = 0;
    opusConfig.inbandFec = false;
    opusConfig.dtx = false;
    media::OpusVoiceEncoder opus(opusConfig);
    media::VpxEncoderConfig vpxConfig;
    vpxConfig.width = config.width;
    vpxConfig.height = config.height;
    vpxConfig.fps = config.fps;
    vpxConfig.bitrateBps = config.videoBitrateBps;
    vpxConfig.threads = config.width * config.height >= 1280 * 720 ? 2 : 1;
    vpxConfig.allowFrameDrop = false;
    vpxConfig.maxKeyframeIntervalFrames = 2 * config.fps;
    media::VpxEncoder vpx(vpxConfig);

    recording::WebmWriterConfig writerConfig;
    writerConfig.file = config.file;
    writerConfig.title = "Synthetic recording";
    writerConfig.width = config.width;
    writerConfig.height = config.height;
    writerConfig.fps = config.fps;
    writerConfig.opusPreSkipSamples = opus.lookaheadSamples();
    recording::WebmWriter writer(writerConfig);
    for (const auto& mark : config.chapters)
        writer.addChapter(mark.startMs, mark.title);

    media::TestPatternSource pattern({config.width, config.height, config.fps, false, AV_PIX_FMT_YUV420P});
    media::ToneSource tone({false, 0.25, false});
    const auto frames = static_cast<std::int64_t>(config.seconds * config.fps);
    std::int64_t audioMs = 0;
    for (std::int64_t i = 0; i < frames; ++i) {
        const std::int64_t ptsMs = i * 1000 / config.fps;
        // Sound up to this picture's time first, as Recorder's mux thread
        // interleaves them.
        for (; audioMs <= ptsMs; audioMs += 20)
            writer.writeAudio(opus.encode(tone.read()), audioMs, media::AudioFrame::kSamplesPer20Ms);
        for (const auto& encoded : vpx.encode(pattern.render(i, ptsMs * 1000)))
            writer.writeVideo(encoded.data, ptsMs, encoded.keyframe);
    }
    for (; audioMs < frames * 1000 / config.fps; audioMs += 20)
        writer.writeAudio(opus.encode(tone.read()), audioMs, media::AudioFrame::kSamplesPer20Ms);
    writer.finish();
}

RenditionsBenchResult runRenditionsBench(const RenditionsBenchConfig& config)
{
    std::filesystem::create_directories(config.workDir);
    RenditionsBenchResult result;
    result.input = config.workDir / ("input-720p-" + std::to_string(static_cast<int>(config.seconds)) + "s.webm");
    if (!std::filesystem::exists(result.input)) {
        const auto start = std::chrono::steady_clock::now();
        SyntheticRecordingConfig input;
        input.file = config.workDir / "input.partial.webm";
        input.seconds = config.seconds;
        writeSyntheticRecording(input);
        std::filesystem::rename(input.file, result.input);
        result.generateSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    result.inputBytes = static_cast<std::int64_t>(std::filesystem::file_size(result.input));
    result.light =
        timeRendition(result.input, recording::Rendition::Light, config.workDir / "light.webm", config.seconds);
    result.audioSlides = timeRendition(result.input, recording::Rendition::AudioSlides,
                                       config.workDir / "audio-slides.webm", config.seconds);
    return result;
}

} // namespace spoke::bench
