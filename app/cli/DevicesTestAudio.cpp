// spoke-cli devices test-audio: Settings' "test my audio" without a window.
// A marked tone goes to the speaker while the microphone is read through
// media::MicrophoneMonitor with the call's processing on; what the monitor
// reports is printed as it comes, then a summary.
#include "Commands.h"

#include "media/audio/AudioLevel.h"
#include "media/audio/AudioPlayback.h"
#include "media/audio/MicrophoneMonitor.h"
#include "media/audio/ToneSource.h"
#include "media/devices/DeviceRegistry.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>

namespace spoke::cli {

namespace {

struct TestAudioOptions {
    std::string microphoneId;
    std::string speakerId;
    int seconds = 3;
    bool json = false;
};

// What the monitor and the playback threads report, read by the main thread.
struct TestAudioState {
    std::mutex mutex;
    std::condition_variable changed;
    bool json = false;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    int levelReports = 0;
    media::AudioLevel loudest; // the highest RMS and peak reported
    bool recorded = false;
    bool over = false; // waited long enough: print no more
    std::vector<media::AudioFrame> recording;
    std::optional<media::MicrophoneEvent> microphoneFailure;
    std::optional<media::PlaybackOutcome> playback;
};

// The CLI's own wording of the engines' events (core words none).
QString describe(const media::MicrophoneEvent& event)
{
    using Kind = media::MicrophoneEvent::Kind;
    const QString detail = QString::fromStdString(event.detail);
    switch (event.kind) {
    case Kind::Running: return {};
    case Kind::NoMicrophone: return QStringLiteral("no microphone found; pass --microphone ID (see spoke-cli devices)");
    case Kind::DeviceMissing: return QStringLiteral("the microphone is not there: ") + detail;
    case Kind::OpenFailed: return QStringLiteral("the microphone could not be opened: ") + detail;
    case Kind::DeviceLost: return QStringLiteral("the microphone stopped: ") + detail;
    case Kind::ProcessingFailed: return QStringLiteral("audio processing failed: ") + detail;
    }
    return {};
}

QString describe(const media::PlaybackOutcome& outcome)
{
    using Kind = media::PlaybackOutcome::Kind;
    const QString detail = QString::fromStdString(outcome.detail);
    switch (outcome.kind) {
    case Kind::Played: return {};
    case Kind::NoSpeaker: return QStringLiteral("no speaker found; pass --speaker ID (see spoke-cli devices)");
    case Kind::DeviceMissing: return QStringLiteral("the speaker is not there: ") + detail;
    case Kind::OpenFailed: return QStringLiteral("the speaker could not be opened: ") + detail;
    case Kind::DeviceLost: return QStringLiteral("the speaker stopped: ") + detail;
    }
    return {};
}

// Exits with kBadInput (after printing why) on bad usage.
std::optional<TestAudioOptions> parseTestAudio(const QStringList& args, const media::DeviceRegistry& registry)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON lines")});
    parser.addOption({QStringLiteral("microphone"), QStringLiteral("Microphone id"), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("speaker"), QStringLiteral("Speaker id"), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("How long"), QStringLiteral("N"), QStringLiteral("3")});
    if (!parser.parse(QStringList{QStringLiteral("test-audio")} + args)) {
        CliContext::printError(parser.errorText());
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        CliContext::printError(QStringLiteral("unexpected argument: ") + parser.positionalArguments().first());
        return std::nullopt;
    }
    TestAudioOptions options;
    bool ok = false;
    options.seconds = parser.value(QStringLiteral("seconds")).toInt(&ok);
    if (!ok || options.seconds < 1 || options.seconds > 60) {
        CliContext::printError(QStringLiteral("--seconds needs a whole number from 1 to 60"));
        return std::nullopt;
    }
    options.json = parser.isSet(QStringLiteral("json"));
    // Unnamed devices are this computer's first real ones, as `join` picks.
    options.microphoneId = parser.isSet(QStringLiteral("microphone"))
                               ? parser.value(QStringLiteral("microphone")).toStdString()
                               : registry.firstReal(media::DeviceKind::Microphone);
    options.speakerId = parser.isSet(QStringLiteral("speaker")) ? parser.value(QStringLiteral("speaker")).toStdString()
                                                                : registry.firstReal(media::DeviceKind::Speaker);
    return options;
}

void printLevel(TestAudioState& state, media::AudioLevel level)
{
    std::lock_guard lock(state.mutex);
    if (state.recorded || state.over)
        return; // the monitor keeps metering until it is stopped; the test is over
    ++state.levelReports;
    state.loudest.rmsDbfs = std::max(state.loudest.rmsDbfs, level.rmsDbfs);
    state.loudest.peakDbfs = std::max(state.loudest.peakDbfs, level.peakDbfs);
    const auto atMs = static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - state.start).count());
    if (state.json)
        CliContext::printJsonLine(
            QJsonObject{{QStringLiteral("level"), QJsonObject{{QStringLiteral("at_ms"), atMs},
                                                              {QStringLiteral("rms_dbfs"), level.rmsDbfs},
                                                              {QStringLiteral("peak_dbfs"), level.peakDbfs}}}});
    else
        std::printf("%6d ms  rms %6.1f dBFS  peak %6.1f dBFS\n", atMs, level.rmsDbfs, level.peakDbfs);
    std::fflush(stdout);
}

std::vector<media::AudioFrame> toneOf(int seconds)
{
    media::ToneSource tone({.paced = false, .amplitude = 0.25});
    std::vector<media::AudioFrame> frames;
    frames.reserve(static_cast<std::size_t>(seconds) * 50);
    for (int i = 0; i < seconds * 50; ++i)
        frames.push_back(tone.read());
    return frames;
}

QJsonObject summaryOf(const TestAudioOptions& options, TestAudioState& state, bool timedOut)
{
    std::vector<std::int16_t> samples;
    for (const auto& frame : state.recording)
        samples.insert(samples.end(), frame.samples().begin(), frame.samples().end());
    const media::AudioLevel processed = media::AudioLevelMeter::measure(samples);
    const bool played = state.playback && state.playback->ok();
    const QString micError = timedOut && !state.recorded ? QStringLiteral("the microphone delivered too slowly")
                             : state.microphoneFailure   ? describe(*state.microphoneFailure)
                                                         : QString();
    const QString speakerError = timedOut && !state.playback ? QStringLiteral("the speaker took too long")
                                 : state.playback            ? describe(*state.playback)
                                                             : QString();
    return QJsonObject{
        {QStringLiteral("microphone"), QString::fromStdString(options.microphoneId)},
        {QStringLiteral("speaker"), QString::fromStdString(options.speakerId)},
        {QStringLiteral("seconds"), options.seconds},
        {QStringLiteral("processing"), QJsonObject{{QStringLiteral("echo_cancellation"), true},
                                                   {QStringLiteral("noise_suppression"), true},
                                                   {QStringLiteral("gain_control"), true}}},
        {QStringLiteral("level_reports"), state.levelReports},
        {QStringLiteral("max_rms_dbfs"), state.loudest.rmsDbfs},
        {QStringLiteral("max_peak_dbfs"), state.loudest.peakDbfs},
        {QStringLiteral("recorded_ms"), static_cast<int>(state.recording.size()) * 20},
        {QStringLiteral("processed_rms_dbfs"), processed.rmsDbfs},
        {QStringLiteral("processed_peak_dbfs"), processed.peakDbfs},
        {QStringLiteral("played_ms"), played ? options.seconds * 1000 : 0},
        {QStringLiteral("microphone_event"),
         QString::fromLatin1(state.microphoneFailure ? media::toString(state.microphoneFailure->kind) : "running")},
        {QStringLiteral("microphone_error"), micError},
        {QStringLiteral("speaker_outcome"),
         QString::fromLatin1(state.playback ? media::toString(state.playback->kind) : "unfinished")},
        {QStringLiteral("speaker_error"), speakerError},
        {QStringLiteral("ok"), micError.isEmpty() && speakerError.isEmpty() && state.recorded && played},
    };
}

void printSummary(const QJsonObject& summary, bool json)
{
    if (json) {
        CliContext::printJsonLine(QJsonObject{{QStringLiteral("summary"), summary}});
        return;
    }
    std::printf("microphone %s: recorded %d ms, loudest rms %.1f dBFS, peak %.1f dBFS; processed rms %.1f dBFS\n",
                qPrintable(summary.value(QStringLiteral("microphone")).toString()),
                summary.value(QStringLiteral("recorded_ms")).toInt(),
                summary.value(QStringLiteral("max_rms_dbfs")).toDouble(),
                summary.value(QStringLiteral("max_peak_dbfs")).toDouble(),
                summary.value(QStringLiteral("processed_rms_dbfs")).toDouble());
    std::printf("speaker %s: played %d ms of the test tone\n",
                qPrintable(summary.value(QStringLiteral("speaker")).toString()),
                summary.value(QStringLiteral("played_ms")).toInt());
    std::printf("%s\n", summary.value(QStringLiteral("ok")).toBool() ? "ok" : "FAILED");
}

} // namespace

int runDevicesTestAudio(CliContext&, const QStringList& args)
{
    const auto registry = std::make_shared<const media::DeviceRegistry>();
    const auto options = parseTestAudio(args, *registry);
    if (!options)
        return kBadInput;
    TestAudioState state;
    state.json = options->json;
    const int frames = options->seconds * 50;

    media::MicrophoneMonitor::Callbacks callbacks;
    callbacks.level = [&state](media::AudioLevel level) { printLevel(state, level); };
    callbacks.recorded = [&state](std::vector<media::AudioFrame> recording,
                                  std::optional<media::MicrophoneEvent> failure) {
        {
            std::lock_guard lock(state.mutex);
            state.recorded = true;
            state.recording = std::move(recording);
            state.microphoneFailure = std::move(failure);
        }
        state.changed.notify_all();
    };
    auto done = [&state](const media::PlaybackOutcome& outcome) {
        {
            std::lock_guard lock(state.mutex);
            state.playback = outcome;
        }
        state.changed.notify_all();
    };
    bool timedOut = false;
    {
        media::MicrophoneMonitor monitor(registry, options->microphoneId, media::AudioProcessingSwitches{},
                                         std::move(callbacks));
        monitor.record(frames);
        media::AudioPlayback playback(registry, options->speakerId, toneOf(options->seconds), done);
        // Both are paced by their devices; a device that hangs must not hang the command.
        std::unique_lock lock(state.mutex);
        timedOut = !state.changed.wait_for(lock, std::chrono::seconds(options->seconds + 10),
                                           [&state] { return state.recorded && state.playback; });
        state.over = true; // no more level lines while the engines stop
    } // the destructors interrupt and join; no callback runs after this
    const QJsonObject summary = summaryOf(*options, state, timedOut);
    printSummary(summary, options->json);
    for (const auto& key : {QStringLiteral("microphone_error"), QStringLiteral("speaker_error")})
        if (const QString error = summary.value(key).toString(); !error.isEmpty())
            CliContext::printError(error);
    return summary.value(QStringLiteral("ok")).toBool() ? kOk : kFailed;
}

} // namespace spoke::cli
