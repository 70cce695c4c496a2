#pragma once

#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace spoke::test {

// A real spoke-hub on 127.0.0.1 with a data dir of its own, for the app's
// hub views: `spoke-hub serve` as a child process (killed when this ends)
// and `spoke-hub admin` to set up programmes, invites and sessions.
// Used on the test's thread only.
class HubProcess {
public:
    explicit HubProcess(QString binary) : binary_(std::move(binary)) { }
    ~HubProcess() { stop(); }

    // Serves on 127.0.0.1:port (0: a free one, kept for restarts), with any
    // more `serve` options; returns when listening.
    void start(int port = 0, const QStringList& extraArgs = {})
    {
        REQUIRE_FALSE(serve_);
        serve_ = std::make_unique<QProcess>();
        serve_->setProcessChannelMode(QProcess::SeparateChannels);
        serve_->start(binary_, QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"), dataDir(),
                                           QStringLiteral("--listen"),
                                           QStringLiteral("127.0.0.1:%1").arg(port == 0 ? port_ : port)}
                                   + extraArgs);
        REQUIRE(serve_->waitForStarted(5'000));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 15'000) {
            if (!serve_->canReadLine() && !serve_->waitForReadyRead(500)) {
                REQUIRE(serve_->state() == QProcess::Running);
                continue;
            }
            while (serve_->canReadLine()) {
                const QJsonObject line = QJsonDocument::fromJson(serve_->readLine()).object();
                if (line.value(QStringLiteral("event")).toString() == QLatin1String("listening")) {
                    url_ = line.value(QStringLiteral("url")).toString();
                    while (url_.endsWith(QLatin1Char('/')))
                        url_.chop(1);
                    port_ = QUrl(url_).port();
                    return;
                }
            }
        }
        FAIL("spoke-hub did not say it was listening: " << serve_->readAllStandardError().toStdString());
    }

    // The hub gone at once, as a crash or a pulled cable looks to a client.
    void stop()
    {
        if (!serve_)
            return;
        serve_->kill();
        serve_->waitForFinished(5'000);
        serve_.reset();
    }

    // `spoke-hub admin --data-dir DIR ARGS...`: its one JSON object.
    QJsonObject admin(const QStringList& args)
    {
        QProcess process;
        process.start(binary_, QStringList{QStringLiteral("admin"), QStringLiteral("--data-dir"), dataDir()} + args);
        REQUIRE(process.waitForFinished(15'000));
        INFO(process.readAllStandardError().toStdString());
        REQUIRE(process.exitCode() == 0);
        return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    }
    qint64 addProgramme(const QString& name, const QString& kind)
    {
        return admin({QStringLiteral("programme"), QStringLiteral("add"), QStringLiteral("--name"), name,
                      QStringLiteral("--kind"), kind})
            .value(QStringLiteral("id"))
            .toInteger();
    }
    QString invite(qint64 programme, const QString& role)
    {
        return admin({QStringLiteral("member"), QStringLiteral("invite"), QStringLiteral("--programme"),
                      QString::number(programme), QStringLiteral("--role"), role})
            .value(QStringLiteral("code"))
            .toString();
    }

    QString url() const { return url_; }
    int port() const { return port_; }
    qint64 pid() const { return serve_ ? serve_->processId() : 0; }
    QString dataDir() const { return QString::fromStdString(dir_.path().string()); }

private:
    QString binary_;
    TempDir dir_;
    std::unique_ptr<QProcess> serve_;
    QString url_;
    int port_ = 0;
};

// The other side of a test, as another laptop: `spoke-cli --data-dir DIR
// ARGS...` in a process of its own (one hub worker per process, as in the
// app). Returns stdout; the exit code must be `expectedExit`.
inline QByteArray runCli(const TempDir& dataDir, const QStringList& args, int expectedExit = 0)
{
    QProcess process;
    process.start(QStringLiteral(SPOKE_CLI_PATH),
                  QStringList{QStringLiteral("--data-dir"), QString::fromStdString(dataDir.path().string())} + args);
    REQUIRE(process.waitForFinished(30'000));
    INFO("spoke-cli " << args.join(QLatin1Char(' ')).toStdString() << ": "
                      << process.readAllStandardError().toStdString());
    REQUIRE(process.exitCode() == expectedExit);
    return process.readAllStandardOutput();
}

// `spoke-cli hub join` with a password file, as a second laptop would.
inline void joinWithCli(const TempDir& dataDir, const QString& url, const QString& code, const QString& email,
                        const QString& name, const QString& password)
{
    const std::filesystem::path file = dataDir.path() / "password.txt";
    {
        QFile out(QString::fromStdString(file.string()));
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(password.toUtf8());
    }
    runCli(dataDir, {QStringLiteral("hub"), QStringLiteral("join"), url, QStringLiteral("--invite"), code,
                     QStringLiteral("--email"), email, QStringLiteral("--name"), name,
                     QStringLiteral("--password-file"), QString::fromStdString(file.string())});
}

} // namespace spoke::test
