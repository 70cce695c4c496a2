#include "hub/api/FileRanges.h"

#include <QFileInfo>
#include <QUrl>

#include <algorithm>

namespace spoke::hub::api {

namespace {

// Up to 18 decimal digits: every such number fits in qint64, and no file
// the hub keeps is an exabyte long.
constexpr qsizetype kMaxDigits = 18;

std::optional<qint64> parseDigits(const QByteArray& text)
{
    if (text.isEmpty() || text.size() > kMaxDigits)
        return std::nullopt;
    if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return text.toLongLong();
}

QByteArray contentRange(qint64 first, qint64 last, qint64 sizeBytes)
{
    return "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/' + QByteArray::number(sizeBytes);
}

// §13.1.5: a Range is honoured only if If-Range (when sent) names the
// current version, compared strongly; a date there never matches, since
// these answers carry no Last-Modified.
bool rangeApplies(const HttpRequest& request, const QByteArray& etag)
{
    const QByteArray ifRange = request.header("if-range").trimmed();
    return ifRange.isEmpty() || ifRange == etag;
}

} // namespace

spoke::Expected<RangeSpec, QString> parseRangeHeader(const QByteArray& value)
{
    const QByteArray trimmed = value.trimmed();
    static const QByteArray kUnit = "bytes=";
    if (!trimmed.toLower().startsWith(kUnit)) // range units are case-insensitive (§14.1)
        return QStringLiteral("not a bytes range");
    const QByteArray spec = trimmed.mid(kUnit.size()).trimmed();
    if (spec.contains(','))
        return QStringLiteral("several ranges");
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return QStringLiteral("a range has a dash");
    const QByteArray firstText = spec.left(dash);
    const QByteArray lastText = spec.mid(dash + 1);
    RangeSpec range;
    if (firstText.isEmpty()) {
        const std::optional<qint64> suffix = parseDigits(lastText);
        if (!suffix)
            return QStringLiteral("a suffix range is bytes=-N");
        range.kind = RangeSpec::Kind::Suffix;
        range.suffixBytes = *suffix;
        return range;
    }
    const std::optional<qint64> first = parseDigits(firstText);
    if (!first)
        return QStringLiteral("a range starts with a byte number");
    range.first = *first;
    if (lastText.isEmpty())
        return range; // Kind::From
    const std::optional<qint64> last = parseDigits(lastText);
    if (!last || *last < *first)
        return QStringLiteral("a range ends with a byte number no smaller than its first");
    range.kind = RangeSpec::Kind::FromTo;
    range.last = *last;
    return range;
}

ResolvedRange resolveRange(const QByteArray& rangeHeader, qint64 sizeBytes)
{
    const ResolvedRange whole{ResolvedRange::Kind::Whole, 0, sizeBytes};
    if (rangeHeader.trimmed().isEmpty())
        return whole;
    const auto spec = parseRangeHeader(rangeHeader);
    if (!spec)
        return whole;
    if (spec->kind == RangeSpec::Kind::Suffix) {
        if (spec->suffixBytes == 0 || sizeBytes == 0)
            return {ResolvedRange::Kind::Unsatisfiable, 0, 0};
        const qint64 length = std::min(spec->suffixBytes, sizeBytes);
        return {ResolvedRange::Kind::Part, sizeBytes - length, length};
    }
    if (spec->first >= sizeBytes)
        return {ResolvedRange::Kind::Unsatisfiable, 0, 0};
    const qint64 last = spec->kind == RangeSpec::Kind::From ? sizeBytes - 1 : std::min(spec->last, sizeBytes - 1);
    return {ResolvedRange::Kind::Part, spec->first, last - spec->first + 1};
}

bool etagListMatches(const QByteArray& ifNoneMatch, const QByteArray& etag)
{
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate == "*")
            return true;
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (!candidate.isEmpty() && candidate == etag)
            return true;
    }
    return false;
}

HttpResponse fileAnswer(const HttpRequest& request, const FileAnswer& file)
{
    const std::pair<QByteArray, QByteArray> etagHeader{"ETag", file.etag};
    const std::pair<QByteArray, QByteArray> acceptRanges{"Accept-Ranges", "bytes"};
    if (etagListMatches(request.header("if-none-match"), file.etag)) {
        HttpResponse notModified;
        notModified.status = 304;
        notModified.contentType.clear();
        notModified.headers = {etagHeader, acceptRanges};
        return notModified;
    }
    const ResolvedRange range = rangeApplies(request, file.etag)
                                    ? resolveRange(request.header("range"), file.sizeBytes)
                                    : ResolvedRange{ResolvedRange::Kind::Whole, 0, file.sizeBytes};
    if (range.kind == ResolvedRange::Kind::Unsatisfiable) {
        HttpResponse refused = HttpResponse::error(416, QStringLiteral("bad_range"),
                                                   QStringLiteral("the range is past the end of the file"));
        refused.headers = {
            etagHeader, acceptRanges, {"Content-Range", "bytes */" + QByteArray::number(file.sizeBytes)}};
        return refused;
    }
    const bool part = range.kind == ResolvedRange::Kind::Part;
    HttpResponse answer = HttpResponse::fromFile(
        part ? 206 : 200, FileBody{file.path, file.dataPath, range.offsetBytes, range.lengthBytes, file.sizeBytes},
        file.contentType);
    answer.headers = {etagHeader, acceptRanges};
    if (part)
        answer.headers.emplace_back(
            "Content-Range",
            contentRange(range.offsetBytes, range.offsetBytes + range.lengthBytes - 1, file.sizeBytes));
    return answer;
}

std::optional<HttpResponse> fileAnswerFromDisk(const HttpRequest& request, FileAnswer file)
{
    const QFileInfo info(file.path);
    if (!info.isFile() || !info.isReadable())
        return std::nullopt;
    file.sizeBytes = info.size();
    return fileAnswer(request, file);
}

HttpResponse accelRedirect(HttpResponse response, const QByteArray& prefix)
{
    if (!response.file)
        return response;
    QByteArray base = prefix;
    while (base.endsWith('/'))
        base.chop(1);
    const QByteArray location = base + '/' + QUrl::toPercentEncoding(response.file->dataPath, "/");
    // nginx answers the range from the file itself (the original request's
    // Range travels with the internal redirect), so the hub's own 206
    // headers must not reach it.
    std::erase_if(response.headers, [](const auto& header) { return header.first == "Content-Range"; });
    response.headers.emplace_back("X-Accel-Redirect", location);
    response.status = 200;
    response.file.reset();
    response.body.clear();
    return response;
}

} // namespace spoke::hub::api
