#pragma once

// A live session through the hub for the Janus call tests: a real
// `spoke-hub serve` (SQLite) in the harness's namespace, pointed at the
// harness's Janus (tests/janus/janus-netns), one programme with one session
// starting now, and members each signed in through their own `spoke-cli`
// data dir (`spoke-cli hub join`), who then join the call with
// `spoke-cli join --hub-session` as a clinic would. Everything goes through
// the two programs' command lines, as a coordinator and a clinic use them
// (README "The hub"). Header-only, next to JoinClient.h; needs
// SPOKE_HUB_PATH and SPOKE_CLI_PATH.

#include "JoinClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimeZone>

#include <functional>
#include <map>

namespace spoke::test {

struct HubReply {
    int status = 0;
    QJsonObject body;
};

struct HubMember {
    QString name;
    QString role; // coordinator, specialist, clinician or trainee
    qint64 accountId = 0;
    QString dataDir; // this member's spoke-cli --data-dir, signed in
    QString token; // its bearer token, for the test's own requests
};

inline bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return done();
}

// Runs a program to its end and returns its stdout; fails the test on a
// non-zero exit, with its stderr.
inline QByteArray runTool(const QString& program, const QStringList& args, int timeoutMs = 30'000)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        FAIL(program.toStdString() << " " << args.join(u' ').toStdString()
                                   << " failed: " << process.readAllStandardError().toStdString());
    }
    return process.readAllStandardOutput();
}

inline QJsonObject lastJsonLine(const QByteArray& output)
{
    const QList<QByteArray> lines = output.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last()).object();
}

class HubSession {
public:
    // `members`: (name, role) pairs, names unique and usable as device ids;
    // `agenda`: the session's agenda as `spoke-hub admin session add
    // --agenda` takes it ("TITLE:MIN,..."), none when empty.
    // The hub listens on SPOKE_JANUS_EVENTS_PORT when the harness runs with
    // --events (Janus posts its events there), else on a free port.
    HubSession(const QTemporaryDir& dir, const QList<std::pair<QString, QString>>& members, const QString& agenda = {})
        : dir_(dir.path())
    {
        const QString data = dir_ + QStringLiteral("/hub");
        const auto admin = [&](const QStringList& args) {
            return lastJsonLine(
                runTool(QStringLiteral(SPOKE_HUB_PATH),
                        QStringList{QStringLiteral("admin"), QStringLiteral("--data-dir"), data} + args));
        };
        const qint64 programme = admin({"programme", "add", "--name", "Namibia HIV ECHO", "--kind", "hiv"})
                                     .value(QLatin1String("id"))
                                     .toInteger();
        const QString starts = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        QStringList session{"session", "add",     "--programme", QString::number(programme),
                            "--title", "Week 14", "--starts",    starts};
        if (!agenda.isEmpty())
            session << QStringLiteral("--agenda") << agenda;
        sessionId_ = admin(session).value(QLatin1String("id")).toInteger();
        REQUIRE(sessionId_ > 0);
        startServe(data);
        for (const auto& [name, role] : members)
            join(admin({"member", "invite", "--programme", QString::number(programme), "--role", role}), name, role);
    }
    ~HubSession()
    {
        if (serve_.state() != QProcess::NotRunning) {
            serve_.terminate();
            if (!serve_.waitForFinished(5000))
                serve_.kill();
            serve_.waitForFinished(5000);
        }
    }
    HubSession(const HubSession&) = delete;
    HubSession& operator=(const HubSession&) = delete;

    qint64 sessionId() const { return sessionId_; }
    QString dataDir() const { return dir_ + QStringLiteral("/hub"); }
    qint64 servePid() const { return serve_.processId(); }
    QString url() const { return url_; }
    const HubMember& member(const QString& name) const { return members_.at(name); }
    QString logFile() const { return dir_ + QStringLiteral("/hub.log"); }

    // Kills serve (SIGKILL: nothing is stopped cleanly) and starts it again
    // on the same data dir and port, its log appended to the first one's.
    void killAndRestartServe()
    {
        serve_.kill();
        REQUIRE(serve_.waitForFinished(5000));
        startServe(dataDir(), QUrl(url_).port());
    }

    // One request as `asMember` (its token), waited for on the event loop.
    HubReply call(const QByteArray& method, const QString& path, const QString& asMember, const QJsonObject& body = {})
    {
        QNetworkRequest request(QUrl(url_ + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + member(asMember).token.toLatin1());
        std::unique_ptr<QNetworkReply> reply(network_.sendCustomRequest(
            request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact)));
        REQUIRE(waitUntil([&] { return reply->isFinished(); }, 30'000));
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object()};
    }

    // The spoke-hub serve options that give it the harness's Janus, and its
    // event handler's secret when the harness has one.
    static QStringList mediaOptions(const QString& dir)
    {
        QFile key(dir + QStringLiteral("/janus-admin-key"));
        REQUIRE(key.open(QIODevice::WriteOnly));
        key.write(env("SPOKE_JANUS_ADMIN_SECRET").toUtf8() + "\n");
        QStringList options{QStringLiteral("--janus"),
                            QStringLiteral("main=") + env("SPOKE_JANUS_HTTP") + QStringLiteral("/janus,")
                                + env("SPOKE_JANUS_WS"),
                            QStringLiteral("--janus-admin-key-file"), key.fileName()};
        // The hub's session recorder gathers ICE where the clients do.
        if (const QString iface = qEnvironmentVariable("SPOKE_ICE_IFACE"); !iface.isEmpty())
            options << QStringLiteral("--recorder-ice-iface") << iface;
        if (const QString events = qEnvironmentVariable("SPOKE_JANUS_EVENTS_SECRET_FILE"); !events.isEmpty())
            options << QStringLiteral("--janus-events-secret-file") << events;
        return options;
    }

private:
    void startServe(const QString& data, int samePort = -1)
    {
        const QString port = samePort > 0 ? QString::number(samePort)
                                          : qEnvironmentVariable("SPOKE_JANUS_EVENTS_PORT", QStringLiteral("0"));
        serve_.setProgram(QStringLiteral(SPOKE_HUB_PATH));
        serve_.setArguments(QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"), data,
                                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:") + port}
                            + mediaOptions(dir_));
        serve_.setStandardErrorFile(logFile(), samePort > 0 ? QIODevice::Append : QIODevice::Truncate);
        serve_.start();
        REQUIRE(serve_.waitForStarted(5000));
        waitUntil([&] { return serve_.canReadLine() || serve_.state() == QProcess::NotRunning; }, 15'000);
        url_ = QJsonDocument::fromJson(serve_.readLine()).object().value(QLatin1String("url")).toString();
        if (url_.isEmpty())
            FAIL("spoke-hub serve did not start; see " << dir_.toStdString() << "/hub.log");
    }

    // Redeems `invite` into an account signed in from its own data dir.
    void join(const QJsonObject& invite, const QString& name, const QString& role)
    {
        HubMember member{name, role, 0, dir_ + QStringLiteral("/") + name, {}};
        QFile password(dir_ + QStringLiteral("/password"));
        REQUIRE(password.open(QIODevice::WriteOnly | QIODevice::Truncate));
        password.write("correct horse battery staple\n");
        password.close();
        const QJsonObject signedIn = lastJsonLine(
            runTool(QStringLiteral(SPOKE_CLI_PATH),
                    {"--data-dir", member.dataDir, "hub", "join", url_, "--invite",
                     invite.value(QLatin1String("code")).toString(), "--email", name.toLower() + "@clinic.example",
                     "--name", name, "--password-file", password.fileName()}));
        member.accountId = signedIn.value(QLatin1String("account")).toObject().value(QLatin1String("id")).toInteger();
        REQUIRE(member.accountId > 0);
        member.token = QString::fromUtf8(
            runTool(QStringLiteral(SPOKE_CLI_PATH), {"--data-dir", member.dataDir, "hub", "token"}).trimmed());
        REQUIRE(!member.token.isEmpty());
        members_.emplace(name, member);
    }

    QString dir_;
    QString url_;
    qint64 sessionId_ = 0;
    QProcess serve_;
    QNetworkAccessManager network_;
    std::map<QString, HubMember> members_;
};

// `spoke-cli join --hub-session` as `name` for `seconds`: the hub gives the
// room, pin, token and feed id (practice allows the harness's ws://); stats
// go to DIR/NAME.json.
inline JoinClient startHubClient(const QTemporaryDir& dir, const HubSession& hub, const QString& name, int seconds,
                                 const QStringList& extra = {})
{
    return launchJoin(dir, name,
                      QStringList{QStringLiteral("--data-dir"), hub.member(name).dataDir, QStringLiteral("join"),
                                  QStringLiteral("--hub-session"), QString::number(hub.sessionId()),
                                  QStringLiteral("--device-id"), name, QStringLiteral("--practice"),
                                  QStringLiteral("--seconds"), QString::number(seconds), QStringLiteral("--ice-iface"),
                                  env("SPOKE_ICE_IFACE")}
                          + extra + QStringList{QStringLiteral("--stats")},
                      dir.filePath(name + QStringLiteral(".log")));
}

} // namespace spoke::test
