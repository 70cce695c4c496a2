#include "media/video/FrameStamp.h"

#include "media/MediaError.h"
#include "media/VideoFrame.h"

#include <array>
#include <cstring>

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace spoke::media {

namespace {

constexpr std::uint8_t kMagic = 0xA5; // tells a stamp from an accidental pattern
constexpr int kPayloadBytes = 9; // magic, sequence, time
constexpr int kBits = (kPayloadBytes + 2) * 8; // + CRC-16
constexpr int kDataColumns = FrameStamp::kColumns - 2; // minus the two reference cells per row
static_assert(kBits <= kDataColumns * FrameStamp::kRows);

constexpr std::uint8_t kWhite = 235;
constexpr std::uint8_t kBlack = 16;
constexpr int kMinContrast = 48; // studio-range white/black differ by 219; blur halves that at worst

// CRC-16/CCITT-FALSE: small, well known, catches every burst under 16 bits.
std::uint16_t crc16(const std::uint8_t* data, int size)
{
    std::uint16_t crc = 0xFFFF;
    for (int i = 0; i < size; ++i) {
        crc ^= static_cast<std::uint16_t>(data[i] << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? static_cast<std::uint16_t>((crc << 1) ^ 0x1021) : static_cast<std::uint16_t>(crc << 1);
    }
    return crc;
}

std::array<std::uint8_t, kPayloadBytes + 2> encode(FrameStampValue value)
{
    std::array<std::uint8_t, kPayloadBytes + 2> bytes{};
    bytes[0] = kMagic;
    for (int i = 0; i < 4; ++i) {
        bytes[1 + i] = static_cast<std::uint8_t>(value.sequence >> (24 - 8 * i));
        bytes[5 + i] = static_cast<std::uint8_t>(value.captureTimeMs >> (24 - 8 * i));
    }
    const std::uint16_t crc = crc16(bytes.data(), kPayloadBytes);
    bytes[kPayloadBytes] = static_cast<std::uint8_t>(crc >> 8);
    bytes[kPayloadBytes + 1] = static_cast<std::uint8_t>(crc);
    return bytes;
}

// Cell (row, column) of data bit `bit`: data columns are 1..38.
void cellOfBit(int bit, int& row, int& column)
{
    row = bit / kDataColumns;
    column = 1 + bit % kDataColumns;
}

void fillCell(std::uint8_t* luma, int stride, int cell, int row, int column, std::uint8_t value)
{
    for (int y = row * cell; y < (row + 1) * cell; ++y)
        std::memset(luma + static_cast<std::ptrdiff_t>(y) * stride + column * cell, value, static_cast<std::size_t>(cell));
}

// Mean of the inner half of a cell: edges are where the codec smears.
int cellMean(const std::uint8_t* luma, int stride, int cell, int row, int column)
{
    const int inset = cell / 4;
    int sum = 0;
    int count = 0;
    for (int y = row * cell + inset; y < (row + 1) * cell - inset; ++y) {
        const std::uint8_t* line = luma + static_cast<std::ptrdiff_t>(y) * stride;
        for (int x = column * cell + inset; x < (column + 1) * cell - inset; ++x) {
            sum += line[x];
            ++count;
        }
    }
    return count ? sum / count : 0;
}

bool isPlanarYuv8(AVPixelFormat format)
{
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
    return desc && (desc->flags & AV_PIX_FMT_FLAG_PLANAR) && !(desc->flags & AV_PIX_FMT_FLAG_RGB)
        && desc->nb_components >= 3 && desc->comp[0].depth == 8;
}

} // namespace

int FrameStamp::cellPx(int width)
{
    const int cell = (width / kColumns) & ~3;
    return cell >= 4 ? cell : 0;
}

void FrameStamp::write(VideoFrame& frame, FrameStampValue value)
{
    const int cell = cellPx(frame.width());
    if (cell == 0 || frame.height() < heightPx(frame.width()))
        throw MediaError(MediaErrorKind::InvalidArgument, "A " + std::to_string(frame.width()) + "x"
                                                              + std::to_string(frame.height())
                                                              + " picture is too small to carry a frame stamp");
    if (!isPlanarYuv8(frame.format()))
        throw MediaError(MediaErrorKind::InvalidArgument, "Frame stamps are written into 8-bit planar YUV only");

    std::uint8_t* luma = frame.mutablePlane(0);
    const int stride = frame.stride(0);
    for (int row = 0; row < kRows; ++row) {
        fillCell(luma, stride, cell, row, 0, kWhite);
        fillCell(luma, stride, cell, row, kColumns - 1, kBlack);
    }
    const auto bytes = encode(value);
    for (int bit = 0; bit < kDataColumns * kRows; ++bit) {
        int row = 0;
        int column = 0;
        cellOfBit(bit, row, column);
        // Spare cells alternate so the strip never has large flat areas the
        // encoder could spend bits on differently from frame to frame.
        const bool one = bit < kBits ? ((bytes[bit / 8] >> (7 - bit % 8)) & 1) : (bit % 2 == 0);
        fillCell(luma, stride, cell, row, column, one ? kWhite : kBlack);
    }

    // Grey chroma under the strip: coloured fringes would cost bits and
    // shift the luma after conversion to RGB and back.
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(frame.format());
    const int chromaWidth = AV_CEIL_RSHIFT(kColumns * cell, desc->log2_chroma_w);
    const int chromaHeight = AV_CEIL_RSHIFT(kRows * cell, desc->log2_chroma_h);
    for (int plane = 1; plane <= 2; ++plane)
        for (int y = 0; y < chromaHeight; ++y)
            std::memset(frame.mutablePlane(plane) + static_cast<std::ptrdiff_t>(y) * frame.stride(plane), 128,
                        static_cast<std::size_t>(chromaWidth));
}

FrameStampReading FrameStamp::read(const VideoFrame& frame)
{
    if (frame.isNull())
        return {std::nullopt, "no picture"};
    if (!isPlanarYuv8(frame.format()))
        return {std::nullopt, "the picture is not 8-bit planar YUV"};
    return read(frame.plane(0), frame.stride(0), frame.width(), frame.height());
}

FrameStampReading FrameStamp::read(const std::uint8_t* luma, int stride, int width, int height)
{
    const int cell = cellPx(width);
    if (!luma || cell == 0 || height < heightPx(width))
        return {std::nullopt, "the picture is too small to carry a stamp"};

    std::array<int, kRows> threshold{};
    for (int row = 0; row < kRows; ++row) {
        const int white = cellMean(luma, stride, cell, row, 0);
        const int black = cellMean(luma, stride, cell, row, kColumns - 1);
        if (white - black < kMinContrast)
            return {std::nullopt, "no stamp: the reference cells of row " + std::to_string(row) + " differ by only "
                                      + std::to_string(white - black) + " levels"};
        threshold[static_cast<std::size_t>(row)] = (white + black) / 2;
    }

    std::array<std::uint8_t, kPayloadBytes + 2> bytes{};
    for (int bit = 0; bit < kBits; ++bit) {
        int row = 0;
        int column = 0;
        cellOfBit(bit, row, column);
        if (cellMean(luma, stride, cell, row, column) > threshold[static_cast<std::size_t>(row)])
            bytes[static_cast<std::size_t>(bit / 8)] |= static_cast<std::uint8_t>(1 << (7 - bit % 8));
    }
    if (bytes[0] != kMagic)
        return {std::nullopt, "no stamp: the marker byte does not match"};
    const std::uint16_t crc = crc16(bytes.data(), kPayloadBytes);
    if (bytes[kPayloadBytes] != (crc >> 8) || bytes[kPayloadBytes + 1] != (crc & 0xFF))
        return {std::nullopt, "stamp damaged: checksum mismatch"};

    FrameStampValue value;
    for (int i = 0; i < 4; ++i) {
        value.sequence = (value.sequence << 8) | bytes[static_cast<std::size_t>(1 + i)];
        value.captureTimeMs = (value.captureTimeMs << 8) | bytes[static_cast<std::size_t>(5 + i)];
    }
    return {value, {}};
}

} // namespace spoke::media
