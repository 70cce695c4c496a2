#include "sync/HubProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

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
