#pragma once

#include "sync/HubClient.h"
#include "sync/HubTypes.h"

#include <cstdint>

namespace spoke::sync {

enum class AttendanceEvent { Join, Leave };

// A live session's calls (docs/hub-api.md "Live session", "Attendance"):
// chat, raised hands and this device's joins and leaves, for one session.
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

private:
    QString path(const char* tail) const;
    HubExpected<HubHands> postHands(const QByteArray& body);

    HubClient& client_;
    std::int64_t sessionId_;
};

} // namespace spoke::sync
