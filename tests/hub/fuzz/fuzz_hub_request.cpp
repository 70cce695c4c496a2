// Any bytes as an HTTP request to the hub's router, against a temp SQLite hub
// with one signed-in coordinator and a session with an agenda and a Janus
// room (for Janus' events, signed in as janus:fuzz-janus-secret): never a crash,
// a hang, or a 5xx (docs/hub-api.md: "A request never gets 500 for anything
// the client sent"). The input is split as
//     METHOD SP PATH[?QUERY] LF (NAME: VALUE LF)* LF BODY
// and the account's bearer token is added unless the input brings its own
// Authorization header.

#include "hub/admin/Admin.h"
#include "hub/api/Metrics.h"
#include "hub/api/Router.h"
#include "hub/db/HubDatabase.h"
#include "hub/identity/Identity.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

#include <cstdint>
#include <cstdlib>
#include <memory>

namespace {

using namespace spoke::hub;

constexpr qint64 kNowMs = 1'780'000'000'000;
constexpr const char* kEmail = "fuzz@clinic.example";
constexpr const char* kPassword = "correct horse battery";
constexpr const char* kJanusEventsSecret = "fuzz-janus-secret";

// The hub every input talks to; built once, on first use.
struct FuzzHub {
    QTemporaryDir dir;
    std::unique_ptr<HubDatabase> db;
    std::unique_ptr<Identity> identity;
    api::Metrics metrics;
    std::unique_ptr<api::Router> router;
    QString token;

    FuzzHub()
    {
        db = HubDatabase::open(HubDatabaseLocation::sqliteIn(dir.path()));
        identity = std::make_unique<Identity>(*db);
        router = std::make_unique<api::Router>(*db, *identity, metrics);
        // Inputs may upload decks (the corpus has a small PDF); a 503 for
        // "no data dir" would hide the checks behind it.
        router->setDeckDirectory(QDir(dir.path()).filePath(QStringLiteral("decks")));
        Admin admin(*db);
        const qint64 programme = *admin.addProgramme(QStringLiteral("Fuzz TB"), ProgrammeKind::Tb, kNowMs);
        // With an agenda, so that inputs can reach the live-session routes' checks.
        admin.addSession(programme, QStringLiteral("Week 1"), kNowMs + 86'400'000, 60, kNowMs,
                         *Admin::parseAgenda(QStringLiteral("Didactic:15,Case 1:20")));
        auto signedIn = identity->redeemInvite(admin.inviteMember(programme, Role::Coordinator, kNowMs)->code,
                                               QString::fromLatin1(kEmail), QStringLiteral("Fuzz"),
                                               QString::fromLatin1(kPassword), kNowMs);
        if (!signedIn)
            std::abort();
        token = signedIn->token;
        // Janus' events (POST /api/v1/janus/events, HTTP Basic janus:
        // kJanusEventsSecret) reach the parser and the store: session 1 has a
        // room and the coordinator's device token at slot 0 (feed 1000).
        router->setJanusEventsSecret(kJanusEventsSecret);
        db->exec(QStringLiteral("INSERT INTO session_rooms (session_id, janus_instance, janus_room, pin, secret, "
                                "created_ms) VALUES (1, 'main', 100001, 'fuzz-pin', 'fuzz-room-secret', 0)"));
        db->exec(QStringLiteral("INSERT INTO room_tokens (session_id, account_id, device_id, slot, token, created_ms) "
                                "VALUES (1, 1, 'laptop', 0, 'fuzz-device-token', 0)"));
    }

    // An input may log out; the next one should still be signed in.
    void keepSignedIn()
    {
        if (identity->authenticate(token, kNowMs))
            return;
        auto signedIn = identity->login(QString::fromLatin1(kEmail), QString::fromLatin1(kPassword), kNowMs);
        if (!signedIn)
            std::abort();
        token = signedIn->token;
    }
};

api::HttpRequest parseInput(const QByteArray& input, const QString& token)
{
    api::HttpRequest request;
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    request.body = headEnd < 0 ? QByteArray() : input.mid(headEnd + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.value(0);
    const qsizetype space = requestLine.indexOf(' ');
    request.method = requestLine.left(space);
    const QUrl url(QString::fromUtf8(space < 0 ? QByteArray() : requestLine.mid(space + 1)));
    request.path = url.path(QUrl::FullyDecoded);
    for (const auto& [key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        request.query.insert(key, value);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    if (!request.headers.contains("authorization"))
        request.headers.insert("authorization", "Bearer " + token.toLatin1());
    return request;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_hub_request";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static FuzzHub hub;

    hub.keepSignedIn();
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const api::RouteOutcome outcome = hub.router->handle(parseInput(input, hub.token), kNowMs);
    // A room route's 503 media_unavailable is the router's answer for a hub
    // without Janus; with Janus the server hands outcome.room on.
    const bool roomHandOver = outcome.room && outcome.response.status == 503;
    if (outcome.response.status < 200 || (outcome.response.status >= 500 && !roomHandOver))
        std::abort();
    return 0;
}
