#pragma once

#include "media/AudioFrame.h"
#include "media/audio/AudioLevel.h"
#include "util/ThreadAffinity.h"
#include "viewmodels/MediaPreferences.h"
#include "viewmodels/VideoView.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>
#include <vector>

namespace spoke::media {
class AudioPlayback;
class DeviceLister;
class DeviceRegistry;
class MicrophoneMonitor;
struct MicrophoneEvent;
struct PlaybackOutcome;
} // namespace spoke::media

namespace spoke::ui {

class CameraPreview;

// Settings → Audio & video: the device pickers, the camera preview, the
// microphone level meter, the audio processing switches and "test my audio".
// Choices are saved through MediaPreferences as soon as they change. The
// page sets `active` while it is shown; only then do the preview and the
// microphone run, each on its own thread (CameraPreview, and core/media's
// MicrophoneMonitor and AudioPlayback), reporting back through queued calls,
// so the UI thread never lists, opens, reads or plays a device
// (media::DeviceLister lists them). The engines report typed events; the
// sentences shown are made here, with tr(). Lives on the UI thread
// (asserted).
class MediaSettingsModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool devicesReady READ devicesReady NOTIFY devicesChanged)
    Q_PROPERTY(QVariantList cameras READ cameras NOTIFY devicesChanged)
    Q_PROPERTY(QVariantList microphones READ microphones NOTIFY devicesChanged)
    Q_PROPERTY(QVariantList speakers READ speakers NOTIFY devicesChanged)
    Q_PROPERTY(QString cameraId READ cameraId WRITE setCameraId NOTIFY choiceChanged)
    Q_PROPERTY(QString microphoneId READ microphoneId WRITE setMicrophoneId NOTIFY choiceChanged)
    Q_PROPERTY(QString speakerId READ speakerId WRITE setSpeakerId NOTIFY choiceChanged)
    Q_PROPERTY(bool echoCancellation READ echoCancellation WRITE setEchoCancellation NOTIFY choiceChanged)
    Q_PROPERTY(bool noiseSuppression READ noiseSuppression WRITE setNoiseSuppression NOTIFY choiceChanged)
    Q_PROPERTY(bool gainControl READ gainControl WRITE setGainControl NOTIFY choiceChanged)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(spoke::ui::VideoView* view READ view WRITE setView NOTIFY viewChanged)
    Q_PROPERTY(QString cameraShowing READ cameraShowing NOTIFY cameraStateChanged)
    Q_PROPERTY(QString cameraMessage READ cameraMessage NOTIFY cameraStateChanged)
    Q_PROPERTY(QString microphoneMessage READ microphoneMessage NOTIFY microphoneStateChanged)
    Q_PROPERTY(bool microphoneRunning READ microphoneRunning NOTIFY microphoneStateChanged)
    Q_PROPERTY(double rmsDbfs READ rmsDbfs NOTIFY levelChanged)
    Q_PROPERTY(double peakDbfs READ peakDbfs NOTIFY levelChanged)
    Q_PROPERTY(int levelUpdates READ levelUpdates NOTIFY levelChanged)
    Q_PROPERTY(TestState testState READ testState NOTIFY testChanged)
    Q_PROPERTY(int testSecondsLeft READ testSecondsLeft NOTIFY testChanged)
    Q_PROPERTY(int recordedMs READ recordedMs NOTIFY testChanged)
    Q_PROPERTY(QString testStatus READ testStatus NOTIFY testChanged)
    Q_PROPERTY(QString testError READ testError NOTIFY testChanged)
public:
    enum class TestState { Idle, Recording, Playing, Done, Failed };
    Q_ENUM(TestState)

    static constexpr int kTestSeconds = 5;
    static constexpr double kMeterFloorDbfs = media::AudioLevel::kFloorDbfs;

    // The devices of this computer and the application's settings.
    explicit MediaSettingsModel(QObject* parent = nullptr);
    // Tests: given devices and a settings file.
    MediaSettingsModel(std::shared_ptr<const media::DeviceRegistry> registry, QString settingsFile,
                       QObject* parent = nullptr);
    ~MediaSettingsModel() override;

    // The registry the app uses everywhere (built on first use; thread-safe).
    static std::shared_ptr<const media::DeviceRegistry> sharedRegistry();

    bool devicesReady() const { return devicesReady_; }
    QVariantList cameras() const { return cameras_; }
    QVariantList microphones() const { return microphones_; }
    QVariantList speakers() const { return speakers_; }

    QString cameraId() const { return choice_.cameraId; }
    QString microphoneId() const { return choice_.microphoneId; }
    QString speakerId() const { return choice_.speakerId; }
    void setCameraId(const QString& id);
    void setMicrophoneId(const QString& id);
    void setSpeakerId(const QString& id);
    bool echoCancellation() const { return choice_.switches.echoCancellation; }
    bool noiseSuppression() const { return choice_.switches.noiseSuppression; }
    bool gainControl() const { return choice_.switches.gainControl; }
    void setEchoCancellation(bool on);
    void setNoiseSuppression(bool on);
    void setGainControl(bool on);

    bool active() const { return active_; }
    void setActive(bool active);
    VideoView* view() const { return view_; }
    void setView(VideoView* view);

    QString cameraShowing() const { return cameraShowing_; }
    QString cameraMessage() const { return cameraMessage_; }
    QString microphoneMessage() const { return microphoneMessage_; }
    bool microphoneRunning() const { return microphoneRunning_; }
    double rmsDbfs() const { return level_.rmsDbfs; }
    double peakDbfs() const { return level_.peakDbfs; }
    int levelUpdates() const { return levelUpdates_; }

    TestState testState() const { return testState_; }
    int testSecondsLeft() const { return testSecondsLeft_; }
    int recordedMs() const { return recordedMs_; }
    QString testStatus() const;
    QString testError() const { return testError_; }

    // Records kTestSeconds from the microphone (processed as in a call) and
    // plays it to the speaker. Ignored while a test runs.
    Q_INVOKABLE void testAudio();
    // Lists the devices again (a headset was plugged in).
    Q_INVOKABLE void refreshDevices();

Q_SIGNALS:
    void devicesChanged();
    void choiceChanged();
    void activeChanged();
    void viewChanged();
    void cameraStateChanged();
    void microphoneStateChanged();
    void levelChanged();
    void testChanged();

private:
    void adoptDevices(std::vector<media::DeviceInfo> devices);
    void save();
    void restartPreview();
    void restartMicrophone();
    void stopAll();
    void setTest(TestState state, const QString& error = {});
    void onRecorded(std::vector<media::AudioFrame> recording, const std::optional<media::MicrophoneEvent>& failure);
    void onMicrophoneState(const media::MicrophoneEvent& event);
    // The sentence shown for an engine's event (empty when all is well).
    static QString describe(const media::MicrophoneEvent& event);
    static QString describe(const media::PlaybackOutcome& outcome);

    ThreadAffinity affinity_;
    std::shared_ptr<const media::DeviceRegistry> registry_;
    MediaPreferences preferences_;
    MediaChoice choice_;

    bool devicesReady_ = false;
    QVariantList cameras_;
    QVariantList microphones_;
    QVariantList speakers_;

    bool active_ = false;
    QPointer<VideoView> view_;
    QString cameraShowing_;
    QString cameraMessage_;
    QString microphoneMessage_;
    bool microphoneRunning_ = false;
    media::AudioLevel level_;
    int levelUpdates_ = 0;

    TestState testState_ = TestState::Idle;
    int testSecondsLeft_ = 0;
    int recordedMs_ = 0;
    QString testError_;

    // Each worker's reports carry the generation it was started in; reports
    // from one that has since been replaced are dropped.
    int previewGeneration_ = 0;
    int microphoneGeneration_ = 0;
    int playbackGeneration_ = 0;
    std::unique_ptr<CameraPreview> preview_;
    std::unique_ptr<media::MicrophoneMonitor> microphone_;
    std::unique_ptr<media::AudioPlayback> playback_;
    std::unique_ptr<media::DeviceLister> lister_;
};

} // namespace spoke::ui
