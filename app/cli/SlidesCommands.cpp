// `spoke-cli slides info|render`: a shared deck's identity and pages, and one
// page as a PNG, headless (core/slides renders with poppler, no display).

#include "Commands.h"
#include "slides/Deck.h"
#include "slides/PagePng.h"
#include "util/Clock.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace spoke::cli {

namespace {

bool parseSlidesArgs(QCommandLineParser& parser, const char* name, const QStringList& args)
{
    if (!parser.parse(QStringList{QString::fromLatin1(name)} + args)) {
        CliContext::printError(parser.errorText());
        return false;
    }
    return true;
}

std::optional<slides::Deck> openDeck(const QString& file)
{
    auto deck = slides::Deck::fromFile(file.toStdString());
    if (!deck) {
        CliContext::printError(file + QStringLiteral(": ") + QString::fromStdString(deck.error().message)
                               + QStringLiteral(" (") + QLatin1String(slides::toString(deck.error().kind))
                               + QStringLiteral(")"));
        return std::nullopt;
    }
    return std::move(*deck);
}

QJsonObject infoJson(const QString& file, const slides::Deck& deck)
{
    QJsonArray sizes;
    for (const slides::PageSize& size : deck.pageSizes())
        sizes.append(
            QJsonObject{{QStringLiteral("width_pt"), size.widthPt}, {QStringLiteral("height_pt"), size.heightPt}});
    return QJsonObject{
        {QStringLiteral("file"), file},
        {QStringLiteral("pages"), deck.pageCount()},
        {QStringLiteral("sha256"), QString::fromStdString(deck.sha256())},
        {QStringLiteral("size_bytes"), static_cast<qint64>(deck.sizeBytes())},
        {QStringLiteral("page_sizes"), sizes},
    };
}

bool writeFile(const QString& path, const std::vector<std::uint8_t>& bytes)
{
    std::FILE* out = std::fopen(path.toLocal8Bit().constData(), "wb");
    if (!out)
        return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
    return std::fclose(out) == 0 && ok;
}

} // namespace

int runSlidesInfo(CliContext&, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("PDF deck"));
    if (!parseSlidesArgs(parser, "slides info", args))
        return kBadInput;
    if (parser.positionalArguments().size() != 1) {
        CliContext::printError(QStringLiteral("slides info needs exactly one FILE"));
        return kBadInput;
    }
    const QString file = parser.positionalArguments().front();
    const auto deck = openDeck(file);
    if (!deck)
        return kBadInput;
    CliContext::printJson(QJsonDocument(infoJson(file, *deck)));
    return kOk;
}

int runSlidesRender(CliContext&, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("page"), QStringLiteral("page, from 1"), QStringLiteral("N"), QStringLiteral("1")});
    parser.addOption(
        {QStringLiteral("width"), QStringLiteral("width in pixels"), QStringLiteral("W"), QStringLiteral("1280")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("PNG to write"), QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("PDF deck"));
    if (!parseSlidesArgs(parser, "slides render", args))
        return kBadInput;
    bool pageOk = false;
    bool widthOk = false;
    const int page = parser.value(QStringLiteral("page")).toInt(&pageOk);
    const int widthPx = parser.value(QStringLiteral("width")).toInt(&widthOk);
    if (parser.positionalArguments().size() != 1 || !pageOk || !widthOk || !parser.isSet(QStringLiteral("out"))) {
        CliContext::printError(QStringLiteral("slides render needs one FILE, --page N, --width W and --out FILE.png"));
        return kBadInput;
    }
    const auto deck = openDeck(parser.positionalArguments().front());
    if (!deck)
        return kBadInput;
    const std::int64_t startUs = util::steadyNowUs();
    auto frame = deck->renderPage(page - 1, widthPx);
    const std::int64_t renderUs = util::steadyNowUs() - startUs;
    auto png = frame ? slides::encodePng(*frame) : slides::Expected<std::vector<std::uint8_t>>(frame.error());
    if (!png) {
        CliContext::printError(QString::fromStdString(png.error().message));
        return png.error().kind == slides::DeckErrorKind::BadArgument ? kBadInput : kFailed;
    }
    const QString out = parser.value(QStringLiteral("out"));
    if (!writeFile(out, *png)) {
        CliContext::printError(QStringLiteral("cannot write ") + out);
        return kFailed;
    }
    CliContext::printJson(QJsonDocument(QJsonObject{
        {QStringLiteral("out"), out},
        {QStringLiteral("page"), page},
        {QStringLiteral("width_px"), frame->width()},
        {QStringLiteral("height_px"), frame->height()},
        {QStringLiteral("png_bytes"), static_cast<qint64>(png->size())},
        {QStringLiteral("render_ms"), static_cast<double>(renderUs) / 1000.0},
    }));
    return kOk;
}

} // namespace spoke::cli
