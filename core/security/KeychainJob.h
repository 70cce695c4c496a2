#pragma once

#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace spoke::security {

struct KeychainOutcome {
    bool finished = false; // false: no answer within the timeout, or no QCoreApplication
    int error = 0; // QKeychain::Error
    QString text; // what a ReadPasswordJob read (textData)
    QByteArray binary; // what a ReadPasswordJob read (binaryData)
};

// Runs a QtKeychain job on the application's main thread, where QtKeychain
// keeps its one job executor (it is not thread-safe), and waits at most
// `timeoutMs` for it: a keyring that hangs must not hang the caller. From
// another thread, the main thread's event loop must be running. The job
// deletes itself when it ends, also after a timeout, so nothing here frees
// what the keychain may still use.
KeychainOutcome runKeychainJob(std::function<QKeychain::Job*()> makeJob, int timeoutMs);

} // namespace spoke::security
