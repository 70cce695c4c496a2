// Settings → Audio & video against real synthetic devices (the stamped test
// pattern, the marked tone) and the real FFmpeg backend; the only stand-ins
// are devices this machine cannot have: a camera and a microphone that die
// mid-stream, and a speaker (there is no sound card here).
#include "media/MediaError.h"
#include "media/audio/AudioLevel.h"
#include "media/audio/ToneMarker.h"
#include "media/audio/ToneSource.h"
#include "media/devices/DeviceRegistry.h"
#include "media/devices/FfmpegBackend.h"
#include "media/devices/SyntheticBackend.h"
#include "media/video/TestPatternSource.h"
#include "viewmodels/MediaSettingsModel.h"

#include "UiWait.h"
#include "VideoViewWindow.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include <cmath>
#include <mutex>

using namespace spoke;
using spoke::test::stampIn;
using spoke::test::waitUntil;
using Model = ui::MediaSettingsModel;

namespace {

// A camera unplugged after a few pictures.
class DyingCamera final : public media::VideoSource {
public:
    DyingCamera() : pattern_({.width = 320, .height = 180, .fps = 30, .paced = true}) { }
    const media::DeviceInfo& device() const override { return info_; }
    media::VideoFrame read() override
    {
        if (++reads_ > 3)
            throw media::MediaError(media::MediaErrorKind::DeviceLost, "the USB camera was unplugged");
        return pattern_.read();
    }
    void interrupt() override { pattern_.interrupt(); }

private:
    media::DeviceInfo info_{"fake:dying-camera", "Dying camera", "fake", media::DeviceKind::Camera, false, false};
    media::TestPatternSource pattern_;
    int reads_ = 0;
};

// A USB headset microphone unplugged after 200 ms.
class DyingMicrophone final : public media::AudioSource {
public:
    DyingMicrophone() : tone_({}) { }
    const media::DeviceInfo& device() const override { return info_; }
    media::AudioFrame read() override
    {
        if (++reads_ > 10)
            throw media::MediaError(media::MediaErrorKind::DeviceLost, "the headset was unplugged");
        return tone_.read();
    }
    void interrupt() override { tone_.interrupt(); }

private:
    media::DeviceInfo info_{"fake:dying-mic", "Dying microphone", "fake", media::DeviceKind::Microphone, false, false};
    media::ToneSource tone_;
    int reads_ = 0;
};

// The speaker: keeps what it is given.
struct Played {
    std::mutex mutex;
    std::vector<std::int16_t> samples;
    bool drained = false;
};

class RecordingSpeaker final : public media::AudioSink {
public:
    explicit RecordingSpeaker(std::shared_ptr<Played> played) : played_(std::move(played)) { }
    const media::DeviceInfo& device() const override { return info_; }
    bool write(const media::AudioFrame& frame) override
    {
        std::lock_guard lock(played_->mutex);
        const auto samples = frame.samples();
        played_->samples.insert(played_->samples.end(), samples.begin(), samples.end());
        return true;
    }
    void drain() override
    {
        std::lock_guard lock(played_->mutex);
        played_->drained = true;
    }
    void interrupt() override { }

private:
    media::DeviceInfo info_{"fake:speaker", "Test speaker", "fake", media::DeviceKind::Speaker, false, true};
    std::shared_ptr<Played> played_;
};

class FakeBackend final : public media::DeviceBackend {
public:
    explicit FakeBackend(std::shared_ptr<Played> played) : played_(std::move(played)) { }
    bool owns(const std::string& backend) const override { return backend == "fake"; }
    std::vector<media::DeviceInfo> enumerate() const override
    {
        return {{"fake:dying-camera", "Dying camera", "fake", media::DeviceKind::Camera, false, false},
                {"fake:dying-mic", "Dying microphone", "fake", media::DeviceKind::Microphone, false, false},
                {"fake:speaker", "Test speaker", "fake", media::DeviceKind::Speaker, false, true}};
    }
    std::unique_ptr<media::VideoSource> openVideo(const std::string&, const std::string&,
                                                  const media::VideoCaptureFormat&) const override
    {
        return std::make_unique<DyingCamera>();
    }
    std::unique_ptr<media::AudioSource> openAudio(const std::string&, const std::string&) const override
    {
        return std::make_unique<DyingMicrophone>();
    }
    std::unique_ptr<media::AudioSink> openAudioOutput(const std::string&, const std::string&) const override
    {
        return std::make_unique<RecordingSpeaker>(played_);
    }

private:
    std::shared_ptr<Played> played_;
};

std::shared_ptr<const media::DeviceRegistry> registryWith(std::shared_ptr<Played> played = {})
{
    std::vector<std::unique_ptr<media::DeviceBackend>> backends;
    backends.push_back(std::make_unique<media::SyntheticBackend>());
    backends.push_back(std::make_unique<media::FfmpegBackend>());
    if (played)
        backends.push_back(std::make_unique<FakeBackend>(std::move(played)));
    return std::make_shared<const media::DeviceRegistry>(std::move(backends));
}

QString settingsIn(const spoke::test::TempDir& dir)
{
    return QString::fromStdString((dir.path() / "settings.ini").string());
}

// What the meter must read for the tone, computed here without the meter.
std::pair<double, double> toneLevelDbfs()
{
    media::ToneSource tone({.paced = false, .amplitude = 0.25});
    double sumSquares = 0;
    double count = 0;
    int peak = 0;
    for (int i = 0; i < 64; ++i) {
        const media::AudioFrame frame = tone.read();
        for (const std::int16_t s : frame.samples()) {
            sumSquares += double(s) * s;
            peak = std::max(peak, std::abs(int(s)));
            ++count;
        }
    }
    return {20 * std::log10(std::sqrt(sumSquares / count) / 32768.0), 20 * std::log10(peak / 32768.0)};
}

} // namespace

TEST_CASE("audio level: full-scale sine, half scale and silence in dBFS", "[media][ui]")
{
    std::vector<std::int16_t> sine(4800);
    for (std::size_t i = 0; i < sine.size(); ++i)
        sine[i] = static_cast<std::int16_t>(32767 * std::sin(2 * M_PI * 1000 * double(i) / 48000));
    const auto full = media::AudioLevelMeter::measure(sine);
    CHECK(full.rmsDbfs == Approx(-3.01).margin(0.05));
    CHECK(full.peakDbfs == Approx(0).margin(0.01));
    for (auto& s : sine)
        s = static_cast<std::int16_t>(s / 2);
    CHECK(media::AudioLevelMeter::measure(sine).rmsDbfs == Approx(-9.03).margin(0.05));
    const std::vector<std::int16_t> silence(960, 0);
    CHECK(media::AudioLevelMeter::measure(silence).rmsDbfs == media::AudioLevel::kFloorDbfs);
    media::AudioLevelMeter meter;
    CHECK(meter.take().peakDbfs == media::AudioLevel::kFloorDbfs);
}

TEST_CASE("media preferences: defaults skip ALSA's null device and monitors, keep what is present", "[ui][media]")
{
    using media::DeviceKind;
    const std::vector<media::DeviceInfo> devices{
        media::TestPatternSource::deviceInfo(),
        media::ToneSource::deviceInfo(),
        {"alsa:null", "Discard all samples", "alsa", DeviceKind::Microphone, false, false},
        {"alsa:null", "Discard all samples", "alsa", DeviceKind::Speaker, false, false},
        {"pulse:alsa_output.pci.monitor", "Monitor of Built-in Audio", "pulse", DeviceKind::Microphone, false, true},
        {"v4l2:/dev/video2", "USB camera", "v4l2", DeviceKind::Camera, false, false},
        {"v4l2:/dev/video0", "Integrated camera", "v4l2", DeviceKind::Camera, false, true},
    };
    const ui::MediaChoice nothing = ui::MediaPreferences::resolve({}, devices);
    CHECK(nothing.cameraId == QStringLiteral("v4l2:/dev/video0"));
    CHECK(nothing.microphoneId.isEmpty()); // silence, never the tone unasked
    CHECK(nothing.speakerId.isEmpty());

    ui::MediaChoice chosen;
    chosen.cameraId = QStringLiteral("v4l2:/dev/video2");
    chosen.microphoneId = QStringLiteral("alsa:null"); // picked on purpose: kept
    chosen.speakerId = QStringLiteral("pulse:gone");
    const ui::MediaChoice resolved = ui::MediaPreferences::resolve(chosen, devices);
    CHECK(resolved.cameraId == chosen.cameraId);
    CHECK(resolved.microphoneId == chosen.microphoneId);
    CHECK(resolved.speakerId.isEmpty());
}

TEST_CASE("media settings: the test pattern preview reaches the VideoView, only while active", "[ui][media]")
{
    spoke::test::TempDir dir;
    test::VideoViewWindow w(640, 360);
    Model model(registryWith(), settingsIn(dir));
    REQUIRE(waitUntil([&] { return model.devicesReady(); }, 5000));
    model.setCameraId(QStringLiteral("synthetic:test-pattern"));
    model.setView(w.view);
    CHECK(w.view->framesShown() == 0); // not shown yet: no device opened

    model.setActive(true);
    REQUIRE(waitUntil([&] { return w.view->framesShown() >= 5; }, 8000));
    CHECK(model.cameraMessage().isEmpty());
    CHECK(model.cameraShowing().contains(QStringLiteral("Test pattern")));
    const auto first = stampIn(w.view->currentImage());
    REQUIRE(first);
    const int shown = w.view->framesShown();
    REQUIRE(waitUntil([&] { return w.view->framesShown() >= shown + 3; }, 8000));
    const auto later = stampIn(w.window->grabWindow().scaled(640, 360));
    REQUIRE(later);
    CHECK(later->sequence > first->sequence);

    model.setActive(false);
    QCoreApplication::processEvents();
    const int stopped = w.view->framesShown();
    waitUntil([] { return false; }, 300);
    CHECK(w.view->framesShown() == stopped);
}

TEST_CASE("media settings: a missing or dying camera is reported and replaced by the test pattern", "[ui][media]")
{
    spoke::test::TempDir dir;
    test::VideoViewWindow w(640, 360);
    auto played = std::make_shared<Played>();
    Model model(registryWith(played), settingsIn(dir));
    REQUIRE(waitUntil([&] { return model.devicesReady(); }, 5000));
    model.setView(w.view);
    model.setActive(true);

    SECTION("a camera that is not there")
    {
        model.setCameraId(QStringLiteral("v4l2:/dev/video-not-here"));
        REQUIRE(waitUntil([&] { return !model.cameraMessage().isEmpty(); }, 5000));
        CHECK(model.cameraMessage().contains(QStringLiteral("/dev/video-not-here")));
    }
    SECTION("a camera unplugged mid-stream")
    {
        model.setCameraId(QStringLiteral("fake:dying-camera"));
        REQUIRE(waitUntil([&] { return !model.cameraMessage().isEmpty(); }, 5000));
        CHECK(model.cameraMessage().contains(QStringLiteral("unplugged")));
    }
    CHECK(model.cameraMessage().contains(QStringLiteral("test pattern")));
    CHECK(model.cameraShowing().contains(QStringLiteral("Test pattern")));
    const int shown = w.view->framesShown();
    REQUIRE(waitUntil([&] { return w.view->framesShown() >= shown + 3; }, 8000));
    CHECK(stampIn(w.view->currentImage()));
}

TEST_CASE("media settings: the meter reads the test tone's level about 15 times a second", "[ui][media]")
{
    spoke::test::TempDir dir;
    Model model(registryWith(), settingsIn(dir));
    REQUIRE(waitUntil([&] { return model.devicesReady(); }, 5000));
    model.setMicrophoneId(QStringLiteral("synthetic:tone"));
    model.setActive(true);
    REQUIRE(waitUntil([&] { return model.microphoneRunning() && model.levelUpdates() >= 3; }, 5000));

    const int before = model.levelUpdates();
    waitUntil([] { return false; }, 2000);
    const int perSecond = (model.levelUpdates() - before) / 2;
    CHECK(perSecond >= 10); // 15 nominal; a loaded machine may post a few late
    CHECK(perSecond <= 17);

    const auto [rms, peak] = toneLevelDbfs();
    CHECK(rms == Approx(-12).margin(1.5)); // two tones at a quarter of full scale each
    CHECK(model.rmsDbfs() == Approx(rms).margin(1.0));
    // The two tones add up to the full peak only now and then; any 66 ms
    // window peaks between one tone's crest (RMS + 3 dB) and that.
    CHECK(model.peakDbfs() <= peak + 0.1);
    CHECK(model.peakDbfs() >= model.rmsDbfs() + 2.5);
    CHECK(model.microphoneMessage().isEmpty());

    model.setActive(false);
    CHECK(model.rmsDbfs() == Model::kMeterFloorDbfs);
}

TEST_CASE("media settings: a microphone unplugged mid-stream says so and goes quiet", "[ui][media]")
{
    spoke::test::TempDir dir;
    Model model(registryWith(std::make_shared<Played>()), settingsIn(dir));
    REQUIRE(waitUntil([&] { return model.devicesReady(); }, 5000));
    model.setMicrophoneId(QStringLiteral("fake:dying-mic"));
    model.setActive(true);
    REQUIRE(waitUntil([&] { return !model.microphoneMessage().isEmpty(); }, 5000));
    CHECK(model.microphoneMessage().contains(QStringLiteral("unplugged")));
    CHECK_FALSE(model.microphoneRunning());
    CHECK(model.rmsDbfs() == Model::kMeterFloorDbfs);

    model.testAudio();
    REQUIRE(waitUntil([&] { return model.testState() == Model::TestState::Failed; }, 3000));
    CHECK(model.testError().contains(QStringLiteral("unplugged")));
}

TEST_CASE("media settings: a microphone id that is not there is worded from the monitor's typed event", "[ui][media]")
{
    spoke::test::TempDir dir;
    Model model(registryWith(), settingsIn(dir));
    REQUIRE(waitUntil([&] { return model.devicesReady(); }, 5000));
    model.setMicrophoneId(QStringLiteral("synthetic:no-such-mic"));
    model.setActive(true);
    REQUIRE(waitUntil([&] { return !model.microphoneMessage().isEmpty(); }, 5000));
    // media::MicrophoneEvent{DeviceMissing, "There is no synthetic microphone called …"}, in the page's words.
    CHECK(model.microphoneMessage().startsWith(QStringLiteral("The microphone could not be opened: ")));
    CHECK(model.microphoneMessage().contains(QStringLiteral("no-such-mic")));
    CHECK(model.microphoneMessage().endsWith(QStringLiteral("No sound is being picked up.")));
    CHECK_FALSE(model.microphoneRunning());
    model.testAudio();
    REQUIRE(waitUntil([&] { return model.testState() == Model::TestState::Failed; }, 3000));
    CHECK(model.testError() == model.microphoneMessage());
}

TEST_CASE("media settings: with no microphone the page says so and nothing is opened, not even the tone", "[ui][media]")
{
    spoke::test::TempDir dir;
    std::vector<std::unique_ptr<media::DeviceBackend>> onlySynthetic;
    onlySynthetic.push_back(std::make_unique<media::SyntheticBackend>());
    Model model(std::make_shared<const media::DeviceRegistry>(std::move(onlySynthetic)), settingsIn(dir));
    REQUIRE(waitUntil([&] { return model.devicesReady(); }, 5000));
    CHECK(model.microphoneId().isEmpty());
    model.setActive(true);
    REQUIRE(waitUntil([&] { return !model.microphoneMessage().isEmpty(); }, 3000));
    CHECK(model.microphoneMessage().contains(QStringLiteral("will not hear you")));
    CHECK_FALSE(model.microphoneRunning());
    model.testAudio();
    CHECK(model.testState() == Model::TestState::Failed);
    CHECK(model.testError() == QStringLiteral("Choose a microphone first."));
}

TEST_CASE("media settings: choices persist across a new model and are what calls read", "[ui][media]")
{
    spoke::test::TempDir dir;
    auto played = std::make_shared<Played>();
    {
        Model model(registryWith(played), settingsIn(dir));
        REQUIRE(waitUntil([&] { return model.devicesReady(); }, 5000));
        model.setCameraId(QStringLiteral("synthetic:test-pattern"));
        model.setMicrophoneId(QStringLiteral("synthetic:tone"));
        model.setSpeakerId(QStringLiteral("fake:speaker"));
        model.setEchoCancellation(false);
        model.setGainControl(false);
    }
    const ui::MediaChoice saved = ui::MediaPreferences(settingsIn(dir)).load();
    CHECK(saved.cameraId == QStringLiteral("synthetic:test-pattern"));
    CHECK(saved.microphoneId == QStringLiteral("synthetic:tone"));
    CHECK(saved.speakerId == QStringLiteral("fake:speaker"));
    CHECK_FALSE(saved.switches.echoCancellation);
    CHECK(saved.switches.noiseSuppression);
    CHECK_FALSE(saved.switches.gainControl);

    Model again(registryWith(played), settingsIn(dir));
    REQUIRE(waitUntil([&] { return again.devicesReady(); }, 5000));
    CHECK(again.cameraId() == QStringLiteral("synthetic:test-pattern"));
    CHECK(again.microphoneId() == QStringLiteral("synthetic:tone"));
    CHECK(again.speakerId() == QStringLiteral("fake:speaker"));
    CHECK_FALSE(again.echoCancellation());
    CHECK(again.noiseSuppression());
    CHECK_FALSE(again.gainControl());

    // A saved camera that is gone: shown as the test pattern, still saved.
    ui::MediaChoice gone = saved;
    gone.cameraId = QStringLiteral("v4l2:/dev/video-unplugged");
    ui::MediaPreferences(settingsIn(dir)).save(gone);
    Model third(registryWith(), settingsIn(dir));
    REQUIRE(waitUntil([&] { return third.devicesReady(); }, 5000));
    CHECK(third.cameraId() == QStringLiteral("synthetic:test-pattern"));
    CHECK(ui::MediaPreferences(settingsIn(dir)).load().cameraId == gone.cameraId);
}

TEST_CASE("media settings: test my audio records 5 s of the tone and plays it back", "[ui][media]")
{
    spoke::test::TempDir dir;
    auto played = std::make_shared<Played>();
    Model model(registryWith(played), settingsIn(dir));
    REQUIRE(waitUntil([&] { return model.devicesReady(); }, 5000));
    model.setMicrophoneId(QStringLiteral("synthetic:tone"));
    model.setSpeakerId(QStringLiteral("fake:speaker"));
    // Clean-up off so the tone comes back as it went in.
    model.setEchoCancellation(false);
    model.setNoiseSuppression(false);
    model.setGainControl(false);
    model.setActive(true);
    REQUIRE(waitUntil([&] { return model.microphoneRunning(); }, 5000));

    std::vector<int> secondsShown;
    QObject::connect(&model, &Model::testChanged, [&] {
        if (model.testState() == Model::TestState::Recording
            && (secondsShown.empty() || secondsShown.back() != model.testSecondsLeft()))
            secondsShown.push_back(model.testSecondsLeft());
    });
    model.testAudio();
    CHECK(model.testState() == Model::TestState::Recording);
    CHECK(model.testStatus().contains(QStringLiteral("5 s")));
    REQUIRE(waitUntil([&] { return model.testState() == Model::TestState::Done; }, 15000));
    CHECK(model.testError().isEmpty());
    CHECK(model.recordedMs() == 5000);
    CHECK(secondsShown == std::vector<int>{5, 4, 3, 2, 1});

    std::lock_guard lock(played->mutex);
    CHECK(played->drained);
    REQUIRE(played->samples.size() == 250u * 960u);
    // The tone's markers are still there after the audio processing.
    const auto codes =
        media::ToneMarker::detectAll(played->samples, media::ToneMarker::findBlockOffset(played->samples));
    const auto decoded = std::count_if(codes.begin(), codes.end(), [](const auto& code) { return code.has_value(); });
    CHECK(decoded >= 200);
}

TEST_CASE("media settings: test my audio without a sound card says so after recording", "[ui][media]")
{
    spoke::test::TempDir dir;
    Model model(registryWith(), settingsIn(dir));
    REQUIRE(waitUntil([&] { return model.devicesReady(); }, 5000));
    model.setMicrophoneId(QStringLiteral("synthetic:tone"));
    model.setActive(true);
    REQUIRE(waitUntil([&] { return model.microphoneRunning(); }, 5000));

    // No speaker listed (this machine has none), then an ALSA card that is
    // not there: both a clear message, neither a hang.
    const auto speaker = GENERATE(as<QString>{}, QString(), QStringLiteral("alsa:hw:77"));
    model.setSpeakerId(speaker);
    model.testAudio();
    REQUIRE(waitUntil([&] { return model.testState() == Model::TestState::Failed; }, 15000));
    CHECK(model.recordedMs() == 5000);
    CHECK(model.testStatus().contains(QStringLiteral("5.0 s")));
    if (speaker.isEmpty())
        CHECK(model.testError().contains(QStringLiteral("No speaker is chosen")));
    else
        CHECK(model.testError().contains(QStringLiteral("Cannot play sound")));
    INFO(model.testError().toStdString());
}
