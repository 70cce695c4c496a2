// The app lock's core (core/security: PinRules, PinHash, LockTiming,
// AppLock) against real files in a temporary data dir: the PIN rules, the
// hash and its parameters, the back-off kept across a restart, the idle
// policy, and damaged files.

#include "security/AppLock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QFile>

#include <sys/stat.h>

using namespace spoke::security;
using spoke::test::TempDir;
using Result = AppLock::Outcome::Result;

namespace {

// Cheap scrypt costs for the tests that are not about the costs.
const ScryptParams kFast{1024, 8, 1};
constexpr std::int64_t kT0 = 1'800'000'000'000; // some wall-clock time, ms

AppLock openIn(const TempDir& dir, ScryptParams params = kFast)
{
    auto lock = AppLock::open(dir.path(), params);
    REQUIRE(lock);
    return *lock;
}

QByteArray readAll(const std::filesystem::path& path)
{
    QFile file(QString::fromStdString(path.string()));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeAll(const std::filesystem::path& path, const QByteArray& bytes)
{
    QFile file(QString::fromStdString(path.string()));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

TEST_CASE("PIN rules turn away weak PINs with a reason and let ordinary ones through", "[security][applock]")
{
    CHECK(checkPin(QStringLiteral("")) == PinProblem::TooShort);
    CHECK(checkPin(QStringLiteral("385")) == PinProblem::TooShort);
    CHECK(checkPin(QStringLiteral("3852917460381")) == PinProblem::TooLong);
    CHECK(checkPin(QStringLiteral("38a5")) == PinProblem::NotDigits);
    CHECK(checkPin(QStringLiteral("38 52")) == PinProblem::NotDigits);
    CHECK(checkPin(QStringLiteral("٣٨٥٢")) == PinProblem::NotDigits); // Arabic-Indic digits
    for (const char* weak : {"0000", "1111", "777777", "999999999999"})
        CHECK(checkPin(QString::fromLatin1(weak)) == PinProblem::OneDigitRepeated);
    for (const char* weak : {"1234", "4321", "0123456789", "9876", "7890", "8901", "3210"})
        CHECK(checkPin(QString::fromLatin1(weak)) == PinProblem::Sequence);
    for (const char* weak : {"1212", "1010", "6969", "123123", "5050", "12341234", "385385"})
        CHECK(checkPin(QString::fromLatin1(weak)) == PinProblem::RepeatedPattern);
    for (const char* fine : {"3852", "2580", "1357", "385291", "118822", "385291746038", "1231"})
        CHECK_FALSE(checkPin(QString::fromLatin1(fine)).has_value());
}

TEST_CASE("A PIN hash is salted scrypt and matches only its PIN", "[security][applock]")
{
    const auto a = hashPin(QStringLiteral("385291"), kFast);
    const auto b = hashPin(QStringLiteral("385291"), kFast);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->salt.size() == kPinSaltBytes);
    CHECK(a->hash.size() == kPinHashBytes);
    CHECK(a->salt != b->salt); // fresh salt each time: the same PIN hashes differently
    CHECK(a->hash != b->hash);
    CHECK(*pinMatches(*a, QStringLiteral("385291")));
    CHECK_FALSE(*pinMatches(*a, QStringLiteral("385290")));
    CHECK_FALSE(*pinMatches(*a, QStringLiteral("")));
    // RFC 7914 §12's second test vector, through the same OpenSSL call: the
    // hash is scrypt itself, not something named after it.
    PinHash vector;
    vector.params = {1024, 8, 16};
    vector.salt = QByteArrayLiteral("NaCl");
    vector.hash = QByteArray::fromHex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162");
    CHECK(*pinMatches(vector, QStringLiteral("password")));
    CHECK_FALSE(*pinMatches(vector, QStringLiteral("passwore")));
}

TEST_CASE("The default scrypt costs are the interactive ones and implausible ones are refused", "[security][applock]")
{
    const ScryptParams current = ScryptParams::current();
    CHECK(current.n == 32768);
    CHECK(current.r == 8);
    CHECK(current.p == 1);
    CHECK(current.memoryBytes() == 32ULL << 20);
    CHECK(current.plausible());
    CHECK(kFast.weakerThan(current));
    CHECK_FALSE(current.weakerThan(kFast));
    CHECK_FALSE((ScryptParams{1000, 8, 1}.plausible())); // N not a power of two
    CHECK_FALSE((ScryptParams{std::uint64_t{1} << 20, 8, 1}.plausible())); // 1 GiB
    CHECK_FALSE(hashPin(QStringLiteral("385291"), ScryptParams{1000, 8, 1}));
}

TEST_CASE("Setting a PIN writes only its hash to a 0600 file in the data dir", "[security][applock]")
{
    const TempDir dir;
    AppLock lock = openIn(dir);
    CHECK_FALSE(lock.pinSet());
    CHECK(lock.lockAfterMinutes() == 0);
    CHECK_FALSE(std::filesystem::exists(lock.file()));

    const auto weak = lock.setPin({}, QStringLiteral("1234"), kT0);
    CHECK(weak.result == Result::WeakPin);
    CHECK(weak.weakness == PinProblem::Sequence);
    CHECK_FALSE(std::filesystem::exists(lock.file()));

    REQUIRE(lock.setPin({}, QStringLiteral("385291"), kT0).done());
    CHECK(lock.pinSet());
    CHECK(lock.lockAfterMinutes() == AppLock::kDefaultLockAfterMinutes);
    struct stat info { };
    REQUIRE(::stat(lock.file().c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const QByteArray text = readAll(lock.file());
    CHECK_FALSE(text.contains("385291"));
    CHECK(text.contains("\"kdf\": \"scrypt\""));
    CHECK(text.contains("\"n\": 1024"));
    CHECK(text.contains(lock.storedPin()->salt.toBase64()));

    // A new process reads the same PIN back.
    AppLock again = openIn(dir);
    CHECK(again.pinSet());
    CHECK(again.verify(QStringLiteral("385291"), kT0).done());
    CHECK(again.verify(QStringLiteral("385292"), kT0).result == Result::WrongPin);
}

TEST_CASE("Changing or removing a PIN needs the current one", "[security][applock]")
{
    const TempDir dir;
    AppLock lock = openIn(dir);
    REQUIRE(lock.setPin({}, QStringLiteral("385291"), kT0).done());

    CHECK(lock.setPin(QStringLiteral("000001"), QStringLiteral("2580"), kT0).result == Result::WrongPin);
    CHECK(lock.verify(QStringLiteral("385291"), kT0).done()); // unchanged
    CHECK(lock.setPin(QStringLiteral("385291"), QStringLiteral("1111"), kT0).result == Result::WeakPin);
    REQUIRE(lock.setPin(QStringLiteral("385291"), QStringLiteral("2580"), kT0).done());
    CHECK(lock.verify(QStringLiteral("385291"), kT0).result == Result::WrongPin);
    CHECK(lock.verify(QStringLiteral("2580"), kT0).done());

    CHECK(lock.setLockAfterMinutes(0, QStringLiteral("9999"), kT0).result == Result::WrongPin);
    CHECK(lock.lockAfterMinutes() == AppLock::kDefaultLockAfterMinutes);
    REQUIRE(lock.setLockAfterMinutes(15, QStringLiteral("2580"), kT0).done());
    CHECK(openIn(dir).lockAfterMinutes() == 15);

    CHECK(lock.removePin(QStringLiteral("385291"), kT0).result == Result::WrongPin);
    CHECK(lock.pinSet());
    REQUIRE(lock.removePin(QStringLiteral("2580"), kT0).done());
    CHECK_FALSE(lock.pinSet());
    CHECK_FALSE(std::filesystem::exists(lock.file()));
    CHECK(lock.verify(QStringLiteral("2580"), kT0).result == Result::NoPin);
    CHECK_FALSE(openIn(dir).pinSet());
}

TEST_CASE("Wrong PINs back off from the fifth and the wait survives a restart", "[security][applock]")
{
    const TempDir dir;
    {
        AppLock lock = openIn(dir);
        REQUIRE(lock.setPin({}, QStringLiteral("385291"), kT0).done());
        for (int i = 1; i <= 4; ++i) {
            const auto wrong = lock.verify(QStringLiteral("111222"), kT0 + i);
            CHECK(wrong.result == Result::WrongPin);
            CHECK(wrong.waitMs == 0);
            CHECK(wrong.triesBeforeWait == PinBackOff::kFreeAttempts - i);
        }
        const auto fifth = lock.verify(QStringLiteral("111222"), kT0 + 5);
        CHECK(fifth.result == Result::WrongPin);
        CHECK(fifth.waitMs == 30'000);
        CHECK(fifth.triesBeforeWait == 0);
    }
    // "Restart the app": the wait is read back from the file.
    AppLock lock = openIn(dir);
    CHECK(lock.failures() == 5);
    const auto early = lock.verify(QStringLiteral("385291"), kT0 + 5 + 5'000);
    CHECK(early.result == Result::MustWait); // even the right PIN is not checked
    CHECK(early.waitMs == 25'000);
    CHECK(lock.failures() == 5); // a refused try is not a failure
    // Waits double: 30 s, 1 min, 2 min …
    const auto sixth = lock.verify(QStringLiteral("111222"), kT0 + 5 + 30'000);
    CHECK(sixth.result == Result::WrongPin);
    CHECK(sixth.waitMs == 60'000);
    CHECK(lock.verify(QStringLiteral("385291"), kT0 + 5 + 30'000 + 59'999).result == Result::MustWait);
    CHECK(lock.verify(QStringLiteral("385291"), kT0 + 5 + 30'000 + 60'000).done());
    CHECK(lock.failures() == 0);
    CHECK(openIn(dir).failures() == 0); // the reset is kept too
}

TEST_CASE("The back-off grows to an hour and a clock set back never lengthens it", "[security][applock]")
{
    CHECK(PinBackOff::waitAfter(4) == 0);
    CHECK(PinBackOff::waitAfter(5) == 30'000);
    CHECK(PinBackOff::waitAfter(6) == 60'000);
    CHECK(PinBackOff::waitAfter(11) == 1'920'000);
    CHECK(PinBackOff::waitAfter(12) == PinBackOff::kMaxWaitMs);
    CHECK(PinBackOff::waitAfter(1'000'000) == PinBackOff::kMaxWaitMs);

    PinBackOff backOff(5, kT0);
    CHECK(backOff.waitMs(kT0 + 10'000) == 20'000);
    // The clock is set back a day: the wait restarts from now, 30 s, not a day and 30 s.
    CHECK(backOff.waitMs(kT0 - 86'400'000) == 30'000);
    CHECK(backOff.waitMs(kT0 - 86'400'000 + 30'000) == 0);
}

TEST_CASE("A PIN stored under weaker scrypt costs is hashed again with the current ones", "[security][applock]")
{
    const TempDir dir;
    REQUIRE(openIn(dir, kFast).setPin({}, QStringLiteral("385291"), kT0).done());
    const ScryptParams stronger{2048, 8, 1};
    AppLock lock = openIn(dir, stronger);
    CHECK(lock.storedPin()->params == kFast);
    CHECK(lock.verify(QStringLiteral("111222"), kT0).result == Result::WrongPin); // a wrong PIN raises nothing
    CHECK(lock.storedPin()->params == kFast);
    REQUIRE(lock.verify(QStringLiteral("385291"), kT0).done());
    CHECK(lock.storedPin()->params == stronger);
    AppLock reread = openIn(dir, stronger);
    CHECK(reread.storedPin()->params == stronger);
    CHECK(readAll(reread.file()).contains("\"n\": 2048"));
    CHECK(reread.verify(QStringLiteral("385291"), kT0).done());
}

TEST_CASE("The default costs hash and check a PIN", "[security][applock]")
{
    const TempDir dir;
    AppLock lock = openIn(dir, ScryptParams::current());
    REQUIRE(lock.setPin({}, QStringLiteral("385291"), kT0).done());
    CHECK(readAll(lock.file()).contains("\"n\": 32768"));
    CHECK(openIn(dir).verify(QStringLiteral("385291"), kT0).done());
}

TEST_CASE("A damaged app-lock file keeps the profile closed with a clear reason", "[security][applock]")
{
    const TempDir dir;
    const auto path = dir.path() / AppLock::kFileName;
    const auto refused = [&](const QByteArray& text) {
        writeAll(path, text);
        auto lock = AppLock::open(dir.path(), kFast);
        REQUIRE_FALSE(lock);
        CHECK(lock.error().kind == AppLockError::Kind::Damaged);
        CHECK(lock.error().detail.find(path.string()) != std::string::npos);
        return lock.error().detail;
    };
    CHECK(refused("{\"format\": \"spoke-app-lock/1\", \"pin\": ").find("JSON") != std::string::npos);
    CHECK(refused("[]").find("JSON object") != std::string::npos);
    CHECK(refused("{\"format\": \"other\"}").find("spoke-app-lock/1") != std::string::npos);

    std::filesystem::remove(path);
    AppLock lock = openIn(dir);
    REQUIRE(lock.setPin({}, QStringLiteral("385291"), kT0).done());
    const QByteArray good = readAll(path);
    // A hostile file asking for 1 GiB of scrypt memory, a short hash, a negative count.
    CHECK(refused(QByteArray(good).replace("\"n\": 1024", "\"n\": 1048576")).find("out of range") != std::string::npos);
    CHECK(refused(QByteArray(good).replace("\"n\": 1024", "\"n\": 1000")).find("out of range") != std::string::npos);
    const QByteArray hash = lock.storedPin()->hash.toBase64();
    CHECK(refused(QByteArray(good).replace(hash, "AAAA")).find("wrong length") != std::string::npos);
    CHECK(refused(QByteArray(good).replace("\"failed_attempts\": 0", "\"failed_attempts\": -1")).find("failed_attempts")
          != std::string::npos);
    CHECK(refused(QByteArray(good).replace("\"kdf\": \"scrypt\"", "\"kdf\": \"md5\"")).find("scrypt")
          != std::string::npos);
    writeAll(path, good);
    CHECK(openIn(dir).pinSet());
}

TEST_CASE("The idle policy is due after its minutes without input and off at zero", "[security][applock]")
{
    IdleLockPolicy idle;
    idle.noteActivity(kT0);
    CHECK_FALSE(idle.isDue(kT0 + 3'600'000)); // off
    CHECK(idle.msUntilDue(kT0) == -1);
    idle.setLockAfterMinutes(5);
    CHECK(idle.msUntilDue(kT0) == 300'000);
    CHECK_FALSE(idle.isDue(kT0 + 299'999));
    CHECK(idle.isDue(kT0 + 300'000));
    idle.noteActivity(kT0 + 200'000);
    CHECK_FALSE(idle.isDue(kT0 + 300'000));
    CHECK(idle.msUntilDue(kT0 + 300'000) == 200'000);
    CHECK(idle.isDue(kT0 + 500'000));
    // A clock set back before the last input waits the whole time, no more.
    CHECK(idle.msUntilDue(kT0) == 300'000);
    idle.setLockAfterMinutes(-3);
    CHECK(idle.lockAfterMinutes() == 0);
}
