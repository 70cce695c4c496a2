#pragma once

#include "sync/EventListener.h"
#include "sync/HubClient.h"
#include "sync/LiveSessionClient.h"
#include "sync/LiveSlides.h"

#include <QJsonObject>
#include <QList>
#include <QSet>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace spoke::slides {
class DeckCache;
}

namespace spoke::sync {

// What a scripted participant does during a call, at times counted from its
// start (`spoke-cli join --hub-session …`, README "CLI"): chat lines, a hand
// raised and lowered, and a deck shared with a page turn every
// `turnEveryMs`.
struct LivePlan {
    struct Chat {
        QString text;
        std::int64_t atMs = 0;
    };
    QList<Chat> chats;
    std::optional<std::int64_t> raiseHandAtMs;
    std::optional<std::int64_t> lowerHandAtMs;
    QByteArray deckPdf; // empty: shares no slides
    QString deckTitle;
    std::int64_t turnEveryMs = 10'000;
    // Each deck a turn shows is downloaded once (LiveSlides::fetchDeck), as
    // a viewer must before it can show the page, so that its bytes count on
    // the link like a viewer's; the deck cache records the use at
    // wallStartMs (UTC ms at call time 0) plus the call time.
    bool fetchShownDecks = true;
    std::int64_t wallStartMs = 0;
    // Reported at the first tick when set: this member's mute and camera
    // state as the call was started with it.
    struct Media {
        bool audioMuted = false;
        bool videoOff = false;
        bool audioOnly = false;
    };
    std::optional<Media> media;

    // "TEXT@S": TEXT sent S seconds (a decimal) into the call; the last '@'
    // splits, so TEXT may contain one. nullopt when it is not that form.
    static std::optional<Chat> parseChat(const QString& spec);
};

// What the participant heard on the event socket, with its own receive time
// (ms since its start) beside the hub's: the stats a test reads for latency.
struct LiveEventLog {
    struct Chat {
        std::int64_t id = 0;
        std::int64_t authorId = 0;
        std::int64_t sentMs = 0; // the hub's time
        std::int64_t receivedMs = 0;
    };
    struct Slide {
        HubSlideTurn turn;
        std::int64_t receivedMs = 0;
    };
    struct Hands {
        QList<std::int64_t> raised; // account ids, in queue order
        std::int64_t receivedMs = 0;
    };
    struct Media {
        HubMediaState state;
        std::int64_t receivedMs = 0;
    };
    std::vector<Chat> chats;
    std::vector<Slide> slides;
    std::vector<Hands> hands;
    std::vector<Media> media;
    // This device's joins and leaves as reported to the hub (wall-clock ms,
    // the times the hub was given) and whether the hub took them.
    struct Attendance {
        bool join = true;
        std::int64_t atMs = 0;
        bool recorded = false;
    };
    std::vector<Attendance> attendance;

    // {"chat_received":[{id,author_id,sent_ms,received_ms}],
    //  "slide_events":[{deck,page,at_ms,received_ms}],
    //  "hands_events":[{raised:[ids],received_ms}],
    //  "media_events":[{account_id,audio_muted,video_off,audio_only,at_ms,received_ms}],
    //  "attendance_reported":[{event:"join"|"leave",at_ms,recorded}]}
    QJsonObject toJson() const;
};

// One scripted participant of a live session: listens to the hub's event
// socket for the session (events of other sessions are not logged) and, on
// each tick(), does what its plan says is due. Clock-free: tick() and the
// log take the elapsed time from the caller, which also drives the event
// loop. Failures of a step are kept in errors(), never thrown; the call goes
// on. Lives on, and is used only on, the thread that created it, with
// `client` and `cache`, which must outlive it.
class LiveParticipant : public QObject {
    Q_OBJECT
public:
    LiveParticipant(HubClient& client, std::int64_t sessionId, slides::DeckCache& cache, LivePlan plan);

    // Opens the event socket. `elapsedMs` is read when an event arrives.
    void start(std::function<std::int64_t()> elapsedMs);
    // Runs every action due at `elapsedMs` (uploading the deck first).
    void tick(std::int64_t elapsedMs);
    void stop();
    // Tells the hub this device joined or left the call at `wallMs` (UTC
    // ms; docs/hub-api.md "Attendance"). A leave is only sent after a join.
    void reportAttendance(AttendanceEvent event, const QString& deviceId, std::int64_t wallMs);

    bool listening() const { return listening_; }
    const LiveEventLog& log() const { return log_; }
    const QStringList& errors() const { return errors_; }
    // The shared deck once uploaded, and how many turns were sent.
    const std::optional<HubDeck>& deck() const { return deck_; }
    int turnsSent() const { return turnsSent_; }
    // Decks downloaded from the hub (not found in the cache).
    int decksDownloaded() const { return slides_.downloads(); }
    EventListener& listener() { return listener_; }

private:
    void connectLog();
    void runChats(std::int64_t elapsedMs);
    void runHands(std::int64_t elapsedMs);
    void runSlides(std::int64_t elapsedMs);
    void fetchShownDecks(std::int64_t elapsedMs);
    void fail(const QString& step, const SyncError& error);

    HubClient& client_;
    LiveSessionClient live_;
    LiveSlides slides_;
    LivePlan plan_;
    EventListener listener_;
    LiveEventLog log_;
    QStringList errors_;
    std::function<std::int64_t()> elapsedMs_;
    std::optional<HubDeck> deck_;
    qsizetype chatsSent_ = 0;
    bool raised_ = false;
    bool lowered_ = false;
    bool deckTried_ = false;
    bool mediaSent_ = false;
    bool joinReported_ = false;
    int turnsSent_ = 0;
    QSet<QString> decksTried_;
    bool listening_ = false;
};

} // namespace spoke::sync
