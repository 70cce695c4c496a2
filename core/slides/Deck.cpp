#include "slides/Deck.h"

#include <QByteArrayView>
#include <QCryptographicHash>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string_view>

namespace spoke::slides {

namespace {

constexpr std::int64_t kMiB = std::int64_t{1024} * 1024;

// A corrupt deck makes poppler print one line per problem to stderr; a
// fuzzer or a follower opening a bad download should stay quiet. The hook
// is process-wide, so it is set once.
void silencePopplerOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// ISO 32000-1 §7.5.2 puts "%PDF-" first; readers (poppler's PDFDoc among
// them) accept it anywhere in the first 1024 bytes, as Acrobat does.
bool looksLikePdf(const std::vector<char>& bytes)
{
    const std::string_view head(bytes.data(), std::min<std::size_t>(bytes.size(), 1024));
    return head.find("%PDF-") != std::string_view::npos;
}

DeckError fail(DeckErrorKind kind, std::string message)
{
    return DeckError{kind, std::move(message)};
}

// The page's box after its own /Rotate, so a landscape slide stored as a
// rotated portrait page is reported (and rendered) landscape.
PageSize sizeOf(const poppler::page& page)
{
    const poppler::rectf box = page.page_rect(poppler::crop_box);
    const bool quarterTurn =
        page.orientation() == poppler::page::landscape || page.orientation() == poppler::page::seascape;
    return quarterTurn ? PageSize{box.height(), box.width()} : PageSize{box.width(), box.height()};
}

bool plausible(const PageSize& size)
{
    // ISO 32000-1 Annex C.2 bounds a page side at 14400 units, which
    // /UserUnit may scale; some headroom, but a zero, negative or NaN side
    // is a broken page, not a slide.
    auto ok = [](double pt) { return std::isfinite(pt) && pt >= 1.0 && pt <= 14400.0 * 4; };
    return ok(size.widthPt) && ok(size.heightPt);
}

Expected<std::vector<PageSize>> readPageSizes(const poppler::document& document)
{
    std::vector<PageSize> sizes;
    sizes.reserve(static_cast<std::size_t>(document.pages()));
    for (int i = 0; i < document.pages(); ++i) {
        const std::unique_ptr<poppler::page> page(document.create_page(i));
        if (!page)
            return fail(DeckErrorKind::Corrupt, "page " + std::to_string(i + 1) + " cannot be read");
        const PageSize size = sizeOf(*page);
        if (!plausible(size))
            return fail(DeckErrorKind::Corrupt, "page " + std::to_string(i + 1) + " has no plausible size");
        sizes.push_back(size);
    }
    return sizes;
}

media::VideoFrame copyToFrame(const poppler::image& image)
{
    media::VideoFrame frame = media::VideoFrame::allocate(AV_PIX_FMT_RGB32, image.width(), image.height());
    const auto rowBytes = static_cast<std::size_t>(image.width()) * 4;
    for (int y = 0; y < image.height(); ++y)
        std::memcpy(frame.mutablePlane(0) + static_cast<std::ptrdiff_t>(y) * frame.stride(0),
                    image.const_data() + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row(), rowBytes);
    return frame;
}

} // namespace

std::string sha256Hex(const char* data, std::size_t size)
{
    return QCryptographicHash::hash(QByteArrayView(data, static_cast<qsizetype>(size)), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

Deck::Deck(Deck&&) noexcept = default;
Deck& Deck::operator=(Deck&&) noexcept = default;
Deck::~Deck() = default;

Expected<Deck> Deck::fromBytes(std::vector<char> bytes, const DeckLimits& limits)
{
    silencePopplerOnce();
    const auto sizeBytes = static_cast<std::int64_t>(bytes.size());
    if (sizeBytes > limits.maxBytes)
        return fail(DeckErrorKind::TooLarge, "the deck is " + std::to_string(sizeBytes / kMiB) + " MB; at most "
                                                 + std::to_string(limits.maxBytes / kMiB) + " MB can be shared");
    if (bytes.empty() || !looksLikePdf(bytes))
        return fail(DeckErrorKind::NotPdf, "the file is not a PDF");

    Deck deck;
    deck.sha256_ = sha256Hex(bytes.data(), bytes.size());
    deck.sizeBytes_ = sizeBytes;
    // load_from_data takes the bytes over (they must outlive the document).
    deck.document_.reset(poppler::document::load_from_data(&bytes));
    if (!deck.document_)
        return fail(DeckErrorKind::Corrupt, "the PDF cannot be read (damaged or truncated)");
    if (deck.document_->is_locked())
        return fail(DeckErrorKind::Encrypted,
                    "the PDF needs a password to open; export it again without one to share it");
    const int pages = deck.document_->pages();
    if (pages <= 0)
        return fail(DeckErrorKind::NoPages, "the PDF has no pages");
    if (pages > limits.maxPages)
        return fail(DeckErrorKind::TooManyPages, "the PDF has " + std::to_string(pages) + " pages; at most "
                                                     + std::to_string(limits.maxPages) + " can be shared");
    auto sizes = readPageSizes(*deck.document_);
    if (!sizes)
        return sizes.error();
    deck.pageSizes_ = std::move(*sizes);
    return deck;
}

Expected<Deck> Deck::fromFile(const std::filesystem::path& file, const DeckLimits& limits)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error)
        return fail(DeckErrorKind::CannotRead, "cannot read '" + file.string() + "': " + error.message());
    // Checked before reading, so a huge file is refused without loading it.
    if (static_cast<std::int64_t>(size) > limits.maxBytes)
        return fail(DeckErrorKind::TooLarge, "'" + file.string() + "' is over the "
                                                 + std::to_string(limits.maxBytes / kMiB) + " MB a deck may be");
    std::ifstream in(file, std::ios::binary);
    std::vector<char> bytes(size);
    if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size)))
        return fail(DeckErrorKind::CannotRead, "cannot read '" + file.string() + "'");
    return fromBytes(std::move(bytes), limits);
}

std::string Deck::pageText(int index) const
{
    if (index < 0 || index >= pageCount())
        return {};
    const std::unique_ptr<poppler::page> page(document_->create_page(index));
    if (!page)
        return {};
    const poppler::byte_array utf8 = page->text().to_utf8();
    return std::string(utf8.begin(), utf8.end());
}

Expected<media::VideoFrame> Deck::renderPage(int index, int widthPx) const
{
    if (index < 0 || index >= pageCount())
        return fail(DeckErrorKind::BadArgument,
                    "page " + std::to_string(index + 1) + " is not in a " + std::to_string(pageCount()) + "-page deck");
    if (widthPx < kMinRenderWidthPx || widthPx > kMaxRenderWidthPx)
        return fail(DeckErrorKind::BadArgument, "a page is rendered " + std::to_string(kMinRenderWidthPx) + " to "
                                                    + std::to_string(kMaxRenderWidthPx) + " pixels wide");
    const std::unique_ptr<poppler::page> page(document_->create_page(index));
    if (!page)
        return fail(DeckErrorKind::Corrupt, "page " + std::to_string(index + 1) + " cannot be read");
    const PageSize size = pageSizes_[static_cast<std::size_t>(index)];
    const double dpi = 72.0 * widthPx / size.widthPt;
    const int heightPx = std::clamp(static_cast<int>(std::lround(size.heightPt * dpi / 72.0)), 1, kMaxRenderHeightPx);

    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_argb32);
    renderer.set_render_hint(poppler::page_renderer::antialiasing);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi, 0, 0, widthPx, heightPx);
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0
        || image.format() != poppler::image::format_argb32)
        return fail(DeckErrorKind::RenderFailed, "page " + std::to_string(index + 1) + " could not be drawn");
    return copyToFrame(image);
}

} // namespace spoke::slides
