#include "media/devices/QtAudioSink.h"

#include "media/MediaError.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>

#include <algorithm>
#include <chrono>
#include <thread>

namespace spoke::media {

namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(5);
// Room for 100 ms: enough to ride out a late playout thread, short enough
// not to add noticeable delay to a call.
constexpr int kBufferBytes = AudioFrame::kSampleRateHz / 10 * 2;

QAudioFormat callFormat()
{
    QAudioFormat format;
    format.setSampleRate(AudioFrame::kSampleRateHz);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

} // namespace

std::vector<DeviceInfo> QtAudioSink::speakers()
{
    std::vector<DeviceInfo> infos;
    const QAudioDevice fallback = QMediaDevices::defaultAudioOutput();
    for (const QAudioDevice& device : QMediaDevices::audioOutputs()) {
        const std::string id = device.id().toStdString();
        infos.push_back(DeviceInfo{"qtaudio:" + id, device.description().toStdString(), "qtaudio", DeviceKind::Speaker,
                                   false, device.id() == fallback.id()});
    }
    return infos;
}

QtAudioSink::QtAudioSink(DeviceInfo info, const std::string& deviceId) : info_(std::move(info))
{
    QAudioDevice chosen;
    if (deviceId == "default") {
        chosen = QMediaDevices::defaultAudioOutput();
    } else {
        for (const QAudioDevice& device : QMediaDevices::audioOutputs())
            if (device.id().toStdString() == deviceId)
                chosen = device;
    }
    if (chosen.isNull())
        throw MediaError(MediaErrorKind::DeviceNotFound,
                         "No speaker \"" + info_.name + "\": it was unplugged or never existed");
    const QAudioFormat format = callFormat();
    if (!chosen.isFormatSupported(format))
        throw MediaError(MediaErrorKind::FormatRefused,
                         "The speaker \"" + info_.name + "\" does not play 48 kHz mono 16-bit sound");
    sink_ = std::make_unique<QAudioSink>(chosen, format);
    sink_->setBufferSize(kBufferBytes);
    io_ = sink_->start();
    if (!io_ || sink_->error() != QAudio::NoError)
        throw MediaError(MediaErrorKind::DeviceNotFound, "Cannot play sound on the speaker \"" + info_.name + "\"");
}

QtAudioSink::~QtAudioSink()
{
    if (sink_)
        sink_->stop();
}

bool QtAudioSink::write(const AudioFrame& frame)
{
    if (!bound_) {
        affinity_.rebindToCurrentThread();
        bound_ = true;
    }
    affinity_.assertOwner();
    if (frame.isNull() || frame.sampleCount() == 0)
        return !interrupted_.load();
    const auto samples = frame.samples();
    const char* data = reinterpret_cast<const char*>(samples.data());
    qint64 left = static_cast<qint64>(samples.size_bytes());
    while (left > 0) {
        if (interrupted_.load())
            return false;
        if (sink_->error() == QAudio::IOError || sink_->error() == QAudio::FatalError)
            throw MediaError(MediaErrorKind::DeviceLost, "The speaker \"" + info_.name + "\" stopped playing");
        const qint64 room = std::min<qint64>(left, sink_->bytesFree());
        if (room <= 0) {
            std::this_thread::sleep_for(kPollInterval);
            continue;
        }
        const qint64 written = io_->write(data, room);
        if (written < 0)
            throw MediaError(MediaErrorKind::DeviceLost, "The speaker \"" + info_.name + "\" stopped playing");
        data += written;
        left -= written;
    }
    samplesWritten_ += static_cast<std::int64_t>(samples.size());
    return true;
}

void QtAudioSink::drain()
{
    affinity_.assertOwner();
    // At most the buffer's length, plus slack for the device's own period.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
    while (!interrupted_.load() && sink_->bytesFree() < sink_->bufferSize()
           && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(kPollInterval);
}

std::optional<std::int64_t> QtAudioSink::samplesPlayed()
{
    affinity_.assertOwner();
    // processedUSecs: what the device has taken from the buffer since start().
    const std::int64_t played = sink_->processedUSecs() * AudioFrame::kSampleRateHz / 1'000'000;
    return std::clamp<std::int64_t>(played, 0, samplesWritten_);
}

} // namespace spoke::media
