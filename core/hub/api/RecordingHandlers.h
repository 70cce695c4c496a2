#pragma once

// What the file route of a recording needs before it sends bytes
// (docs/hub-api.md, Recordings): the access check and where the file is.

#include "hub/api/Json.h"
#include "hub/api/Router.h"

#include <QByteArray>
#include <QString>

namespace spoke::hub::api {

struct RecordingFileLookup {
    qint64 recordingId = 0;
    QString rendition;
    int part = 0;
    QString absolutePath;
    QString relativePath; // under DATA_DIR/recordings: "<id>/<rendition>-<part>.webm", for X-Accel-Redirect
    qint64 bytes = 0;
    QString sha256; // lower-case hex, the ETag's value
    QByteArray contentType; // video/webm, or audio/webm for audio-slides
};

// GET /api/v1/recordings/{id}/files/{rendition}/{part}, up to the bytes:
// 400 for a malformed id, rendition or part, 404 for an unknown recording or
// file, 403 unless the caller is a member of the recording's programme, 503
// when the hub has no recordings dir, 500 (logged) when a file the rows
// name is missing.
Expected<RecordingFileLookup> lookupRecordingFile(RequestContext& context);

} // namespace spoke::hub::api
