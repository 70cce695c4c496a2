#pragma once

#include <QString>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace spoke::test {

// A throwaway PostgreSQL 15 for one test: initdb in a temp dir (trust auth,
// superuser `postgres`, unix socket only, no TCP), started as an unprivileged
// user when the test runs as root (PostgreSQL refuses root), a fresh
// database created, stopped by PID in the destructor (SIGINT: fast shutdown,
// then SIGKILL after a few seconds) and the dir removed.
//
// Usage: auto pg = PostgresServer::start(); if (!pg) { SPOKE_SKIP_OR_FAIL(...); return; }
// (RequireAll.h: a skip is a failure under scripts/test).
// start() answers nothing when PostgreSQL is not installed (the reason is in
// unavailableReason()); it throws std::runtime_error when it is installed but
// will not start, which is a failure, not a skip.
// Threading: the test's thread.
class PostgresServer {
public:
    static std::unique_ptr<PostgresServer> start(const std::string& databaseName = "spoke_hub_test");
    static std::optional<std::string> unavailableReason();

    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;
    ~PostgresServer();

    // Fast shutdown now (what the destructor does, without removing the
    // data), and a start again on the same data: for tests of a hub whose
    // database goes away and comes back.
    void stop();
    void restart();

    // postgresql://postgres@localhost/DBNAME?host=SOCKETDIR (the socket dir
    // overrides the host, so nothing goes over TCP), for HubDatabaseLocation::fromUrl.
    QString url() const;
    const std::filesystem::path& socketDir() const { return dir_; }
    long pid() const { return pid_; }

    // The PostgreSQL binaries this uses (the Debian postgresql-15 package).
    static std::filesystem::path binDir();

private:
    PostgresServer() = default;
    void launch();

    std::filesystem::path dir_;
    std::string databaseName_;
    long pid_ = 0;
};

} // namespace spoke::test
