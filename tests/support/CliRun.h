#pragma once

// Runs spoke-cli in a child process and keeps what it printed. The test's
// CMake target defines SPOKE_CLI_PATH (the built binary's path).

#include <QByteArray>
#include <QProcess>
#include <QStringList>

#include <catch2/catch.hpp>

namespace spoke::test {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList& args, int timeoutMs = 30'000)
{
    QProcess process;
    process.start(QStringLiteral(SPOKE_CLI_PATH), args);
    REQUIRE(process.waitForFinished(timeoutMs));
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace spoke::test
