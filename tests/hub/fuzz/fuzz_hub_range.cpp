// Any bytes as a Range header (and, from its first 8 bytes, the file's
// size) through the hub's file answers (hub/api/FileRanges.h): never a
// crash, and every answer stays inside the file: a part is non-empty and
// ends at or before the last byte, a 416 names the size, and the parsed
// range agrees with what is applied.

#include "hub/api/FileRanges.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace spoke::hub::api;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::uint64_t raw = 0;
    const std::size_t sizeBytes = std::min<std::size_t>(size, sizeof raw);
    std::memcpy(&raw, data, sizeBytes);
    // Sizes up to 2^40: past any file the hub keeps, and no overflow when
    // a range is added to them.
    const qint64 fileBytes = qint64(raw & ((std::uint64_t(1) << 40) - 1));
    const QByteArray header(reinterpret_cast<const char*>(data) + sizeBytes, qsizetype(size - sizeBytes));

    const auto spec = parseRangeHeader(header);
    const ResolvedRange range = resolveRange(header, fileBytes);
    if (!spec)
        check(range.kind == ResolvedRange::Kind::Whole || header.trimmed().isEmpty());
    if (range.kind == ResolvedRange::Kind::Part) {
        check(spec.ok());
        check(range.offsetBytes >= 0 && range.lengthBytes > 0);
        check(range.offsetBytes + range.lengthBytes <= fileBytes);
    }

    HttpRequest request;
    request.method = "GET";
    request.headers.insert("range", header);
    const FileAnswer file{QStringLiteral("/data/f"), QStringLiteral("f"), fileBytes, "video/webm", "\"t\""};
    const HttpResponse answer = fileAnswer(request, file);
    check(answer.status == 200 || answer.status == 206 || answer.status == 416);
    if (answer.file) {
        check(answer.file->offsetBytes + answer.file->lengthBytes <= fileBytes);
        check(accelRedirect(answer, "/p").status == 200);
    }
    return 0;
}
