#include "sync/HubProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace spoke::sync {

namespace {

SyncError badResponse(const QString& detail)
{
    return SyncError{SyncErrorKind::BadResponse, 0, {}, detail};
}

// Reads typed fields of one JSON object; the first problem is kept and every
// later read returns a neutral value, so a parser reads straight through and
// checks ok() once.
class Fields {
public:
    Fields(QJsonObject object, QString where) : object_(std::move(object)), where_(std::move(where)) { }

    std::int64_t integer(const char* key, std::int64_t min = 0)
    {
        const auto value = optionalInteger(key);
        if (!value && ok())
            fail(key, QStringLiteral("is missing"));
        if (value && *value < min)
            fail(key, QStringLiteral("is out of range"));
        return value.value_or(0);
    }
    std::int64_t id(const char* key) { return integer(key, 1); }

    std::optional<std::int64_t> optionalInteger(const char* key)
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        // JSON numbers are doubles; only whole numbers a double holds exactly are ids or times.
        constexpr double kLimit = 9007199254740992.0; // 2^53
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > kLimit) {
            fail(key, QStringLiteral("is not a whole number"));
            return std::nullopt;
        }
        return static_cast<std::int64_t>(number);
    }

    QString string(const char* key)
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        if (!value.isString()) {
            fail(key, QStringLiteral("is not a string"));
            return {};
        }
        return value.toString();
    }
    QString optionalString(const char* key)
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return {};
        return string(key);
    }
    bool boolean(const char* key, bool fallback)
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return fallback;
        if (!value.isBool())
            fail(key, QStringLiteral("is not true or false"));
        return value.toBool(fallback);
    }
    QJsonObject object(const char* key)
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        if (!value.isObject())
            fail(key, QStringLiteral("is not an object"));
        return value.toObject();
    }
    QJsonArray array(const char* key, bool required = true)
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        if (!required && (value.isUndefined() || value.isNull()))
            return {};
        if (!value.isArray())
            fail(key, QStringLiteral("is not a list"));
        return value.toArray();
    }
    bool has(const char* key) const { return object_.contains(QLatin1String(key)); }
    bool isAbsent(const char* key) const
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        return value.isUndefined() || value.isNull();
    }

    void fail(const char* key, const QString& problem)
    {
        if (ok())
            error_ = where_ + QLatin1Char('.') + QLatin1String(key) + QLatin1Char(' ') + problem;
    }
    void failHere(const QString& problem)
    {
        if (ok())
            error_ = where_ + QLatin1Char(' ') + problem;
    }
    bool ok() const { return error_.isEmpty(); }
    SyncError error() const { return badResponse(error_); }
    const QString& where() const { return where_; }

private:
    QJsonObject object_;
    QString where_;
    QString error_;
};

HubExpected<QJsonObject> parseObject(const QByteArray& body)
{
    if (body.size() > kMaxAnswerBytes)
        return badResponse(QStringLiteral("answer too large"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return badResponse(QStringLiteral("not JSON: ") + parseError.errorString());
    if (!doc.isObject())
        return badResponse(QStringLiteral("not a JSON object"));
    return doc.object();
}

// Each element of `list` must be an object; `read` reads it into `out`.
template <class T, class Read>
bool readList(Fields& parent, const QJsonArray& list, const QString& name, std::vector<T>& out, Read read)
{
    out.reserve(static_cast<std::size_t>(list.size()));
    for (qsizetype i = 0; i < list.size() && parent.ok(); ++i) {
        const QString where = name + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
        if (!list[i].isObject()) {
            parent.failHere(where + QStringLiteral(" is not an object"));
            break;
        }
        Fields fields(list[i].toObject(), where);
        T value = read(fields);
        if (!fields.ok()) {
            parent.failHere(fields.error().detail);
            break;
        }
        out.push_back(std::move(value));
    }
    return parent.ok();
}

HubProgramme readProgramme(Fields& f)
{
    HubProgramme p;
    p.id = f.id("id");
    p.name = f.string("name");
    p.kind = f.string("kind");
    return p;
}

HubCase readCase(Fields& f)
{
    HubCase c;
    c.id = f.id("id");
    c.programmeId = f.id("programme_id");
    c.caseCode = f.string("case_code");
    c.title = f.optionalString("title");
    const QString status = f.string("status");
    if (const auto known = hubCaseStatusFrom(status))
        c.status = *known;
    else
        f.fail("status", QStringLiteral("is not a case status"));
    c.sessionId = f.optionalInteger("session_id");
    c.question = f.optionalString("question");
    c.submittedMs = f.integer("submitted_ms");
    c.updatedMs = f.integer("updated_ms");
    c.mine = f.boolean("mine", false);
    return c;
}

HubRecommendation readRecommendation(Fields& f)
{
    HubRecommendation r;
    r.id = f.id("id");
    r.caseId = f.id("case_id");
    Fields author(f.object("author"), f.where() + QStringLiteral(".author"));
    if (f.ok()) {
        r.authorId = author.id("id");
        r.authorName = author.string("name");
        if (!author.ok())
            f.failHere(author.error().detail);
    }
    for (const QJsonValue& item : f.array("items")) {
        if (!item.isString()) {
            f.fail("items", QStringLiteral("holds something other than text"));
            break;
        }
        r.items.append(item.toString());
    }
    r.text = f.optionalString("text");
    r.createdMs = f.integer("created_ms");
    return r;
}

std::optional<HubRole> readRole(Fields& f)
{
    const QString text = f.string("role");
    const auto role = hubRoleFrom(text);
    if (!role)
        f.fail("role", QStringLiteral("is not a role"));
    return role;
}

// docs/hub-api.md "Live session": chat text is 1-2000 characters after trimming.
constexpr qsizetype kMaxChatChars = 2000;
// An agenda holds at most 20 items (docs/hub-api.md "Live session").
constexpr qsizetype kMaxAgendaItems = 20;

// Reads `{"id","name"}` under `key` into the two outputs; a problem fails `f`.
void readPerson(Fields& f, const char* key, std::int64_t& id, QString& name)
{
    Fields person(f.object(key), f.where() + QLatin1Char('.') + QLatin1String(key));
    if (!f.ok())
        return;
    id = person.id("id");
    name = person.string("name");
    if (!person.ok())
        f.failHere(person.error().detail);
}

HubChatMessage readChatMessage(Fields& f)
{
    HubChatMessage m;
    m.id = f.id("id");
    m.sessionId = f.id("session_id");
    readPerson(f, "author", m.authorId, m.authorName);
    m.role = readRole(f).value_or(HubRole::Trainee);
    m.text = f.string("text");
    if (f.ok() && (m.text.isEmpty() || m.text.size() > kMaxChatChars))
        f.fail("text", QStringLiteral("is not 1-%1 characters").arg(kMaxChatChars));
    m.sentMs = f.integer("sent_ms");
    return m;
}

HubRaisedHand readRaisedHand(Fields& f)
{
    HubRaisedHand h;
    h.accountId = f.id("account_id");
    h.name = f.string("name");
    if (f.ok() && !f.optionalString("role").isEmpty())
        h.role = readRole(f);
    h.raisedMs = f.integer("raised_ms");
    return h;
}

HubAgendaItem readAgendaItem(Fields& f)
{
    HubAgendaItem item;
    item.id = f.id("id");
    item.position = static_cast<int>(std::min<std::int64_t>(f.integer("position"), 1 << 30));
    item.title = f.string("title");
    item.plannedMinutes = static_cast<int>(std::min<std::int64_t>(f.integer("planned_minutes", 1), 24 * 60));
    item.startedMs = f.optionalInteger("started_ms");
    item.endedMs = f.optionalInteger("ended_ms");
    if (!f.isAbsent("started_by"))
        readPerson(f, "started_by", item.startedById, item.startedByName);
    return item;
}

// The list under `key` of `f`, read with `read`, as a QList.
template <class T, class Read> QList<T> readQList(Fields& f, const char* key, Read read)
{
    std::vector<T> list;
    readList(f, f.array(key), f.where() + QLatin1Char('.') + QLatin1String(key), list, read);
    return QList<T>(list.begin(), list.end());
}

HubAgenda readAgendaSession(Fields& session)
{
    HubAgenda agenda;
    agenda.sessionId = session.id("id");
    agenda.programmeId = session.optionalInteger("programme_id").value_or(0);
    agenda.title = session.optionalString("title");
    agenda.items = readQList<HubAgendaItem>(session, "agenda", readAgendaItem);
    if (session.ok() && agenda.items.size() > kMaxAgendaItems)
        session.fail("agenda", QStringLiteral("has more than %1 items").arg(kMaxAgendaItems));
    agenda.currentItemId = session.optionalInteger("current_item_id");
    agenda.endedMs = session.optionalInteger("ended_ms");
    if (session.ok() && agenda.currentItemId
        && std::none_of(agenda.items.begin(), agenda.items.end(),
                        [&](const HubAgendaItem& item) { return item.id == *agenda.currentItemId; }))
        session.fail("current_item_id", QStringLiteral("is not one of the agenda's items"));
    return agenda;
}

} // namespace

HubExpected<AuthAnswer> parseAuthAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("answer"));
    AuthAnswer answer;
    answer.token = f.string("token");
    answer.expiresMs = f.integer("expires_ms");
    Fields account(f.object("account"), QStringLiteral("answer.account"));
    if (!f.ok())
        return f.error();
    answer.accountId = account.id("id");
    answer.email = account.string("email");
    answer.name = account.string("name");
    if (!account.ok())
        return account.error();
    if (answer.token.isEmpty() || answer.token.size() > 512)
        return badResponse(QStringLiteral("answer.token is not a token"));
    return answer;
}

HubExpected<MeAnswer> parseMeAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("me"));
    MeAnswer me;
    Fields account(f.object("account"), QStringLiteral("me.account"));
    const QJsonArray memberships = f.array("memberships");
    if (!f.ok())
        return f.error();
    me.accountId = account.id("id");
    me.email = account.string("email");
    me.name = account.string("name");
    if (!account.ok())
        return account.error();
    std::vector<HubMembership> list;
    readList(f, memberships, QStringLiteral("me.memberships"), list, [](Fields& m) {
        HubMembership membership;
        Fields programme(m.object("programme"), m.where() + QStringLiteral(".programme"));
        if (m.ok()) {
            membership.programme = readProgramme(programme);
            if (!programme.ok())
                m.failHere(programme.error().detail);
        }
        membership.role = readRole(m).value_or(HubRole::Trainee);
        return membership;
    });
    if (!f.ok())
        return f.error();
    me.memberships = QList<HubMembership>(list.begin(), list.end());
    return me;
}

HubExpected<store::PulledRows> parseSyncAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("sync"));
    store::PulledRows rows;
    rows.cursor = f.integer("cursor");
    readList(f, f.array("programmes"), QStringLiteral("sync.programmes"), rows.programmes, [](Fields& p) {
        const HubProgramme programme = readProgramme(p);
        QString role;
        if (p.has("role") && readRole(p))
            role = p.string("role");
        return store::HubProgrammeRow{programme.id, programme.name.toStdString(), programme.kind.toStdString(),
                                      role.toStdString()};
    });
    readList(f, f.array("sessions"), QStringLiteral("sync.sessions"), rows.sessions, [](Fields& s) {
        store::HubSessionRow row;
        row.hubId = s.id("id");
        row.programmeHubId = s.id("programme_id");
        row.title = s.string("title").toStdString();
        row.startsMs = s.integer("starts_ms");
        row.minutes = static_cast<int>(std::min<std::int64_t>(s.integer("minutes", 1), 24 * 60));
        row.room = s.integer("room");
        return row;
    });
    readList(f, f.array("cases"), QStringLiteral("sync.cases"), rows.cases,
             [](Fields& c) { return toRow(readCase(c)); });
    readList(f, f.array("recommendations"), QStringLiteral("sync.recommendations"), rows.recommendations,
             [](Fields& r) {
                 const HubRecommendation rec = readRecommendation(r);
                 store::HubRecommendationRow row{
                     rec.id, rec.caseId, rec.authorName.toStdString(), {}, rec.text.toStdString(), rec.createdMs};
                 for (const QString& item : rec.items)
                     row.items.push_back(item.toStdString());
                 return row;
             });
    readList(f, f.array("attendance"), QStringLiteral("sync.attendance"), rows.attendance, [](Fields& a) {
        return store::HubAttendanceRow{a.id("session_id"), a.id("account_id"), a.integer("registered_ms"),
                                       a.optionalInteger("joined_ms"), a.optionalInteger("left_ms")};
    });
    if (!f.ok())
        return f.error();
    return rows;
}

HubExpected<HubCaseDetail> parseCaseAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields outer(*object, QStringLiteral("answer"));
    Fields f(outer.object("case"), QStringLiteral("case"));
    if (!outer.ok())
        return outer.error();
    HubCaseDetail detail;
    detail.summary = readCase(f);
    if (f.has("body"))
        detail.document = f.object("body");
    std::vector<HubRecommendation> recommendations;
    readList(f, f.array("recommendations", false), QStringLiteral("case.recommendations"), recommendations,
             readRecommendation);
    if (!f.ok())
        return f.error();
    detail.recommendations = QList<HubRecommendation>(recommendations.begin(), recommendations.end());
    return detail;
}

HubExpected<QList<HubCase>> parseQueueAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("queue"));
    std::vector<HubCase> cases;
    readList(f, f.array("cases"), QStringLiteral("queue.cases"), cases, readCase);
    if (!f.ok())
        return f.error();
    return QList<HubCase>(cases.begin(), cases.end());
}

HubExpected<std::pair<HubRecommendation, HubCase>> parseRecommendationAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields outer(*object, QStringLiteral("answer"));
    Fields rec(outer.object("recommendation"), QStringLiteral("recommendation"));
    Fields hubCase(outer.object("case"), QStringLiteral("case"));
    if (!outer.ok())
        return outer.error();
    std::pair<HubRecommendation, HubCase> result{readRecommendation(rec), readCase(hubCase)};
    if (!rec.ok())
        return rec.error();
    if (!hubCase.ok())
        return hubCase.error();
    return result;
}

HubExpected<HubChatMessage> parseChatAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields outer(*object, QStringLiteral("answer"));
    Fields f(outer.object("message"), QStringLiteral("message"));
    if (!outer.ok())
        return outer.error();
    HubChatMessage message = readChatMessage(f);
    if (!f.ok())
        return f.error();
    return message;
}

HubExpected<HubChatPage> parseChatPageAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("chat"));
    HubChatPage page;
    page.messages = readQList<HubChatMessage>(f, "messages", readChatMessage);
    page.more = f.boolean("more", false);
    if (!f.ok())
        return f.error();
    return page;
}

HubExpected<HubHands> parseHandsAnswer(const QByteArray& body, std::int64_t sessionId)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("answer"));
    HubHands hands{sessionId, readQList<HubRaisedHand>(f, "hands", readRaisedHand)};
    if (!f.ok())
        return f.error();
    return hands;
}

HubExpected<HubAttendanceReport> parseAttendanceReportAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields outer(*object, QStringLiteral("answer"));
    Fields a(outer.object("attendance"), QStringLiteral("attendance"));
    Fields e(outer.object("event"), QStringLiteral("event"));
    if (!outer.ok())
        return outer.error();
    HubAttendanceReport report;
    report.attendance = HubAttendance{a.id("session_id"), a.id("account_id"), a.integer("registered_ms"),
                                      a.optionalInteger("joined_ms"), a.optionalInteger("left_ms")};
    report.eventId = e.id("id");
    report.receivedMs = e.integer("received_ms");
    report.clamped = e.boolean("clamped", false);
    if (!a.ok())
        return a.error();
    if (!e.ok())
        return e.error();
    return report;
}

HubExpected<HubAgenda> parseSessionAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields outer(*object, QStringLiteral("answer"));
    Fields s(outer.object("session"), QStringLiteral("session"));
    if (!outer.ok())
        return outer.error();
    HubAgenda agenda = readAgendaSession(s);
    if (!s.ok())
        return s.error();
    return agenda;
}

HubExpected<QList<HubAgenda>> parseSessionsAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("answer"));
    QList<HubAgenda> sessions = readQList<HubAgenda>(f, "sessions", readAgendaSession);
    if (!f.ok())
        return f.error();
    return sessions;
}

HubExpected<QStringList> parseAttestedAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("answer"));
    QStringList names;
    const QJsonArray list = f.array("attested");
    for (const QJsonValue& value : list) {
        Fields entry(value.toObject(), QStringLiteral("answer.attested"));
        names.append(entry.string("name"));
        if (!entry.ok())
            return entry.error();
    }
    if (!f.ok())
        return f.error();
    return names;
}

namespace {

// `{"event":"chat","session_id","message":ChatMessage}` and the like
// (docs/hub-api.md "Live session"); the session named outside must be the
// one inside, or the event is not the contract.
HubExpected<HubEvent> readLiveEvent(Fields& f, const QString& kind)
{
    const std::int64_t sessionId = f.id("session_id");
    if (kind == QLatin1String("chat")) {
        Fields m(f.object("message"), QStringLiteral("event.message"));
        HubChatMessage message = f.ok() ? readChatMessage(m) : HubChatMessage{};
        if (!f.ok() || !m.ok())
            return f.ok() ? m.error() : f.error();
        if (message.sessionId != sessionId)
            return badResponse(QStringLiteral("event.message.session_id is not the event's session"));
        return HubEvent{std::move(message)};
    }
    if (kind == QLatin1String("hands")) {
        HubHands hands{sessionId, readQList<HubRaisedHand>(f, "hands", readRaisedHand)};
        if (!f.ok())
            return f.error();
        return HubEvent{std::move(hands)};
    }
    const std::int64_t cursor = f.integer("cursor");
    Fields s(f.object("session"), QStringLiteral("event.session"));
    HubAgenda agenda = f.ok() ? readAgendaSession(s) : HubAgenda{};
    if (!f.ok() || !s.ok())
        return f.ok() ? s.error() : f.error();
    if (agenda.sessionId != sessionId)
        return badResponse(QStringLiteral("event.session.id is not the event's session"));
    agenda.cursor = cursor;
    return HubEvent{std::move(agenda)};
}

} // namespace

// --- slides and media state (docs/hub-api.md "Live session") ---

namespace {

// Pages a deck may have (the hub refuses more than 300); a page number past
// it is not the contract.
constexpr std::int64_t kMaxDeckPages = 300;

HubDeck readDeck(Fields& f)
{
    HubDeck deck;
    deck.sha256 = f.string("sha256");
    deck.pages = int(std::min(f.integer("pages", 1), kMaxDeckPages + 1));
    deck.bytes = f.integer("bytes", 1);
    deck.title = f.string("title");
    if (f.ok() && !isDeckSha256(deck.sha256))
        f.fail("sha256", QStringLiteral("is not 64 lower-case hex digits"));
    if (f.ok() && deck.pages > kMaxDeckPages)
        f.fail("pages", QStringLiteral("is out of range"));
    return deck;
}

// A SlideTurn; in an event `id` may be absent (the contract names the rest).
HubSlideTurn readSlideTurn(Fields& f, bool idRequired)
{
    HubSlideTurn turn;
    turn.id = idRequired ? f.id("id") : f.optionalInteger("id").value_or(0);
    turn.sessionId = f.id("session_id");
    turn.deck = f.string("deck");
    turn.page = int(std::min(f.integer("page"), kMaxDeckPages));
    turn.atMs = f.integer("at_ms");
    Fields by(f.object("by"), f.where() + QStringLiteral(".by"));
    if (f.ok()) {
        turn.byId = by.id("id");
        turn.byName = by.string("name");
        if (!by.ok())
            f.failHere(by.error().detail);
    }
    if (f.ok() && !isDeckSha256(turn.deck))
        f.fail("deck", QStringLiteral("is not 64 lower-case hex digits"));
    if (f.ok() && turn.page >= kMaxDeckPages)
        f.fail("page", QStringLiteral("is out of range"));
    return turn;
}

// A CaseView; in an event `id` may be absent, as for a SlideTurn.
HubCaseView readCaseView(Fields& f, bool idRequired)
{
    HubCaseView view;
    view.id = idRequired ? f.id("id") : f.optionalInteger("id").value_or(0);
    view.sessionId = f.id("session_id");
    view.caseId = f.id("case_id");
    view.section = f.string("section");
    view.atMs = f.integer("at_ms");
    Fields by(f.object("by"), f.where() + QStringLiteral(".by"));
    if (f.ok()) {
        view.byId = by.id("id");
        view.byName = by.string("name");
        if (!by.ok())
            f.failHere(by.error().detail);
    }
    if (f.ok() && !isCaseSectionKey(view.section))
        f.fail("section", QStringLiteral("is not a form section's key"));
    return view;
}

bool requiredBoolean(Fields& f, const char* key)
{
    if (f.isAbsent(key))
        f.fail(key, QStringLiteral("is missing"));
    return f.boolean(key, false);
}

HubMediaState readMediaState(Fields& f, std::int64_t sessionId)
{
    HubMediaState state;
    state.sessionId = sessionId;
    state.accountId = f.id("account_id");
    state.audioMuted = requiredBoolean(f, "audio_muted");
    state.videoOff = requiredBoolean(f, "video_off");
    state.audioOnly = requiredBoolean(f, "audio_only");
    state.atMs = f.integer("at_ms");
    return state;
}

template <class T, class Read> HubExpected<T> readWrapped(const QByteArray& body, const char* key, Read read)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields outer(*object, QStringLiteral("answer"));
    Fields f(outer.object(key), QString::fromLatin1(key));
    if (!outer.ok())
        return outer.error();
    T value = read(f);
    if (!f.ok())
        return f.error();
    return value;
}

// Who did it: the chair's `by` object.
void readBy(Fields& f, std::int64_t& byId, QString& byName)
{
    Fields by(f.object("by"), f.where() + QStringLiteral(".by"));
    if (!f.ok())
        return;
    byId = by.id("id");
    byName = by.string("name");
    if (!by.ok())
        f.failHere(by.error().detail);
}

HubModeration readModeration(Fields& f, std::int64_t sessionId)
{
    HubModeration moderation;
    moderation.sessionId = sessionId;
    moderation.accountId = f.id("account_id");
    moderation.audioMutedByChair = requiredBoolean(f, "audio_muted_by_chair");
    readBy(f, moderation.byId, moderation.byName);
    moderation.atMs = f.integer("at_ms");
    return moderation;
}

HubRemoval readRemoval(Fields& f, std::int64_t sessionId)
{
    HubRemoval removal;
    removal.sessionId = sessionId;
    removal.accountId = f.id("account_id");
    readBy(f, removal.byId, removal.byName);
    removal.atMs = f.integer("at_ms");
    return removal;
}

// A `moderation` or `removed` event: the object is the event itself.
HubExpected<HubEvent> readChairEvent(Fields& f, const QString& kind)
{
    const std::int64_t sessionId = f.id("session_id");
    if (kind == QLatin1String("moderation")) {
        HubModeration moderation = readModeration(f, sessionId);
        if (!f.ok())
            return f.error();
        return HubEvent{std::move(moderation)};
    }
    HubRemoval removal = readRemoval(f, sessionId);
    if (!f.ok())
        return f.error();
    return HubEvent{std::move(removal)};
}

// A `slide` or `media` event: the object is the event itself.
HubExpected<HubEvent> readSlidesEvent(Fields& f, const QString& kind)
{
    if (kind == QLatin1String("slide")) {
        HubSlideTurn turn = readSlideTurn(f, false);
        if (!f.ok())
            return f.error();
        return HubEvent{std::move(turn)};
    }
    if (kind == QLatin1String("case_view")) {
        HubCaseView view = readCaseView(f, false);
        if (!f.ok())
            return f.error();
        return HubEvent{std::move(view)};
    }
    HubMediaState state = readMediaState(f, f.id("session_id"));
    if (!f.ok())
        return f.error();
    return HubEvent{state};
}

} // namespace

bool isDeckSha256(const QString& text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](QChar c) {
               return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                      || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
           });
}

bool isCaseSectionKey(const QString& text)
{
    return !text.isEmpty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_'
               || c == u'-' || c == u'.';
    });
}

HubExpected<HubCaseView> parseCaseViewAnswer(const QByteArray& body)
{
    return readWrapped<HubCaseView>(body, "view", [](Fields& f) { return readCaseView(f, true); });
}

HubExpected<HubDeck> parseDeckAnswer(const QByteArray& body)
{
    return readWrapped<HubDeck>(body, "deck", readDeck);
}

HubExpected<QList<HubDeck>> parseDecksAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("answer"));
    QList<HubDeck> decks = readQList<HubDeck>(f, "decks", readDeck);
    if (!f.ok())
        return f.error();
    return decks;
}

HubExpected<HubSlideTurn> parseSlideTurnAnswer(const QByteArray& body)
{
    return readWrapped<HubSlideTurn>(body, "turn", [](Fields& f) { return readSlideTurn(f, true); });
}

HubExpected<HubSlideTurns> parseSlideTurnsAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("slides"));
    HubSlideTurns page;
    page.turns = readQList<HubSlideTurn>(f, "turns", [](Fields& t) { return readSlideTurn(t, true); });
    page.more = requiredBoolean(f, "more");
    if (f.ok() && !f.isAbsent("current")) {
        Fields c(f.object("current"), QStringLiteral("slides.current"));
        if (f.ok()) {
            page.current = readSlideTurn(c, true);
            if (!c.ok())
                return c.error();
        }
    } else if (f.ok() && !f.has("current")) {
        f.fail("current", QStringLiteral("is missing"));
    }
    if (!f.ok())
        return f.error();
    return page;
}

HubExpected<HubMediaState> parseMediaAnswer(const QByteArray& body, std::int64_t sessionId)
{
    return readWrapped<HubMediaState>(body, "media", [&](Fields& f) { return readMediaState(f, sessionId); });
}

HubExpected<QList<HubMediaState>> parseMediaListAnswer(const QByteArray& body, std::int64_t sessionId)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("answer"));
    QList<HubMediaState> states =
        readQList<HubMediaState>(f, "media", [&](Fields& m) { return readMediaState(m, sessionId); });
    if (!f.ok())
        return f.error();
    return states;
}

HubExpected<HubModeration> parseModerationAnswer(const QByteArray& body, std::int64_t sessionId)
{
    return readWrapped<HubModeration>(body, "moderation", [&](Fields& f) { return readModeration(f, sessionId); });
}

HubExpected<HubRemoval> parseRemovalAnswer(const QByteArray& body, std::int64_t sessionId)
{
    return readWrapped<HubRemoval>(body, "removed", [&](Fields& f) { return readRemoval(f, sessionId); });
}

HubExpected<HubEvent> parseHubEvent(const QByteArray& message)
{
    auto object = parseObject(message);
    if (!object)
        return object.error();
    Fields f(*object, QStringLiteral("event"));
    const QString kind = f.string("event");
    if (!f.ok())
        return f.error();
    if (kind == QLatin1String("changed")) {
        // A hint only: a missing cursor still means "pull".
        const ChangedEvent changed{f.optionalInteger("cursor").value_or(0)};
        if (!f.ok())
            return f.error();
        return HubEvent{changed};
    }
    if (kind == QLatin1String("slide") || kind == QLatin1String("media") || kind == QLatin1String("case_view"))
        return readSlidesEvent(f, kind);
    if (kind == QLatin1String("moderation") || kind == QLatin1String("removed"))
        return readChairEvent(f, kind);
    if (kind != QLatin1String("chat") && kind != QLatin1String("hands") && kind != QLatin1String("agenda"))
        return HubEvent{UnknownEvent{}};
    return readLiveEvent(f, kind);
}

QString errorCodeOf(const QByteArray& body)
{
    const auto object = parseObject(body);
    if (!object)
        return {};
    const QJsonValue code = object->value(QLatin1String("error")).toObject().value(QLatin1String("code"));
    return code.isString() ? code.toString().left(64) : QString();
}

QList<cases::Finding> findingsOf(const QByteArray& body)
{
    QList<cases::Finding> result;
    const auto object = parseObject(body);
    if (!object)
        return result;
    for (const QJsonValue& value : object->value(QLatin1String("findings")).toArray()) {
        Fields f(value.toObject(), QStringLiteral("finding"));
        cases::Finding finding;
        finding.path = f.string("path");
        finding.start = static_cast<int>(std::min<std::int64_t>(f.integer("start"), 1 << 30));
        finding.end = static_cast<int>(std::min<std::int64_t>(f.integer("end"), 1 << 30));
        const QString category = f.string("category");
        finding.reason = f.optionalString("reason");
        if (!f.ok() || category.size() != 1 || category[0] < QLatin1Char('A') || category[0] > QLatin1Char('R'))
            continue;
        finding.category = category[0].toLatin1();
        result.append(finding);
    }
    return result;
}

store::HubCaseRow toRow(const HubCase& c)
{
    return store::HubCaseRow{c.id,
                             c.programmeId,
                             c.caseCode.toStdString(),
                             c.title.toStdString(),
                             toWire(c.status).toStdString(),
                             c.sessionId,
                             c.question.toStdString(),
                             c.submittedMs,
                             c.updatedMs,
                             c.mine};
}

HubCase fromRow(const store::HubCaseRow& row)
{
    HubCase c;
    c.id = row.hubId;
    c.programmeId = row.programmeHubId;
    c.caseCode = QString::fromStdString(row.caseCode);
    c.title = QString::fromStdString(row.title);
    c.status = hubCaseStatusFrom(QString::fromStdString(row.status)).value_or(HubCaseStatus::Submitted);
    c.sessionId = row.sessionHubId;
    c.question = QString::fromStdString(row.question);
    c.submittedMs = row.submittedMs;
    c.updatedMs = row.updatedMs;
    c.mine = row.mine;
    return c;
}

} // namespace spoke::sync
