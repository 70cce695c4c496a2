#pragma once

#include "sync/HubClient.h"
#include "sync/HubTypes.h"

#include <cstdint>

namespace spoke::sync {

enum class AttendanceEvent { Join, Leave };

// A live session's calls (docs/hub-api.md "Live session", "Attendance"):
// chat, raised hands, the agenda, this device's joins and leaves and the
// people it attests, for one session.
// Answers are read strictly (HubProtocol) and failures are SyncErrors, as
// every HubClient call gives them. Clock-free: times come in as parameters.
// Uses `client` on its thread; it must outlive this object.
class LiveSessionClient {
public:
    LiveSessionClient(HubClient& client, std::int64_t sessionId) : client_(client), sessionId_(sessionId) { }

    std::int64_t sessionId() const { return sessionId_; }

    // A fresh Idempotency-Key for one chat message: "chat:<random UUID>".
    // Keep it with the message and send it again on a retry, so that the
    // hub stores the message once (docs/hub-api.md, POST …/chat).
    static QString newChatKey();
    // `POST …/chat`; the hub trims `text` and takes 1-2000 characters.
    HubExpected<HubChatMessage> sendChat(const QString& text, const QString& idempotencyKey);
    // `GET …/chat?after=ID`: the messages after `afterId` (0: from the start).
    HubExpected<HubChatPage> fetchChat(std::int64_t afterId);

    // `POST …/hands` for the signed-in member's own hand; the queue after it.
    HubExpected<HubHands> setMyHand(bool raised);
    // The chair lowers another member's hand (403 for anyone else).
    HubExpected<HubHands> lowerHandOf(std::int64_t accountId);
    // `GET …/hands`: the hands up now, in the order they were raised.
    HubExpected<HubHands> fetchHands();

    // `POST …/attendance` with this device's join or leave at `atMs` (this
    // device's clock, UTC ms; the hub clamps it if it is far off).
    HubExpected<HubAttendanceReport> reportAttendance(AttendanceEvent event, const QString& deviceId,
                                                      std::int64_t atMs);

    // `POST …/agenda/advance` (specialist, coordinator): start item
    // `itemId`, or end the session. The hub answers 409 when the item is not
    // the first one not yet started, or the session is over (a stale press
    // never skips an item); that comes back as the SyncError with status 409.
    HubExpected<HubAgenda> startAgendaItem(std::int64_t itemId);
    HubExpected<HubAgenda> endSession();
    // The session's agenda and where it stands now (`GET /sessions`, ours
    // picked out): what a view shows before the first `agenda` event.
    HubExpected<HubAgenda> fetchAgenda();

    // `POST …/attendance` with `present`: `attestingAccountId` (the caller's
    // own id, or the hub answers 403) vouches for 1-50 people in the room
    // with this device. Answers every name it attested for the session.
    HubExpected<QStringList> attestPresent(const QStringList& names, std::int64_t attestingAccountId);

    // The cases scheduled for this session that the caller may review
    // (`GET /review/queue`, specialists and coordinators; 403 for others),
    // and one case with its de-identified document (`GET /cases/{id}`).
    HubExpected<QList<HubCase>> fetchSessionCases();
    HubExpected<HubCaseDetail> fetchCase(std::int64_t hubCaseId);
    // The chair or the case's presenter shows section `section` (a form
    // section's key) of a case: every case panel follows (a `case_view`).
    HubExpected<HubCaseView> showCaseSection(std::int64_t hubCaseId, const QString& section);

    // The chair's controls (docs/hub-api.md "Media"; specialists and
    // coordinators, 403 for anyone else): mute or let speak another
    // member's microphone (Janus `moderate`; 409 when they have no camera
    // feed in the room), and remove a member from the call (their feeds are
    // kicked and their later joins refused). The hub also sends the
    // `moderation` / `removed` event to everyone.
    HubExpected<HubModeration> moderate(std::int64_t accountId, bool muteAudio);
    HubExpected<HubRemoval> remove(std::int64_t accountId);
    // `POST …/media`: this member's own microphone and camera state, so that
    // the others see it signalled, not guessed from the media.
    HubExpected<HubMediaState> reportMedia(bool audioMuted, bool videoOff, bool audioOnly);
    // `GET …/media`: every reporting member's latest state (after a reconnect).
    HubExpected<QList<HubMediaState>> fetchMedia();

private:
    HubExpected<HubAgenda> postAdvance(const QByteArray& body);
    QString path(const char* tail) const;
    HubExpected<HubHands> postHands(const QByteArray& body);

    HubClient& client_;
    std::int64_t sessionId_;
};

} // namespace spoke::sync
