#include "media/video/Psnr.h"

#include "media/MediaError.h"
#include "media/VideoFrame.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace spoke::media {

double psnrDb(const VideoFrame& reference, const VideoFrame& decoded)
{
    if (reference.format() != AV_PIX_FMT_YUV420P || decoded.format() != AV_PIX_FMT_YUV420P
        || reference.width() != decoded.width() || reference.height() != decoded.height())
        throw MediaError(MediaErrorKind::InvalidArgument, "PSNR needs two I420 pictures of the same size");
    std::uint64_t squaredError = 0;
    std::uint64_t samples = 0;
    for (int plane = 0; plane < 3; ++plane) {
        const int w = plane == 0 ? reference.width() : reference.width() / 2;
        const int h = plane == 0 ? reference.height() : reference.height() / 2;
        for (int y = 0; y < h; ++y) {
            const std::uint8_t* a = reference.plane(plane) + static_cast<std::ptrdiff_t>(y) * reference.stride(plane);
            const std::uint8_t* b = decoded.plane(plane) + static_cast<std::ptrdiff_t>(y) * decoded.stride(plane);
            for (int x = 0; x < w; ++x) {
                const int d = a[x] - b[x];
                squaredError += static_cast<std::uint64_t>(d * d);
            }
        }
        samples += static_cast<std::uint64_t>(w) * static_cast<std::uint64_t>(h);
    }
    if (squaredError == 0)
        return kPsnrCapDb;
    const double mse = static_cast<double>(squaredError) / static_cast<double>(samples);
    return std::min(kPsnrCapDb, 10.0 * std::log10(255.0 * 255.0 / mse));
}

} // namespace spoke::media
