#pragma once

#include "media/AvHandles.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace spoke::media {

// Reuses the pixel buffers of pictures of one format and size. A call
// decodes, scales and holds back (for lip sync) tens of pictures a second
// per feed, freed on threads other than the one that made them; left to
// malloc, those ~0.3-1.4 MB blocks fragment glibc's per-thread arenas until
// a long call's memory climbs by hundreds of MB (docs/benchmarks.md, "Memory
// over a long call"). Pooled, a size costs its peak number of pictures in
// flight and no more. Thread-safe: FFmpeg's AVBufferPool hands buffers out
// and takes them back from any thread.
class PicturePool {
public:
    static constexpr int kMaxSizes = 16; // a call uses a handful; the least recently used size goes first

    // The process's pool, shared by every VideoFrame::allocate.
    static PicturePool& shared();

    PicturePool() = default;
    PicturePool(const PicturePool&) = delete;
    PicturePool& operator=(const PicturePool&) = delete;
    ~PicturePool();

    // A frame with format, size and planes set (32-byte aligned rows), its
    // buffer from the pool; nullptr if FFmpeg cannot lay the format out or
    // memory runs out. The pixels are not cleared.
    AvFramePtr take(AVPixelFormat format, int width, int height);

    // How many distinct sizes are pooled now, and how many buffers were
    // allocated (not reused) since the start: what the tests assert reuse by.
    int sizes() const;
    std::int64_t buffersAllocated() const;

private:
    struct Entry {
        AVPixelFormat format;
        int width;
        int height;
        AVBufferPool* pool;
        std::uint64_t lastUse;
    };
    static AVBufferRef* allocateCounted(void* opaque, size_t bytes);
    // With mutex_ held.
    AVBufferPool* poolFor(AVPixelFormat format, int width, int height, int bytes);

    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
    std::uint64_t uses_ = 0;
    std::atomic<std::int64_t> allocated_{0}; // counted inside av_buffer_pool_get, under mutex_
};

} // namespace spoke::media
