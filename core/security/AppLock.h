#pragma once

#include "security/LockTiming.h"
#include "security/PinHash.h"
#include "security/PinRules.h"
#include "util/Expected.h"

#include <QString>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace spoke::security {

struct AppLockError {
    enum class Kind {
        Damaged, // the file is there but is not an app-lock file Spoke can read
        WriteFailed, // the file could not be written
        Crypto, // OpenSSL refused (no randomness, no memory for scrypt)
    };
    Kind kind = Kind::Damaged;
    std::string detail;
};

// The app lock of one profile (one data dir; docs/architecture.md, "The app
// lock"): an optional PIN, kept only as its scrypt hash (PinHash.h), the
// minutes of idleness after which the window locks, and the wrong PINs in a
// row with the time of the last (PinBackOff), so that restarting the app
// does not reset the wait.
//
// All of it is one file, DATA_DIR/app-lock.json, 0600, rewritten atomically
// (QSaveFile) on every change and every wrong PIN. No file: no PIN. A file
// that cannot be read keeps the profile locked (fail closed): whoever looks
// after the laptop removes it to start again.
//
// Clock-free: every call that counts takes the time (wall clock, ms since
// the epoch). A hash takes a fraction of a second (PinHash.h), so the UI
// calls this off its thread (LockModel); one thread at a time.
class AppLock {
public:
    static constexpr const char* kFileName = "app-lock.json";
    static constexpr int kDefaultLockAfterMinutes = 5;
    static constexpr int kMaxLockAfterMinutes = 24 * 60;

    // What a PIN check or a change came to.
    struct Outcome {
        enum class Result {
            Done, // the PIN was right and the change, if any, is kept
            WrongPin, // counted towards the back-off
            MustWait, // a wait is running: the PIN was not even checked
            WeakPin, // the new PIN breaks a rule (weakness says which)
            NoPin, // there is no PIN to check against
            Failed, // nothing changed: error says why
        };
        Result result = Result::Failed;
        std::optional<PinProblem> weakness;
        std::int64_t waitMs = 0; // after WrongPin or MustWait: until the next try
        int triesBeforeWait = 0; // after WrongPin: wrong PINs left before a wait
        std::optional<AppLockError> error;
        bool done() const { return result == Result::Done; }
    };

    // Reads DIR/app-lock.json, if there. `params` are the scrypt costs new
    // hashes get (tests pass cheaper ones); a PIN stored under weaker ones is
    // hashed again with these the next time it is entered right.
    static Expected<AppLock, AppLockError> open(const std::filesystem::path& dir,
                                                ScryptParams params = ScryptParams::current());

    bool pinSet() const { return pin_.has_value(); }
    // The minutes of idleness before the window locks (0: never). Only
    // with a PIN set; kDefaultLockAfterMinutes until the owner changes it.
    int lockAfterMinutes() const { return pinSet() ? lockAfterMinutes_ : 0; }
    std::int64_t waitMs(std::int64_t nowMs) { return backOff_.waitMs(nowMs); }
    int triesBeforeWait() const { return backOff_.triesBeforeWait(); }
    int failures() const { return backOff_.failures(); }
    const std::optional<PinHash>& storedPin() const { return pin_; }
    std::filesystem::path file() const { return dir_ / kFileName; }

    // Checks `pin`: unlocks, or counts a wrong one (kept on disk before
    // this returns), or refuses while a wait runs.
    Outcome verify(const QString& pin, std::int64_t nowMs);
    // Sets the first PIN (currentPin unused) or changes it (currentPin must
    // be right: it is checked, with the back-off, like verify).
    Outcome setPin(const QString& currentPin, const QString& newPin, std::int64_t nowMs);
    // Removes the PIN, and with it the file.
    Outcome removePin(const QString& currentPin, std::int64_t nowMs);
    // Changes the idle minutes (0..kMaxLockAfterMinutes); needs the PIN, so
    // that someone at an unlocked window cannot turn the idle lock off for
    // the next time its owner walks away.
    Outcome setLockAfterMinutes(int minutes, const QString& currentPin, std::int64_t nowMs);

    // The file's text for the state held (exposed for tests of the format).
    QByteArray serialise() const;

private:
    AppLock(std::filesystem::path dir, ScryptParams params) : dir_(std::move(dir)), params_(params) { }

    // The PIN check that every call shares: wait, hash, count.
    Outcome check(const QString& pin, std::int64_t nowMs);
    std::optional<AppLockError> save() const;

    std::filesystem::path dir_;
    ScryptParams params_;
    std::optional<PinHash> pin_;
    int lockAfterMinutes_ = kDefaultLockAfterMinutes;
    PinBackOff backOff_;
};

// Parses an app-lock file's text into `pin`, minutes and back-off; clear
// errors for anything else (a hostile or half-written file).
struct AppLockFile {
    std::optional<PinHash> pin;
    int lockAfterMinutes = AppLock::kDefaultLockAfterMinutes;
    int failures = 0;
    std::int64_t lastFailureMs = 0;
};
Expected<AppLockFile, AppLockError> parseAppLockFile(const QByteArray& text);

} // namespace spoke::security
