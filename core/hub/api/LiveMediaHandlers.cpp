// Slides as documents and the call's media state (docs/hub-api.md, Live
// session): a presenter uploads a PDF deck once (POST …/decks), every client
// downloads it once (GET /decks/{sha256}), and from then on a page turn is a
// stored row plus a `slide` event of about 150 bytes (core/slides/README.md
// says why that matters on a 64 kbit/s clinic link). Mute and camera state
// is signalled the same way (`media` events), not guessed from the media.
// Any member of the session's programme may present, turn pages and report
// their own state (Roles: every member sees its sessions).

#include "hub/api/FileRanges.h"
#include "hub/api/HandlerSupport.h"

#include "hub/db/HubDatabase.h"
#include "slides/Deck.h"
#include "slides/DeckCache.h"

#include <QDebug>
#include <QDir>

#include <limits>

namespace spoke::hub::api {

namespace {

// A deck upload may be far larger than a JSON body: a didactic with photos
// of lesions runs to tens of MB. 64 MiB is above core/slides' own 50 MB
// default, so the hub refuses nothing a client would open.
constexpr qsizetype kMaxDeckBytes = qsizetype(64) * 1024 * 1024;
constexpr int kMaxDeckPages = 300;
constexpr qsizetype kMaxTitleChars = 200;
// One page of GET …/slides; a client asks again with the last id it got.
constexpr int kTurnPageSize = 500;

constexpr const char* kDeckColumns = "d.sha256, d.pages, d.bytes, d.title";
constexpr const char* kTurnColumns = "t.id, t.session_id, t.deck_sha256, t.page, t.at_ms, t.account_id, u.display_name";
constexpr const char* kMediaColumns = "m.account_id, m.audio_muted, m.video_off, m.audio_only, m.at_ms";

QJsonObject deckJson(const HubRow& row)
{
    return QJsonObject{
        {QStringLiteral("sha256"), row.text(0)},
        {QStringLiteral("pages"), double(row.integer(1))},
        {QStringLiteral("bytes"), double(row.integer(2))},
        {QStringLiteral("title"), row.text(3)},
    };
}

QJsonObject turnJson(const HubRow& row)
{
    return QJsonObject{
        {QStringLiteral("id"), double(row.integer(0))},
        {QStringLiteral("session_id"), double(row.integer(1))},
        {QStringLiteral("deck"), row.text(2)},
        {QStringLiteral("page"), double(row.integer(3))},
        {QStringLiteral("at_ms"), double(row.integer(4))},
        {QStringLiteral("by"),
         QJsonObject{{QStringLiteral("id"), double(row.integer(5))}, {QStringLiteral("name"), row.text(6)}}},
    };
}

QJsonObject mediaJson(const HubRow& row)
{
    return QJsonObject{
        {QStringLiteral("account_id"), double(row.integer(0))}, {QStringLiteral("audio_muted"), row.integer(1) == 1},
        {QStringLiteral("video_off"), row.integer(2) == 1},     {QStringLiteral("audio_only"), row.integer(3) == 1},
        {QStringLiteral("at_ms"), double(row.integer(4))},
    };
}

// An event is the stored object with the event's name and session in front.
QJsonObject eventOf(const char* kind, qint64 sessionId, QJsonObject data)
{
    data.insert(QStringLiteral("event"), QString::fromLatin1(kind));
    data.insert(QStringLiteral("session_id"), double(sessionId));
    return data;
}

ApiError decksUnavailable()
{
    return {503, QStringLiteral("unavailable"), QStringLiteral("this hub has no data directory to keep decks in")};
}

bool isSha256(const QString& text)
{
    return slides::DeckCache::isSha256Hex(text.toStdString());
}

// --- POST /sessions/{id}/decks ---

struct UploadedDeck {
    std::string sha256;
    int pages = 0;
    qint64 bytes = 0;
    QString title;
};

ApiError deckRefusal(const slides::DeckError& error)
{
    switch (error.kind) {
    case slides::DeckErrorKind::TooLarge:
    case slides::DeckErrorKind::TooManyPages:
        return {
            413, QStringLiteral("too_large"),
            QStringLiteral("a deck may have at most %1 pages and %2 MiB").arg(kMaxDeckPages).arg(kMaxDeckBytes >> 20)};
    case slides::DeckErrorKind::NotPdf:
        return {400, QStringLiteral("not_pdf"), QStringLiteral("the body is not a PDF")};
    default:
        // Encrypted, damaged, no pages: a PDF no follower could show.
        return {422, QStringLiteral("unreadable_deck"),
                QStringLiteral("the PDF cannot be shown (%1); export it again without a password")
                    .arg(QString::fromLatin1(slides::toString(error.kind)))};
    }
}

// The body is checked by opening it exactly as every client will
// (core/slides' Deck), so a deck the hub accepts is one followers can show.
Expected<UploadedDeck> readDeck(const RequestContext& context)
{
    const QByteArray type = context.request.header("content-type").split(';').value(0).trimmed().toLower();
    if (type != "application/pdf")
        return ApiError{400, QStringLiteral("not_pdf"),
                        QStringLiteral("send the deck as Content-Type: application/pdf")};
    QString title = context.request.query.value(QStringLiteral("title")).trimmed();
    // No ?title= is an empty title, not SQL NULL (a null QString binds as NULL).
    if (title.isNull())
        title = QStringLiteral("");
    if (title.size() > kMaxTitleChars)
        return badRequest(QStringLiteral("\"title\" is longer than %1 characters").arg(kMaxTitleChars));
    const QByteArray& body = context.request.body;
    auto deck = slides::Deck::fromBytes(std::vector<char>(body.begin(), body.end()),
                                        slides::DeckLimits{kMaxDeckBytes, kMaxDeckPages});
    if (!deck)
        return deckRefusal(deck.error());
    return UploadedDeck{deck->sha256(), deck->pageCount(), deck->sizeBytes(), title};
}

// The file first, outside the transaction: decks are named by their hash,
// so a file whose row never commits is only an orphan the next upload of
// the same deck reuses. DeckCache writes a temp file, fsyncs and renames it.
std::optional<ApiError> storeDeckFile(const RequestContext& context, const UploadedDeck& deck)
{
    slides::DeckCache store(context.deckDirectory.toStdString(), std::numeric_limits<std::int64_t>::max());
    if (store.contains(deck.sha256))
        return std::nullopt;
    const QByteArray& body = context.request.body;
    auto stored = store.store(std::vector<char>(body.begin(), body.end()), deck.sha256, context.nowMs);
    if (stored)
        return std::nullopt;
    qWarning("spoke-hub: cannot store deck %s: %s", deck.sha256.c_str(), stored.error().message.c_str());
    return ApiError{503, QStringLiteral("unavailable"), QStringLiteral("the hub cannot store the deck now")};
}

WriteOutcome addDeck(RequestContext& context, const SessionAccess& session, const UploadedDeck& deck)
{
    HubDatabase& db = context.db;
    const QString sha = QString::fromStdString(deck.sha256);
    const QVariant account = QVariant::fromValue(context.principal->accountId);
    if (!db.queryOne(QStringLiteral("SELECT 1 FROM decks WHERE sha256 = ?"), {sha}))
        db.exec(QStringLiteral("INSERT INTO decks (sha256, pages, bytes, title, uploaded_by, uploaded_ms) "
                               "VALUES (?, ?, ?, ?, ?, ?)"),
                {sha, deck.pages, QVariant::fromValue(deck.bytes), deck.title, account,
                 QVariant::fromValue(context.nowMs)});
    const bool known =
        db.queryOne(QStringLiteral("SELECT 1 FROM session_decks WHERE session_id = ? AND deck_sha256 = ?"),
                    {QVariant::fromValue(session.id), sha})
            .has_value();
    if (!known)
        db.exec(QStringLiteral("INSERT INTO session_decks (session_id, deck_sha256, added_by, added_ms) "
                               "VALUES (?, ?, ?, ?)"),
                {QVariant::fromValue(session.id), sha, account, QVariant::fromValue(context.nowMs)});
    const std::optional<HubRow> row = db.queryOne(
        QStringLiteral("SELECT %1 FROM decks d WHERE d.sha256 = ?").arg(QLatin1String(kDeckColumns)), {sha});
    return {HttpResponse::json(known ? 200 : 201, QJsonObject{{QStringLiteral("deck"), deckJson(*row)}}), {}};
}

HttpResponse postDeck(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    if (context.deckDirectory.isEmpty())
        return decksUnavailable().response();
    auto deck = readDeck(context);
    if (!deck)
        return deck.error().response();
    if (auto refused = storeDeckFile(context, *deck))
        return refused->response();
    return idempotentWrite(context, [&] { return addDeck(context, *session, *deck); });
}

HttpResponse listDecks(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    const HubQueryResult result =
        context.db.exec(QStringLiteral("SELECT %1 FROM session_decks sd JOIN decks d ON d.sha256 = sd.deck_sha256 "
                                       "WHERE sd.session_id = ? ORDER BY sd.added_ms, d.sha256")
                            .arg(QLatin1String(kDeckColumns)),
                        {QVariant::fromValue(session->id)});
    QJsonArray decks;
    for (const HubRow& row : result.rows)
        decks.append(deckJson(row));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("decks"), decks}});
}

// --- GET /decks/{sha256} ---

// A member of any programme with a session showing the deck may fetch it;
// for everyone else it does not exist (404 either way: the hash alone says
// nothing a stranger may learn).
std::optional<ApiError> checkDeckVisible(RequestContext& context, const QString& sha)
{
    const HubQueryResult programmes = context.db.exec(
        QStringLiteral("SELECT DISTINCT s.programme_id FROM session_decks sd JOIN sessions s ON s.id = sd.session_id "
                       "WHERE sd.deck_sha256 = ?"),
        {sha});
    for (const HubRow& row : programmes.rows)
        if (context.principal->roleIn(row.integer(0)))
            return std::nullopt;
    return notFound(QStringLiteral("there is no such deck in your sessions"));
}

HttpResponse getDeck(RequestContext& context)
{
    const QString sha = context.pathParams.value(QStringLiteral("sha256"));
    if (!isSha256(sha))
        return badRequest(QStringLiteral("a deck is named by 64 lower-case hex digits (its SHA-256)")).response();
    if (auto hidden = checkDeckVisible(context, sha))
        return hidden->response();
    if (context.deckDirectory.isEmpty())
        return decksUnavailable().response();
    // Streamed from disk by the server (or sent by nginx), with one range,
    // ETag and If-None-Match: hub/api/FileRanges.h.
    const QString name = sha + QStringLiteral(".pdf");
    auto answer = fileAnswerFromDisk(context.request,
                                     {QDir(context.deckDirectory).filePath(name), QStringLiteral("decks/") + name, 0,
                                      "application/pdf", '"' + sha.toLatin1() + '"'});
    if (!answer) {
        qWarning("spoke-hub: deck %s is recorded but its file cannot be read", qPrintable(sha));
        return decksUnavailable().response();
    }
    return std::move(*answer);
}

// --- POST and GET /sessions/{id}/slides ---

struct TurnRequest {
    QString deck;
    qint64 page = 0;
};

Expected<TurnRequest> parseTurn(const QJsonObject& body)
{
    FieldReader fields(body);
    TurnRequest turn;
    turn.deck = fields.string(QStringLiteral("deck"), 64);
    turn.page = fields.integer(QStringLiteral("page"), 0, kMaxDeckPages - 1);
    if (!fields.ok())
        return fields.error();
    if (!isSha256(turn.deck))
        return badRequest(QStringLiteral("field \"deck\" must be a deck's SHA-256 (64 lower-case hex digits)"));
    return turn;
}

WriteOutcome turnPage(RequestContext& context, const SessionAccess& session, const TurnRequest& turn)
{
    HubDatabase& db = context.db;
    const std::optional<HubRow> deck =
        db.queryOne(QStringLiteral("SELECT d.pages FROM session_decks sd JOIN decks d ON d.sha256 = sd.deck_sha256 "
                                   "WHERE sd.session_id = ? AND sd.deck_sha256 = ?"),
                    {QVariant::fromValue(session.id), turn.deck});
    if (!deck)
        return {notFound(QStringLiteral("this session has no such deck; upload it first")).response(), {}};
    if (turn.page >= deck->integer(0))
        return {badRequest(QStringLiteral("field \"page\" is past the deck's last page (%1, counting from 0)")
                               .arg(deck->integer(0) - 1))
                    .response(),
                {}};
    const qint64 id = db.insert(
        QStringLiteral(
            "INSERT INTO slide_turns (session_id, deck_sha256, page, account_id, at_ms) VALUES (?, ?, ?, ?, ?)"),
        {QVariant::fromValue(session.id), turn.deck, QVariant::fromValue(turn.page),
         QVariant::fromValue(context.principal->accountId), QVariant::fromValue(context.nowMs)});
    const std::optional<HubRow> row =
        db.queryOne(QStringLiteral("SELECT %1 FROM slide_turns t JOIN accounts u ON u.id = t.account_id WHERE t.id = ?")
                        .arg(QLatin1String(kTurnColumns)),
                    {QVariant::fromValue(id)});
    const QJsonObject stored = turnJson(*row);
    // Page turns are not part of sync (GET …/slides replays them): cursor 0.
    return {HttpResponse::json(201, QJsonObject{{QStringLiteral("turn"), stored}}),
            {{session.programmeId, 0, eventOf("slide", session.id, stored)}}};
}

HttpResponse postSlide(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    auto turn = parseTurn(context.body);
    if (!turn)
        return turn.error().response();
    return idempotentWrite(context, [&] { return turnPage(context, *session, *turn); });
}

HttpResponse listSlides(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    const auto after = parseAfterId(context.request.query);
    if (!after)
        return after.error().response();
    const qint64 afterId = *after;
    const QString select =
        QStringLiteral("SELECT %1 FROM slide_turns t JOIN accounts u ON u.id = t.account_id WHERE t.session_id = ? ")
            .arg(QLatin1String(kTurnColumns));
    const QVariant sessionId = QVariant::fromValue(session->id);
    const HubQueryResult result =
        context.db.exec(select + QStringLiteral("AND t.id > ? ORDER BY t.id LIMIT %1").arg(kTurnPageSize + 1),
                        {sessionId, QVariant::fromValue(afterId)});
    QJsonArray turns;
    for (std::size_t i = 0; i < result.rows.size() && i < std::size_t(kTurnPageSize); ++i)
        turns.append(turnJson(result.rows[i]));
    // A late joiner needs only the page shown now, not the whole history.
    const std::optional<HubRow> latest =
        context.db.queryOne(select + QStringLiteral("ORDER BY t.id DESC LIMIT 1"), {sessionId});
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("turns"), turns},
                                               {QStringLiteral("more"), result.rows.size() > kTurnPageSize},
                                               {QStringLiteral("current"), latest ? QJsonValue(turnJson(*latest))
                                                                                  : QJsonValue(QJsonValue::Null)}});
}

// --- POST and GET /sessions/{id}/media ---

struct MediaState {
    bool audioMuted = false;
    bool videoOff = false;
    bool audioOnly = false;
};

Expected<MediaState> parseMedia(const QJsonObject& body)
{
    MediaState state;
    const std::pair<const char*, bool*> fields[] = {
        {"audio_muted", &state.audioMuted}, {"video_off", &state.videoOff}, {"audio_only", &state.audioOnly}};
    for (const auto& [name, target] : fields) {
        const QJsonValue value = body.value(QString::fromLatin1(name));
        if (!value.isBool())
            return badRequest(QStringLiteral("field \"%1\" must be true or false").arg(QString::fromLatin1(name)));
        *target = value.toBool();
    }
    return state;
}

WriteOutcome reportMedia(RequestContext& context, const SessionAccess& session, const MediaState& state)
{
    HubDatabase& db = context.db;
    const qint64 id = db.insert(
        QStringLiteral("INSERT INTO media_states (session_id, account_id, audio_muted, video_off, audio_only, at_ms) "
                       "VALUES (?, ?, ?, ?, ?, ?)"),
        {QVariant::fromValue(session.id), QVariant::fromValue(context.principal->accountId), state.audioMuted ? 1 : 0,
         state.videoOff ? 1 : 0, state.audioOnly ? 1 : 0, QVariant::fromValue(context.nowMs)});
    const std::optional<HubRow> row =
        db.queryOne(QStringLiteral("SELECT %1 FROM media_states m WHERE m.id = ?").arg(QLatin1String(kMediaColumns)),
                    {QVariant::fromValue(id)});
    const QJsonObject stored = mediaJson(*row);
    return {HttpResponse::json(200, QJsonObject{{QStringLiteral("media"), stored}}),
            {{session.programmeId, 0, eventOf("media", session.id, stored)}}};
}

HttpResponse postMedia(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    auto state = parseMedia(context.body);
    if (!state)
        return state.error().response();
    return idempotentWrite(context, [&] { return reportMedia(context, *session, *state); });
}

HttpResponse listMedia(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    const HubQueryResult result = context.db.exec(
        QStringLiteral("SELECT %1 FROM media_states m WHERE m.session_id = ? AND m.id = (SELECT MAX(l.id) FROM "
                       "media_states l WHERE l.session_id = m.session_id AND l.account_id = m.account_id) "
                       "ORDER BY m.account_id")
            .arg(QLatin1String(kMediaColumns)),
        {QVariant::fromValue(session->id)});
    QJsonArray states;
    for (const HubRow& row : result.rows)
        states.append(mediaJson(row));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("media"), states}});
}

} // namespace

void addLiveMediaRoutes(std::vector<Route>& routes)
{
    routes.push_back({"POST", QStringLiteral("/api/v1/sessions/{id}/decks"), Access::SignedIn, BodyKind::None, postDeck,
                      Work::Quick, kMaxDeckBytes});
    routes.push_back(
        {"GET", QStringLiteral("/api/v1/sessions/{id}/decks"), Access::SignedIn, BodyKind::None, listDecks});
    routes.push_back({"GET", QStringLiteral("/api/v1/decks/{sha256}"), Access::SignedIn, BodyKind::None, getDeck});
    routes.push_back(
        {"POST", QStringLiteral("/api/v1/sessions/{id}/slides"), Access::SignedIn, BodyKind::JsonObject, postSlide});
    routes.push_back(
        {"GET", QStringLiteral("/api/v1/sessions/{id}/slides"), Access::SignedIn, BodyKind::None, listSlides});
    routes.push_back(
        {"POST", QStringLiteral("/api/v1/sessions/{id}/media"), Access::SignedIn, BodyKind::JsonObject, postMedia});
    routes.push_back(
        {"GET", QStringLiteral("/api/v1/sessions/{id}/media"), Access::SignedIn, BodyKind::None, listMedia});
}

} // namespace spoke::hub::api
