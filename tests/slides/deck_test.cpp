#include "TestPdf.h"
#include "slides/Deck.h"
#include "slides/PagePng.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <fstream>

using namespace spoke::slides;
using spoke::slides::test::makePdf;
using spoke::slides::test::pageColour;
using spoke::slides::test::PdfOptions;
using spoke::slides::test::Rgb;

namespace {

Rgb pixelAt(const spoke::media::VideoFrame& frame, int x, int y)
{
    std::uint32_t argb = 0;
    std::memcpy(&argb,
                frame.plane(0) + static_cast<std::ptrdiff_t>(y) * frame.stride(0) + static_cast<std::ptrdiff_t>(4) * x,
                4);
    CHECK((argb >> 24) == 0xFF); // opaque paper
    return {static_cast<std::uint8_t>(argb >> 16), static_cast<std::uint8_t>(argb >> 8),
            static_cast<std::uint8_t>(argb)};
}

bool near(const Rgb& a, const Rgb& b)
{
    return std::abs(a.r - b.r) <= 2 && std::abs(a.g - b.g) <= 2 && std::abs(a.b - b.b) <= 2;
}

DeckErrorKind openError(std::vector<char> bytes, const DeckLimits& limits = {})
{
    auto deck = Deck::fromBytes(std::move(bytes), limits);
    REQUIRE_FALSE(deck.ok());
    CHECK_FALSE(deck.error().message.empty());
    return deck.error().kind;
}

} // namespace

TEST_CASE("a deck reports its pages, their size and the SHA-256 of its bytes", "[slides]")
{
    const std::vector<char> bytes = makePdf(4, PdfOptions{800, 450, false});
    auto deck = Deck::fromBytes(bytes);
    REQUIRE(deck.ok());
    CHECK(deck->pageCount() == 4);
    CHECK(deck->pageSize(2).widthPt == Approx(800));
    CHECK(deck->pageSize(2).heightPt == Approx(450));
    CHECK(deck->sizeBytes() == static_cast<std::int64_t>(bytes.size()));
    CHECK(deck->sha256() == sha256Hex(bytes.data(), bytes.size()));
    CHECK(deck->sha256().size() == 64);
    // The SHA-256 of "abc" (FIPS 180-2 appendix B.1): the hash is the standard one.
    CHECK(sha256Hex("abc", 3) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("each page renders in its own colour at the asked width and the page's aspect", "[slides]")
{
    auto deck = Deck::fromBytes(makePdf(5));
    REQUIRE(deck.ok());
    for (int page = 0; page < 5; ++page) {
        auto frame = deck->renderPage(page, 320);
        REQUIRE(frame.ok());
        CHECK(frame->format() == AV_PIX_FMT_RGB32);
        CHECK(frame->width() == 320);
        CHECK(frame->height() == 240); // 720 x 540 pt is 4:3
        INFO("page " << page);
        CHECK(near(pixelAt(*frame, 160, 120), pageColour(page)));
        CHECK(near(pixelAt(*frame, 2, 237), pageColour(page)));
    }
}

TEST_CASE("a page outside the deck or an absurd width is refused, not rendered", "[slides]")
{
    auto deck = Deck::fromBytes(makePdf(2));
    REQUIRE(deck.ok());
    CHECK(deck->renderPage(2, 320).error().kind == DeckErrorKind::BadArgument);
    CHECK(deck->renderPage(-1, 320).error().kind == DeckErrorKind::BadArgument);
    CHECK(deck->renderPage(0, 0).error().kind == DeckErrorKind::BadArgument);
    CHECK(deck->renderPage(0, kMaxRenderWidthPx + 1).error().kind == DeckErrorKind::BadArgument);
}

TEST_CASE("bytes that are not a usable PDF give the matching error", "[slides]")
{
    CHECK(openError({}) == DeckErrorKind::NotPdf);
    const std::string png = "\x89PNG\r\n\x1a\n not a deck";
    CHECK(openError({png.begin(), png.end()}) == DeckErrorKind::NotPdf);
    CHECK(openError(makePdf(2, PdfOptions{720, 540, true})) == DeckErrorKind::Encrypted);
    CHECK(openError(makePdf(0)) == DeckErrorKind::NoPages);
    CHECK(openError(makePdf(6), DeckLimits{50LL << 20, 5}) == DeckErrorKind::TooManyPages);
    CHECK(openError(makePdf(2), DeckLimits{100, 300}) == DeckErrorKind::TooLarge);
    const std::string garbage = "%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage with no trailer";
    CHECK(openError({garbage.begin(), garbage.end()}) == DeckErrorKind::Corrupt);
}

TEST_CASE("a truncated deck is refused or still reads its intact pages, never crashes", "[slides]")
{
    const std::vector<char> whole = makePdf(3);
    for (std::size_t keep : {std::size_t{9}, whole.size() / 3, whole.size() / 2, whole.size() - 40}) {
        INFO("kept " << keep << " of " << whole.size() << " bytes");
        auto deck =
            Deck::fromBytes(std::vector<char>(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(keep)));
        if (!deck.ok()) {
            CHECK((deck.error().kind == DeckErrorKind::Corrupt || deck.error().kind == DeckErrorKind::NoPages));
            continue;
        }
        // Poppler rebuilds a lost cross-reference table from the objects it
        // finds; what it found must render.
        CHECK(deck->pageCount() <= 3);
        CHECK(deck->renderPage(0, 64).ok());
    }
}

TEST_CASE("a deck opens from a file and a missing or oversized file says why", "[slides]")
{
    spoke::test::TempDir dir;
    const std::vector<char> bytes = makePdf(3);
    std::ofstream(dir / "deck.pdf", std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    auto deck = Deck::fromFile(dir / "deck.pdf");
    REQUIRE(deck.ok());
    CHECK(deck->pageCount() == 3);
    CHECK(Deck::fromFile(dir / "missing.pdf").error().kind == DeckErrorKind::CannotRead);
    CHECK(Deck::fromFile(dir / "deck.pdf", DeckLimits{10, 300}).error().kind == DeckErrorKind::TooLarge);
}

TEST_CASE("a rendered page encodes as a PNG of the same size", "[slides]")
{
    auto deck = Deck::fromBytes(makePdf(1));
    REQUIRE(deck.ok());
    auto frame = deck->renderPage(0, 200);
    REQUIRE(frame.ok());
    auto png = encodePng(*frame);
    REQUIRE(png.ok());
    REQUIRE(png->size() > 33);
    CHECK(std::memcmp(png->data(), "\x89PNG\r\n\x1a\n", 8) == 0);
    // IHDR (RFC 2083 §4.1.1): width and height, big-endian, at bytes 16..23.
    auto be32 = [&](std::size_t at) {
        return ((*png)[at] << 24) | ((*png)[at + 1] << 16) | ((*png)[at + 2] << 8) | (*png)[at + 3];
    };
    CHECK(be32(16) == 200);
    CHECK(be32(20) == 150);
}

TEST_CASE("a page far taller than wide is cut at the height limit, not allocated without bound", "[slides]")
{
    auto deck = Deck::fromBytes(makePdf(1, PdfOptions{100, 10000, false}));
    REQUIRE(deck.ok());
    auto frame = deck->renderPage(0, 800); // 80000 px tall at this width
    REQUIRE(frame.ok());
    CHECK(frame->width() == 800);
    CHECK(frame->height() == kMaxRenderHeightPx);
}
