#include "media/video/TextStamp.h"

#include "media/VideoFrame.h"
#include "media/video/FrameStamp.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

namespace spoke::media {

namespace {

constexpr std::uint8_t kInk = 16;
constexpr std::uint8_t kPaper = 235;

// A 5x7 dot font drawn for this stamp: '#' is ink. Confusable pairs (0/O/D,
// 8/B, 5/S) differ in at least three dots, which is what lets the reader
// tell them apart through a codec's blur.
struct Glyph {
    char character;
    std::array<const char*, 7> rows;
};

constexpr std::array kFont{
    Glyph{' ', {".....", ".....", ".....", ".....", ".....", ".....", "....."}},
    Glyph{'0', {".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."}},
    Glyph{'1', {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}},
    Glyph{'2', {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}},
    Glyph{'3', {"#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."}},
    Glyph{'4', {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}},
    Glyph{'5', {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}},
    Glyph{'6', {"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."}},
    Glyph{'7', {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}},
    Glyph{'8', {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}},
    Glyph{'9', {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}},
    Glyph{'A', {".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}},
    Glyph{'B', {"####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."}},
    Glyph{'C', {".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."}},
    Glyph{'D', {"###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###.."}},
    Glyph{'E', {"#####", "#....", "#....", "####.", "#....", "#....", "#####"}},
    Glyph{'F', {"#####", "#....", "#....", "####.", "#....", "#....", "#...."}},
    Glyph{'G', {".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"}},
    Glyph{'H', {"#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}},
    Glyph{'I', {".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."}},
    Glyph{'J', {"..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."}},
    Glyph{'K', {"#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"}},
    Glyph{'L', {"#....", "#....", "#....", "#....", "#....", "#....", "#####"}},
    Glyph{'M', {"#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"}},
    Glyph{'N', {"#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"}},
    Glyph{'O', {".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}},
    Glyph{'P', {"####.", "#...#", "#...#", "####.", "#....", "#....", "#...."}},
    Glyph{'Q', {".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"}},
    Glyph{'R', {"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"}},
    Glyph{'S', {".####", "#....", "#....", ".###.", "....#", "....#", "####."}},
    Glyph{'T', {"#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."}},
    Glyph{'U', {"#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}},
    Glyph{'V', {"#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."}},
    Glyph{'W', {"#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."}},
    Glyph{'X', {"#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"}},
    Glyph{'Y', {"#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."}},
    Glyph{'Z', {"#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"}},
    Glyph{'.', {".....", ".....", ".....", ".....", ".....", ".##..", ".##.."}},
    Glyph{':', {".....", ".##..", ".##..", ".....", ".##..", ".##..", "....."}},
    Glyph{'-', {".....", ".....", ".....", "#####", ".....", ".....", "....."}},
    Glyph{'=', {".....", ".....", "#####", ".....", "#####", ".....", "....."}},
};

const Glyph* glyphFor(char c)
{
    for (const auto& glyph : kFont)
        if (glyph.character == c)
            return &glyph;
    return &kFont.front();
}

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// Mean luma of the dots of one glyph cell, row by row (35 values).
std::array<double, 35> sampleCell(const std::uint8_t* luma, int stride, const TextStampLayout& layout, int column,
                                  int row)
{
    std::array<double, 35> dots{};
    const int s = layout.scale;
    const int x0 = layout.left + column * layout.cellWidthPx();
    const int y0 = layout.top + row * layout.cellHeightPx();
    for (int dy = 0; dy < TextStamp::kGlyphHeight; ++dy)
        for (int dx = 0; dx < TextStamp::kGlyphWidth; ++dx) {
            int sum = 0;
            for (int y = 0; y < s; ++y)
                for (int x = 0; x < s; ++x)
                    sum += luma[static_cast<std::ptrdiff_t>(y0 + dy * s + y) * stride + x0 + dx * s + x];
            dots[static_cast<std::size_t>(dy * TextStamp::kGlyphWidth + dx)] = static_cast<double>(sum) / (s * s);
        }
    return dots;
}

char nearestGlyph(const std::array<double, 35>& dots, double ink, double paper)
{
    const double range = std::max(1.0, paper - ink);
    char best = '?';
    double bestCost = 1e18;
    for (const auto& glyph : kFont) {
        double cost = 0;
        for (int dy = 0; dy < TextStamp::kGlyphHeight; ++dy)
            for (int dx = 0; dx < TextStamp::kGlyphWidth; ++dx) {
                const double value = dots[static_cast<std::size_t>(dy * TextStamp::kGlyphWidth + dx)];
                const double inked = std::clamp((paper - value) / range, 0.0, 1.0);
                const double expected = glyph.rows[static_cast<std::size_t>(dy)][dx] == '#' ? 1.0 : 0.0;
                cost += (inked - expected) * (inked - expected);
            }
        if (cost < bestCost) {
            bestCost = cost;
            best = glyph.character;
        }
    }
    return best;
}

} // namespace

const std::string& TextStamp::alphabet()
{
    static const std::string letters = [] {
        std::string all;
        for (const auto& glyph : kFont)
            all += glyph.character;
        return all;
    }();
    return letters;
}

TextStampLayout TextStamp::layoutFor(int width, int height)
{
    TextStampLayout layout;
    if (width < 320 || FrameStamp::cellPx(width) == 0)
        return layout;
    layout.scale = std::max(2, width / 640);
    layout.left = layout.cellWidthPx();
    layout.top = FrameStamp::heightPx(width) + layout.cellHeightPx();
    const int columns = (width - 2 * layout.left) / layout.cellWidthPx();
    const int rows = (height - layout.top - layout.cellHeightPx()) / layout.cellHeightPx();
    if (columns < kLiveLineChars || rows < 2 * kLiveLines)
        return layout;
    layout.columns = columns;
    layout.rows = rows;
    // Spread over the page: a screen changes here and there, not in one band.
    for (int i = 0; i < kLiveLines; ++i)
        layout.liveRows.push_back(1 + i * (rows - 2) / kLiveLines);
    return layout;
}

std::uint16_t TextStamp::crc16(const std::string& text)
{
    // CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF.
    std::uint16_t crc = 0xFFFF;
    for (const char c : text) {
        crc ^= static_cast<std::uint16_t>(static_cast<std::uint8_t>(c) << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = static_cast<std::uint16_t>((crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1);
    }
    return crc;
}

std::vector<std::string> TextStamp::liveLines(std::uint32_t frame)
{
    std::vector<std::string> lines;
    for (int i = 0; i < kLiveLines; ++i) {
        char body[64];
        std::snprintf(body, sizeof body, "F%08u L%d %016llX", frame, i,
                      static_cast<unsigned long long>(splitmix(std::uint64_t{frame} * 16 + static_cast<unsigned>(i))));
        std::string line = body;
        char sum[16];
        std::snprintf(sum, sizeof sum, " SUM %04X", crc16(line));
        lines.push_back(line + sum);
    }
    return lines;
}

void TextStamp::drawText(std::uint8_t* luma, int stride, const TextStampLayout& layout, int column, int row,
                         const std::string& text)
{
    const int s = layout.scale;
    const int cellW = layout.cellWidthPx();
    const int cellH = layout.cellHeightPx();
    const int y0 = layout.top + row * cellH;
    for (std::size_t i = 0; i < text.size() && column + static_cast<int>(i) < layout.columns; ++i) {
        const int x0 = layout.left + (column + static_cast<int>(i)) * cellW;
        for (int y = 0; y < cellH; ++y)
            std::memset(luma + static_cast<std::ptrdiff_t>(y0 + y) * stride + x0, kPaper,
                        static_cast<std::size_t>(cellW));
        const Glyph& glyph = *glyphFor(text[i]);
        for (int dy = 0; dy < kGlyphHeight; ++dy)
            for (int dx = 0; dx < kGlyphWidth; ++dx) {
                if (glyph.rows[static_cast<std::size_t>(dy)][dx] != '#')
                    continue;
                for (int y = 0; y < s; ++y)
                    std::memset(luma + static_cast<std::ptrdiff_t>(y0 + dy * s + y) * stride + x0 + dx * s, kInk,
                                static_cast<std::size_t>(s));
            }
    }
}

void TextStamp::write(VideoFrame& picture, std::uint32_t frame)
{
    const auto layout = layoutFor(picture.width(), picture.height());
    if (layout.columns == 0)
        return;
    const auto lines = liveLines(frame);
    for (std::size_t i = 0; i < lines.size(); ++i)
        drawText(picture.mutablePlane(0), picture.stride(0), layout, 0, layout.liveRows[i], lines[i]);
}

std::string TextStamp::readText(const std::uint8_t* luma, int stride, const TextStampLayout& layout, int row,
                                int length)
{
    std::vector<std::array<double, 35>> cells;
    std::vector<double> all;
    for (int column = 0; column < length; ++column) {
        cells.push_back(sampleCell(luma, stride, layout, column, row));
        all.insert(all.end(), cells.back().begin(), cells.back().end());
    }
    if (all.empty())
        return {};
    // The line's own ink and paper (2nd and 98th percentiles): the codec
    // shifts both, and a stray dark or bright dot must not set the scale.
    std::sort(all.begin(), all.end());
    const double ink = all[all.size() * 2 / 100];
    const double paper = all[all.size() * 98 / 100];
    std::string text;
    for (const auto& cell : cells)
        text += nearestGlyph(cell, ink, paper);
    return text;
}

TextStampReading TextStamp::read(const VideoFrame& picture)
{
    TextStampReading reading;
    if (picture.isNull() || picture.format() != AV_PIX_FMT_YUV420P) {
        reading.whyNot = "not an I420 picture";
        return reading;
    }
    const auto layout = layoutFor(picture.width(), picture.height());
    if (layout.columns == 0) {
        reading.whyNot = "the picture is too small to carry the text stamp";
        return reading;
    }
    std::optional<std::uint32_t> frame;
    bool agree = true;
    for (const int row : layout.liveRows) {
        std::string line = readText(picture.plane(0), picture.stride(0), layout, row, kLiveLineChars);
        reading.lines.push_back(line);
        unsigned number = 0;
        if (line.size() != static_cast<std::size_t>(kLiveLineChars) || std::sscanf(line.c_str(), "F%8u", &number) != 1)
            continue;
        const auto expected = liveLines(number);
        const auto index = static_cast<std::size_t>(reading.lines.size() - 1);
        if (line != expected[index])
            continue;
        ++reading.linesCorrect;
        if (frame && *frame != number)
            agree = false;
        frame = number;
    }
    if (reading.linesCorrect == kLiveLines && agree) {
        reading.frame = frame;
        return reading;
    }
    reading.whyNot = !agree ? "the lines carry different frame numbers"
                            : std::to_string(kLiveLines - reading.linesCorrect) + " of " + std::to_string(kLiveLines)
                                  + " lines misread";
    return reading;
}

} // namespace spoke::media
