#include "viewmodels/VideoPresenter.h"

#include "media/video/VideoConverter.h"

#include <QMetaObject>
#include <QVideoFrameFormat>

#include <algorithm>
#include <cstring>

namespace spoke::ui {

VideoPresenter::VideoPresenter(QObject* parent) : QObject(parent) { }

VideoPresenter::~VideoPresenter() = default;

void VideoPresenter::setVideoSink(QVideoSink* sink)
{
    if (sink_ == sink)
        return;
    sink_ = sink;
    Q_EMIT videoSinkChanged();
}

QVideoFrame VideoPresenter::toVideoFrame(const media::VideoFrame& input)
{
    media::VideoFrame frame = input;
    const bool planar420 = input.format() == AV_PIX_FMT_YUV420P || input.format() == AV_PIX_FMT_YUVJ420P;
    if (!planar420) {
        // Cameras hand out YUYV, NV12 or MJPEG-decoded 4:2:2; the converter
        // belongs to one thread, so a new calling thread gets a new one.
        if (!converter_ || converterThread_ != std::this_thread::get_id()) {
            converter_ = std::make_unique<media::VideoConverter>(AV_PIX_FMT_YUV420P, input.width(), input.height());
            converterThread_ = std::this_thread::get_id();
        }
        converter_->setOutputSize(input.width(), input.height());
        frame = converter_->convert(input);
    }

    QVideoFrame out(QVideoFrameFormat(QSize(frame.width(), frame.height()), QVideoFrameFormat::Format_YUV420P));
    if (!out.map(QVideoFrame::WriteOnly))
        return {};
    for (int plane = 0; plane < 3; ++plane) {
        const int rows = plane == 0 ? frame.height() : (frame.height() + 1) / 2;
        const int rowBytes = plane == 0 ? frame.width() : (frame.width() + 1) / 2;
        const int copyBytes = std::min(rowBytes, std::min(out.bytesPerLine(plane), frame.stride(plane)));
        for (int row = 0; row < rows; ++row)
            std::memcpy(out.bits(plane) + static_cast<std::ptrdiff_t>(row) * out.bytesPerLine(plane),
                        frame.plane(plane) + static_cast<std::ptrdiff_t>(row) * frame.stride(plane),
                        static_cast<std::size_t>(copyBytes));
    }
    out.unmap();
    return out;
}

void VideoPresenter::present(const media::VideoFrame& frame, std::int64_t ptsMs)
{
    if (frame.isNull() || frame.width() <= 0 || frame.height() <= 0)
        return;
    {
        std::lock_guard lock(mutex_);
        pending_ = toVideoFrame(frame);
        pending_.setStartTime(ptsMs * 1000);
    }
    if (!showQueued_.exchange(true))
        QMetaObject::invokeMethod(this, &VideoPresenter::showPending, Qt::QueuedConnection);
}

void VideoPresenter::showPending()
{
    QVideoFrame frame;
    {
        std::lock_guard lock(mutex_);
        frame = std::move(pending_);
        pending_ = {};
        showQueued_ = false;
    }
    if (!frame.isValid() || !sink_)
        return;
    sink_->setVideoFrame(frame);
    ++framesShown_;
    Q_EMIT framesShownChanged();
}

void VideoPresenter::clear()
{
    {
        std::lock_guard lock(mutex_);
        pending_ = {};
    }
    if (sink_)
        sink_->setVideoFrame(QVideoFrame());
}

} // namespace spoke::ui
