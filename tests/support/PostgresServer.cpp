#include "support/PostgresServer.h"

#include <QProcess>
#include <QStringList>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <random>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <vector>

namespace spoke::test {
namespace {

using namespace std::chrono_literals;

constexpr auto kStartTimeout = 30s;
constexpr auto kStopTimeout = 10s;

struct Unprivileged {
    uid_t uid;
    gid_t gid;
};

// PostgreSQL refuses to run as root; as root we run it as `nobody`.
std::optional<Unprivileged> unprivilegedUser()
{
    if (::geteuid() != 0)
        return std::nullopt;
    passwd entry{};
    passwd* nobody = nullptr;
    std::vector<char> buffer(4096);
    if (::getpwnam_r("nobody", &entry, buffer.data(), buffer.size(), &nobody) != 0 || !nobody)
        throw std::runtime_error("PostgresServer: running as root and there is no user 'nobody' to run PostgreSQL as");
    return Unprivileged{nobody->pw_uid, nobody->pw_gid};
}

// The command line, prefixed with setpriv to drop root when needed. setpriv
// execs in place, so the PID we get is PostgreSQL's own.
std::vector<std::string> asServerUser(const std::vector<std::string>& command)
{
    const std::optional<Unprivileged> user = unprivilegedUser();
    if (!user)
        return command;
    std::vector<std::string> wrapped{"/usr/bin/setpriv", "--reuid=" + std::to_string(user->uid),
                                     "--regid=" + std::to_string(user->gid), "--clear-groups", "--"};
    wrapped.insert(wrapped.end(), command.begin(), command.end());
    return wrapped;
}

void runToCompletion(const std::vector<std::string>& command, const std::string& what)
{
    QProcess process;
    QStringList arguments;
    for (std::size_t i = 1; i < command.size(); ++i)
        arguments << QString::fromStdString(command[i]);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QString::fromStdString(command[0]), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        process.kill();
        process.waitForFinished(5000);
        throw std::runtime_error("PostgresServer: " + what + " failed: " + process.readAll().toStdString());
    }
}

pid_t spawn(const std::vector<std::string>& command, const std::filesystem::path& logFile)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<char*> argv;
    argv.reserve(command.size() + 1);
    for (const std::string& arg : command)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        throw std::runtime_error("PostgresServer: cannot start " + command[0] + ": "
                                 + std::generic_category().message(rc));
    return pid;
}

// True once the child is gone; ECHILD means it was already reaped.
bool exited(pid_t pid)
{
    int status = 0;
    const pid_t result = ::waitpid(pid, &status, WNOHANG);
    return result == pid || (result < 0 && errno == ECHILD);
}

} // namespace

std::filesystem::path PostgresServer::binDir()
{
    return "/usr/lib/postgresql/15/bin";
}

std::optional<std::string> PostgresServer::unavailableReason()
{
    for (const char* tool : {"initdb", "postgres", "pg_isready", "createdb"}) {
        if (!std::filesystem::exists(binDir() / tool))
            return "PostgreSQL 15 is not installed (" + (binDir() / tool).string()
                   + " is missing; scripts/deps installs postgresql-15)";
    }
    return std::nullopt;
}

std::unique_ptr<PostgresServer> PostgresServer::start(const std::string& databaseName)
{
    if (unavailableReason())
        return nullptr;
    std::unique_ptr<PostgresServer> server(new PostgresServer());
    std::random_device random;
    server->dir_ = std::filesystem::temp_directory_path() / ("spoke-pg-" + std::to_string(random()));
    server->databaseName_ = databaseName;
    std::filesystem::create_directories(server->dir_);
    if (const std::optional<Unprivileged> user = unprivilegedUser()) {
        if (::chown(server->dir_.c_str(), user->uid, user->gid) != 0)
            throw std::runtime_error("PostgresServer: cannot hand " + server->dir_.string() + " to nobody");
    }
    const std::string data = (server->dir_ / "data").string();
    // Trust auth over a socket only this test's directory holds; no sync,
    // because a throwaway cluster need not survive a power cut.
    runToCompletion(asServerUser({(binDir() / "initdb").string(), "-D", data, "-U", "postgres", "--auth=trust",
                                  "--no-sync", "-E", "UTF8", "--locale=C"}),
                    "initdb");
    server->launch();
    runToCompletion({(binDir() / "createdb").string(), "-h", server->dir_.string(), "-U", "postgres", databaseName},
                    "createdb " + databaseName);
    return server;
}

void PostgresServer::launch()
{
    const std::string data = (dir_ / "data").string();
    pid_ = spawn(asServerUser({(binDir() / "postgres").string(), "-D", data, "-k", dir_.string(), "-c",
                               "listen_addresses=", "-c", "fsync=off", "-c", "full_page_writes=off"}),
                 dir_ / "postgres.log");

    const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    for (;;) {
        if (exited(static_cast<pid_t>(pid_))) {
            pid_ = 0;
            throw std::runtime_error("PostgresServer: postgres exited at start; see "
                                     + (dir_ / "postgres.log").string());
        }
        QProcess ready;
        ready.start(QString::fromStdString((binDir() / "pg_isready").string()),
                    {QStringLiteral("-q"), QStringLiteral("-h"), QString::fromStdString(dir_.string()),
                     QStringLiteral("-U"), QStringLiteral("postgres")});
        if (ready.waitForFinished(5000) && ready.exitStatus() == QProcess::NormalExit && ready.exitCode() == 0)
            break;
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("PostgresServer: postgres did not accept connections within 30 s");
        std::this_thread::sleep_for(100ms);
    }
}

void PostgresServer::stop()
{
    if (pid_ <= 0)
        return;
    const pid_t pid = static_cast<pid_t>(pid_);
    pid_ = 0;
    // SIGINT is PostgreSQL's fast shutdown: it ends sessions and exits.
    ::kill(pid, SIGINT);
    const auto deadline = std::chrono::steady_clock::now() + kStopTimeout;
    bool gone = exited(pid);
    while (!gone && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(20ms);
        gone = exited(pid);
    }
    if (!gone) {
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
    }
}

void PostgresServer::restart()
{
    stop();
    launch();
}

PostgresServer::~PostgresServer()
{
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

QString PostgresServer::url() const
{
    return QStringLiteral("postgresql://postgres@localhost/%1?host=%2")
        .arg(QString::fromStdString(databaseName_), QString::fromStdString(dir_.string()));
}

} // namespace spoke::test
