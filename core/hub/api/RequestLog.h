#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <optional>

namespace spoke::hub::api {

// One answered request, as the access log records it. It holds the route
// pattern, never the raw path or query string, and never a body: paths and
// queries can carry what a client typed, and case text must not reach a log
// (docs/hub-api.md, issue 11 "structured logs with no case text").
struct RequestLogEntry {
    qint64 timeMs = 0;
    QByteArray method;
    QString route;
    int status = 0;
    double ms = 0;
    std::optional<qint64> accountId;
};

// The entry as one JSON line (with the trailing newline). A method that is
// not a plain HTTP token is logged as "OTHER", so junk bytes from a scanner
// cannot forge log lines.
QByteArray requestLogLine(const RequestLogEntry& entry);

// Writes each line to a stdio stream (stderr in `spoke-hub serve`), flushed
// per line so a crash loses nothing already answered.
// Thread: the hub's event-loop thread.
class RequestLog {
public:
    explicit RequestLog(std::FILE* stream) : stream_(stream) { }
    void write(const RequestLogEntry& entry);

private:
    std::FILE* stream_;
};

} // namespace spoke::hub::api
