#include "TestPdf.h"
#include "slides/Deck.h"
#include "support/CliRun.h"
#include "support/TempDir.h"

extern "C" {
#include <libavcodec/avcodec.h>
}

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using spoke::slides::test::makePdf;
using spoke::slides::test::pageColour;
using spoke::slides::test::Rgb;

namespace {

using Run = spoke::test::CliRun;

Run cli(const QStringList& args)
{
    return spoke::test::runCli(args);
}

QString writeDeck(const spoke::test::TempDir& dir, const std::vector<char>& bytes)
{
    const auto file = dir / "deck.pdf";
    std::ofstream(file, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return QString::fromStdString(file.string());
}

// Decodes the PNG with FFmpeg's decoder and reads its centre pixel.
Rgb centreOfPng(const QByteArray& png, int& width, int& height)
{
    const AVCodec* codec = avcodec_find_decoder(AV_CODEC_ID_PNG);
    AVCodecContext* decoder = avcodec_alloc_context3(codec);
    REQUIRE(avcodec_open2(decoder, codec, nullptr) == 0);
    AVPacket* packet = av_packet_alloc();
    packet->data = reinterpret_cast<std::uint8_t*>(const_cast<char*>(png.constData()));
    packet->size = static_cast<int>(png.size());
    AVFrame* frame = av_frame_alloc();
    REQUIRE(avcodec_send_packet(decoder, packet) == 0);
    REQUIRE(avcodec_receive_frame(decoder, frame) == 0);
    REQUIRE(frame->format == AV_PIX_FMT_RGB24);
    width = frame->width;
    height = frame->height;
    const std::uint8_t* p = frame->data[0] + static_cast<std::ptrdiff_t>(height / 2) * frame->linesize[0]
                            + static_cast<std::ptrdiff_t>(3) * (width / 2);
    const Rgb centre{p[0], p[1], p[2]};
    av_frame_free(&frame);
    packet->data = nullptr;
    packet->size = 0;
    av_packet_free(&packet);
    avcodec_free_context(&decoder);
    return centre;
}

} // namespace

TEST_CASE("slides info prints the pages, page sizes and SHA-256 as JSON", "[slides][cli]")
{
    spoke::test::TempDir dir;
    const auto bytes = makePdf(3);
    const Run run = cli({QStringLiteral("slides"), QStringLiteral("info"), writeDeck(dir, bytes)});
    REQUIRE(run.exitCode == 0);
    const QJsonObject info = QJsonDocument::fromJson(run.out).object();
    CHECK(info.value(QLatin1String("pages")).toInt() == 3);
    CHECK(info.value(QLatin1String("sha256")).toString().toStdString()
          == spoke::slides::sha256Hex(bytes.data(), bytes.size()));
    const QJsonArray sizes = info.value(QLatin1String("page_sizes")).toArray();
    REQUIRE(sizes.size() == 3);
    CHECK(sizes[1].toObject().value(QLatin1String("width_pt")).toDouble() == Approx(720));
    CHECK(sizes[1].toObject().value(QLatin1String("height_pt")).toDouble() == Approx(540));
}

TEST_CASE("slides render writes the asked page as a PNG of the asked width", "[slides][cli]")
{
    spoke::test::TempDir dir;
    const QString out = QString::fromStdString((dir / "page3.png").string());
    const Run run =
        cli({QStringLiteral("slides"), QStringLiteral("render"), writeDeck(dir, makePdf(4)), QStringLiteral("--page"),
             QStringLiteral("3"), QStringLiteral("--width"), QStringLiteral("400"), QStringLiteral("--out"), out});
    REQUIRE(run.exitCode == 0);
    QFile png(out);
    REQUIRE(png.open(QIODevice::ReadOnly));
    int width = 0;
    int height = 0;
    const Rgb centre = centreOfPng(png.readAll(), width, height);
    CHECK(width == 400);
    CHECK(height == 300);
    const Rgb expected = pageColour(2); // page 3, counted from 1 on the command line
    CHECK(std::abs(centre.r - expected.r) <= 2);
    CHECK(std::abs(centre.g - expected.g) <= 2);
    CHECK(std::abs(centre.b - expected.b) <= 2);
}

TEST_CASE("slides commands exit 2 with a reason for a bad deck or a page it lacks", "[slides][cli]")
{
    spoke::test::TempDir dir;
    const std::string text = "just some notes, not a deck";
    const auto notPdf = dir / "notes.pdf";
    std::ofstream(notPdf) << text;
    const Run info = cli({QStringLiteral("slides"), QStringLiteral("info"), QString::fromStdString(notPdf.string())});
    CHECK(info.exitCode == 2);
    CHECK(info.err.contains("not-pdf"));

    const Run render =
        cli({QStringLiteral("slides"), QStringLiteral("render"), writeDeck(dir, makePdf(2)), QStringLiteral("--page"),
             QStringLiteral("5"), QStringLiteral("--width"), QStringLiteral("200"), QStringLiteral("--out"),
             QString::fromStdString((dir / "x.png").string())});
    CHECK(render.exitCode == 2);
    CHECK_FALSE(std::filesystem::exists(dir / "x.png"));
}
