#pragma once

// The hub's recordings catalogue (docs/hub-api.md "Recordings"): what a
// member may download, by rendition and part, with each part's size and
// SHA-256. Read strictly, like every hub answer (HubProtocol.h): the first
// field that is missing or wrong is named in a BadResponse.

#include "sync/SyncError.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace spoke::sync {

struct HubRecordingPart {
    int part = 0;
    std::int64_t bytes = 0;
    QByteArray sha256Hex; // lower-case hex
    std::int64_t durationMs = 0;
    QString path; // "/api/v1/recordings/ID/files/RENDITION/PART"
};

struct HubRendition {
    QString rendition; // "full", "light" or "audio-slides"
    std::int64_t bytes = 0;
    QList<HubRecordingPart> parts; // in part order
};

struct HubRecording {
    std::int64_t id = 0;
    std::int64_t programmeId = 0;
    std::optional<std::int64_t> sessionId;
    QString title;
    std::int64_t recordedMs = 0;
    std::int64_t durationMs = 0;
    QList<HubRendition> renditions;

    const HubRendition* rendition(const QString& name) const;
};

bool isRenditionName(const QString& name);

// `{"recordings":[Recording]}` from GET /api/v1/recordings.
Expected<QList<HubRecording>, SyncError> parseRecordingsAnswer(const QByteArray& body);
// `{"recording":Recording}` from GET /api/v1/recordings/{id}.
Expected<HubRecording, SyncError> parseRecordingAnswer(const QByteArray& body);

} // namespace spoke::sync
