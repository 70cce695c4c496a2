#include "media/PicturePool.h"

extern "C" {
#include <libavutil/imgutils.h>
}

#include <algorithm>

namespace spoke::media {

namespace {
constexpr int kAlign = 32;
// SIMD readers (swscale, libvpx) may read a little past a plane's last row.
constexpr int kPadding = 64;
} // namespace

PicturePool& PicturePool::shared()
{
    static PicturePool pool;
    return pool;
}

PicturePool::~PicturePool()
{
    // A buffer still out keeps its AVBufferPool alive until it comes back.
    for (auto& entry : entries_)
        av_buffer_pool_uninit(&entry.pool);
}

AVBufferRef* PicturePool::allocateCounted(void* opaque, size_t bytes)
{
    auto* self = static_cast<PicturePool*>(opaque);
    AVBufferRef* buffer = av_buffer_alloc(bytes);
    if (buffer)
        self->allocated_.fetch_add(1, std::memory_order_relaxed);
    return buffer;
}

AVBufferPool* PicturePool::poolFor(AVPixelFormat format, int width, int height, int bytes)
{
    ++uses_;
    for (auto& entry : entries_) {
        if (entry.format == format && entry.width == width && entry.height == height) {
            entry.lastUse = uses_;
            return entry.pool;
        }
    }
    if (static_cast<int>(entries_.size()) >= kMaxSizes) {
        const auto oldest = std::min_element(entries_.begin(), entries_.end(),
                                             [](const Entry& a, const Entry& b) { return a.lastUse < b.lastUse; });
        av_buffer_pool_uninit(&oldest->pool);
        entries_.erase(oldest);
    }
    AVBufferPool* pool = av_buffer_pool_init2(static_cast<size_t>(bytes), this, &PicturePool::allocateCounted, nullptr);
    if (pool)
        entries_.push_back({format, width, height, pool, uses_});
    return pool;
}

AvFramePtr PicturePool::take(AVPixelFormat format, int width, int height)
{
    const int imageBytes = av_image_get_buffer_size(format, width, height, kAlign);
    if (imageBytes <= 0)
        return nullptr;
    const int bytes = imageBytes + kPadding;
    // Looked up and drawn from under one lock: another thread's eviction
    // frees a pool with no buffers out at once. (A pool evicted with buffers
    // out lives on until the last one comes back.)
    AVBufferRef* buffer = nullptr;
    {
        const std::lock_guard lock(mutex_);
        if (AVBufferPool* pool = poolFor(format, width, height, bytes))
            buffer = av_buffer_pool_get(pool);
    }
    if (!buffer)
        return nullptr;
    AvFramePtr frame(av_frame_alloc());
    if (!frame) {
        av_buffer_unref(&buffer);
        return nullptr;
    }
    frame->format = format;
    frame->width = width;
    frame->height = height;
    frame->buf[0] = buffer;
    if (av_image_fill_arrays(frame->data, frame->linesize, buffer->data, format, width, height, kAlign) < 0)
        return nullptr; // the frame's deleter releases the buffer
    return frame;
}

int PicturePool::sizes() const
{
    const std::lock_guard lock(mutex_);
    return static_cast<int>(entries_.size());
}

std::int64_t PicturePool::buffersAllocated() const
{
    return allocated_.load(std::memory_order_relaxed);
}

} // namespace spoke::media
