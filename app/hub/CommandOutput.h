#pragma once

// What every spoke-hub command prints and returns (app/hub/HubCommands.h):
// one compact JSON object per line on stdout, a sentence on stderr, and the
// exit codes 0 done, 1 failed, 2 bad usage.

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cstdio>

namespace spoke::hubcli {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kBadUsage = 2;

inline void printLine(const QJsonObject& object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

inline int fail(int code, const QString& message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return code;
}

} // namespace spoke::hubcli
