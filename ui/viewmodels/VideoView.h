#pragma once

#include "media/FrameMailbox.h"
#include "media/VideoFrame.h"
#include "media/VideoSink.h"

#include <QImage>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>

namespace spoke::media {
class VideoConverter;
}

namespace spoke::ui {

// A QML item that shows core video frames: a camera preview, a call tile,
// the player. It works on every Qt Quick backend, including the software
// renderer the clinic laptops without a usable GPU fall back to, which Qt
// Multimedia's VideoOutput does not draw.
//
// Threading: a producer (the player's presentation thread, a call's capture
// or receive thread, the preview's capture thread) calls onFrame(), which
// only swaps a frame reference into a one-picture mailbox and, if the box was
// empty, queues one call to the UI thread; pictures that arrive while the UI
// is busy replace each other. The UI thread takes the newest frame (its
// size and count feed the properties) and asks for a redraw; the render
// thread converts that one frame to RGB in updatePaintNode(), while Qt keeps
// the UI thread blocked, which is what makes the frame handed between them
// safe without a lock. No lock is shared with a producer. A producer that may
// outlive the view delivers through sink(), which the destructor detaches.
class VideoView : public QQuickItem, public media::VideoSink {
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

    // media::VideoSink: any thread, never converts or blocks. The caller
    // must stop calling before the view is destroyed; one that cannot
    // promise that holds sink() instead.
    void onFrame(const media::VideoFrame& frame) override;

    // A sink that forwards to this view while it lives and drops pictures
    // afterwards (media::VideoSinkGate). Thread-safe.
    std::shared_ptr<media::VideoSink> sink() const { return gate_; }

    // Blanks the view (a participant turned the camera off, playback stopped).
    Q_INVOKABLE void clear();

    // The newest picture as RGB, for tests and snapshots: the one the render
    // thread drew, or if it has not drawn the newest yet, that one converted
    // here. UI thread.
    QImage currentImage() const;

    // How many pictures the render side has converted, and on which thread
    // it last did (tests; UI thread, like the properties).
    int framesConverted() const { return framesConverted_; }
    std::thread::id converterThread() const { return converterThread_; }

Q_SIGNALS:
    void framesShownChanged();
    void hasPictureChanged();

protected:
    QSGNode* updatePaintNode(QSGNode* oldNode, UpdatePaintNodeData* data) override;

private:
    void takeFrame();
    static QImage toImage(media::VideoConverter& converter, const media::VideoFrame& frame);

    // Producer side.
    media::FrameMailbox mailbox_;
    std::atomic<bool> updateQueued_{false};
    std::shared_ptr<media::VideoSinkGate> gate_;

    // UI thread; read by the render thread in updatePaintNode().
    int framesShown_ = 0;
    bool hasPicture_ = false;
    QSize shownSize_;
    media::VideoFrame shown_; // the newest frame taken from the mailbox
    std::uint64_t shownGeneration_ = 0; // bumped with every new shown_

    // Render thread (in updatePaintNode()); read by the UI thread outside it.
    std::unique_ptr<media::VideoConverter> converter_;
    std::thread::id converterThread_;
    QImage drawn_;
    std::uint64_t drawnGeneration_ = 0;
    int framesConverted_ = 0;

    // UI thread: currentImage() before the render thread caught up.
    mutable std::unique_ptr<media::VideoConverter> snapshotConverter_;
};

} // namespace spoke::ui
