#include "demo/DemoDeck.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>
#include <stdexcept>

namespace spoke::demo {

namespace {

// 16:9 at 720 pt wide: the 1280 x 720 picture of a recording, page for page.
constexpr double kPageWidthPt = 720;
constexpr double kPageHeightPt = 405;
constexpr double kMarginPt = 48;
constexpr const char* kFontFamilies = "Noto Sans,DejaVu Sans,sans-serif";

struct CairoSurfaceFree {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoFree {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct GObjectFree {
    void operator()(gpointer object) const { g_object_unref(object); }
};
struct FontDescriptionFree {
    void operator()(PangoFontDescription* description) const { pango_font_description_free(description); }
};

cairo_status_t appendTo(void* closure, const unsigned char* data, unsigned int length)
{
    auto* bytes = static_cast<std::vector<char>*>(closure);
    bytes->insert(bytes->end(), reinterpret_cast<const char*>(data), reinterpret_cast<const char*>(data) + length);
    return CAIRO_STATUS_SUCCESS;
}

// Lays `text` out at (kMarginPt, yPt) and returns the y below it.
double paragraph(cairo_t* cr, const std::string& text, double yPt, double sizePt, bool bold)
{
    std::unique_ptr<PangoLayout, GObjectFree> layout(pango_cairo_create_layout(cr));
    std::unique_ptr<PangoFontDescription, FontDescriptionFree> font(pango_font_description_from_string(kFontFamilies));
    pango_font_description_set_size(font.get(), static_cast<int>(sizePt * PANGO_SCALE));
    pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_width(layout.get(), static_cast<int>((kPageWidthPt - 2 * kMarginPt) * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    cairo_move_to(cr, kMarginPt, yPt);
    pango_cairo_show_layout(cr, layout.get());
    int heightPango = 0;
    pango_layout_get_size(layout.get(), nullptr, &heightPango);
    return yPt + static_cast<double>(heightPango) / PANGO_SCALE;
}

void drawSlide(cairo_t* cr, const std::string& title, const DemoSlide& slide, int number, int count)
{
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    // A coloured band on top, so a rendered page is told from a blank one at a glance.
    cairo_set_source_rgb(cr, 0.11, 0.35, 0.55);
    cairo_rectangle(cr, 0, 0, kPageWidthPt, 30);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    paragraph(cr, title, 8, 10, false);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    double y = paragraph(cr, slide.heading, 52, 24, true) + 14;
    for (const auto& line : slide.lines)
        y = paragraph(cr, "•  " + line, y, 15, false) + 8;
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    paragraph(cr, std::to_string(number) + " / " + std::to_string(count), kPageHeightPt - 28, 9, false);
}

} // namespace

std::vector<char> renderDemoDeck(const std::string& title, const std::vector<DemoSlide>& slides)
{
    std::vector<char> pdf;
    std::unique_ptr<cairo_surface_t, CairoSurfaceFree> surface(
        cairo_pdf_surface_create_for_stream(appendTo, &pdf, kPageWidthPt, kPageHeightPt));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "spoke demo");
    // A fixed date: cairo would otherwise stamp the wall clock and the
    // deck's SHA-256 would change with every seed.
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-01T00:00:00Z");
    {
        std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface.get()));
        for (std::size_t i = 0; i < slides.size(); ++i) {
            drawSlide(cr.get(), title, slides[i], static_cast<int>(i + 1), static_cast<int>(slides.size()));
            cairo_show_page(cr.get());
        }
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("The demo deck could not be drawn: ")
                                     + cairo_status_to_string(cairo_status(cr.get())));
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("The demo deck could not be written: ")
                                 + cairo_status_to_string(cairo_surface_status(surface.get())));
    return pdf;
}

} // namespace spoke::demo
