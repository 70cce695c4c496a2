#pragma once

// Plain values the hub sends (docs/hub-api.md "Objects") and the account
// state the client keeps. Ids named `hub...` are the hub's; `local...` are
// rowids of this laptop's cache. Times are UTC milliseconds since the epoch.

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace spoke::sync {

enum class HubRole { Coordinator, Specialist, Clinician, Trainee };

// docs/hub-api.md "Case lifecycle".
enum class HubCaseStatus { Submitted, Scheduled, Presented, RecommendationsSent, Returned };

struct HubProgramme {
    std::int64_t id = 0;
    QString name;
    QString kind; // hiv|hcv|tb|cervical|palliative|generic
};

struct HubMembership {
    HubProgramme programme;
    HubRole role = HubRole::Clinician;
};

// Who this laptop is signed in as, and where. An empty hubUrl means no hub
// was ever joined; signedIn is false after sign-out or when the hub said the
// token is no longer valid (the URL and email stay, for the sign-in form).
struct HubAccount {
    QString hubUrl;
    bool signedIn = false;
    std::int64_t accountId = 0;
    QString email;
    QString name;
    QList<HubMembership> memberships;

    bool hasRole(HubRole role) const
    {
        for (const HubMembership& m : memberships)
            if (m.role == role)
                return true;
        return false;
    }
};

struct HubSession {
    std::int64_t id = 0;
    std::int64_t programmeId = 0;
    QString title;
    std::int64_t startsMs = 0;
    int minutes = 0;
    std::int64_t room = 0;
};

struct HubAttendance {
    std::int64_t sessionId = 0;
    std::int64_t accountId = 0;
    std::int64_t registeredMs = 0;
    std::optional<std::int64_t> joinedMs;
    std::optional<std::int64_t> leftMs;
};

// A case as the hub lists it (review queue, sync), without its document.
struct HubCase {
    std::int64_t id = 0;
    std::int64_t programmeId = 0;
    QString caseCode;
    QString title; // the presenting problem, at most 120 characters
    HubCaseStatus status = HubCaseStatus::Submitted;
    std::optional<std::int64_t> sessionId;
    QString question; // set while returned
    std::int64_t submittedMs = 0;
    std::int64_t updatedMs = 0;
    bool mine = false; // submitted by the signed-in account
};

struct HubRecommendation {
    std::int64_t id = 0;
    std::int64_t caseId = 0; // the hub's case id
    std::int64_t authorId = 0;
    QString authorName;
    QStringList items; // numbered in this order
    QString text;
    std::int64_t createdMs = 0;
};

// One case opened for review: the de-identified echo-case/1.0 document as the
// hub holds it, and what has been recommended so far.
struct HubCaseDetail {
    HubCase summary;
    QJsonObject document;
    QList<HubRecommendation> recommendations;
};

// A live session's chat message (docs/hub-api.md "Live session"); `role` is
// the author's role in the programme when it was sent.
struct HubChatMessage {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    std::int64_t authorId = 0;
    QString authorName;
    HubRole role = HubRole::Trainee;
    QString text;
    std::int64_t sentMs = 0;
};

// One page of GET .../chat?after=ID: oldest first; `more` when later ones wait.
struct HubChatPage {
    QList<HubChatMessage> messages;
    bool more = false;
};

// A hand up now. `role` is empty when the account left the programme since.
struct HubRaisedHand {
    std::int64_t accountId = 0;
    QString name;
    std::optional<HubRole> role;
    std::int64_t raisedMs = 0;
};

// The whole queue of a session's raised hands, in the order they went up.
struct HubHands {
    std::int64_t sessionId = 0;
    QList<HubRaisedHand> hands;
};

struct HubAgendaItem {
    std::int64_t id = 0;
    int position = 0;
    QString title;
    int plannedMinutes = 0;
    std::optional<std::int64_t> startedMs;
    std::optional<std::int64_t> endedMs; // null while it runs
    std::int64_t startedById = 0; // 0 until it starts
    QString startedByName;
};

// A session's agenda and where it stands, as an `agenda` event carries it.
struct HubAgenda {
    std::int64_t sessionId = 0;
    std::int64_t programmeId = 0; // 0 when the hub's object did not say
    QString title; // the session's
    std::int64_t cursor = 0; // the sync cursor of the advance
    QList<HubAgendaItem> items;
    std::optional<std::int64_t> currentItemId; // null before the first starts and after the end
    std::optional<std::int64_t> endedMs;
};

// A shared slide deck (docs/hub-api.md "Objects": Deck); `sha256` is its
// name on the hub and in core/slides' DeckCache.
struct HubDeck {
    QString sha256;
    int pages = 0;
    std::int64_t bytes = 0;
    QString title;
};

// A page turn: page `page` (from 0) of deck `deck`, shown by `byId` at
// `atMs` (the hub's clock). As a `slide` event and from GET …/slides; `id`
// orders them (0 if an event did not carry it).
struct HubSlideTurn {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    QString deck;
    int page = 0;
    std::int64_t atMs = 0;
    std::int64_t byId = 0;
    QString byName;
};

// The case panel's section the chair or the case's presenter shows: section
// `section` (a form section's key) of hub case `caseId`, shown by `byId` at
// `atMs` (the hub's clock). As a `case_view` event and from POST
// …/case-view; `id` is 0 if an event did not carry it.
struct HubCaseView {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    std::int64_t caseId = 0;
    QString section;
    std::int64_t atMs = 0;
    std::int64_t byId = 0;
    QString byName;
};

// One page of GET …/slides?after=ID, and the page shown now.
struct HubSlideTurns {
    QList<HubSlideTurn> turns;
    bool more = false;
    std::optional<HubSlideTurn> current;
};

// A member's mute and camera state as they reported it (a `media` event,
// GET …/media): signalled, never guessed from the media.
struct HubMediaState {
    std::int64_t sessionId = 0;
    std::int64_t accountId = 0;
    bool audioMuted = false;
    bool videoOff = false;
    bool audioOnly = false;
    std::int64_t atMs = 0;
};

// The chair muted or unmuted a member's microphone (Janus `moderate`; a
// `moderation` event, or the answer to POST …/moderate). While
// `audioMutedByChair`, Janus drops that member's audio whatever their switch.
struct HubModeration {
    std::int64_t sessionId = 0;
    std::int64_t accountId = 0;
    bool audioMutedByChair = false;
    std::int64_t byId = 0;
    QString byName;
    std::int64_t atMs = 0;
};

// The chair removed a member from the session's call (a `removed` event, or
// the answer to POST …/remove); the hub refuses that member's joins after.
struct HubRemoval {
    std::int64_t sessionId = 0;
    std::int64_t accountId = 0;
    std::int64_t byId = 0;
    QString byName;
    std::int64_t atMs = 0;
};

// What POST .../attendance with a join or leave answered.
struct HubAttendanceReport {
    HubAttendance attendance;
    std::int64_t eventId = 0;
    std::int64_t receivedMs = 0;
    bool clamped = false; // the client's time was too far off; the hub used its own
};

// Spellings used on the wire. The *From functions return nullopt for an
// unknown spelling (the hub's answers are untrusted input).
QString toWire(HubRole role);
QString toWire(HubCaseStatus status);
std::optional<HubRole> hubRoleFrom(const QString& text);
std::optional<HubCaseStatus> hubCaseStatusFrom(const QString& text);

} // namespace spoke::sync

Q_DECLARE_METATYPE(spoke::sync::HubAccount)
Q_DECLARE_METATYPE(spoke::sync::HubCase)
Q_DECLARE_METATYPE(spoke::sync::HubCaseDetail)
Q_DECLARE_METATYPE(spoke::sync::HubRecommendation)
Q_DECLARE_METATYPE(spoke::sync::HubChatMessage)
Q_DECLARE_METATYPE(spoke::sync::HubHands)
Q_DECLARE_METATYPE(spoke::sync::HubAgenda)
Q_DECLARE_METATYPE(spoke::sync::HubSlideTurn)
Q_DECLARE_METATYPE(spoke::sync::HubCaseView)
Q_DECLARE_METATYPE(spoke::sync::HubMediaState)
