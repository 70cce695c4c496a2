#pragma once

#include "CliContext.h"

#include <QStringList>

#include <span>

namespace spoke::cli {

// `args` holds what follows the command words, e.g. for
// `spoke-cli search viral --json` the command is "search" and args is
// {"viral", "--json"}.
using CommandFn = int (*)(CliContext& context, const QStringList& args);

struct Command {
    const char* words; // "sessions list"
    const char* usage; // arguments after the words
    const char* summary; // one line for --help
    CommandFn run;
};

std::span<const Command> allCommands();

int runSessionsList(CliContext&, const QStringList&);
int runSearch(CliContext&, const QStringList&);
int runDemoSeed(CliContext&, const QStringList&);
int runCacheStatus(CliContext&, const QStringList&);
int runCacheEncrypt(CliContext&, const QStringList&);
int runCacheDecrypt(CliContext&, const QStringList&);
int runBenchSearch(CliContext&, const QStringList&);
int runCasesCheck(CliContext&, const QStringList&);
int runCasesValidate(CliContext&, const QStringList&);
int runCasesCleanAttachment(CliContext&, const QStringList&);
int runBenchDeid(CliContext&, const QStringList&);
int runDevices(CliContext&, const QStringList&);
int runDevicesTestAudio(CliContext&, const QStringList&);
int runBenchEncode(CliContext&, const QStringList&);
int runBenchLive(CliContext&, const QStringList&);
int runBenchLoopback(CliContext&, const QStringList&);
int runBenchOpus(CliContext&, const QStringList&);
int runRecord(CliContext&, const QStringList&);
int runProbe(CliContext&, const QStringList&);
int runPlay(CliContext&, const QStringList&);
int runBenchPlayback(CliContext&, const QStringList&);
int runBenchRenditions(CliContext&, const QStringList&);
int runJoin(CliContext&, const QStringList&);
int runHubJoin(CliContext&, const QStringList&);
int runHubLogin(CliContext&, const QStringList&);
int runHubLogout(CliContext&, const QStringList&);
int runHubToken(CliContext&, const QStringList&);
int runSync(CliContext&, const QStringList&);
int runReviewQueue(CliContext&, const QStringList&);
int runReviewRecommend(CliContext&, const QStringList&);
int runReviewReturn(CliContext&, const QStringList&);
int runCasesImport(CliContext&, const QStringList&);
int runCasesSubmit(CliContext&, const QStringList&);
int runCasesOverride(CliContext&, const QStringList&);
int runCasesShow(CliContext&, const QStringList&);
int runSlidesInfo(CliContext&, const QStringList&);
int runSlidesRender(CliContext&, const QStringList&);
int runRecordingsList(CliContext&, const QStringList&);
int runRecordingsDownload(CliContext&, const QStringList&);

} // namespace spoke::cli
