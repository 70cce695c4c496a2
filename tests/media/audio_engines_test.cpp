// The microphone monitor, the playback and the device lister (core/media's
// engines behind Settings → Audio & video and `spoke-cli devices
// test-audio`) on the synthetic devices: the marked tone as microphone, the
// silent speaker at a sound card's pace. The only stand-in is a microphone
// that dies, which no machine has on demand.
#include "media/MediaError.h"
#include "media/audio/AudioPlayback.h"
#include "media/audio/MicrophoneMonitor.h"
#include "media/audio/ToneSource.h"
#include "media/devices/DeviceLister.h"
#include "media/devices/DeviceRegistry.h"
#include "media/devices/SyntheticBackend.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace spoke::media;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

// Collects what an engine reports on its thread; the test waits on it.
struct Reports {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<MicrophoneEvent> states;
    std::vector<AudioLevel> levels;
    std::optional<std::vector<AudioFrame>> recording;
    std::optional<MicrophoneEvent> recordFailure;
    std::thread::id recordedOn;
    std::optional<PlaybackOutcome> playback;
    std::atomic<int> calls{0};

    template <class Pred> bool waitFor(Pred pred, std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, timeout, [&] { return pred(*this); });
    }
    template <class Fn> void update(Fn fn)
    {
        ++calls;
        {
            std::lock_guard lock(mutex);
            fn(*this);
        }
        changed.notify_all();
    }

    MicrophoneMonitor::Callbacks callbacks()
    {
        MicrophoneMonitor::Callbacks c;
        c.state = [this](const MicrophoneEvent& e) { update([&](Reports& r) { r.states.push_back(e); }); };
        c.level = [this](AudioLevel l) { update([&](Reports& r) { r.levels.push_back(l); }); };
        c.recorded = [this](std::vector<AudioFrame> frames, std::optional<MicrophoneEvent> failure) {
            update([&](Reports& r) {
                r.recording = std::move(frames);
                r.recordFailure = std::move(failure);
                r.recordedOn = std::this_thread::get_id();
            });
        };
        return c;
    }
    AudioPlayback::DoneFn done()
    {
        return [this](const PlaybackOutcome& o) { update([&](Reports& r) { r.playback = o; }); };
    }
};

// A headset microphone that is unplugged after `reads` frames.
class DyingMicrophone final : public AudioSource {
public:
    explicit DyingMicrophone(int reads) : tone_({}), readsLeft_(reads) { }
    const DeviceInfo& device() const override { return info_; }
    AudioFrame read() override
    {
        if (readsLeft_-- <= 0)
            throw MediaError(MediaErrorKind::DeviceLost, "the headset was unplugged");
        return tone_.read();
    }
    void interrupt() override { tone_.interrupt(); }

private:
    DeviceInfo info_{"dying:mic", "Dying microphone", "dying", DeviceKind::Microphone, false, false};
    ToneSource tone_;
    int readsLeft_;
};

class DyingBackend final : public DeviceBackend {
public:
    bool owns(const std::string& backend) const override { return backend == "dying"; }
    std::vector<DeviceInfo> enumerate() const override
    {
        std::this_thread::sleep_for(enumerateDelay); // a slow sound server
        ++listings;
        return {{"dying:mic", "Dying microphone", "dying", DeviceKind::Microphone, false, false}};
    }
    std::unique_ptr<VideoSource> openVideo(const std::string&, const std::string&,
                                           const VideoCaptureFormat&) const override
    {
        throw MediaError(MediaErrorKind::DeviceNotFound, "no camera");
    }
    std::unique_ptr<AudioSource> openAudio(const std::string&, const std::string&) const override
    {
        return std::make_unique<DyingMicrophone>(15);
    }

    std::chrono::milliseconds enumerateDelay{0};
    mutable std::atomic<int> listings{0};
};

std::shared_ptr<const DeviceRegistry> synthetic()
{
    std::vector<std::unique_ptr<DeviceBackend>> backends;
    backends.push_back(std::make_unique<SyntheticBackend>());
    return std::make_shared<const DeviceRegistry>(std::move(backends));
}

std::shared_ptr<const DeviceRegistry> withDying(const DyingBackend*& out, std::chrono::milliseconds delay = {})
{
    auto dying = std::make_unique<DyingBackend>();
    dying->enumerateDelay = delay;
    out = dying.get();
    std::vector<std::unique_ptr<DeviceBackend>> backends;
    backends.push_back(std::make_unique<SyntheticBackend>());
    backends.push_back(std::move(dying));
    return std::make_shared<const DeviceRegistry>(std::move(backends));
}

std::vector<AudioFrame> toneFrames(int count)
{
    ToneSource tone({.paced = false, .amplitude = 0.25});
    std::vector<AudioFrame> frames;
    for (int i = 0; i < count; ++i)
        frames.push_back(tone.read());
    return frames;
}

const AudioProcessingSwitches kAllOn{};

} // namespace

TEST_CASE("microphone monitor: the tone's level, about 15 readings a second, and a processed recording",
          "[media][audio][monitor]")
{
    Reports reports;
    {
        MicrophoneMonitor monitor(synthetic(), "synthetic:tone", kAllOn, reports.callbacks());
        monitor.record(25); // asked before the device has opened: kept
        REQUIRE(reports.waitFor([](Reports& r) { return r.recording.has_value(); }, 5s));
        REQUIRE(reports.waitFor([](Reports& r) { return r.levels.size() >= 8; }, 5s));
    }
    std::lock_guard lock(reports.mutex);
    REQUIRE(reports.states.size() == 1);
    CHECK(reports.states[0].kind == MicrophoneEvent::Kind::Running);
    CHECK(reports.states[0].detail.empty());
    // Two tones at a quarter of full scale each (tests/ui's meter test
    // derives the same -12 dBFS from the samples).
    for (const AudioLevel& level : reports.levels) {
        CHECK(level.rmsDbfs == Approx(-12.6).margin(1.0));
        CHECK(level.peakDbfs <= 0.0);
        CHECK(level.peakDbfs >= level.rmsDbfs + 2.5);
    }
    CHECK_FALSE(reports.recordFailure);
    REQUIRE(reports.recording->size() == 25u);
    for (const AudioFrame& frame : *reports.recording)
        CHECK(frame.sampleCount() == AudioFrame::kSamplesPer20Ms);
    // Through AEC/NS/AGC the tone is still there (not gated to silence).
    std::vector<std::int16_t> samples;
    for (const AudioFrame& frame : *reports.recording)
        samples.insert(samples.end(), frame.samples().begin(), frame.samples().end());
    CHECK(AudioLevelMeter::measure(samples).rmsDbfs > -30.0);
}

TEST_CASE("microphone monitor: a missing id is a typed DeviceMissing event, and so is every recording asked of it",
          "[media][audio][monitor]")
{
    Reports reports;
    MicrophoneMonitor monitor(synthetic(), "synthetic:no-such-mic", kAllOn, reports.callbacks());
    // The event, then the meter's drop to the floor.
    REQUIRE(reports.waitFor([](Reports& r) { return !r.states.empty() && !r.levels.empty(); }, 5s));
    {
        std::lock_guard lock(reports.mutex);
        REQUIRE(reports.states.size() == 1);
        CHECK(reports.states[0].kind == MicrophoneEvent::Kind::DeviceMissing);
        CHECK(reports.states[0].detail.find("no-such-mic") != std::string::npos);
        CHECK(std::string(toString(reports.states[0].kind)) == "device-missing");
        // The meter drops to the floor: no microphone, no level.
        REQUIRE_FALSE(reports.levels.empty());
        CHECK(reports.levels.back().rmsDbfs == AudioLevel::kFloorDbfs);
    }
    monitor.record(50); // answered at once, on this thread
    std::lock_guard lock(reports.mutex);
    REQUIRE(reports.recording);
    CHECK(reports.recording->empty());
    REQUIRE(reports.recordFailure);
    CHECK(reports.recordFailure->kind == MicrophoneEvent::Kind::DeviceMissing);
    CHECK(reports.recordedOn == std::this_thread::get_id());
}

TEST_CASE("microphone monitor: no id means NoMicrophone; an unplugged one ends the recording with DeviceLost",
          "[media][audio][monitor]")
{
    {
        Reports reports;
        MicrophoneMonitor monitor(synthetic(), "", kAllOn, reports.callbacks());
        REQUIRE(reports.waitFor([](Reports& r) { return !r.states.empty(); }, 5s));
        std::lock_guard lock(reports.mutex);
        CHECK(reports.states[0].kind == MicrophoneEvent::Kind::NoMicrophone);
    }
    Reports reports;
    const DyingBackend* dying = nullptr;
    MicrophoneMonitor monitor(withDying(dying), "dying:mic", kAllOn, reports.callbacks());
    monitor.record(50); // 1 s wanted; the microphone dies after 300 ms
    REQUIRE(reports.waitFor([](Reports& r) { return r.recording.has_value(); }, 5s));
    std::lock_guard lock(reports.mutex);
    REQUIRE(reports.states.size() == 2);
    CHECK(reports.states[0].kind == MicrophoneEvent::Kind::Running);
    CHECK(reports.states[1].kind == MicrophoneEvent::Kind::DeviceLost);
    CHECK(reports.states[1].detail == "the headset was unplugged");
    CHECK(reports.recording->empty());
    REQUIRE(reports.recordFailure);
    CHECK(reports.recordFailure->kind == MicrophoneEvent::Kind::DeviceLost);
    CHECK(reports.recordedOn != std::this_thread::get_id());
}

TEST_CASE("microphone monitor: stopping interrupts the blocked read at once and no callback follows",
          "[media][audio][monitor]")
{
    Reports reports;
    auto monitor = std::make_unique<MicrophoneMonitor>(synthetic(), "synthetic:tone", kAllOn, reports.callbacks());
    monitor->record(500); // 10 s: still recording when stopped
    REQUIRE(reports.waitFor([](Reports& r) { return r.levels.size() >= 2; }, 5s));
    const auto start = Clock::now();
    monitor.reset();
    CHECK(Clock::now() - start < 200ms); // the tone's 20 ms wait is interrupted, not slept out
    const int calls = reports.calls;
    std::this_thread::sleep_for(100ms);
    CHECK(reports.calls == calls);
    std::lock_guard lock(reports.mutex);
    CHECK_FALSE(reports.recording); // an abandoned recording is not reported
}

TEST_CASE("audio playback: the silent speaker takes the tone at the card's pace", "[media][audio][playback]")
{
    Reports reports;
    const auto start = Clock::now();
    AudioPlayback playback(synthetic(), "synthetic:speaker", toneFrames(15), reports.done());
    REQUIRE(reports.waitFor([](Reports& r) { return r.playback.has_value(); }, 5s));
    const auto tookMs = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    CHECK(tookMs >= 290); // 300 ms of sound, drained
    CHECK(tookMs < 1500);
    std::lock_guard lock(reports.mutex);
    CHECK(reports.playback->ok());
    CHECK(reports.playback->kind == PlaybackOutcome::Kind::Played);
}

TEST_CASE("audio playback: no speaker, a missing one, and a microphone named as speaker are typed outcomes",
          "[media][audio][playback]")
{
    using Kind = PlaybackOutcome::Kind;
    const auto [id, kind, mentions] = GENERATE(table<std::string, Kind, std::string>({
        {"", Kind::NoSpeaker, ""},
        {"synthetic:no-such-speaker", Kind::DeviceMissing, "no-such-speaker"},
        {"synthetic:tone", Kind::DeviceMissing, "tone"},
        {"nosuchbackend:x", Kind::DeviceMissing, "nosuchbackend"},
    }));
    Reports reports;
    AudioPlayback playback(synthetic(), id, toneFrames(5), reports.done());
    REQUIRE(reports.waitFor([](Reports& r) { return r.playback.has_value(); }, 5s));
    std::lock_guard lock(reports.mutex);
    INFO(id << ": " << reports.playback->detail);
    CHECK(reports.playback->kind == kind);
    CHECK_FALSE(reports.playback->ok());
    CHECK(reports.playback->detail.find(mentions) != std::string::npos);
}

TEST_CASE("audio playback: destroying it mid-way interrupts the speaker and reports nothing",
          "[media][audio][playback]")
{
    Reports reports;
    auto playback = std::make_unique<AudioPlayback>(synthetic(), "synthetic:speaker", toneFrames(250), reports.done());
    std::this_thread::sleep_for(100ms);
    const auto start = Clock::now();
    playback.reset();
    CHECK(Clock::now() - start < 200ms);
    std::lock_guard lock(reports.mutex);
    CHECK_FALSE(reports.playback);
}

TEST_CASE("device lister: lists off the caller's thread, folds a burst of refreshes, joins on destruction",
          "[media][devices]")
{
    const DyingBackend* dying = nullptr;
    const auto registry = withDying(dying, 150ms);
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::vector<DeviceInfo>> lists;
    std::thread::id listedOn;
    {
        DeviceLister lister(registry, [&](std::vector<DeviceInfo> devices) {
            {
                std::lock_guard lock(mutex);
                lists.push_back(std::move(devices));
                listedOn = std::this_thread::get_id();
            }
            changed.notify_all();
        });
        const auto start = Clock::now();
        for (int i = 0; i < 5; ++i)
            lister.refresh(); // a headset plugged in: several events at once
        CHECK(Clock::now() - start < 50ms); // the 150 ms listing does not block the caller
        std::unique_lock lock(mutex);
        REQUIRE(changed.wait_for(lock, 5s, [&] { return !lists.empty(); }));
    }
    // One listing running plus at most one folded request.
    CHECK(dying->listings >= 1);
    CHECK(dying->listings <= 2);
    CHECK(listedOn != std::this_thread::get_id());
    const auto& devices = lists.front();
    const auto has = [&](const std::string& id, DeviceKind kind) {
        return std::any_of(devices.begin(), devices.end(),
                           [&](const DeviceInfo& d) { return d.id == id && d.kind == kind; });
    };
    CHECK(has("synthetic:tone", DeviceKind::Microphone));
    CHECK(has("synthetic:speaker", DeviceKind::Speaker));
    CHECK(has("dying:mic", DeviceKind::Microphone));
}
