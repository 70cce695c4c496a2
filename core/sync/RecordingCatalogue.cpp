#include "sync/RecordingCatalogue.h"

#include "sync/DownloadJournal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace spoke::sync {

namespace {

// The first problem found while reading; later reads return neutral values,
// so a reader goes straight through and checks `error` once.
struct Reader {
    std::optional<SyncError> error;

    void fail(const QString& where, const QString& what)
    {
        if (!error)
            error = SyncError{SyncErrorKind::BadResponse, 0, {}, where + QLatin1Char(' ') + what};
    }
    std::int64_t integer(const QJsonObject& o, const QString& where, const char* key, std::int64_t min)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        const double number = v.toDouble(std::nan(""));
        constexpr double kLimit = 9007199254740992.0; // 2^53: whole numbers a double holds exactly
        if (!v.isDouble() || !std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > kLimit) {
            fail(where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("is not a whole number"));
            return 0;
        }
        if (number < static_cast<double>(min))
            fail(where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("is out of range"));
        return static_cast<std::int64_t>(number);
    }
    QString string(const QJsonObject& o, const QString& where, const char* key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString())
            fail(where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("is not a string"));
        return v.toString();
    }
    QJsonArray array(const QJsonObject& o, const QString& where, const char* key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isArray())
            fail(where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("is not a list"));
        return v.toArray();
    }
};

HubRecordingPart readPart(Reader& r, const QJsonObject& o, const QString& where, std::int64_t recordingId,
                          const QString& rendition)
{
    HubRecordingPart part;
    part.part = static_cast<int>(std::min<std::int64_t>(r.integer(o, where, "part", 0), 1'000'000));
    part.bytes = r.integer(o, where, "bytes", 0);
    part.sha256Hex = r.string(o, where, "sha256").toLatin1();
    part.durationMs = r.integer(o, where, "duration_ms", 0);
    part.path = r.string(o, where, "path");
    if (!r.error && !isSha256Hex(part.sha256Hex))
        r.fail(where + QStringLiteral(".sha256"), QStringLiteral("is not a lower-case SHA-256"));
    // The download goes to this path with the account's token: it must be
    // the part's own file route on the same hub, never another address.
    const QString expected =
        QStringLiteral("/api/v1/recordings/%1/files/%2/%3").arg(recordingId).arg(rendition).arg(part.part);
    if (!r.error && part.path != expected)
        r.fail(where + QStringLiteral(".path"), QStringLiteral("is not this part's file route"));
    return part;
}

HubRendition readRendition(Reader& r, const QJsonObject& o, const QString& where, std::int64_t recordingId)
{
    HubRendition rendition;
    rendition.rendition = r.string(o, where, "rendition");
    rendition.bytes = r.integer(o, where, "bytes", 0);
    if (!r.error && !isRenditionName(rendition.rendition))
        r.fail(where + QStringLiteral(".rendition"), QStringLiteral("is not full, light or audio-slides"));
    const QJsonArray parts = r.array(o, where, "parts");
    for (qsizetype i = 0; i < parts.size() && !r.error; ++i) {
        const QString partWhere = where + QStringLiteral(".parts[%1]").arg(i);
        if (!parts[i].isObject())
            r.fail(partWhere, QStringLiteral("is not an object"));
        else
            rendition.parts.append(readPart(r, parts[i].toObject(), partWhere, recordingId, rendition.rendition));
    }
    std::sort(rendition.parts.begin(), rendition.parts.end(),
              [](const HubRecordingPart& a, const HubRecordingPart& b) { return a.part < b.part; });
    for (qsizetype i = 0; i < rendition.parts.size() && !r.error; ++i) {
        if (rendition.parts[i].part != i)
            r.fail(where + QStringLiteral(".parts"), QStringLiteral("are not numbered 0, 1, 2…"));
    }
    return rendition;
}

HubRecording readRecording(Reader& r, const QJsonObject& o, const QString& where)
{
    HubRecording recording;
    recording.id = r.integer(o, where, "id", 1);
    recording.programmeId = r.integer(o, where, "programme_id", 1);
    if (const QJsonValue session = o.value(QStringLiteral("session_id")); !session.isNull() && !session.isUndefined())
        recording.sessionId = r.integer(o, where, "session_id", 1);
    recording.title = r.string(o, where, "title");
    recording.recordedMs = r.integer(o, where, "recorded_ms", 0);
    recording.durationMs = r.integer(o, where, "duration_ms", 0);
    const QJsonArray renditions = r.array(o, where, "renditions");
    for (qsizetype i = 0; i < renditions.size() && !r.error; ++i) {
        const QString itemWhere = where + QStringLiteral(".renditions[%1]").arg(i);
        if (!renditions[i].isObject())
            r.fail(itemWhere, QStringLiteral("is not an object"));
        else
            recording.renditions.append(readRendition(r, renditions[i].toObject(), itemWhere, recording.id));
    }
    return recording;
}

std::optional<QJsonObject> objectOf(const QByteArray& body, Reader& r)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        r.fail(QStringLiteral("answer"), QStringLiteral("is not a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace

bool isRenditionName(const QString& name)
{
    return name == QLatin1String("full") || name == QLatin1String("light") || name == QLatin1String("audio-slides");
}

const HubRendition* HubRecording::rendition(const QString& name) const
{
    for (const HubRendition& r : renditions) {
        if (r.rendition == name)
            return &r;
    }
    return nullptr;
}

Expected<QList<HubRecording>, SyncError> parseRecordingsAnswer(const QByteArray& body)
{
    Reader r;
    const auto object = objectOf(body, r);
    if (!object)
        return *r.error;
    const QJsonArray list = r.array(*object, QStringLiteral("answer"), "recordings");
    QList<HubRecording> recordings;
    for (qsizetype i = 0; i < list.size() && !r.error; ++i) {
        const QString where = QStringLiteral("recordings[%1]").arg(i);
        if (!list[i].isObject())
            r.fail(where, QStringLiteral("is not an object"));
        else
            recordings.append(readRecording(r, list[i].toObject(), where));
    }
    if (r.error)
        return *r.error;
    return recordings;
}

Expected<HubRecording, SyncError> parseRecordingAnswer(const QByteArray& body)
{
    Reader r;
    const auto object = objectOf(body, r);
    if (!object)
        return *r.error;
    const QJsonValue inner = object->value(QStringLiteral("recording"));
    if (!inner.isObject())
        return SyncError{SyncErrorKind::BadResponse, 0, {}, QStringLiteral("answer.recording is not an object")};
    HubRecording recording = readRecording(r, inner.toObject(), QStringLiteral("recording"));
    if (r.error)
        return *r.error;
    return recording;
}

} // namespace spoke::sync
