#include "sync/LiveParticipant.h"

#include <QJsonArray>

#include <algorithm>

namespace spoke::sync {

std::optional<LivePlan::Chat> LivePlan::parseChat(const QString& spec)
{
    const qsizetype at = spec.lastIndexOf(u'@');
    if (at <= 0)
        return std::nullopt;
    bool ok = false;
    const double seconds = spec.mid(at + 1).toDouble(&ok);
    // A day is far past any call; the bound keeps the ms in range.
    if (!ok || seconds < 0 || seconds > 86'400)
        return std::nullopt;
    return Chat{spec.left(at), std::int64_t(seconds * 1000.0)};
}

QJsonObject LiveEventLog::toJson() const
{
    QJsonArray chatJson;
    for (const Chat& c : chats)
        chatJson.append(QJsonObject{{QStringLiteral("id"), double(c.id)},
                                    {QStringLiteral("author_id"), double(c.authorId)},
                                    {QStringLiteral("sent_ms"), double(c.sentMs)},
                                    {QStringLiteral("received_ms"), double(c.receivedMs)}});
    QJsonArray slideJson;
    for (const Slide& s : slides)
        slideJson.append(QJsonObject{{QStringLiteral("deck"), s.turn.deck},
                                     {QStringLiteral("page"), s.turn.page},
                                     {QStringLiteral("at_ms"), double(s.turn.atMs)},
                                     {QStringLiteral("received_ms"), double(s.receivedMs)}});
    QJsonArray handsJson;
    for (const Hands& h : hands) {
        QJsonArray raised;
        for (const std::int64_t id : h.raised)
            raised.append(double(id));
        handsJson.append(
            QJsonObject{{QStringLiteral("raised"), raised}, {QStringLiteral("received_ms"), double(h.receivedMs)}});
    }
    QJsonArray mediaJson;
    for (const Media& m : media)
        mediaJson.append(QJsonObject{{QStringLiteral("account_id"), double(m.state.accountId)},
                                     {QStringLiteral("audio_muted"), m.state.audioMuted},
                                     {QStringLiteral("video_off"), m.state.videoOff},
                                     {QStringLiteral("audio_only"), m.state.audioOnly},
                                     {QStringLiteral("at_ms"), double(m.state.atMs)},
                                     {QStringLiteral("received_ms"), double(m.receivedMs)}});
    QJsonArray attendanceJson;
    for (const Attendance& a : attendance)
        attendanceJson.append(
            QJsonObject{{QStringLiteral("event"), a.join ? QStringLiteral("join") : QStringLiteral("leave")},
                        {QStringLiteral("at_ms"), double(a.atMs)},
                        {QStringLiteral("recorded"), a.recorded}});
    return QJsonObject{{QStringLiteral("attendance_reported"), attendanceJson},
                       {QStringLiteral("chat_received"), chatJson},
                       {QStringLiteral("slide_events"), slideJson},
                       {QStringLiteral("hands_events"), handsJson},
                       {QStringLiteral("media_events"), mediaJson}};
}

LiveParticipant::LiveParticipant(HubClient& client, std::int64_t sessionId, slides::DeckCache& cache, LivePlan plan)
    : client_(client)
    , live_(client, sessionId)
    , slides_(client, sessionId, cache)
    , plan_(std::move(plan))
{
    std::stable_sort(plan_.chats.begin(), plan_.chats.end(),
                     [](const LivePlan::Chat& a, const LivePlan::Chat& b) { return a.atMs < b.atMs; });
    connectLog();
}

void LiveParticipant::connectLog()
{
    const std::int64_t session = live_.sessionId();
    connect(&listener_, &EventListener::changed, this, [this] { listening_ = true; });
    connect(&listener_, &EventListener::chatReceived, this, [this, session](const HubChatMessage& m) {
        if (m.sessionId == session)
            log_.chats.push_back({m.id, m.authorId, m.sentMs, elapsedMs_()});
    });
    connect(&listener_, &EventListener::slideTurned, this, [this, session](const HubSlideTurn& turn) {
        if (turn.sessionId == session)
            log_.slides.push_back({turn, elapsedMs_()});
    });
    connect(&listener_, &EventListener::handsChanged, this, [this, session](const HubHands& hands) {
        if (hands.sessionId != session)
            return;
        LiveEventLog::Hands entry{{}, elapsedMs_()};
        for (const HubRaisedHand& hand : hands.hands)
            entry.raised.append(hand.accountId);
        log_.hands.push_back(entry);
    });
    connect(&listener_, &EventListener::mediaChanged, this, [this, session](const HubMediaState& state) {
        if (state.sessionId == session)
            log_.media.push_back({state, elapsedMs_()});
    });
}

void LiveParticipant::start(std::function<std::int64_t()> elapsedMs)
{
    elapsedMs_ = std::move(elapsedMs);
    listener_.start(client_.baseUrl(), client_.token());
}

void LiveParticipant::stop()
{
    listener_.stop();
}

void LiveParticipant::reportAttendance(AttendanceEvent event, const QString& deviceId, std::int64_t wallMs)
{
    const bool join = event == AttendanceEvent::Join;
    if (!join && !joinReported_)
        return;
    joinReported_ = join; // a second stop() sends no second leave
    const auto reported = live_.reportAttendance(event, deviceId, wallMs);
    log_.attendance.push_back({join, wallMs, reported.ok()});
    if (!reported)
        fail(join ? QStringLiteral("report join") : QStringLiteral("report leave"), reported.error());
}

void LiveParticipant::fail(const QString& step, const SyncError& error)
{
    errors_.append(QStringLiteral("%1: %2 (HTTP %3, %4)")
                       .arg(step, error.detail)
                       .arg(error.httpStatus)
                       .arg(error.hubCode.isEmpty() ? QStringLiteral("-") : error.hubCode));
}

void LiveParticipant::tick(std::int64_t elapsedMs)
{
    if (plan_.media && !mediaSent_) {
        mediaSent_ = true;
        const auto reported =
            slides_.reportMedia(plan_.media->audioMuted, plan_.media->videoOff, plan_.media->audioOnly);
        if (!reported)
            fail(QStringLiteral("report media"), reported.error());
    }
    runSlides(elapsedMs);
    fetchShownDecks(elapsedMs);
    runChats(elapsedMs);
    runHands(elapsedMs);
}

void LiveParticipant::runChats(std::int64_t elapsedMs)
{
    while (chatsSent_ < plan_.chats.size() && plan_.chats[chatsSent_].atMs <= elapsedMs) {
        const auto sent = live_.sendChat(plan_.chats[chatsSent_].text, LiveSessionClient::newChatKey());
        if (!sent)
            fail(QStringLiteral("chat"), sent.error());
        ++chatsSent_;
    }
}

void LiveParticipant::runHands(std::int64_t elapsedMs)
{
    if (!raised_ && plan_.raiseHandAtMs && *plan_.raiseHandAtMs <= elapsedMs) {
        raised_ = true;
        if (const auto hands = live_.setMyHand(true); !hands)
            fail(QStringLiteral("raise hand"), hands.error());
    }
    if (!lowered_ && plan_.lowerHandAtMs && *plan_.lowerHandAtMs <= elapsedMs) {
        lowered_ = true;
        if (const auto hands = live_.setMyHand(false); !hands)
            fail(QStringLiteral("lower hand"), hands.error());
    }
}

// The deck goes up at the first tick and page 0 is shown; then the next page
// every turnEveryMs, back to the first after the last.
void LiveParticipant::runSlides(std::int64_t elapsedMs)
{
    if (plan_.deckPdf.isEmpty())
        return;
    if (!deckTried_) {
        deckTried_ = true;
        auto uploaded = slides_.uploadDeck(plan_.deckPdf, plan_.deckTitle);
        if (!uploaded) {
            fail(QStringLiteral("share slides"), uploaded.error());
            return;
        }
        deck_ = *uploaded;
    }
    if (!deck_ || elapsedMs < std::int64_t(turnsSent_) * plan_.turnEveryMs)
        return;
    const int page = turnsSent_ % deck_->pages;
    ++turnsSent_;
    if (const auto turned = slides_.turnPage(deck_->sha256, page); !turned)
        fail(QStringLiteral("turn page"), turned.error());
}

// After the turn is logged (its receive time is stamped on arrival, before
// a download that takes seconds on a slow link). The fetch waits in a
// nested event loop, so the deck is marked as tried first: a tick that
// comes in meanwhile does not fetch it again, and log_.slides may grow.
void LiveParticipant::fetchShownDecks(std::int64_t elapsedMs)
{
    if (!plan_.fetchShownDecks)
        return;
    for (std::size_t i = 0; i < log_.slides.size(); ++i) {
        const QString deck = log_.slides[i].turn.deck;
        if (deck.isEmpty() || (deck_ && deck_->sha256 == deck) || decksTried_.contains(deck))
            continue;
        decksTried_.insert(deck);
        if (const auto fetched = slides_.fetchDeck(deck, plan_.wallStartMs + elapsedMs); !fetched)
            fail(QStringLiteral("fetch deck"), fetched.error());
    }
}

} // namespace spoke::sync
