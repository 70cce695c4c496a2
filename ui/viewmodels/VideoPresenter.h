#pragma once

#include "media/VideoFrame.h"
#include "recording/VideoSink.h"

#include <QObject>
#include <QPointer>
#include <QVideoFrame>
#include <QVideoSink>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace spoke::media {
class VideoConverter;
}

namespace spoke::ui {

// Puts core video frames on screen: QML gives it the videoSink of a
// VideoOutput, and any thread (the player's presentation thread, a call's
// decode thread, a preview pipeline) calls present(). Only the newest frame
// matters for a preview, so frames that arrive while the UI thread is busy
// replace each other instead of queueing up behind it.
class VideoPresenter : public QObject, public recording::VideoSink {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVideoSink* videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    Q_PROPERTY(int framesShown READ framesShown NOTIFY framesShownChanged)
public:
    explicit VideoPresenter(QObject* parent = nullptr);
    ~VideoPresenter() override;

    QVideoSink* videoSink() const { return sink_; }
    void setVideoSink(QVideoSink* sink);
    int framesShown() const { return framesShown_; }

    // Thread-safe. The frame's pixels are copied once into a QVideoFrame.
    void present(const media::VideoFrame& frame, std::int64_t ptsMs) override;
    void present(const media::VideoFrame& frame) { present(frame, 0); }

    // Blanks the view (a participant turned the camera off, playback stopped).
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void videoSinkChanged();
    void framesShownChanged();

private:
    QVideoFrame toVideoFrame(const media::VideoFrame& frame);
    void showPending();

    QPointer<QVideoSink> sink_;
    int framesShown_ = 0;

    std::mutex mutex_; // guards pending_ and the converter
    QVideoFrame pending_;
    std::atomic<bool> showQueued_{false};
    std::unique_ptr<media::VideoConverter> converter_;
    std::thread::id converterThread_;
};

} // namespace spoke::ui
