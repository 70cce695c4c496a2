#include "viewmodels/VideoView.h"

#include "media/video/VideoConverter.h"

#include <QMetaObject>
#include <QQuickWindow>
#include <QSGImageNode>

namespace spoke::ui {

VideoView::VideoView(QQuickItem* parent) : QQuickItem(parent)
{
    setFlag(ItemHasContents, true);
}

VideoView::~VideoView() = default;

QImage VideoView::toImage(const media::VideoFrame& frame)
{
    // VideoConverter belongs to one thread; a new calling thread (a new
    // call, the player after a restart) gets its own.
    if (!converter_ || converterThread_ != std::this_thread::get_id()) {
        converter_ = std::make_unique<media::VideoConverter>(AV_PIX_FMT_RGB32, frame.width(), frame.height());
        converterThread_ = std::this_thread::get_id();
    }
    converter_->setOutputSize(frame.width(), frame.height());
    const media::VideoFrame rgb = converter_->convert(frame);
    // AV_PIX_FMT_RGB32 is native-endian 0xAARRGGBB, which is QImage's RGB32.
    return QImage(rgb.plane(0), rgb.width(), rgb.height(), rgb.stride(0), QImage::Format_RGB32).copy();
}

void VideoView::present(const media::VideoFrame& frame, std::int64_t /*ptsMs*/)
{
    if (frame.isNull() || frame.width() <= 0 || frame.height() <= 0)
        return;
    {
        std::lock_guard lock(mutex_);
        pending_ = toImage(frame);
    }
    if (!updateQueued_.exchange(true))
        QMetaObject::invokeMethod(this, &VideoView::takePending, Qt::QueuedConnection);
}

void VideoView::takePending()
{
    bool newPicture = false;
    QSize size;
    {
        std::lock_guard lock(mutex_);
        updateQueued_ = false;
        if (pending_.isNull())
            return;
        current_ = std::move(pending_);
        pending_ = QImage();
        textureStale_ = true;
        size = current_.size();
    }
    newPicture = !hasPicture_ || size != shownSize_;
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
    {
        std::lock_guard lock(mutex_);
        pending_ = QImage();
        current_ = QImage();
        textureStale_ = true;
    }
    const bool had = hasPicture_;
    hasPicture_ = false;
    shownSize_ = {};
    update();
    if (had)
        Q_EMIT hasPictureChanged();
}

QImage VideoView::currentImage() const
{
    std::lock_guard lock(mutex_);
    return current_;
}

// Runs on the render thread while the UI thread is blocked, so reading
// current_ under the mutex is enough.
QSGNode* VideoView::updatePaintNode(QSGNode* oldNode, UpdatePaintNodeData* /*data*/)
{
    std::lock_guard lock(mutex_);
    if (current_.isNull() || width() <= 0 || height() <= 0) {
        delete oldNode;
        return nullptr;
    }
    auto* node = static_cast<QSGImageNode*>(oldNode);
    if (!node) {
        node = window()->createImageNode();
        node->setOwnsTexture(true);
        node->setFiltering(QSGTexture::Linear);
        textureStale_ = true;
    }
    if (textureStale_) {
        node->setTexture(window()->createTextureFromImage(current_));
        textureStale_ = false;
    }
    // Letterboxed: a picture is never stretched or cropped, so a shared
    // screen or an X-ray stays readable.
    const QSizeF picture = QSizeF(current_.size()).scaled(size(), Qt::KeepAspectRatio);
    node->setRect(QRectF(QPointF((width() - picture.width()) / 2, (height() - picture.height()) / 2), picture));
    return node;
}

} // namespace spoke::ui
