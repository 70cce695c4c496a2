#pragma once

namespace spoke::media {

class VideoFrame;

// Peak signal-to-noise ratio of a decoded I420 picture against its source,
// over all three planes by total squared error (what vpxenc --psnr calls
// "Overall" per frame). Identical pictures score kPsnrCapDb instead of
// infinity so averages stay finite. Throws MediaError(InvalidArgument) if
// the pictures differ in size or are not I420.
constexpr double kPsnrCapDb = 100.0;
double psnrDb(const VideoFrame& reference, const VideoFrame& decoded);

} // namespace spoke::media
