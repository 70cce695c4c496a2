#include "viewmodels/MediaPreferences.h"

#include <QSettings>

#include <algorithm>
#include <memory>

namespace spoke::ui {

namespace {

std::unique_ptr<QSettings> open(const QString& file)
{
    if (file.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}

// ALSA's "null" PCM (listed wherever ALSA is, even with no sound card:
// silence in, nothing out) and PulseAudio's monitors of its own outputs are
// devices a person may pick on purpose, never ones to fall to unasked.
bool fitForDefault(const media::DeviceInfo& device)
{
    const std::string& id = device.id;
    const bool alsaNull = id == "alsa:null";
    const bool monitor = id.size() > 8 && id.compare(id.size() - 8, 8, ".monitor") == 0;
    return !alsaNull && !monitor;
}

// `saved` if such a device is present, else the best of its kind.
QString pick(const QString& saved, media::DeviceKind kind, const std::vector<media::DeviceInfo>& devices,
             const QString& fallback)
{
    const auto ofKind = [kind](const media::DeviceInfo& d) { return d.kind == kind; };
    if (!saved.isEmpty()) {
        const auto found = std::find_if(devices.begin(), devices.end(), [&](const media::DeviceInfo& d) {
            return ofKind(d) && QString::fromStdString(d.id) == saved;
        });
        if (found != devices.end())
            return saved;
    }
    const media::DeviceInfo* best = nullptr;
    for (const auto& device : devices) {
        if (!ofKind(device) || device.synthetic || !fitForDefault(device))
            continue;
        if (!best || (device.isDefault && !best->isDefault))
            best = &device;
    }
    return best ? QString::fromStdString(best->id) : fallback;
}

} // namespace

MediaPreferences::MediaPreferences(QString settingsFile) : settingsFile_(std::move(settingsFile)) { }

MediaChoice MediaPreferences::load() const
{
    const auto settings = open(settingsFile_);
    MediaChoice choice;
    choice.cameraId = settings->value(QStringLiteral("media/camera")).toString();
    choice.microphoneId = settings->value(QStringLiteral("media/microphone")).toString();
    choice.speakerId = settings->value(QStringLiteral("media/speaker")).toString();
    choice.switches.echoCancellation = settings->value(QStringLiteral("media/echoCancellation"), true).toBool();
    choice.switches.noiseSuppression = settings->value(QStringLiteral("media/noiseSuppression"), true).toBool();
    choice.switches.gainControl = settings->value(QStringLiteral("media/gainControl"), true).toBool();
    return choice;
}

void MediaPreferences::save(const MediaChoice& choice) const
{
    const auto settings = open(settingsFile_);
    settings->setValue(QStringLiteral("media/camera"), choice.cameraId);
    settings->setValue(QStringLiteral("media/microphone"), choice.microphoneId);
    settings->setValue(QStringLiteral("media/speaker"), choice.speakerId);
    settings->setValue(QStringLiteral("media/echoCancellation"), choice.switches.echoCancellation);
    settings->setValue(QStringLiteral("media/noiseSuppression"), choice.switches.noiseSuppression);
    settings->setValue(QStringLiteral("media/gainControl"), choice.switches.gainControl);
    settings->sync();
}

MediaChoice MediaPreferences::resolved(const std::vector<media::DeviceInfo>& devices) const
{
    return resolve(load(), devices);
}

MediaChoice MediaPreferences::resolve(MediaChoice saved, const std::vector<media::DeviceInfo>& devices)
{
    saved.cameraId = pick(saved.cameraId, media::DeviceKind::Camera, devices, QString::fromLatin1(kTestPatternId));
    // No microphone means silence, never the test tone: a hub must not hear
    // a beep because a clinic laptop's microphone is missing. The tone is
    // only sent when picked on purpose.
    saved.microphoneId = pick(saved.microphoneId, media::DeviceKind::Microphone, devices, {});
    saved.speakerId = pick(saved.speakerId, media::DeviceKind::Speaker, devices, {});
    return saved;
}

} // namespace spoke::ui
