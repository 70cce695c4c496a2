#pragma once

#include "util/ThreadAffinity.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <optional>

namespace spoke::session {

// One published stream of a participant, as VideoRoom describes it.
struct StreamInfo {
    QString type; // "audio", "video" or "data"
    int mindex = -1;
    QString mid;
    QString codec;
    QString description;
    bool disabled = false;
    bool simulcast = false;
};

struct Participant {
    quint64 id = 0;
    QString display;
    bool publishing = false;
    QList<StreamInfo> streams; // empty while not publishing
};

// Follows who is in a VideoRoom and what they publish, from the plugin events
// one handle receives: the "joined" answer (publishers and, with
// notify_joining, attendees), "joining", "publishers", "unpublished",
// "leaving", "kicked" and "destroyed". Malformed entries are skipped, never
// fatal: one bad participant must not blind us to the others.
//
// Owned by the thread of the JanusConnection whose events feed it (signals
// are emitted there); every entry point asserts it.
class RoomState : public QObject {
    Q_OBJECT
public:
    explicit RoomState(QObject* parent = nullptr);

    // Feeds one VideoRoom "plugindata.data" object.
    void apply(const QJsonObject& pluginData);
    void clear();

    quint64 room() const;
    quint64 ownId() const; // our participant id once joined, else 0
    QList<Participant> participants() const; // everyone but us
    std::optional<Participant> participant(quint64 id) const;

Q_SIGNALS:
    void joinedRoom(quint64 room, quint64 ownId);
    void participantJoined(const spoke::session::Participant& participant);
    void participantPublished(const spoke::session::Participant& participant);
    void participantUnpublished(quint64 id);
    void participantLeft(quint64 id, const QString& display);
    void roomDestroyed(quint64 room);

private:
    void applyJoined(const QJsonObject& data);
    void applyEvent(const QJsonObject& data);
    void addAttendee(const QJsonObject& entry);
    void addPublisher(const QJsonObject& entry);
    void markUnpublished(quint64 id);
    void remove(quint64 id);

    ThreadAffinity affinity_;
    quint64 room_ = 0;
    quint64 ownId_ = 0;
    QMap<quint64, Participant> participants_;
};

// Parses one entry of a VideoRoom "streams" array; nullopt if it is not an object.
std::optional<StreamInfo> parseStreamInfo(const QJsonValue& value);

} // namespace spoke::session
