#pragma once

// Real processes for the sync tests: `spoke-hub serve` on 127.0.0.1 with a
// free port, `spoke-hub admin` to set it up, and `spoke-cli` with its own
// data dir per person, and a signed-in client for the tests that talk to
// the hub themselves. Every wait is bounded.

#include "sync/HubClient.h"
#include "sync/HubProtocol.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>
#include <QUrl>

#include <csignal>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

namespace spoke::test {

struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(out).array(); }
};

inline RunResult runProgram(const QString& program, const QStringList& args, int timeoutMs = 60'000)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForStarted(10'000))
        throw std::runtime_error("could not start " + program.toStdString());
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5'000);
        throw std::runtime_error("timed out: " + program.toStdString() + " " + args.join(' ').toStdString());
    }
    RunResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// spoke-cli with its own data dir: one person's laptop.
class Laptop {
public:
    explicit Laptop(std::filesystem::path dataDir) : dataDir_(std::move(dataDir))
    {
        std::filesystem::create_directories(dataDir_);
    }

    QStringList argsFor(const QStringList& args) const
    {
        return QStringList{QStringLiteral("--data-dir"), QString::fromStdString(dataDir_.string())} + args;
    }
    RunResult run(const QStringList& args, int timeoutMs = 60'000) const
    {
        return runProgram(QStringLiteral(SPOKE_CLI_PATH), argsFor(args), timeoutMs);
    }
    const std::filesystem::path& dataDir() const { return dataDir_; }

    // Writes `text` to a file in the data dir and returns its path.
    QString file(const QString& name, const QByteArray& text) const
    {
        const QString path = QString::fromStdString((dataDir_ / name.toStdString()).string());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size())
            throw std::runtime_error("cannot write " + path.toStdString());
        return path;
    }

    // `spoke-cli cases import` of `document`; returns the local case id.
    QString importCase(const QByteArray& document) const
    {
        const RunResult imported = run({"cases", "import", file(QStringLiteral("case.json"), document)});
        INFO(imported.err.toStdString());
        REQUIRE(imported.exitCode == 0);
        return QString::fromUtf8(imported.out.trimmed());
    }

private:
    std::filesystem::path dataDir_;
};

// Where a hub keeps its data: a data dir, and a PostgreSQL URL or none (SQLite).
struct HubStorage {
    std::filesystem::path dataDir;
    QString databaseUrl;

    QStringList args() const
    {
        QStringList result{QStringLiteral("--data-dir"), QString::fromStdString(dataDir.string())};
        if (!databaseUrl.isEmpty())
            result << QStringLiteral("--database") << databaseUrl;
        return result;
    }
};

inline QJsonObject hubAdmin(const HubStorage& storage, const QStringList& args)
{
    QStringList all{QStringLiteral("admin")};
    if (storage.databaseUrl.isEmpty())
        all << QStringLiteral("--data-dir") << QString::fromStdString(storage.dataDir.string());
    else
        all << QStringLiteral("--database") << storage.databaseUrl;
    const RunResult result = runProgram(QStringLiteral(SPOKE_HUB_PATH), all + args);
    if (result.exitCode != 0)
        throw std::runtime_error("spoke-hub admin failed: " + result.err.toStdString());
    return result.json();
}

// `spoke-hub serve --listen 127.0.0.1:0`, up once it printed its listening line.
class HubProcess {
public:
    explicit HubProcess(HubStorage storage) : storage_(std::move(storage)) { start(); }
    ~HubProcess() { stop(); }

    // Starts (again) on the port it had, or on a free one the first time.
    void start()
    {
        const QString listen = QStringLiteral("127.0.0.1:%1").arg(port_);
        process_ = std::make_unique<QProcess>();
        process_->setProcessChannelMode(QProcess::SeparateChannels);
        process_->start(QStringLiteral(SPOKE_HUB_PATH), QStringList{QStringLiteral("serve")} + storage_.args()
                                                            + QStringList{QStringLiteral("--listen"), listen});
        if (!process_->waitForStarted(10'000))
            throw std::runtime_error("spoke-hub did not start");
        QElapsedTimer timer;
        timer.start();
        QByteArray buffered;
        while (timer.elapsed() < 30'000) {
            process_->waitForReadyRead(200);
            buffered += process_->readAllStandardOutput();
            for (const QByteArray& line : buffered.split('\n')) {
                const QJsonObject event = QJsonDocument::fromJson(line).object();
                if (event.value(QStringLiteral("event")).toString() == QLatin1String("listening")) {
                    url_ = event.value(QStringLiteral("url")).toString();
                    port_ = QUrl(url_).port();
                    return;
                }
            }
            if (process_->state() == QProcess::NotRunning)
                break;
        }
        throw std::runtime_error("spoke-hub never said it was listening: "
                                 + process_->readAllStandardError().toStdString());
    }

    // SIGKILL: no shutdown code runs, as when the machine loses power.
    void kill()
    {
        if (process_ && process_->state() != QProcess::NotRunning) {
            ::kill(static_cast<pid_t>(process_->processId()), SIGKILL);
            process_->waitForFinished(10'000);
        }
        process_.reset();
    }

    bool running() const { return process_ && process_->state() != QProcess::NotRunning; }

    void stop()
    {
        if (process_ && process_->state() != QProcess::NotRunning) {
            process_->terminate();
            if (!process_->waitForFinished(10'000))
                kill();
        }
        process_.reset();
    }

    const QString& url() const { return url_; }
    const HubStorage& storage() const { return storage_; }

private:
    HubStorage storage_;
    std::unique_ptr<QProcess> process_;
    QString url_;
    int port_ = 0;
};

// A programme with a clinician and a specialist invited and one session.
struct HubSetup {
    qint64 programmeId = 0;
    QString clinicianInvite;
    QString specialistInvite;
    qint64 sessionId = 0;
};

inline HubSetup setUpHub(const HubStorage& storage)
{
    HubSetup setup;
    setup.programmeId =
        hubAdmin(storage, {"programme", "add", "--name", "TB ECHO Kenya", "--kind", "tb"}).value("id").toInteger();
    const QString programme = QString::number(setup.programmeId);
    setup.clinicianInvite = hubAdmin(storage, {"member", "invite", "--programme", programme, "--role", "clinician"})
                                .value("code")
                                .toString();
    setup.specialistInvite = hubAdmin(storage, {"member", "invite", "--programme", programme, "--role", "specialist"})
                                 .value("code")
                                 .toString();
    setup.sessionId = hubAdmin(storage, {"session", "add", "--programme", programme, "--title", "Week 9 case review",
                                         "--starts", "2026-12-10T14:00:00Z"})
                          .value("id")
                          .toInteger();
    return setup;
}

// Joins a hub as one person; returns the `hub join` output.
inline QJsonObject join(const Laptop& laptop, const QString& url, const QString& invite, const QString& email,
                        const QString& name)
{
    const QString password = laptop.file(QStringLiteral("password.txt"), "a long enough password\n");
    const RunResult result = laptop.run(
        {"hub", "join", url, "--invite", invite, "--email", email, "--name", name, "--password-file", password});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    return result.json();
}

// The clean TB case fixture under another case_id.
inline QByteArray cleanCase(const QString& caseId)
{
    QFile file(QStringLiteral(SPOKE_SOURCE_DIR "/tests/sync/fixtures/clean_tb_kenya.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("missing tests/sync/fixtures/clean_tb_kenya.json");
    QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    document.insert(QStringLiteral("case_id"), caseId);
    return QJsonDocument(document).toJson();
}

// Polls `done` every few milliseconds for at most `timeoutMs`.
inline bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (done())
            return true;
        QThread::msleep(5);
    }
    return done();
}

// Runs the test thread's event loop until `done` or the timeout: for code
// that answers through queued signals on this thread (EventListener).
inline bool spinFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return done();
}

// Redeems `invite` over the API and returns a client signed in with the
// new account's token; `accountId` gets the account's id.
inline std::unique_ptr<sync::HubClient> redeemedClient(const QString& url, const QString& invite, const QString& email,
                                                       const QString& name, qint64& accountId)
{
    auto client = std::make_unique<sync::HubClient>(QUrl(url), 10'000);
    const QJsonObject request{{"code", invite}, {"email", email}, {"name", name}, {"password", "a long password"}};
    auto answer = client->call("POST", "api/v1/invites/redeem", QJsonDocument(request).toJson());
    INFO((answer ? QString() : answer.error().detail).toStdString());
    REQUIRE(answer.ok());
    const auto auth = sync::parseAuthAnswer(*answer);
    REQUIRE(auth.ok());
    client->setToken(auth->token);
    accountId = auth->accountId;
    return client;
}

} // namespace spoke::test
