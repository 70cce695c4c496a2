#include "hub/admin/Certificates.h"

#include "hub/db/HubDatabase.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>

namespace spoke::hub::Certificates {

namespace {

// ISO 216 A4, 210 x 297 mm, in PDF points (1/72 inch).
constexpr double kPageWidthPt = 595.276;
constexpr double kPageHeightPt = 841.890;
constexpr double kMarginPt = 72.0;
constexpr double kFrameInsetPt = 36.0;
constexpr double kTextWidthPt = kPageWidthPt - 2 * kMarginPt;
// Families tried in order for each character; fontconfig falls back further
// for any script these lack (scripts/deps installs Noto for Devanagari,
// Arabic, Ethiopic and others).
constexpr const char* kFontFamilies = "Noto Sans,DejaVu Sans,sans-serif";
constexpr int kIdHashBytes = 8; // 64 bits hashed, 60 of them printed
constexpr int kIdGroups = 3;
constexpr int kIdGroupChars = 4;

// The certificate's own words, through Qt's translation lookup: the hub
// loads no translator today, so they read in English until one is installed.
QString tr(const char* text)
{
    return QCoreApplication::translate("spoke::hub::Certificates", text);
}

QString isoDate(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

// RFC 4648 section 6 alphabet: no lower case, no 0/1/8/9 to misread.
QString base32(const QByteArray& bytes, int chars)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString out;
    quint64 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5 && out.size() < chars) {
            bits -= 5;
            out.append(QLatin1Char(kAlphabet[(buffer >> bits) & 0x1F]));
        }
    }
    return out;
}

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
    static_cast<QByteArray*>(closure)->append(reinterpret_cast<const char*>(data), qsizetype(length));
    return CAIRO_STATUS_SUCCESS;
}

// Paragraphs from the top of the page down, each laid out by pango from
// plain text (pango_layout_set_text: a name like "<b>x</b>" is printed as
// it is, never read as markup) and wrapped to the text width.
class Page {
public:
    explicit Page(cairo_t* cr) : cr_(cr) { }

    void paragraph(const QString& text, double sizePt, bool bold, PangoAlignment alignment)
    {
        std::unique_ptr<PangoLayout, GObjectFree> layout(pango_cairo_create_layout(cr_));
        std::unique_ptr<PangoFontDescription, FontDescriptionFree> font(
            pango_font_description_from_string(kFontFamilies));
        pango_font_description_set_size(font.get(), int(sizePt * PANGO_SCALE));
        pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), int(kTextWidthPt * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(), alignment);
        const QByteArray utf8 = text.toUtf8();
        pango_layout_set_text(layout.get(), utf8.constData(), int(utf8.size()));
        cairo_move_to(cr_, kMarginPt, yPt_);
        pango_cairo_show_layout(cr_, layout.get());
        int heightPx = 0;
        pango_layout_get_size(layout.get(), nullptr, &heightPx);
        yPt_ += double(heightPx) / PANGO_SCALE;
    }
    void space(double pt) { yPt_ += pt; }
    void moveTo(double pt) { yPt_ = pt; }

private:
    cairo_t* cr_;
    double yPt_ = 0;
};

void drawFrame(cairo_t* cr)
{
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_set_line_width(cr, 1.0);
    cairo_rectangle(cr, kFrameInsetPt, kFrameInsetPt, kPageWidthPt - 2 * kFrameInsetPt,
                    kPageHeightPt - 2 * kFrameInsetPt);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
}

QString sourceSentence(const Certificate& certificate)
{
    if (certificate.source == QLatin1String("attested"))
        return tr("Source: attested in the room by %1; counted while that account was in the session.")
            .arg(certificate.attestedBy);
    return tr("Source: the attendee's own joins and leaves, recorded by the Spoke app.");
}

// What the page says, top to bottom. Every name, title and programme is a
// paragraph of its own, so no hostile text is ever read as a format string.
void layOut(cairo_t* cr, const CertificateSession& session, const Certificate& certificate, std::int64_t issuedMs)
{
    drawFrame(cr);
    Page page(cr);
    page.moveTo(130);
    page.paragraph(tr("Certificate of attendance"), 26, true, PANGO_ALIGN_CENTER);
    page.space(6);
    page.paragraph(tr("Continuing medical education"), 13, false, PANGO_ALIGN_CENTER);
    page.space(50);
    page.paragraph(tr("This certifies that"), 12, false, PANGO_ALIGN_CENTER);
    page.space(14);
    page.paragraph(certificate.name, 22, true, PANGO_ALIGN_CENTER);
    page.space(14);
    page.paragraph(tr("attended the teleECHO session"), 12, false, PANGO_ALIGN_CENTER);
    page.space(10);
    page.paragraph(session.title, 16, true, PANGO_ALIGN_CENTER);
    page.space(10);
    page.paragraph(tr("of the programme"), 12, false, PANGO_ALIGN_CENTER);
    page.space(6);
    page.paragraph(session.programmeName, 14, false, PANGO_ALIGN_CENTER);
    page.space(10);
    page.paragraph(tr("held on %1 (UTC),").arg(isoDate(session.startsMs)), 12, false, PANGO_ALIGN_CENTER);
    page.space(6);
    page.paragraph(certificate.minutes == 1 ? tr("for 1 minute.") : tr("for %1 minutes.").arg(certificate.minutes), 12,
                   false, PANGO_ALIGN_CENTER);

    page.moveTo(560);
    page.paragraph(tr("Minutes attended: %1").arg(certificate.minutes), 10, false, PANGO_ALIGN_LEFT);
    page.space(4);
    page.paragraph(sourceSentence(certificate), 10, false, PANGO_ALIGN_LEFT);
    page.space(4);
    page.paragraph(tr("Certificate ID: %1").arg(certificate.certificateId), 10, false, PANGO_ALIGN_LEFT);
    page.space(4);
    page.paragraph(tr("Issued: %1 (UTC)").arg(isoDate(issuedMs)), 10, false, PANGO_ALIGN_LEFT);
    page.space(24);
    // min_minutes=0 finds a certificate whatever threshold it was issued at.
    page.paragraph(tr("To verify: the programme's coordinator asks the programme's Spoke hub for certificate %1 "
                      "(GET /api/v1/sessions/%2/certificates/%1.pdf?min_minutes=0). The hub's copy must say the "
                      "same.")
                       .arg(certificate.certificateId, QString::number(session.sessionId)),
                   9, false, PANGO_ALIGN_LEFT);
}

} // namespace

QString certificateId(std::int64_t sessionId, const AttendanceLine& line)
{
    const QString attendee = line.source == QLatin1String("attested")
                                 ? QStringLiteral("attested\n%1\n%2").arg(line.accountId).arg(line.name)
                                 : QStringLiteral("account\n%1").arg(line.accountId);
    const QByteArray digest = QCryptographicHash::hash(
        QStringLiteral("spoke-cme-certificate/1\n%1\n").arg(sessionId).toUtf8() + attendee.toUtf8(),
        QCryptographicHash::Sha256);
    const QString code = base32(digest.left(kIdHashBytes), kIdGroups * kIdGroupChars);
    QStringList groups;
    for (int i = 0; i < kIdGroups; ++i)
        groups.append(code.mid(i * kIdGroupChars, kIdGroupChars));
    return QStringLiteral("CME-%1-").arg(sessionId) + groups.join(QLatin1Char('-'));
}

Batch eligible(const AttendanceReport::Report& report, std::int64_t minMinutes)
{
    Batch batch{{report.sessionId, report.sessionTitle, report.programmeName, report.startsMs}, {}};
    for (const AttendanceLine& line : report.lines) {
        const std::int64_t minutes = line.presentMs / 60'000;
        if (minutes < minMinutes)
            continue;
        const bool attested = line.source == QLatin1String("attested");
        batch.certificates.push_back({certificateId(report.sessionId, line), line.name, minutes, line.source,
                                      attested ? line.attestedByName : QString()});
    }
    return batch;
}

Expected<Batch, AdminError> eligible(HubDatabase& db, std::int64_t sessionId, std::int64_t minMinutes,
                                     std::int64_t nowMs)
{
    if (minMinutes < 0)
        return AdminError{AdminError::Code::BadArgument, QStringLiteral("min_minutes"),
                          QStringLiteral("The minimum minutes must be 0 or more.")};
    const auto report = AttendanceReport::build(db, sessionId, nowMs);
    if (!report)
        return report.error();
    return eligible(*report, minMinutes);
}

QString fileName(const Certificate& certificate)
{
    return certificate.certificateId + QStringLiteral(".pdf");
}

QJsonObject json(const Certificate& certificate, const QString& file)
{
    return QJsonObject{
        {QStringLiteral("certificate_id"), certificate.certificateId},
        {QStringLiteral("name"), certificate.name},
        {QStringLiteral("minutes"), double(certificate.minutes)},
        {QStringLiteral("source"), certificate.source},
        {QStringLiteral("attested_by"),
         certificate.source == QLatin1String("attested") ? QJsonValue(certificate.attestedBy) : QJsonValue()},
        {QStringLiteral("file"), file},
    };
}

Expected<QByteArray, QString> render(const CertificateSession& session, const Certificate& certificate,
                                     std::int64_t issuedMs)
{
    QByteArray pdf;
    std::unique_ptr<cairo_surface_t, CairoSurfaceFree> surface(
        cairo_pdf_surface_create_for_stream(appendTo, &pdf, kPageWidthPt, kPageHeightPt));
    // Without a creation date cairo would stamp the wall clock: the issue
    // time is the only time a certificate carries.
    const QByteArray created =
        QDateTime::fromMSecsSinceEpoch(issuedMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toUtf8();
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, created.constData());
    const QByteArray title = (tr("Certificate of attendance") + QLatin1Char(' ') + certificate.certificateId).toUtf8();
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.constData());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "spoke-hub");
    {
        std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface.get()));
        layOut(cr.get(), session, certificate, issuedMs);
        cairo_show_page(cr.get());
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            return QString::fromUtf8(cairo_status_to_string(cairo_status(cr.get())));
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return QString::fromUtf8(cairo_status_to_string(cairo_surface_status(surface.get())));
    return pdf;
}

} // namespace spoke::hub::Certificates
