#pragma once

#include "media/VideoFrame.h"

#include <cstdio>
#include <filesystem>
#include <memory>

namespace spoke::media {

// Writes I420 pictures as a YUV4MPEG2 file: the raw format vpxenc, ffmpeg and
// the FFmpeg file source read, used to hand the exact test-pattern frames to
// reference tools. Owned by one thread.
class Y4mWriter {
public:
    // Throws MediaError(DeviceNotFound) if the file cannot be created.
    Y4mWriter(const std::filesystem::path& path, int width, int height, int fps);

    // Throws MediaError(InvalidArgument) for a picture of another size or
    // format, MediaError(DeviceLost) when the disk refuses.
    void write(const VideoFrame& i420);

private:
    struct FileCloser {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    std::unique_ptr<std::FILE, FileCloser> file_;
    int width_;
    int height_;
};

} // namespace spoke::media
