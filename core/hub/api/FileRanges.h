#pragma once

#include "hub/api/HttpTypes.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QString>

namespace spoke::hub::api {

// Answers for files kept on disk (slide decks, recordings' parts): one byte
// range (RFC 9110 §14), the ETag validators (§13.1.2 If-None-Match, §13.1.5
// If-Range), and the X-Accel-Redirect form for nginx (docs/hub-deploy.md).
// Pure functions of the request and the file's size: no clock, no socket;
// only fileAnswerFromDisk() looks at the disk, to learn the size.

// One range as sent: "bytes=A-B", "bytes=A-" or "bytes=-N" (§14.1.2).
struct RangeSpec {
    enum class Kind { FromTo, From, Suffix };
    Kind kind = Kind::From;
    qint64 first = 0; // FromTo, From
    qint64 last = 0; // FromTo
    qint64 suffixBytes = 0; // Suffix
};

// The Range header's value parsed. The error (another unit, several ranges,
// a malformed or reversed range) is a sentence; §14.2 lets the server then
// ignore the header and send the whole file, which is what fileAnswer() does.
spoke::Expected<RangeSpec, QString> parseRangeHeader(const QByteArray& value);

// A range applied to a file of sizeBytes.
struct ResolvedRange {
    enum class Kind { Whole, Part, Unsatisfiable };
    Kind kind = Kind::Whole;
    qint64 offsetBytes = 0;
    qint64 lengthBytes = 0;
};
// Whole when the header is absent or ignored; Unsatisfiable (416) when the
// first byte is past the end, or the suffix is empty (§14.1.1).
ResolvedRange resolveRange(const QByteArray& rangeHeader, qint64 sizeBytes);

// Whether an If-None-Match value ("*", or a list of entity tags, weak or
// not) names `etag` (a quoted strong tag), by the weak comparison §13.1.2
// asks for.
bool etagListMatches(const QByteArray& ifNoneMatch, const QByteArray& etag);

// What a handler knows of a file it answers with.
struct FileAnswer {
    QString path; // absolute
    QString dataPath; // relative to the data dir: "decks/<sha256>.pdf"
    qint64 sizeBytes = 0;
    QByteArray contentType;
    QByteArray etag; // quoted: "\"<sha256>\""
};

// The answer to a GET for the file: 304 when If-None-Match names its ETag;
// 416 with `Content-Range: bytes */SIZE` for a range past its end; 206 with
// Content-Range for one satisfiable range (unless If-Range names another
// version); 200 with the whole file otherwise. 200 and 206 carry the region
// as HttpResponse::file; every answer carries ETag and Accept-Ranges.
HttpResponse fileAnswer(const HttpRequest& request, const FileAnswer& file);

// fileAnswer() for the file at `file.path`, its size read from the disk;
// nullopt when it is missing or cannot be read (`file.sizeBytes` is ignored).
std::optional<HttpResponse> fileAnswerFromDisk(const HttpRequest& request, FileAnswer file);

// A file answer (200 or 206 with `file`) turned into the form nginx serves:
// 200, `X-Accel-Redirect: PREFIX/<dataPath>` and no body; nginx then sends
// the file, and handles Range itself. Any other answer is returned as it is.
HttpResponse accelRedirect(HttpResponse response, const QByteArray& prefix);

} // namespace spoke::hub::api
