#pragma once

#include "media/VideoFrame.h"
#include "slides/DeckError.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace poppler {
class document;
}

namespace spoke::slides {

// What a deck may be. A 50 MB, 300-page deck is far beyond a teleECHO
// didactic (10-30 slides) yet still downloads once over a 64 kbit/s clinic
// link in under two hours; anything bigger is a mistake worth telling the
// presenter about rather than a file to push to every clinic.
struct DeckLimits {
    std::int64_t maxBytes = 50LL * 1024 * 1024;
    int maxPages = 300;
};

// A page's size in PDF points (1/72 inch), after the page's own rotation.
struct PageSize {
    double widthPt = 0;
    double heightPt = 0;
};

// Render widths a caller may ask for: a thumbnail up to a 8K screen.
inline constexpr int kMinRenderWidthPx = 8;
inline constexpr int kMaxRenderWidthPx = 8192;
// A page far taller than it is wide (a long web-page print) is cut to this
// height rather than allocating without bound: at most 8192 x 8192 RGB32,
// 256 MiB, for the largest render anyone may ask for.
inline constexpr int kMaxRenderHeightPx = 8192;

// One shared PDF deck, identified by the SHA-256 of its bytes: the name
// clients cache it under and the hub stores it under (core/slides/README.md).
// Opening checks everything a follower could trip on (not a PDF, a password,
// no pages, too big, unreadable) and returns it as a DeckError, never throws
// for bad input.
//
// Threading: a Deck belongs to one thread at a time. Poppler's document and
// page objects are not safe for concurrent use (one PDFDoc per thread is
// poppler's rule), so renderPage() calls on one Deck must not overlap; hand
// the Deck to a worker thread and render there, never on the UI thread.
// Distinct Decks may render on different threads at once: poppler-cpp sets up
// poppler's process-wide GlobalParams once, and those guard themselves.
class Deck {
public:
    static Expected<Deck> fromBytes(std::vector<char> bytes, const DeckLimits& limits = {});
    static Expected<Deck> fromFile(const std::filesystem::path& file, const DeckLimits& limits = {});

    Deck(Deck&&) noexcept;
    Deck& operator=(Deck&&) noexcept;
    ~Deck();

    int pageCount() const { return static_cast<int>(pageSizes_.size()); }
    // index from 0; must be < pageCount().
    PageSize pageSize(int index) const { return pageSizes_.at(static_cast<std::size_t>(index)); }
    const std::vector<PageSize>& pageSizes() const { return pageSizes_; }
    // Lower-case hex of the deck's bytes.
    const std::string& sha256() const { return sha256_; }
    std::int64_t sizeBytes() const { return sizeBytes_; }

    // Renders page `index` (from 0) `widthPx` wide, the height following the
    // page's aspect ratio, on white paper. The frame is AV_PIX_FMT_RGB32
    // (poppler's native-endian ARGB), so it can go through the same
    // media::VideoSink and VideoView as a camera picture.
    Expected<media::VideoFrame> renderPage(int index, int widthPx) const;

    // The text on page `index` (from 0) as UTF-8, in reading order, for
    // search (store::setDeckPageText); empty for a picture-only page or an
    // index out of range.
    std::string pageText(int index) const;

private:
    Deck() = default;

    std::unique_ptr<poppler::document> document_;
    std::vector<PageSize> pageSizes_;
    std::string sha256_;
    std::int64_t sizeBytes_ = 0;
};

// SHA-256 of bytes as lower-case hex (the deck identity).
std::string sha256Hex(const char* data, std::size_t size);

} // namespace spoke::slides
