#pragma once

#include "media/VideoFrame.h"
#include "slides/DeckError.h"

#include <cstdint>
#include <vector>

namespace spoke::slides {

// A rendered page (AV_PIX_FMT_RGB32, as Deck::renderPage makes it) as the
// bytes of a PNG file, through FFmpeg's PNG encoder: core has no QtGui.
// Pages are drawn on opaque paper, so alpha is dropped (RGB24 PNG).
Expected<std::vector<std::uint8_t>> encodePng(const media::VideoFrame& page);

} // namespace spoke::slides
