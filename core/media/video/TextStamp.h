#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spoke::media {

class VideoFrame;

// Screen-like text a receiver can read back: the screen-share counterpart of
// FrameStamp. A few "live" lines of dark text on white change every frame;
// each carries the frame number, some pseudo-random hex and a CRC-16 of the
// rest of the line, so a reader knows both which frame it saw and whether
// every glyph came through. Glyphs come from a small built-in 5x7 dot font
// (digits, capitals, a few signs; no font files), each dot drawn as a
// `scale` x `scale` block so strokes are as thin as real screen text (2
// pixels at 1280 wide) and the codec's blur is what is tested.
//
// The reader knows the layout from the picture size alone, samples each dot
// of each glyph cell, normalises against the line's own paper and ink, and
// takes the nearest glyph of the font: it tolerates blur and quantisation,
// and a glyph the codec turned into another fails the line's CRC.
struct TextStampLayout {
    int scale = 0; // pixels per font dot
    int left = 0; // pixels to the first column
    int top = 0; // pixels to the first text row (below the FrameStamp)
    int columns = 0;
    int rows = 0;
    std::vector<int> liveRows; // the text rows that change every frame
    int cellWidthPx() const { return 6 * scale; } // 5 dots and 1 of spacing
    int cellHeightPx() const { return 9 * scale; } // 7 dots and 2 of leading
};

struct TextStampReading {
    std::optional<std::uint32_t> frame; // set when every live line read correctly and they agree
    std::vector<std::string> lines; // what was read, line by line (also when wrong)
    int linesCorrect = 0;
    std::string whyNot; // set when frame is empty: written for a person
};

class TextStamp {
public:
    static constexpr int kGlyphWidth = 5;
    static constexpr int kGlyphHeight = 7;
    static constexpr int kLiveLines = 4;
    static constexpr int kLiveLineChars = 38; // "F00000123 L1 0123456789ABCDEF SUM 9C1E"

    // The characters the font has (anything else is drawn as a blank).
    static const std::string& alphabet();

    // Layout for a picture of this size; columns 0 when it is too small
    // (narrower than 320 or too short for the live lines).
    static TextStampLayout layoutFor(int width, int height);

    // The live lines' text for a frame number ("F00000123 L1 …  SUM 9C1E").
    static std::vector<std::string> liveLines(std::uint32_t frame);
    static std::uint16_t crc16(const std::string& text);

    // Draws `text` into an 8-bit luma plane, ink 16 on paper 235 (studio
    // range, as a screen grab converted to I420 has), from text cell
    // (column, row).
    static void drawText(std::uint8_t* luma, int stride, const TextStampLayout& layout, int column, int row,
                         const std::string& text);
    // Writes the live lines of `frame` into an I420 picture (writable).
    static void write(VideoFrame& picture, std::uint32_t frame);

    // Reads `length` glyphs of text row `row` from column 0.
    static std::string readText(const std::uint8_t* luma, int stride, const TextStampLayout& layout, int row,
                                int length);
    // Reads the live lines from a decoded picture. Never throws.
    static TextStampReading read(const VideoFrame& picture);
};

} // namespace spoke::media
