#include "bench/PlaybackBench.h"

#include "recording/AudioOutput.h"
#include "recording/Player.h"
#include "recording/RecordingProbe.h"

#include <QProcess>
#include <QStringList>

#include <chrono>
#include <random>
#include <stdexcept>

namespace spoke::bench {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void ffmpeg(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral("ffmpeg"), QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} + args);
    if (!process.waitForFinished(30 * 60 * 1000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        throw std::runtime_error("ffmpeg failed while making the benchmark file: "
                                 + process.readAllStandardError().toStdString());
}

bool usable(const std::filesystem::path& file, std::int64_t minimumMs)
{
    try {
        return std::filesystem::exists(file)
               && recording::RecordingProbe::probe(file, recording::ProbeDepth::Headers).durationMs >= minimumMs;
    } catch (const std::exception&) {
        return false;
    }
}

void measure(const std::filesystem::path& file, const PlaybackBenchConfig& config, Summary& firstFrame, Summary& seek)
{
    std::vector<double> opens;
    for (int i = 0; i < config.opens; ++i) {
        recording::NullAudioOutput audio(2);
        recording::PlayerConfig playerConfig;
        playerConfig.audio = &audio;
        const auto start = Clock::now();
        recording::Player player(file, playerConfig);
        if (!player.waitForPicture(std::chrono::seconds(10)))
            throw std::runtime_error("No first picture from " + file.string());
        opens.push_back(msSince(start));
    }
    firstFrame = summarize(opens);

    recording::NullAudioOutput audio(2);
    recording::PlayerConfig playerConfig;
    playerConfig.audio = &audio;
    recording::Player player(file, playerConfig);
    player.waitForPicture(std::chrono::seconds(10));
    std::mt19937 random(42);
    std::uniform_int_distribution<std::int64_t> position(0, std::max<std::int64_t>(1, player.info().durationMs - 1000));
    std::vector<double> seeks;
    for (int i = 0; i < config.seeks; ++i) {
        const std::int64_t target = position(random);
        const auto start = Clock::now();
        player.seek(target);
        if (!player.waitForPicture(std::chrono::seconds(10)))
            throw std::runtime_error("No picture after seeking to " + std::to_string(target) + " ms");
        seeks.push_back(msSince(start));
    }
    seek = summarize(seeks);
}

} // namespace

PlaybackBenchResult runPlaybackBench(const PlaybackBenchConfig& config)
{
    std::filesystem::create_directories(config.workDir);
    const auto segment = config.workDir / "segment-60s.webm";
    PlaybackBenchResult result;
    result.longFile = config.workDir / ("long-" + std::to_string(config.minutes) + "min.webm");
    const auto began = Clock::now();
    bool generated = false;
    if (!usable(segment, 59'000)) {
        ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                QStringLiteral("testsrc2=size=640x360:rate=30:duration=60"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                QStringLiteral("-i"), QStringLiteral("sine=frequency=440:sample_rate=48000:duration=60"),
                QStringLiteral("-c:v"), QStringLiteral("libvpx"), QStringLiteral("-deadline"), QStringLiteral("realtime"),
                QStringLiteral("-cpu-used"), QStringLiteral("8"), QStringLiteral("-b:v"), QStringLiteral("300k"),
                QStringLiteral("-g"), QStringLiteral("60"), QStringLiteral("-keyint_min"), QStringLiteral("60"),
                QStringLiteral("-c:a"), QStringLiteral("libopus"), QStringLiteral("-b:a"), QStringLiteral("48k"),
                QString::fromStdString(segment.string())});
        generated = true;
    }
    if (!usable(result.longFile, static_cast<std::int64_t>(config.minutes) * 60'000 - 2000)) {
        ffmpeg({QStringLiteral("-stream_loop"), QString::number(config.minutes - 1), QStringLiteral("-i"),
                QString::fromStdString(segment.string()), QStringLiteral("-c"), QStringLiteral("copy"),
                QString::fromStdString(result.longFile.string())});
        generated = true;
    }
    if (generated)
        result.generateSeconds = msSince(began) / 1000.0;

    measure(result.longFile, config, result.firstFrameMs, result.seekMs);
    measure(segment, config, result.referenceFirstFrameMs, result.referenceSeekMs);
    return result;
}

} // namespace spoke::bench
