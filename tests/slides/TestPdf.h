#pragma once

// Hand-written PDFs for the slides tests: each page is filled with one
// colour, so a test can tell from a rendered pixel which page it got.
// Offsets in the cross-reference table are computed, so poppler reads the
// files without falling back to its reconstruction of damaged ones.

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace spoke::slides::test {

struct Rgb {
    std::uint8_t r, g, b;
};

struct PdfOptions {
    double widthPt = 720; // 10 x 7.5 inch, a 4:3 slide
    double heightPt = 540;
    // Adds a Standard security handler whose user password is not empty
    // (ISO 32000-1 §7.6.3): poppler cannot open it without the password.
    bool passwordProtected = false;
};

// A colour distinct for every page index up to a few hundred.
inline Rgb pageColour(int index)
{
    static const Rgb base[] = {{230, 25, 75}, {60, 180, 75}, {0, 130, 200}, {245, 130, 48}, {145, 30, 180}};
    const Rgb c = base[index % 5];
    const auto shift = static_cast<std::uint8_t>((index / 5) * 7 % 50);
    return {static_cast<std::uint8_t>(c.r - (c.r > 128 ? shift : 0)), c.g, static_cast<std::uint8_t>(c.b / 2 + shift)};
}

inline std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

inline std::vector<char> makePdf(int pages, const PdfOptions& options = {})
{
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets; // of objects 1..n
    auto object = [&](const std::string& body) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    // Objects: 1 catalog, 2 page tree, then a page and its content per page.
    object("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (int i = 0; i < pages; ++i)
        kids += std::to_string(3 + 2 * i) + " 0 R ";
    object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
    const std::string box = "[0 0 " + number(options.widthPt) + " " + number(options.heightPt) + "]";
    for (int i = 0; i < pages; ++i) {
        const Rgb c = pageColour(i);
        object("<< /Type /Page /Parent 2 0 R /MediaBox " + box + " /Contents " + std::to_string(4 + 2 * i)
               + " 0 R /Resources << >> >>");
        const std::string content = number(c.r / 255.0) + " " + number(c.g / 255.0) + " " + number(c.b / 255.0)
                                    + " rg 0 0 " + number(options.widthPt) + " " + number(options.heightPt) + " re f\n";
        object("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    }
    std::string trailerExtra;
    if (options.passwordProtected) {
        const std::string hash32(64, 'A');
        object("<< /Filter /Standard /V 1 /R 2 /O <" + hash32 + "> /U <" + hash32 + "> /P -4 >>");
        trailerExtra = " /Encrypt " + std::to_string(offsets.size())
                       + " 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                         "<0123456789ABCDEF0123456789ABCDEF>]";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        char line[21];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R" + trailerExtra
           + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return {pdf.begin(), pdf.end()};
}

} // namespace spoke::slides::test
