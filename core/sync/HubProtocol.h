#pragma once

#include "cases/Finding.h"
#include "store/HubStore.h"
#include "sync/HubTypes.h"
#include "sync/SyncError.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <variant>

namespace spoke::sync {

// Readers of the hub's answers (docs/hub-api.md "Objects"). The bytes come
// off the network, so nothing here trusts them: every field is checked for
// type and range, an unknown status or role is an error, and the error is a
// SyncError(BadResponse) naming the field, never an exception.

template <class T> using HubExpected = Expected<T, SyncError>;

struct AuthAnswer {
    QString token;
    std::int64_t expiresMs = 0;
    std::int64_t accountId = 0;
    QString email;
    QString name;
};

struct MeAnswer {
    std::int64_t accountId = 0;
    QString email;
    QString name;
    QList<HubMembership> memberships;
};

// The largest answer read at all; a sync of a busy programme is a few MiB.
inline constexpr qint64 kMaxAnswerBytes = 64LL * 1024 * 1024;

HubExpected<AuthAnswer> parseAuthAnswer(const QByteArray& body);
HubExpected<MeAnswer> parseMeAnswer(const QByteArray& body);
HubExpected<store::PulledRows> parseSyncAnswer(const QByteArray& body);
// `{"case": Case}`, with the document and recommendations when present.
HubExpected<HubCaseDetail> parseCaseAnswer(const QByteArray& body);
HubExpected<QList<HubCase>> parseQueueAnswer(const QByteArray& body);
// `{"recommendation": Recommendation, "case": Case}`.
HubExpected<std::pair<HubRecommendation, HubCase>> parseRecommendationAnswer(const QByteArray& body);

// Live session answers (docs/hub-api.md "Live session", "Attendance").
HubExpected<HubChatMessage> parseChatAnswer(const QByteArray& body); // {"message":ChatMessage}
HubExpected<HubChatPage> parseChatPageAnswer(const QByteArray& body); // {"messages":[…],"more":bool}
// {"hands":[RaisedHand]}; the answer names no session, so `sessionId` is the caller's.
HubExpected<HubHands> parseHandsAnswer(const QByteArray& body, std::int64_t sessionId);
HubExpected<HubAttendanceReport> parseAttendanceReportAnswer(const QByteArray& body);
// {"session":Session} (an agenda advance) as the agenda it carries.
HubExpected<HubAgenda> parseSessionAnswer(const QByteArray& body);
// {"sessions":[Session]} (GET /sessions) as their agendas.
HubExpected<QList<HubAgenda>> parseSessionsAnswer(const QByteArray& body);
// {"attested":[{"name","attested_by","attested_ms"}]}: the names.
HubExpected<QStringList> parseAttestedAnswer(const QByteArray& body);
// Slides and media state (docs/hub-api.md "Live session").
HubExpected<HubDeck> parseDeckAnswer(const QByteArray& body); // {"deck":Deck}
HubExpected<QList<HubDeck>> parseDecksAnswer(const QByteArray& body); // {"decks":[Deck]}
HubExpected<HubSlideTurn> parseSlideTurnAnswer(const QByteArray& body); // {"turn":SlideTurn}
HubExpected<HubSlideTurns> parseSlideTurnsAnswer(const QByteArray& body); // {"turns","more","current"}
HubExpected<HubCaseView> parseCaseViewAnswer(const QByteArray& body); // {"view":CaseView}
// A form section's key as the hub accepts it: 1 to 64 of A-Za-z0-9_.-
bool isCaseSectionKey(const QString& text);
// {"media":MediaState} and {"media":[MediaState]}; they name no session.
HubExpected<HubMediaState> parseMediaAnswer(const QByteArray& body, std::int64_t sessionId);
HubExpected<QList<HubMediaState>> parseMediaListAnswer(const QByteArray& body, std::int64_t sessionId);
// The chair's answers (docs/hub-api.md, POST …/moderate, POST …/remove):
// {"moderation":{…}} and {"removed":{…}}; they name no session.
HubExpected<HubModeration> parseModerationAnswer(const QByteArray& body, std::int64_t sessionId);
HubExpected<HubRemoval> parseRemovalAnswer(const QByteArray& body, std::int64_t sessionId);
// 64 lower-case hex digits: the only deck names a client accepts.
bool isDeckSha256(const QString& text);

// One message of the event socket. `Unknown` is any other `event` (a newer
// hub's): ignored, not an error.
struct ChangedEvent {
    std::int64_t cursor = 0;
};
struct UnknownEvent { };
using HubEvent = std::variant<ChangedEvent, HubChatMessage, HubHands, HubAgenda, HubSlideTurn, HubMediaState,
                              HubModeration, HubRemoval, HubCaseView, UnknownEvent>;
HubExpected<HubEvent> parseHubEvent(const QByteArray& message);

// The hub's `error.code` of an error answer; empty when there is none.
QString errorCodeOf(const QByteArray& body);
// The findings of a 422 `findings` answer (path, span, category, reason;
// the hub never sends the flagged text). Malformed entries are skipped.
QList<cases::Finding> findingsOf(const QByteArray& body);

// Conversions between the hub's objects and the cache's rows.
store::HubCaseRow toRow(const HubCase& hubCase);
HubCase fromRow(const store::HubCaseRow& row);

} // namespace spoke::sync
