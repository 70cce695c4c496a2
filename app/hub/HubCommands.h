#pragma once

#include <QMap>
#include <QStringList>

namespace spoke::hub {
class HubDatabase;
}

// The commands of spoke-hub. Each takes the arguments after its own name and
// returns the process exit code: 0 done, 1 failed, 2 bad usage.

// spoke-hub serve ... (app/hub/ServeCommand.cpp)
int runServe(const QStringList& args);

// spoke-hub admin (--data-dir DIR | --database URL) ... (app/hub/AdminCommands.cpp)
int runAdmin(const QStringList& args);

// spoke-hub record --file FILE ... (app/hub/RecordCommand.cpp): the hub's
// recorder of one session, started by serve (core/hub/recorder).
int runRecord(const QStringList& args);

// The usage text of the admin commands, for spoke-hub --help.
QString adminUsage();

// spoke-hub admin ... recording ... (app/hub/RecordingAdminCommands.cpp):
// the command's words ("recording", "import", FILE...), its options without
// --data-dir and --database, and DATA_DIR/recordings.
struct AdminRecordingArgs {
    QStringList words;
    QMap<QString, QString> options;
    QString recordingsDir;
};
int runRecordingAdmin(const AdminRecordingArgs& args, spoke::hub::HubDatabase& db);
QString recordingAdminUsage();
