// The others' sound on the speaker: AudioMixer (per-feed FIFOs, saturating
// sum, overflow and underrun), AudioPlayout (its own device-paced thread,
// the far-end reference, an unplugged speaker) and the far-end reference
// driving webrtc-audio-processing's echo canceller. No sound card here, so
// the speakers are stand-ins that play in real time (or instantly).

#include "call/AudioMixer.h"
#include "call/AudioPlayout.h"
#include "call/CallSession.h"
#include "media/MediaError.h"
#include "media/audio/AudioProcessor.h"
#include "media/audio/ToneMarker.h"
#include "support/StandInSpeaker.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <numbers>
#include <random>
#include <thread>
#include <vector>

using namespace spoke;
using namespace spoke::call;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kFrame = media::AudioFrame::kSamplesPer20Ms;

media::AudioFrame toneFrame(double hz, double amplitude, std::int64_t index)
{
    auto frame = media::AudioFrame::allocate(kFrame);
    auto out = frame.mutableSamples();
    for (int i = 0; i < kFrame; ++i) {
        const double t = static_cast<double>(index * kFrame + i) / media::AudioFrame::kSampleRateHz;
        out[static_cast<std::size_t>(i)] =
            static_cast<std::int16_t>(std::lround(amplitude * 32767 * std::sin(2 * std::numbers::pi * hz * t)));
    }
    return frame;
}

media::AudioFrame constantFrame(std::int16_t value)
{
    auto frame = media::AudioFrame::allocate(kFrame);
    for (auto& s : frame.mutableSamples())
        s = value;
    return frame;
}

// Power of one frequency in a block, normalised so a full-scale sine reads ~1.
double goertzel(std::span<const std::int16_t> block, double hz)
{
    const double w = 2 * std::numbers::pi * hz / media::AudioFrame::kSampleRateHz;
    const double coeff = 2 * std::cos(w);
    double s1 = 0;
    double s2 = 0;
    for (const std::int16_t x : block) {
        const double s0 = x / 32768.0 + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double n = static_cast<double>(block.size());
    return (s1 * s1 + s2 * s2 - coeff * s1 * s2) * 4 / (n * n);
}

double energy(std::span<const std::int16_t> samples)
{
    double sum = 0;
    for (const std::int16_t s : samples)
        sum += static_cast<double>(s) * s;
    return sum / static_cast<double>(std::max<std::size_t>(1, samples.size()));
}

// Pushes `frames` 20 ms frames of a tone for feed `id` in real time, as a
// RemoteFeed's jitter-buffer tick would.
std::thread feedThread(AudioPlayout& playout, quint64 id, double hz, int frames)
{
    return std::thread([&playout, id, hz, frames] {
        const auto began = Clock::now();
        for (int i = 0; i < frames; ++i) {
            playout.push(id, toneFrame(hz, 0.3, i));
            std::this_thread::sleep_until(began + std::chrono::milliseconds(20 * (i + 1)));
        }
    });
}

} // namespace

TEST_CASE("audio mixer: two feeds' tones are both in the mix", "[call][playout]")
{
    AudioMixer mixer;
    for (int i = 0; i < 10; ++i) {
        mixer.push(1, toneFrame(440, 0.3, i));
        mixer.push(2, toneFrame(1000, 0.3, i));
    }
    for (int i = 0; i < 5; ++i) {
        const auto mixed = mixer.mixNext();
        const auto s = mixed.samples();
        // A sine of amplitude a reads a^2 here: 0.09 for each of the two.
        CHECK(goertzel(s, 440) == Approx(0.09).epsilon(0.1));
        CHECK(goertzel(s, 1000) == Approx(0.09).epsilon(0.1));
        CHECK(goertzel(s, 700) < 0.001);
    }
    CHECK(mixer.counters().underrunFrames == 0);
    CHECK(mixer.counters().feeds == 2);
}

TEST_CASE("audio mixer: loud feeds saturate at full scale instead of wrapping", "[call][playout]")
{
    AudioMixer mixer;
    for (int i = 0; i < 2; ++i) {
        mixer.push(1, constantFrame(30000));
        mixer.push(2, constantFrame(30000));
        mixer.push(3, constantFrame(-30000));
        mixer.push(4, constantFrame(-30000));
        mixer.push(5, constantFrame(-30000));
    }
    mixer.removeFeed(3);
    // Feeds 1, 2, 4 and 5 cancel out.
    CHECK(mixer.mixNext().samples()[0] == 0);
    mixer.removeFeed(4);
    mixer.removeFeed(5);
    const auto high = mixer.mixNext();
    for (const std::int16_t s : high.samples())
        REQUIRE(s == 32767);
    CHECK(mixer.counters().clippedSamples == static_cast<std::uint64_t>(kFrame));

    AudioMixer low;
    for (int i = 0; i < 2; ++i) {
        low.push(1, constantFrame(-30000));
        low.push(2, constantFrame(-30000));
    }
    const auto floor = low.mixNext();
    for (const std::int16_t s : floor.samples())
        REQUIRE(s == -32768);
}

TEST_CASE("audio mixer: a feed that runs ahead loses its oldest audio, counted", "[call][playout]")
{
    AudioMixer mixer(AudioMixer::Config{40, 120});
    for (int i = 0; i < 20; ++i) // 400 ms into a 120 ms FIFO
        mixer.push(7, constantFrame(static_cast<std::int16_t>(100 + i)));
    CHECK(mixer.counters().droppedMs == 280);
    CHECK(mixer.counters().queuedMs == 120);
    // What is left is the newest six frames, oldest of them first.
    for (int i = 14; i < 20; ++i) {
        const auto mixed = mixer.mixNext();
        CHECK(mixed.samples().front() == 100 + i);
        CHECK(mixed.samples().back() == 100 + i);
    }
    CHECK(mixer.counters().underrunFrames == 0);
}

TEST_CASE("audio mixer: a feed that runs dry plays silence, counted, until it has refilled", "[call][playout]")
{
    AudioMixer mixer(AudioMixer::Config{40, 120});
    // A 10 ms frame: the FIFO need not hold whole frames.
    auto half = media::AudioFrame::allocate(kFrame / 2);
    for (auto& s : half.mutableSamples())
        s = 500;
    for (int i = 0; i < 5; ++i)
        mixer.push(1, half); // 50 ms
    CHECK(mixer.mixNext().samples()[kFrame - 1] == 500);
    CHECK(mixer.mixNext().samples()[kFrame - 1] == 500);
    const auto partial = mixer.mixNext(); // 10 ms left, then silence
    CHECK(partial.samples()[0] == 500);
    CHECK(partial.samples()[kFrame - 1] == 0);
    CHECK(mixer.counters().underrunFrames == 1);
    mixer.push(1, constantFrame(600)); // 20 ms: below the 40 ms it waits for
    CHECK(energy(mixer.mixNext().samples()) == 0);
    CHECK(mixer.counters().underrunFrames == 2);
    mixer.push(1, constantFrame(700));
    CHECK(mixer.mixNext().samples()[0] == 600);
    CHECK(mixer.mixNext().samples()[0] == 700);
    CHECK(mixer.counters().framesMixed == 6);
}

TEST_CASE("audio playout: two feeds play on the speaker in real time, and the far end gets what it played",
          "[call][playout]")
{
    auto speaker = std::make_unique<test::StandInSpeaker>();
    auto* heard = speaker.get();
    std::mutex farMutex;
    std::vector<std::int16_t> farEnd;
    std::atomic<int> lastLatencyMs{-2};
    AudioPlayout::Callbacks callbacks;
    callbacks.farEnd = [&](std::span<const std::int16_t> samples, int latencyMs) {
        const std::lock_guard lock(farMutex);
        farEnd.insert(farEnd.end(), samples.begin(), samples.end());
        lastLatencyMs = latencyMs;
    };
    AudioPlayout playout(std::move(speaker), AudioMixer::Config{}, callbacks);
    playout.start();
    const auto began = Clock::now();
    auto a = feedThread(playout, 1, 440, 50);
    auto b = feedThread(playout, 2, 1000, 50);
    a.join();
    b.join();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    playout.stop();
    const double elapsedMs = std::chrono::duration<double, std::milli>(Clock::now() - began).count();
    const auto got = heard->samples();
    const auto stats = playout.stats();
    INFO("played " << stats.framesPlayed << " frames in " << elapsedMs << " ms, underruns " << stats.underrunFrames
                   << ", dropped " << stats.droppedMs << " ms, device latency " << stats.deviceLatencyMs << " ms");
    // Paced by the device: about one frame per 20 ms of wall time.
    CHECK(static_cast<double>(stats.framesPlayed) >= elapsedMs / 20 - 5);
    CHECK(static_cast<double>(stats.framesPlayed) <= elapsedMs / 20 + 5);
    CHECK(stats.device == QStringLiteral("stand-in speaker"));
    CHECK(stats.deviceLatencyMs >= 0);
    CHECK(stats.deviceLatencyMs <= 60);
    CHECK(stats.error.isEmpty());
    // The far end saw exactly what went to the speaker, in order.
    {
        const std::lock_guard lock(farMutex);
        REQUIRE(farEnd.size() >= got.size());
        CHECK(std::equal(got.begin(), got.end(), farEnd.begin()));
    }
    CHECK(lastLatencyMs >= 0);
    // Both tones are on the speaker in most 20 ms blocks while the feeds ran.
    int both = 0;
    int blocks = 0;
    for (std::size_t at = 0; at + kFrame <= got.size(); at += kFrame) {
        const std::span<const std::int16_t> block(got.data() + at, kFrame);
        if (energy(block) == 0)
            continue;
        ++blocks;
        both += goertzel(block, 440) > 0.03 && goertzel(block, 1000) > 0.03 ? 1 : 0;
    }
    INFO(both << " of " << blocks << " sounding blocks carry both tones");
    CHECK(blocks >= 40);
    CHECK(both >= blocks * 8 / 10);
}

TEST_CASE("audio playout: an unplugged speaker ends playout with a reason, and the feeds go on", "[call][playout]")
{
    std::mutex mutex;
    std::condition_variable told;
    std::string reason;
    AudioPlayout::Callbacks callbacks;
    callbacks.stopped = [&](const std::string& why) {
        const std::lock_guard lock(mutex);
        reason = why;
        told.notify_all();
    };
    AudioPlayout playout(std::make_unique<test::StandInSpeaker>(48 * 300), AudioMixer::Config{}, callbacks);
    playout.start();
    auto feed = feedThread(playout, 1, 440, 40); // 800 ms: outlives the speaker
    {
        std::unique_lock lock(mutex);
        REQUIRE(told.wait_for(lock, std::chrono::seconds(5), [&] { return !reason.empty(); }));
    }
    feed.join();
    CHECK(reason.find("unplugged") != std::string::npos); // the device's own reason, worded by the caller
    const auto stats = playout.stats();
    CHECK(stats.error == QString::fromStdString(reason));
    CHECK(stats.framesPlayed == 15);
    const auto stopBegan = Clock::now();
    playout.stop();
    CHECK(Clock::now() - stopBegan < std::chrono::milliseconds(500));
}

namespace {

// A room: the speaker's sound comes back into the microphone attenuated and
// late, over the near end's own quiet noise. It plays instantly (no pacing,
// so seconds of echo take milliseconds) and, after each speaker frame,
// captures one microphone frame and hands it to the echo canceller, on the
// playout thread: the order a real device gives (far end, then its echo).
class EchoRoom final : public media::AudioSink {
public:
    EchoRoom(media::AudioProcessor& processor, int delayMs, double gain, int frames)
        : processor_(processor)
        , delay_(static_cast<std::size_t>(delayMs) * 48, 0)
        , gain_(gain)
        , frames_(frames)
    {
    }

    const media::DeviceInfo& device() const override { return info_; }

    bool write(const media::AudioFrame& frame) override
    {
        if (interrupted_ || captured_ >= frames_) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return !interrupted_;
        }
        if (captured_ == 0)
            processor_.moveToCurrentThread();
        auto mic = media::AudioFrame::allocate(kFrame);
        auto out = mic.mutableSamples();
        const auto played = frame.samples();
        std::vector<std::int16_t> echoOnly(kFrame);
        for (int i = 0; i < kFrame; ++i) {
            delay_.push_back(played[static_cast<std::size_t>(i)]);
            const double echo = gain_ * delay_.front();
            delay_.pop_front();
            echoOnly[static_cast<std::size_t>(i)] = static_cast<std::int16_t>(std::lround(echo));
            out[static_cast<std::size_t>(i)] = static_cast<std::int16_t>(std::lround(echo + noise_(rng_)));
        }
        processor_.processNearEnd(mic);
        const auto cleaned = mic.samples();
        const std::lock_guard lock(mutex_);
        echo_.insert(echo_.end(), echoOnly.begin(), echoOnly.end());
        sent_.insert(sent_.end(), cleaned.begin(), cleaned.end());
        ++captured_;
        return true;
    }
    void drain() override { }
    void interrupt() override { interrupted_ = true; }

    bool done() const { return captured_ >= frames_; }
    // Echo energy going into the microphone and what leaves the canceller,
    // over frames [from, to).
    std::pair<double, double> energies(int from, int to) const
    {
        const std::lock_guard lock(mutex_);
        const auto begin = static_cast<std::size_t>(from) * kFrame;
        const auto count = static_cast<std::size_t>(to - from) * kFrame;
        return {energy({echo_.data() + begin, count}), energy({sent_.data() + begin, count})};
    }

private:
    media::AudioProcessor& processor_;
    media::DeviceInfo info_{};
    std::deque<std::int16_t> delay_;
    double gain_;
    int frames_;
    std::atomic<int> captured_{0};
    std::atomic<bool> interrupted_{false};
    std::mt19937 rng_{7};
    std::normal_distribution<double> noise_{0.0, 30.0}; // about -60 dBFS: a quiet room
    mutable std::mutex mutex_;
    std::vector<std::int16_t> echo_;
    std::vector<std::int16_t> sent_;
};

// Plays `frames` of the far end's marked tone through AudioPlayout into an
// EchoRoom whose canceller gets the playout's far-end reference; returns
// (echo energy in, energy out) over the last two seconds.
std::pair<double, double> runEcho(bool cancel, int frames)
{
    media::AudioProcessingSwitches switches;
    switches.echoCancellation = cancel;
    switches.noiseSuppression = false; // measure the canceller, not the suppressor
    switches.gainControl = false;
    media::AudioProcessor processor(switches);
    auto room = std::make_unique<EchoRoom>(processor, 40, 0.5, frames);
    auto* echoRoom = room.get();
    AudioPlayout::Callbacks callbacks;
    // What AudioSendPipeline::processFarEnd does on the playout thread.
    callbacks.farEnd = [&](std::span<const std::int16_t> samples, int) { processor.processFarEnd(samples); };
    AudioMixer::Config mixer;
    mixer.maxQueuedMs = frames * 20; // everything queued up front: the room plays it instantly
    AudioPlayout playout(std::move(room), mixer, callbacks);
    for (int i = 0; i < frames; ++i) {
        auto block = media::AudioFrame::allocate(kFrame);
        media::ToneMarker::synthesize(i, block.mutableSamples(), 0.2);
        playout.push(1, block);
    }
    processor.setStreamDelayMs(40);
    playout.start();
    const auto began = Clock::now();
    while (!echoRoom->done() && Clock::now() - began < std::chrono::seconds(15))
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    playout.stop();
    REQUIRE(echoRoom->done());
    return echoRoom->energies(frames - 100, frames);
}

} // namespace

TEST_CASE("audio playout: the speaker's sound as far-end reference lets the canceller remove its echo",
          "[call][playout][aec]")
{
    constexpr int kFrames = 500; // 10 s of far-end speech stand-in
    const auto [echoOff, outOff] = runEcho(false, kFrames);
    const auto [echoOn, outOn] = runEcho(true, kFrames);
    const double erleDb = 10 * std::log10(echoOn / std::max(outOn, 1e-9));
    const double passDb = 10 * std::log10(echoOff / std::max(outOff, 1e-9));
    INFO("echo in " << 10 * std::log10(echoOn) << " dB, out with AEC " << 10 * std::log10(outOn) << " dB, without "
                    << 10 * std::log10(outOff) << " dB; ERLE " << erleDb << " dB");
    CHECK(std::abs(passDb) < 1); // without the canceller the echo goes straight through
    CHECK(erleDb >= 20);
    WARN("ERLE over the last 2 s of 10 s: " << erleDb << " dB (AEC off: " << passDb << " dB)");
}

TEST_CASE("call session: no speaker, or one that will not open, means no playout and a warning that says so",
          "[call][playout]")
{
    for (const std::string& id :
         {std::string(), std::string("synthetic:test-pattern"), std::string("nosuch:speaker")}) {
        CallOptions options;
        options.janusUrl = QUrl(QStringLiteral("ws://127.0.0.1:9")); // never answers; the warning comes first
        options.speakerDeviceId = id;
        CallSession session(options);
        std::vector<CallEvent> warnings;
        QObject::connect(&session, &CallSession::mediaWarning,
                         [&](const CallEvent& event) { warnings.push_back(event); });
        session.start();
        INFO("speaker \"" << id << "\"");
        REQUIRE(warnings.size() == 1);
        CHECK(warnings.front().kind
              == (id.empty() ? CallEvent::Kind::NoSpeakerChosen : CallEvent::Kind::SpeakerUnusable));
        CHECK(warnings.front().detail.isEmpty() == id.empty()); // a device that fails says why
        CHECK_FALSE(session.stats().playout);
        CHECK_FALSE(toJson(session.stats()).contains(QStringLiteral("playout")));
    }
}
