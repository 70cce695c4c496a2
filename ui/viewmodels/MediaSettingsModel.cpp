#include "viewmodels/MediaSettingsModel.h"
#include "viewmodels/Formatting.h"

#include "media/audio/AudioPlayback.h"
#include "media/audio/MicrophoneMonitor.h"
#include "media/devices/DeviceLister.h"
#include "media/devices/DeviceRegistry.h"
#include "viewmodels/CameraPreview.h"
#include "viewmodels/VideoView.h"

#include <QVariantMap>

namespace spoke::ui {

namespace {

QVariantList listOf(const std::vector<media::DeviceInfo>& devices, media::DeviceKind kind)
{
    QVariantList list;
    for (const auto& device : devices) {
        if (device.kind != kind)
            continue;
        QVariantMap entry;
        entry.insert(QStringLiteral("id"), QString::fromStdString(device.id));
        entry.insert(QStringLiteral("name"), QString::fromStdString(device.name));
        entry.insert(QStringLiteral("synthetic"), device.synthetic);
        list.push_back(entry);
    }
    return list;
}

} // namespace

std::shared_ptr<const media::DeviceRegistry> MediaSettingsModel::sharedRegistry()
{
    static const auto registry = std::make_shared<const media::DeviceRegistry>();
    return registry;
}

MediaSettingsModel::MediaSettingsModel(QObject* parent) : MediaSettingsModel(sharedRegistry(), {}, parent) { }

MediaSettingsModel::MediaSettingsModel(std::shared_ptr<const media::DeviceRegistry> registry, QString settingsFile,
                                       QObject* parent)
    : QObject(parent)
    , registry_(std::move(registry))
    , preferences_(std::move(settingsFile))
    , choice_(preferences_.load())
{
    lister_ = std::make_unique<media::DeviceLister>(registry_, [this](std::vector<media::DeviceInfo> devices) {
        QMetaObject::invokeMethod(
            this, [this, devices = std::move(devices)]() mutable { adoptDevices(std::move(devices)); },
            Qt::QueuedConnection);
    });
    refreshDevices();
}

MediaSettingsModel::~MediaSettingsModel()
{
    // Workers first: they report to this object and draw into the view.
    preview_.reset();
    microphone_.reset();
    playback_.reset();
    lister_.reset();
}

void MediaSettingsModel::refreshDevices()
{
    affinity_.assertOwner();
    lister_->refresh();
}

void MediaSettingsModel::adoptDevices(std::vector<media::DeviceInfo> devices)
{
    affinity_.assertOwner();
    cameras_ = listOf(devices, media::DeviceKind::Camera);
    microphones_ = listOf(devices, media::DeviceKind::Microphone);
    speakers_ = listOf(devices, media::DeviceKind::Speaker);
    const MediaChoice resolved = MediaPreferences::resolve(choice_, devices);
    const bool cameraChanged = resolved.cameraId != choice_.cameraId || !devicesReady_;
    const bool microphoneChanged = resolved.microphoneId != choice_.microphoneId || !devicesReady_;
    // What was picked for a missing device is shown, not saved: the saved
    // choice comes back when the device is plugged in again.
    choice_ = resolved;
    devicesReady_ = true;
    Q_EMIT devicesChanged();
    Q_EMIT choiceChanged();
    if (cameraChanged)
        restartPreview();
    if (microphoneChanged)
        restartMicrophone();
}

void MediaSettingsModel::save()
{
    preferences_.save(choice_);
    Q_EMIT choiceChanged();
}

void MediaSettingsModel::setCameraId(const QString& id)
{
    affinity_.assertOwner();
    if (id == choice_.cameraId)
        return;
    choice_.cameraId = id;
    save();
    restartPreview();
}

void MediaSettingsModel::setMicrophoneId(const QString& id)
{
    affinity_.assertOwner();
    if (id == choice_.microphoneId)
        return;
    choice_.microphoneId = id;
    save();
    restartMicrophone();
}

void MediaSettingsModel::setSpeakerId(const QString& id)
{
    affinity_.assertOwner();
    if (id == choice_.speakerId)
        return;
    choice_.speakerId = id;
    save();
}

void MediaSettingsModel::setEchoCancellation(bool on)
{
    if (on == choice_.switches.echoCancellation)
        return;
    choice_.switches.echoCancellation = on;
    save();
    if (microphone_)
        microphone_->setSwitches(choice_.switches);
}

void MediaSettingsModel::setNoiseSuppression(bool on)
{
    if (on == choice_.switches.noiseSuppression)
        return;
    choice_.switches.noiseSuppression = on;
    save();
    if (microphone_)
        microphone_->setSwitches(choice_.switches);
}

void MediaSettingsModel::setGainControl(bool on)
{
    if (on == choice_.switches.gainControl)
        return;
    choice_.switches.gainControl = on;
    save();
    if (microphone_)
        microphone_->setSwitches(choice_.switches);
}

void MediaSettingsModel::setActive(bool active)
{
    affinity_.assertOwner();
    if (active == active_)
        return;
    active_ = active;
    Q_EMIT activeChanged();
    if (active_) {
        restartPreview();
        restartMicrophone();
    } else {
        stopAll();
    }
}

void MediaSettingsModel::setView(VideoView* view)
{
    affinity_.assertOwner();
    if (view == view_)
        return;
    preview_.reset(); // the old view must not receive another picture
    if (view_)
        disconnect(view_, nullptr, this, nullptr);
    view_ = view;
    if (view_)
        connect(view_, &QObject::destroyed, this, [this] { preview_.reset(); });
    Q_EMIT viewChanged();
    restartPreview();
}

void MediaSettingsModel::stopAll()
{
    preview_.reset();
    microphone_.reset();
    playback_.reset();
    ++previewGeneration_;
    ++microphoneGeneration_;
    ++playbackGeneration_;
    if (testState_ == TestState::Recording || testState_ == TestState::Playing)
        setTest(TestState::Idle);
    if (microphoneRunning_) {
        microphoneRunning_ = false;
        Q_EMIT microphoneStateChanged();
    }
    level_ = {};
    Q_EMIT levelChanged();
}

void MediaSettingsModel::restartPreview()
{
    affinity_.assertOwner();
    preview_.reset();
    const int generation = ++previewGeneration_;
    if (!active_ || !devicesReady_ || !view_)
        return;
    preview_ = std::make_unique<CameraPreview>(registry_, choice_.cameraId.toStdString(), view_.data(),
                                               [this, generation](const QString& message, const QString& showing) {
                                                   QMetaObject::invokeMethod(
                                                       this,
                                                       [this, generation, message, showing] {
                                                           if (generation != previewGeneration_)
                                                               return;
                                                           cameraMessage_ = message;
                                                           cameraShowing_ = showing;
                                                           Q_EMIT cameraStateChanged();
                                                       },
                                                       Qt::QueuedConnection);
                                               });
}

void MediaSettingsModel::restartMicrophone()
{
    affinity_.assertOwner();
    microphone_.reset();
    const int generation = ++microphoneGeneration_;
    if (testState_ == TestState::Recording)
        setTest(TestState::Failed, tr("The microphone was changed while recording. Try again."));
    if (!active_ || !devicesReady_)
        return;
    if (choice_.microphoneId.isEmpty()) {
        microphoneMessage_ = tr("No microphone is chosen, so others will not hear you. Plug one in, or pick the test "
                                "tone to try Spoke.");
        microphoneRunning_ = false;
        Q_EMIT microphoneStateChanged();
        return;
    }
    // Every report is handed to the UI thread; this shorthand posts it.
    auto post = [this, generation](auto apply) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, apply = std::move(apply)]() mutable {
                if (generation == microphoneGeneration_)
                    apply();
            },
            Qt::QueuedConnection);
    };
    media::MicrophoneMonitor::Callbacks callbacks;
    callbacks.state = [this, post](const media::MicrophoneEvent& event) {
        post([this, event] { onMicrophoneState(event); });
    };
    callbacks.level = [this, post](media::AudioLevel level) {
        post([this, level] {
            level_ = level;
            ++levelUpdates_;
            Q_EMIT levelChanged();
        });
    };
    callbacks.recordingProgress = [this, post](int frames) {
        post([this, frames] {
            const int total = kTestSeconds * 50;
            const int left = (total - frames + 49) / 50;
            if (testState_ == TestState::Recording && left > 0 && left != testSecondsLeft_) {
                testSecondsLeft_ = left;
                Q_EMIT testChanged();
            }
        });
    };
    callbacks.recorded = [this, post](std::vector<media::AudioFrame> recording,
                                      std::optional<media::MicrophoneEvent> failure) {
        post([this, recording = std::move(recording), failure = std::move(failure)]() mutable {
            onRecorded(std::move(recording), failure);
        });
    };
    microphone_ = std::make_unique<media::MicrophoneMonitor>(registry_, choice_.microphoneId.toStdString(),
                                                             choice_.switches, std::move(callbacks));
}

void MediaSettingsModel::onMicrophoneState(const media::MicrophoneEvent& event)
{
    microphoneMessage_ = describe(event);
    microphoneRunning_ = event.kind == media::MicrophoneEvent::Kind::Running;
    Q_EMIT microphoneStateChanged();
}

QString MediaSettingsModel::describe(const media::MicrophoneEvent& event)
{
    using Kind = media::MicrophoneEvent::Kind;
    const QString detail = QString::fromStdString(event.detail);
    switch (event.kind) {
    case Kind::Running: return {};
    case Kind::NoMicrophone: return tr("No microphone was found. Connect a microphone or a headset.");
    case Kind::DeviceMissing:
    case Kind::OpenFailed:
        return tr("The microphone could not be opened: %1. No sound is being picked up.").arg(detail);
    case Kind::DeviceLost: return tr("The microphone stopped: %1.").arg(detail);
    case Kind::ProcessingFailed: return tr("Audio processing failed: %1").arg(detail);
    }
    return {};
}

QString MediaSettingsModel::describe(const media::PlaybackOutcome& outcome)
{
    using Kind = media::PlaybackOutcome::Kind;
    const QString detail = QString::fromStdString(outcome.detail);
    switch (outcome.kind) {
    case Kind::Played: return {};
    case Kind::NoSpeaker:
        return tr("No speaker is chosen, so the recording cannot be played back. Connect speakers or a headset, "
                  "then choose them above.");
    case Kind::DeviceMissing:
    case Kind::OpenFailed: return tr("The recording could not be played back: %1").arg(detail);
    case Kind::DeviceLost: return tr("Playback stopped: %1").arg(detail);
    }
    return {};
}

void MediaSettingsModel::testAudio()
{
    affinity_.assertOwner();
    if (testState_ == TestState::Recording || testState_ == TestState::Playing)
        return;
    playback_.reset();
    if (!microphone_) {
        setTest(TestState::Failed, choice_.microphoneId.isEmpty()
                                       ? tr("Choose a microphone first.")
                                       : tr("Open Settings → Audio & video to test your audio."));
        return;
    }
    recordedMs_ = 0;
    testSecondsLeft_ = kTestSeconds;
    setTest(TestState::Recording);
    microphone_->record(kTestSeconds * 50);
}

void MediaSettingsModel::onRecorded(std::vector<media::AudioFrame> recording,
                                    const std::optional<media::MicrophoneEvent>& failure)
{
    if (testState_ != TestState::Recording)
        return;
    if (failure) {
        setTest(TestState::Failed, describe(*failure));
        return;
    }
    recordedMs_ = static_cast<int>(recording.size()) * 20;
    testSecondsLeft_ = 0;
    setTest(TestState::Playing);
    const int generation = ++playbackGeneration_;
    playback_ = std::make_unique<media::AudioPlayback>(
        registry_, choice_.speakerId.toStdString(), std::move(recording),
        [this, generation](const media::PlaybackOutcome& outcome) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, outcome] {
                    if (generation != playbackGeneration_ || testState_ != TestState::Playing)
                        return;
                    setTest(outcome.ok() ? TestState::Done : TestState::Failed, describe(outcome));
                },
                Qt::QueuedConnection);
        });
}

void MediaSettingsModel::setTest(TestState state, const QString& error)
{
    testState_ = state;
    testError_ = error;
    Q_EMIT testChanged();
}

QString MediaSettingsModel::testStatus() const
{
    switch (testState_) {
    case TestState::Idle: return tr("Records %n seconds and plays them back.", "", kTestSeconds);
    case TestState::Recording: return tr("Recording… %n s left. Say something.", "", testSecondsLeft_);
    case TestState::Playing: return tr("Playing back…");
    case TestState::Done: return tr("Done. Did you hear yourself clearly?");
    case TestState::Failed:
        return recordedMs_ > 0 ? tr("Recorded %1 s, but playback failed.").arg(formatDecimal(recordedMs_ / 1000.0, 1))
                               : tr("The test could not run.");
    }
    return {};
}

} // namespace spoke::ui
