#include "viewmodels/VideoView.h"

#include "media/MediaError.h"
#include "media/video/VideoConverter.h"

#include <QMetaObject>
#include <QQuickWindow>
#include <QSGImageNode>

namespace spoke::ui {

VideoView::VideoView(QQuickItem* parent) : QQuickItem(parent), gate_(std::make_shared<media::VideoSinkGate>(this))
{
    setFlag(ItemHasContents, true);
}

VideoView::~VideoView()
{
    // Producers holding sink() drop their pictures from here on; one that is
    // handing a picture over right now is waited for (a pointer swap).
    gate_->detach();
}

void VideoView::onFrame(const media::VideoFrame& frame)
{
    if (frame.isNull() || frame.width() <= 0 || frame.height() <= 0)
        return;
    mailbox_.put(frame);
    if (!updateQueued_.exchange(true))
        QMetaObject::invokeMethod(this, &VideoView::takeFrame, Qt::QueuedConnection);
}

void VideoView::takeFrame()
{
    // Cleared before the take: a picture put after this point queues a new call.
    updateQueued_ = false;
    const std::unique_ptr<media::VideoFrame> frame = mailbox_.take();
    if (!frame)
        return;
    const QSize size(frame->width(), frame->height());
    const bool newPicture = !hasPicture_ || size != shownSize_;
    shown_ = std::move(*frame);
    ++shownGeneration_;
    hasPicture_ = true;
    shownSize_ = size;
    ++framesShown_;
    update();
    Q_EMIT framesShownChanged();
    if (newPicture)
        Q_EMIT hasPictureChanged();
}

void VideoView::clear()
{
    mailbox_.take();
    shown_ = {};
    ++shownGeneration_;
    const bool had = hasPicture_;
    hasPicture_ = false;
    shownSize_ = {};
    update();
    if (had)
        Q_EMIT hasPictureChanged();
}

QImage VideoView::toImage(media::VideoConverter& converter, const media::VideoFrame& frame)
{
    converter.setOutputSize(frame.width(), frame.height());
    // AV_PIX_FMT_RGB32 is native-endian 0xAARRGGBB, which is QImage's RGB32.
    // The image borrows the converted frame's buffer and holds a reference
    // to it until the image (and every copy of it) is gone: no pixel copy.
    auto* rgb = new media::VideoFrame(converter.convert(frame));
    return QImage(
        rgb->plane(0), rgb->width(), rgb->height(), rgb->stride(0), QImage::Format_RGB32,
        [](void* held) { delete static_cast<media::VideoFrame*>(held); }, rgb);
}

QImage VideoView::currentImage() const
{
    if (shown_.isNull())
        return {};
    if (drawnGeneration_ == shownGeneration_)
        return drawn_;
    if (!snapshotConverter_)
        snapshotConverter_ = std::make_unique<media::VideoConverter>(AV_PIX_FMT_RGB32, shown_.width(), shown_.height());
    try {
        return toImage(*snapshotConverter_, shown_);
    } catch (const media::MediaError&) {
        return {};
    }
}

// Runs on the render thread while the UI thread is blocked (Qt's contract
// for updatePaintNode), so shown_ is read and drawn_ written without a lock.
QSGNode* VideoView::updatePaintNode(QSGNode* oldNode, UpdatePaintNodeData* /*data*/)
{
    if (shown_.isNull() || width() <= 0 || height() <= 0) {
        drawn_ = QImage();
        drawnGeneration_ = shownGeneration_;
        delete oldNode;
        return nullptr;
    }
    bool textureStale = false;
    if (drawnGeneration_ != shownGeneration_) {
        // VideoConverter belongs to one thread; if the window's render
        // thread changes (a new window, another render loop), start afresh.
        if (!converter_ || converterThread_ != std::this_thread::get_id()) {
            converter_ = std::make_unique<media::VideoConverter>(AV_PIX_FMT_RGB32, shown_.width(), shown_.height());
            converterThread_ = std::this_thread::get_id();
        }
        drawnGeneration_ = shownGeneration_;
        try {
            drawn_ = toImage(*converter_, shown_);
        } catch (const media::MediaError&) {
            drawn_ = QImage(); // a pixel format swscale cannot read: nothing to draw
        }
        ++framesConverted_;
        textureStale = true;
    }
    if (drawn_.isNull()) {
        delete oldNode;
        return nullptr;
    }
    auto* node = static_cast<QSGImageNode*>(oldNode);
    if (!node) {
        node = window()->createImageNode();
        node->setOwnsTexture(true);
        node->setFiltering(QSGTexture::Linear);
        textureStale = true;
    }
    if (textureStale)
        node->setTexture(window()->createTextureFromImage(drawn_));
    // Letterboxed: a picture is never stretched or cropped, so a shared
    // screen or an X-ray stays readable.
    const QSizeF picture = QSizeF(drawn_.size()).scaled(size(), Qt::KeepAspectRatio);
    node->setRect(QRectF(QPointF((width() - picture.width()) / 2, (height() - picture.height()) / 2), picture));
    return node;
}

} // namespace spoke::ui
