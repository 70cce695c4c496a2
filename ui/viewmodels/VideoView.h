#pragma once

#include "media/VideoFrame.h"
#include "recording/VideoSink.h"

#include <QImage>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace spoke::media {
class VideoConverter;
}

namespace spoke::ui {

// A QML item that shows core video frames: a camera preview, a call tile,
// the player. Any thread (the player's presentation thread, a call's decode
// thread, a preview pipeline) calls present(); the picture becomes a texture
// on the next frame the scene graph draws. It works on every Qt Quick
// backend, including the software renderer the clinic laptops without a
// usable GPU fall back to, which Qt Multimedia's VideoOutput does not draw.
// Only the newest picture matters, so pictures that arrive while the UI is
// busy replace each other instead of queueing up.
class VideoView : public QQuickItem, public recording::VideoSink {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int framesShown READ framesShown NOTIFY framesShownChanged)
    Q_PROPERTY(bool hasPicture READ hasPicture NOTIFY hasPictureChanged)
    Q_PROPERTY(QSize pictureSize READ pictureSize NOTIFY hasPictureChanged)
public:
    explicit VideoView(QQuickItem* parent = nullptr);
    ~VideoView() override;

    int framesShown() const { return framesShown_; }
    bool hasPicture() const { return hasPicture_; }
    QSize pictureSize() const { return shownSize_; }

    // Thread-safe. The pixels are converted once to RGB.
    void present(const media::VideoFrame& frame, std::int64_t ptsMs) override;
    void present(const media::VideoFrame& frame) { present(frame, 0); }

    // Blanks the view (a participant turned the camera off, playback stopped).
    Q_INVOKABLE void clear();

    // The last picture handed to the scene graph, for tests and snapshots.
    QImage currentImage() const;

Q_SIGNALS:
    void framesShownChanged();
    void hasPictureChanged();

protected:
    QSGNode* updatePaintNode(QSGNode* oldNode, UpdatePaintNodeData* data) override;

private:
    QImage toImage(const media::VideoFrame& frame);
    void takePending();

    int framesShown_ = 0;
    bool hasPicture_ = false;
    QSize shownSize_;

    mutable std::mutex mutex_; // guards everything below
    QImage pending_;
    QImage current_;
    bool textureStale_ = false;
    std::atomic<bool> updateQueued_{false};
    std::unique_ptr<media::VideoConverter> converter_;
    std::thread::id converterThread_;
};

} // namespace spoke::ui
