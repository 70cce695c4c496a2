#include "media/video/Y4mWriter.h"

#include "media/MediaError.h"

#include <string>

namespace spoke::media {

Y4mWriter::Y4mWriter(const std::filesystem::path& path, int width, int height, int fps)
    : file_(std::fopen(path.c_str(), "wb"))
    , width_(width)
    , height_(height)
{
    if (!file_)
        throw MediaError(MediaErrorKind::DeviceNotFound, "Cannot create " + path.string());
    const std::string header = "YUV4MPEG2 W" + std::to_string(width) + " H" + std::to_string(height) + " F"
        + std::to_string(fps) + ":1 Ip A1:1 C420jpeg\n";
    std::fwrite(header.data(), 1, header.size(), file_.get());
}

void Y4mWriter::write(const VideoFrame& i420)
{
    if (i420.format() != AV_PIX_FMT_YUV420P || i420.width() != width_ || i420.height() != height_)
        throw MediaError(MediaErrorKind::InvalidArgument, "Y4M file expects " + std::to_string(width_) + "x"
                                                              + std::to_string(height_) + " I420 pictures");
    bool ok = std::fwrite("FRAME\n", 1, 6, file_.get()) == 6;
    for (int plane = 0; plane < 3 && ok; ++plane) {
        const int w = plane == 0 ? width_ : width_ / 2;
        const int h = plane == 0 ? height_ : height_ / 2;
        for (int y = 0; y < h && ok; ++y)
            ok = std::fwrite(i420.plane(plane) + static_cast<std::ptrdiff_t>(y) * i420.stride(plane), 1,
                             static_cast<std::size_t>(w), file_.get())
                == static_cast<std::size_t>(w);
    }
    if (!ok)
        throw MediaError(MediaErrorKind::DeviceLost, "Could not write a picture to the Y4M file (disk full?)");
}

} // namespace spoke::media
