// File answers without a network: the Range parser (RFC 9110 §14), the
// 200/206/304/416 answers and their headers, the X-Accel-Redirect form, and
// the bytes that go on the wire before a streamed file.

#include "hub/api/FileRanges.h"
#include "hub/server/AnswerQueue.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace spoke::hub::api;
using spoke::hub::server::outgoing;

namespace {

const QByteArray kEtag = "\"" + QByteArray(64, 'a') + "\"";

FileAnswer hundredBytes()
{
    return {QStringLiteral("/data/decks/x.pdf"), QStringLiteral("decks/x.pdf"), 100, "application/pdf", kEtag};
}

HttpRequest get(const QMap<QByteArray, QByteArray>& headers = {})
{
    HttpRequest request;
    request.method = "GET";
    request.path = QStringLiteral("/api/v1/decks/x");
    request.headers = headers;
    return request;
}

QByteArray headerOf(const HttpResponse& response, const QByteArray& name)
{
    const auto found = std::find_if(response.headers.begin(), response.headers.end(),
                                    [&](const auto& header) { return header.first == name; });
    return found == response.headers.end() ? QByteArray() : found->second;
}

} // namespace

TEST_CASE("file ranges: the three forms of one byte range parse", "[hub][files]")
{
    auto fromTo = parseRangeHeader("bytes=4-13");
    REQUIRE(fromTo.ok());
    CHECK(fromTo->kind == RangeSpec::Kind::FromTo);
    CHECK(fromTo->first == 4);
    CHECK(fromTo->last == 13);
    auto from = parseRangeHeader(" Bytes=70- ");
    REQUIRE(from.ok());
    CHECK(from->kind == RangeSpec::Kind::From);
    CHECK(from->first == 70);
    auto suffix = parseRangeHeader("bytes=-7");
    REQUIRE(suffix.ok());
    CHECK(suffix->kind == RangeSpec::Kind::Suffix);
    CHECK(suffix->suffixBytes == 7);
}

TEST_CASE("file ranges: other units and several or malformed ranges are refused with a reason", "[hub][files]")
{
    for (const QByteArray& value :
         {QByteArray("items=0-1"), QByteArray("bytes=0-1,5-6"), QByteArray("bytes=5-2"), QByteArray("bytes=-"),
          QByteArray("bytes=a-b"), QByteArray("bytes=1"), QByteArray("bytes=+1-2"), QByteArray("bytes=1- 2"),
          QByteArray("bytes=9999999999999999999-"), QByteArray("")}) {
        INFO(value.toStdString());
        const auto parsed = parseRangeHeader(value);
        REQUIRE_FALSE(parsed.ok());
        CHECK_FALSE(parsed.error().isEmpty());
    }
}

TEST_CASE("file ranges: a range is applied to the file's size", "[hub][files]")
{
    using Kind = ResolvedRange::Kind;
    struct Case {
        QByteArray header;
        Kind kind;
        qint64 offsetBytes;
        qint64 lengthBytes;
    };
    for (const Case& c : {Case{"", Kind::Whole, 0, 100}, Case{"bytes=0-9", Kind::Part, 0, 10},
                          Case{"bytes=90-", Kind::Part, 90, 10}, Case{"bytes=-10", Kind::Part, 90, 10},
                          Case{"bytes=-1000", Kind::Part, 0, 100}, Case{"bytes=95-200", Kind::Part, 95, 5},
                          Case{"bytes=99-99", Kind::Part, 99, 1}, Case{"bytes=100-", Kind::Unsatisfiable, 0, 0},
                          Case{"bytes=-0", Kind::Unsatisfiable, 0, 0}, Case{"bytes=0-1,3-4", Kind::Whole, 0, 100}}) {
        INFO(c.header.toStdString());
        const ResolvedRange range = resolveRange(c.header, 100);
        CHECK(range.kind == c.kind);
        if (c.kind != Kind::Unsatisfiable) {
            CHECK(range.offsetBytes == c.offsetBytes);
            CHECK(range.lengthBytes == c.lengthBytes);
        }
    }
    CHECK(resolveRange("bytes=0-", 0).kind == ResolvedRange::Kind::Unsatisfiable);
    CHECK(resolveRange("bytes=-5", 0).kind == ResolvedRange::Kind::Unsatisfiable);
}

TEST_CASE("file ranges: If-None-Match matches a listed or weak tag or a star", "[hub][files]")
{
    CHECK(etagListMatches(kEtag, kEtag));
    CHECK(etagListMatches("\"other\", W/" + kEtag, kEtag));
    CHECK(etagListMatches(" * ", kEtag));
    CHECK_FALSE(etagListMatches("\"other\"", kEtag));
    CHECK_FALSE(etagListMatches("", kEtag));
    CHECK_FALSE(etagListMatches(kEtag.mid(1), kEtag));
}

TEST_CASE("file ranges: the whole file is a 200 whose body is the file region", "[hub][files]")
{
    const HttpResponse whole = fileAnswer(get(), hundredBytes());
    CHECK(whole.status == 200);
    CHECK(whole.contentType == "application/pdf");
    CHECK(whole.body.isEmpty());
    REQUIRE(whole.file);
    CHECK(whole.file->path == QLatin1String("/data/decks/x.pdf"));
    CHECK(whole.file->offsetBytes == 0);
    CHECK(whole.file->lengthBytes == 100);
    CHECK(whole.file->totalBytes == 100);
    CHECK(headerOf(whole, "ETag") == kEtag);
    CHECK(headerOf(whole, "Accept-Ranges") == "bytes");
    CHECK(headerOf(whole, "Content-Range").isEmpty());
}

TEST_CASE("file ranges: one range is a 206 with Content-Range and past the end a 416", "[hub][files]")
{
    const HttpResponse part = fileAnswer(get({{"range", "bytes=10-19"}}), hundredBytes());
    CHECK(part.status == 206);
    REQUIRE(part.file);
    CHECK(part.file->offsetBytes == 10);
    CHECK(part.file->lengthBytes == 10);
    CHECK(headerOf(part, "Content-Range") == "bytes 10-19/100");

    const HttpResponse past = fileAnswer(get({{"range", "bytes=100-"}}), hundredBytes());
    CHECK(past.status == 416);
    CHECK_FALSE(past.file);
    CHECK(headerOf(past, "Content-Range") == "bytes */100");
    CHECK(past.body.contains("bad_range"));

    // If-Range naming another version: the whole (new) file, not a piece of it.
    const HttpResponse stale = fileAnswer(get({{"range", "bytes=10-19"}, {"if-range", "\"old\""}}), hundredBytes());
    CHECK(stale.status == 200);
    REQUIRE(stale.file);
    CHECK(stale.file->lengthBytes == 100);
    CHECK(fileAnswer(get({{"range", "bytes=10-19"}, {"if-range", kEtag}}), hundredBytes()).status == 206);
}

TEST_CASE("file ranges: If-None-Match with the file's tag is a 304 without a body", "[hub][files]")
{
    const HttpResponse notModified =
        fileAnswer(get({{"if-none-match", kEtag}, {"range", "bytes=0-1"}}), hundredBytes());
    CHECK(notModified.status == 304);
    CHECK_FALSE(notModified.file);
    CHECK(headerOf(notModified, "ETag") == kEtag);
    const QByteArray head = outgoing(notModified).head;
    CHECK(head.startsWith("HTTP/1.1 304 Not Modified\r\n"));
    CHECK_FALSE(head.contains("Content-Length"));
    CHECK(head.endsWith("\r\n\r\n"));
}

TEST_CASE("file ranges: a file on disk that is missing gives no answer", "[hub][files]")
{
    FileAnswer missing = hundredBytes();
    missing.path = QStringLiteral("/nonexistent/spoke/deck.pdf");
    CHECK_FALSE(fileAnswerFromDisk(get(), missing).has_value());
}

TEST_CASE("file ranges: behind nginx a file answer is X-Accel-Redirect with no body", "[hub][files]")
{
    const HttpResponse part = fileAnswer(get({{"range", "bytes=10-19"}}), hundredBytes());
    const HttpResponse redirected = accelRedirect(part, "/_spoke_files/");
    CHECK(redirected.status == 200);
    CHECK_FALSE(redirected.file);
    CHECK(redirected.body.isEmpty());
    CHECK(headerOf(redirected, "X-Accel-Redirect") == "/_spoke_files/decks/x.pdf");
    CHECK(headerOf(redirected, "Content-Range").isEmpty()); // nginx answers the range itself
    CHECK(headerOf(redirected, "ETag") == kEtag);
    const QByteArray head = outgoing(redirected).head;
    CHECK(head.contains("\r\nContent-Length: 0\r\n"));
    CHECK(head.endsWith("\r\n\r\n"));
    // Any other answer passes unchanged.
    const HttpResponse refused = fileAnswer(get({{"range", "bytes=100-"}}), hundredBytes());
    CHECK(accelRedirect(refused, "/_spoke_files").status == 416);
    CHECK(headerOf(accelRedirect(refused, "/_spoke_files"), "X-Accel-Redirect").isEmpty());
}

TEST_CASE("file ranges: a file answer's head promises the region's length and carries no body", "[hub][files]")
{
    const auto wire = outgoing(fileAnswer(get({{"range", "bytes=-30"}}), hundredBytes()));
    REQUIRE(wire.file);
    CHECK(wire.file->offsetBytes == 70);
    CHECK(wire.head.startsWith("HTTP/1.1 206 Partial Content\r\n"));
    CHECK(wire.head.contains("\r\nContent-Length: 30\r\n"));
    CHECK(wire.head.contains("\r\nContent-Range: bytes 70-99/100\r\n"));
    CHECK(wire.head.endsWith("\r\n\r\n"));
    const auto json = outgoing(HttpResponse::json(200, QJsonObject{{QStringLiteral("ok"), true}}));
    CHECK_FALSE(json.file);
    CHECK(json.head.endsWith("\r\n\r\n{\"ok\":true}"));
}
