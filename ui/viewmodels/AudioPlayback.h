#pragma once

#include "media/AudioFrame.h"
#include "media/devices/AudioSink.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace spoke::media {
class DeviceRegistry;
}

namespace spoke::ui {

// Plays a short recording ("test my audio") to a speaker on its own thread.
// A missing speaker, a sound server that does not answer or a device that
// stops is reported through `done` with a message for the user; the sound
// card paces the writes, so nothing here waits on the UI thread. `done` runs
// on the playback thread. Construct and destroy on one thread; the
// destructor interrupts and joins.
class AudioPlayback {
    Q_DECLARE_TR_FUNCTIONS(AudioPlayback)
public:
    using DoneFn = std::function<void(const QString& error)>;

    AudioPlayback(std::shared_ptr<const media::DeviceRegistry> registry, std::string speakerId,
                  std::vector<media::AudioFrame> recording, DoneFn done);
    ~AudioPlayback();
    AudioPlayback(const AudioPlayback&) = delete;
    AudioPlayback& operator=(const AudioPlayback&) = delete;

private:
    void run();

    std::shared_ptr<const media::DeviceRegistry> registry_;
    std::string speakerId_;
    std::vector<media::AudioFrame> recording_;
    DoneFn done_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_; // guards sink_ against interrupt() from the owner
    std::unique_ptr<media::AudioSink> sink_;
    std::thread thread_;
};

} // namespace spoke::ui
