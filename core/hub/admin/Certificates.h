#pragma once

#include "hub/admin/AttendanceReport.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace spoke::hub {

// One CME attendance certificate (docs/hub-api.md, Certificates): who, how
// long, and how the hub knows.
struct Certificate {
    QString certificateId; // "CME-<session>-XXXX-XXXX-XXXX": see Certificates::certificateId
    QString name;
    std::int64_t minutes = 0; // whole minutes present, rounded down, as in the CSV
    QString source; // "app" or "attested"
    QString attestedBy; // the attesting account's name, for an "attested" certificate
};

// The session a batch of certificates is for, as the certificate prints it.
struct CertificateSession {
    std::int64_t sessionId = 0;
    QString title;
    QString programmeName;
    std::int64_t startsMs = 0;
};

// The certificates of one session: every line of its AttendanceReport whose
// minutes reach a threshold, in the report's order. Used by
// GET /sessions/{id}/certificates[/{certificate_id}.pdf] and
// `spoke-hub admin attendance certificates`. Clock-free: the attendance is
// counted at nowMs and the certificate says it was issued at issuedMs.
// Threading: eligible() on the thread that owns the HubDatabase; render() is
// a pure function that any thread may call (pango and cairo keep their font
// maps per thread).
namespace Certificates {

struct Batch {
    CertificateSession session;
    std::vector<Certificate> certificates;
};

// Stable for (session, attendee) whatever the name or the minutes later say:
// a SHA-256 of the session id and the account's id (an "app" line) or the
// attesting account's id and the attested name (an "attested" line), 60 bits
// in RFC 4648 base32 in three groups of four, after "CME-<session>-". Only
// [A-Z0-9-], so it is also a safe file name.
QString certificateId(std::int64_t sessionId, const AttendanceLine& line);

// Pure: the lines of `report` at or over minMinutes.
Batch eligible(const AttendanceReport::Report& report, std::int64_t minMinutes);

// Refused with NotFound ("session") for a session that does not exist, and
// BadArgument ("min_minutes") for a negative threshold.
Expected<Batch, AdminError> eligible(HubDatabase& db, std::int64_t sessionId, std::int64_t minMinutes,
                                     std::int64_t nowMs);

// `<certificate id>.pdf`: never derived from the name.
QString fileName(const Certificate& certificate);

// {"certificate_id","name","minutes","source","attested_by","file"}, as the
// API and the CLI list it (attested_by null for "app"); `file` is where the
// PDF is (a file name for the API, the path written for the CLI).
QJsonObject json(const Certificate& certificate, const QString& file);

// One A4 page of PDF (cairo's PDF surface, text laid out by pango as plain
// text: any script, never markup). The same inputs give the same bytes; the
// PDF's creation date is issuedMs. Fails only if cairo does (out of memory).
Expected<QByteArray, QString> render(const CertificateSession& session, const Certificate& certificate,
                                     std::int64_t issuedMs);

} // namespace Certificates
} // namespace spoke::hub
