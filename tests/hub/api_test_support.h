#pragma once

// A hub for router tests: a real database (a temp SQLite file, or a
// PostgreSQL URL), real identity and admin, and the api::Router, with a
// clock the test moves. No network.

#include "hub/admin/Admin.h"
#include "hub/api/Metrics.h"
#include "hub/api/Router.h"
#include "hub/db/HubDatabase.h"
#include "hub/identity/Identity.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <stdexcept>

namespace spoke::test {

inline QByteArray readFixture(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("missing fixture " + path.toStdString());
    return file.readAll();
}

// The clean TB case of tests/cases/fixtures, under another case_id.
inline QByteArray cleanCase(const QString& caseId)
{
    QJsonObject document =
        QJsonDocument::fromJson(
            readFixture(QStringLiteral(SPOKE_SOURCE_DIR "/tests/cases/fixtures/clean_tb_kenya.json")))
            .object();
    document.insert(QStringLiteral("case_id"), caseId);
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

inline QByteArray phiCase()
{
    return readFixture(QStringLiteral(SPOKE_SOURCE_DIR "/tests/hub/fixtures/phi_name_phone_tb.json"));
}

inline QJsonObject jsonOf(const hub::api::HttpResponse& response)
{
    return QJsonDocument::fromJson(response.body).object();
}

inline QString errorCode(const hub::api::HttpResponse& response)
{
    return jsonOf(response).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

class ApiHub {
public:
    explicit ApiHub(const hub::HubDatabaseLocation& location)
        : db_(hub::HubDatabase::open(location))
        , identity_(*db_)
        , admin_(*db_)
        , router_(*db_, identity_, metrics_)
    {
        // Several fixtures may share one PostgreSQL database; emails and
        // case codes stay apart by this prefix.
        static int fixtures = 0;
        prefix_ = QStringLiteral("f%1").arg(++fixtures);
    }

    hub::HubDatabase& db() { return *db_; }
    hub::api::Router& router() { return router_; }
    hub::api::Metrics& metrics() { return metrics_; }
    qint64 nowMs = 1'780'000'000'000; // a fixed day in 2026; tests move it
    const QString& prefix() const { return prefix_; }

    qint64 addProgramme(const QString& name, hub::ProgrammeKind kind = hub::ProgrammeKind::Tb)
    {
        auto id = admin_.addProgramme(name, kind, nowMs);
        REQUIRE(id.ok());
        return *id;
    }

    qint64 addSession(qint64 programmeId, const QString& title)
    {
        auto session = admin_.addSession(programmeId, title, nowMs + 7 * 86'400'000LL, 60, nowMs);
        REQUIRE(session.ok());
        return session->sessionId;
    }

    // A session starting at startsMs with an agenda in the CLI's form
    // ("Didactic:15,Case 1:20"; empty for none).
    qint64 addLiveSession(qint64 programmeId, const QString& title, qint64 startsMs, int minutes,
                          const QString& agenda = {})
    {
        std::vector<hub::AgendaItemSpec> items;
        if (!agenda.isEmpty()) {
            auto parsed = hub::Admin::parseAgenda(agenda);
            REQUIRE(parsed.ok());
            items = *parsed;
        }
        auto session = admin_.addSession(programmeId, title, startsMs, minutes, nowMs, items);
        REQUIRE(session.ok());
        return session->sessionId;
    }

    // The account id behind a token.
    qint64 accountId(const QString& token)
    {
        const QJsonObject me = jsonOf(call("GET", QStringLiteral("/api/v1/me"), token).response);
        return qint64(me.value(QStringLiteral("account")).toObject().value(QStringLiteral("id")).toDouble());
    }

    // A new account with `role` in the programme; its bearer token.
    QString member(qint64 programmeId, hub::Role role, const QString& name)
    {
        auto invite = admin_.inviteMember(programmeId, role, nowMs);
        REQUIRE(invite.ok());
        QString local = name.toLower();
        local.replace(u' ', u'.');
        const QString email = QStringLiteral("%1.%2@clinic.example").arg(local, prefix_);
        const auto answer = call("POST", QStringLiteral("/api/v1/invites/redeem"), {},
                                 json({{"code", invite->code},
                                       {"email", email},
                                       {"name", name},
                                       {"password", QStringLiteral("correct horse battery")}}));
        REQUIRE(answer.response.status == 201);
        return jsonOf(answer.response).value(QStringLiteral("token")).toString();
    }

    // An existing account (by token) joins another programme.
    void join(const QString& token, qint64 programmeId, hub::Role role)
    {
        auto invite = admin_.inviteMember(programmeId, role, nowMs);
        REQUIRE(invite.ok());
        const QJsonObject me = jsonOf(call("GET", QStringLiteral("/api/v1/me"), token).response);
        const QJsonObject account = me.value(QStringLiteral("account")).toObject();
        const auto answer = call("POST", QStringLiteral("/api/v1/invites/redeem"), {},
                                 json({{"code", invite->code},
                                       {"email", account.value(QStringLiteral("email")).toString()},
                                       {"name", account.value(QStringLiteral("name")).toString()},
                                       {"password", QStringLiteral("correct horse battery")}}));
        REQUIRE(answer.response.status == 201);
    }

    hub::api::RouteOutcome call(const QByteArray& method, const QString& pathAndQuery, const QString& token = {},
                                const QByteArray& body = {}, const QMap<QByteArray, QByteArray>& headers = {})
    {
        hub::api::HttpRequest request;
        request.method = method;
        const qsizetype question = pathAndQuery.indexOf(u'?');
        request.path = pathAndQuery.left(question);
        if (question >= 0)
            for (const QString& pair : pathAndQuery.mid(question + 1).split(u'&'))
                request.query.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
        request.headers = headers;
        if (!token.isEmpty())
            request.headers.insert("authorization", "Bearer " + token.toLatin1());
        request.body = body;
        hub::api::RouteOutcome outcome = router_.handle(request, nowMs);
        if (outcome.response.file) // the bytes the server would stream; `file` stays set
            outcome.response.body = readRegion(*outcome.response.file);
        return outcome;
    }

    static QByteArray readRegion(const hub::api::FileBody& region)
    {
        QFile file(region.path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        REQUIRE(file.seek(region.offsetBytes));
        return file.read(region.lengthBytes);
    }

    static QByteArray json(std::initializer_list<std::pair<const char*, QJsonValue>> members)
    {
        QJsonObject object;
        for (const auto& [key, value] : members)
            object.insert(QString::fromLatin1(key), value);
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    qint64 countRows(const QString& table)
    {
        return db_->queryOne(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table))->integer(0);
    }

private:
    std::unique_ptr<hub::HubDatabase> db_;
    hub::Identity identity_;
    hub::Admin admin_;
    hub::api::Metrics metrics_;
    hub::api::Router router_;
    QString prefix_;
};

} // namespace spoke::test
