#pragma once

#include "media/audio/AudioProcessor.h"
#include "media/devices/DeviceInfo.h"

#include <QString>

#include <vector>

namespace spoke::ui {

// The user's camera, microphone and speaker and the audio processing
// switches, as chosen in Settings → Audio & video. Whoever starts media
// (the call view, a recording) reads them here and passes the ids to
// media::DeviceRegistry; an id is empty when nothing usable was chosen.
struct MediaChoice {
    QString cameraId;
    QString microphoneId;
    QString speakerId;
    media::AudioProcessingSwitches switches;
};

// Where MediaChoice is kept: the application's QSettings ("media/…" keys),
// or an ini file for tests. Cheap to construct; use on one thread at a time.
class MediaPreferences {
public:
    static constexpr const char* kTestPatternId = "synthetic:test-pattern";
    static constexpr const char* kToneId = "synthetic:tone";

    // Empty: the application's settings (QSettings with the app's name).
    explicit MediaPreferences(QString settingsFile = {});

    // What was saved, unresolved (ids may name unplugged devices).
    MediaChoice load() const;
    void save(const MediaChoice& choice) const;

    // The saved choice checked against the devices present: a saved device
    // that is missing, or nothing saved, becomes the system default real
    // device, else the first real one (never ALSA's "null" or a PulseAudio
    // monitor), else the test pattern (camera) or nothing (microphone,
    // speaker).
    MediaChoice resolved(const std::vector<media::DeviceInfo>& devices) const;
    static MediaChoice resolve(MediaChoice saved, const std::vector<media::DeviceInfo>& devices);

private:
    QString settingsFile_;
};

} // namespace spoke::ui
