#include "cases/AttachmentCleaner.h"
#include "cases/AttachmentNames.h"
#include "cases/CaseError.h"

#include "support/TempDir.h"

#include <QFile>
#include <QProcess>

#include <catch2/catch.hpp>

#include <fstream>

using namespace spoke::cases;

namespace {

QByteArray readAll(const std::filesystem::path& file)
{
    QFile f(QString::fromStdString(file.string()));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void writeAll(const std::filesystem::path& file, const QByteArray& bytes)
{
    QFile f(QString::fromStdString(file.string()));
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

// A real picture from FFmpeg's test source, as a phone would save it.
void makeImage(const std::filesystem::path& file)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                  QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc=size=96x64:rate=1"),
                  QStringLiteral("-frames:v"), QStringLiteral("1"), QString::fromStdString(file.string())});
    REQUIRE(ffmpeg.waitForFinished(20000));
    REQUIRE(ffmpeg.exitCode() == 0);
}

quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= static_cast<quint8>(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray be32(quint32 v)
{
    QByteArray out(4, '\0');
    for (int i = 0; i < 4; ++i)
        out[i] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
    return out;
}

const QByteArray kSecret = "GPS 17.7883S 15.7045E CameraSerial=SN-99887766 Owner=Ndapewa";

} // namespace

TEST_CASE("A JPEG with EXIF GPS, timestamp and camera serial comes out with none of it", "[cases][attachment]")
{
    spoke::test::TempDir dir;
    makeImage(dir / "plain.jpg");
    QByteArray jpeg = readAll(dir / "plain.jpg");
    // An APP1 Exif segment right after SOI, as cameras write it.
    const QByteArray payload = "Exif\0\0"_qba + "MM\0*" + kSecret + " DateTimeOriginal=2024:03:02 10:15:00";
    QByteArray app1 = "\xFF\xE1"_qba;
    const int length = static_cast<int>(payload.size()) + 2;
    app1.append(static_cast<char>(length >> 8)).append(static_cast<char>(length & 0xFF)).append(payload);
    jpeg.insert(2, app1);
    writeAll(dir / "phone.jpg", jpeg);
    REQUIRE(readAll(dir / "phone.jpg").contains("CameraSerial"));

    const auto result = AttachmentCleaner::cleanImage(dir / "phone.jpg", dir / "clean.jpg");
    CHECK(result.kind == AttachmentCleaner::Kind::Jpeg);
    CHECK(result.width == 96);
    CHECK(result.height == 64);
    const QByteArray clean = readAll(dir / "clean.jpg");
    CHECK(clean.startsWith("\xFF\xD8"));
    CHECK_FALSE(clean.contains("Exif"));
    CHECK_FALSE(clean.contains("CameraSerial"));
    CHECK_FALSE(clean.contains("2024:03:02"));
    CHECK_FALSE(clean.contains("Ndapewa"));
    // The cleaned file is itself a valid picture of the same size.
    const auto again = AttachmentCleaner::cleanImage(dir / "clean.jpg", dir / "again.jpg");
    CHECK(again.width == 96);
    CHECK(again.height == 64);
}

TEST_CASE("A PNG with text chunks comes out without them", "[cases][attachment]")
{
    spoke::test::TempDir dir;
    makeImage(dir / "plain.png");
    QByteArray png = readAll(dir / "plain.png");
    const QByteArray chunkData = "Comment\0"_qba + kSecret;
    QByteArray chunk = be32(static_cast<quint32>(chunkData.size())) + "tEXt" + chunkData;
    chunk += be32(crc32("tEXt" + chunkData));
    png.insert(33, chunk); // after the 8-byte signature and the 25-byte IHDR chunk
    writeAll(dir / "annotated.png", png);

    const auto result = AttachmentCleaner::cleanImage(dir / "annotated.png", dir / "clean.png");
    CHECK(result.kind == AttachmentCleaner::Kind::Png);
    const QByteArray clean = readAll(dir / "clean.png");
    CHECK(clean.startsWith("\x89PNG"));
    CHECK_FALSE(clean.contains("tEXt"));
    CHECK_FALSE(clean.contains("CameraSerial"));
    CHECK(AttachmentCleaner::cleanImage(dir / "clean.png", dir / "again.png").width == 96);
}

TEST_CASE("DICOM, recordings, PDFs and junk are refused with the reason", "[cases][attachment]")
{
    spoke::test::TempDir dir;
    auto refusal = [&](const char* name, const QByteArray& bytes) {
        writeAll(dir / name, bytes);
        try {
            AttachmentCleaner::cleanImage(dir / name, dir / "out.bin");
        } catch (const CaseError& e) {
            CHECK(e.kind() == CaseErrorKind::AttachmentRefused);
            return std::string(e.what());
        }
        FAIL("accepted " << name);
        return std::string();
    };
    CHECK(refusal("scan.dcm", QByteArray(128, '\0') + "DICM" + "\x10\x00\x10\x00PN" + "PEREIRA^ROSA").find("DICOM")
          != std::string::npos);
    CHECK(refusal("note.opus", "OggS" + QByteArray(64, '\1')).find("voice") != std::string::npos);
    CHECK(refusal("report.pdf", "%PDF-1.7\n" + QByteArray(64, ' ')).find("PDF") != std::string::npos);
    CHECK(refusal("junk.jpg", QByteArray(300, '\x42')).find("PNG and JPEG") != std::string::npos);
    // Right magic, broken body.
    CHECK(!refusal("broken.jpg", "\xFF\xD8\xFF\xE0" + QByteArray(100, '\x13')).empty());
    CHECK_FALSE(QFile::exists(QString::fromStdString((dir / "out.bin").string())));
}

TEST_CASE("A new photo's name never reuses one still in the folder or the document", "[cases][attachment]")
{
    const spoke::test::TempDir temp;
    const auto dir = temp / "CASE-1";
    // photo-1 was removed from the case (its file too); photo-2 stays.
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "photo-2.jpg") << "jpeg";
    const ReservedPhoto next = reservePhoto(dir, {QStringLiteral("photo-2.jpg")});
    CHECK(next.number == 3); // the old rule (number of attachments + 1) said 2 and overwrote photo-2
    CHECK(std::filesystem::exists(next.part));
    CHECK(next.finalName(QStringLiteral("png")) == QStringLiteral("photo-3.png"));

    // A number named only in the document (its file lost) is not reused either,
    // nor one reserved a moment ago by a photo still being cleaned.
    const ReservedPhoto after = reservePhoto(dir, {QStringLiteral("photo-7.png")});
    CHECK(after.number == 8);
    const ReservedPhoto concurrent = reservePhoto(dir, {QStringLiteral("photo-2.jpg")});
    CHECK(concurrent.number == 9); // photo-8.part is taken: the highest number in the folder is 8
    // A name that only looks like one of ours is ignored.
    std::ofstream(dir / "photo-99.jpg.bak") << "x";
    CHECK(reservePhoto(dir, {}).number == 10);
}
