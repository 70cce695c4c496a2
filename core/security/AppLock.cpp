#include "security/AppLock.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace spoke::security {

namespace {

const QString kFormat = QStringLiteral("spoke-app-lock/1");
constexpr qint64 kMaxFileBytes = 64 * 1024;

AppLockError damaged(const std::string& why)
{
    return {AppLockError::Kind::Damaged, why};
}

QJsonObject pinToJson(const PinHash& pin)
{
    return {{QStringLiteral("kdf"), QStringLiteral("scrypt")},
            {QStringLiteral("n"), static_cast<double>(pin.params.n)},
            {QStringLiteral("r"), static_cast<double>(pin.params.r)},
            {QStringLiteral("p"), static_cast<double>(pin.params.p)},
            {QStringLiteral("salt"), QString::fromLatin1(pin.salt.toBase64())},
            {QStringLiteral("hash"), QString::fromLatin1(pin.hash.toBase64())}};
}

// A JSON number that is a whole number in [low, high].
std::optional<std::int64_t> wholeIn(const QJsonValue& value, double low, double high)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < low || number > high || number != static_cast<double>(static_cast<std::int64_t>(number)))
        return std::nullopt;
    return static_cast<std::int64_t>(number);
}

Expected<PinHash, AppLockError> pinFromJson(const QJsonObject& object)
{
    if (object.value(QStringLiteral("kdf")).toString() != QStringLiteral("scrypt"))
        return damaged("the PIN's hash is not scrypt");
    const auto n = wholeIn(object.value(QStringLiteral("n")), 2, 1 << 24);
    const auto r = wholeIn(object.value(QStringLiteral("r")), 1, 64);
    const auto p = wholeIn(object.value(QStringLiteral("p")), 1, 16);
    if (!n || !r || !p)
        return damaged("the PIN's scrypt parameters are missing or out of range");
    PinHash pin;
    pin.params = {static_cast<std::uint64_t>(*n), static_cast<std::uint32_t>(*r), static_cast<std::uint32_t>(*p)};
    if (!pin.params.plausible())
        return damaged("the PIN's scrypt parameters are out of range");
    const auto decode = [&](const char* key) {
        return QByteArray::fromBase64(object.value(QLatin1String(key)).toString().toLatin1(),
                                      QByteArray::AbortOnBase64DecodingErrors);
    };
    pin.salt = decode("salt");
    pin.hash = decode("hash");
    if (pin.salt.size() < kPinSaltBytes || pin.hash.size() != kPinHashBytes)
        return damaged("the PIN's salt or hash is missing or the wrong length");
    return pin;
}

} // namespace

Expected<AppLockFile, AppLockError> parseAppLockFile(const QByteArray& text)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return damaged("not a JSON object: " + parseError.errorString().toStdString());
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return damaged("not a spoke-app-lock/1 file");
    AppLockFile file;
    if (const QJsonValue pin = root.value(QStringLiteral("pin")); !pin.isUndefined() && !pin.isNull()) {
        if (!pin.isObject())
            return damaged("\"pin\" is not an object");
        auto parsed = pinFromJson(pin.toObject());
        if (!parsed)
            return parsed.error();
        file.pin = *parsed;
    }
    const auto minutes = wholeIn(root.value(QStringLiteral("lock_after_minutes")), 0, AppLock::kMaxLockAfterMinutes);
    const auto failures = wholeIn(root.value(QStringLiteral("failed_attempts")), 0, 1'000'000);
    const auto lastFailure = wholeIn(root.value(QStringLiteral("last_failure_ms")), 0, 1e15);
    if (!minutes || !failures || !lastFailure)
        return damaged("lock_after_minutes, failed_attempts or last_failure_ms missing or out of range");
    file.lockAfterMinutes = static_cast<int>(*minutes);
    file.failures = static_cast<int>(*failures);
    file.lastFailureMs = *lastFailure;
    return file;
}

Expected<AppLock, AppLockError> AppLock::open(const std::filesystem::path& dir, ScryptParams params)
{
    AppLock lock(dir, params);
    QFile file(QString::fromStdString(lock.file().string()));
    if (!file.exists())
        return lock;
    if (!file.open(QIODevice::ReadOnly))
        return damaged(lock.file().string() + ": " + file.errorString().toStdString());
    if (file.size() > kMaxFileBytes)
        return damaged(lock.file().string() + " is too large to be an app-lock file");
    auto parsed = parseAppLockFile(file.readAll());
    if (!parsed)
        return damaged(lock.file().string() + ": " + parsed.error().detail);
    lock.pin_ = parsed->pin;
    lock.lockAfterMinutes_ = parsed->lockAfterMinutes;
    lock.backOff_ = PinBackOff(parsed->failures, parsed->lastFailureMs);
    return lock;
}

QByteArray AppLock::serialise() const
{
    QJsonObject root{{QStringLiteral("format"), kFormat},
                     {QStringLiteral("lock_after_minutes"), lockAfterMinutes_},
                     {QStringLiteral("failed_attempts"), backOff_.failures()},
                     {QStringLiteral("last_failure_ms"), static_cast<double>(backOff_.lastFailureMs())}};
    if (pin_)
        root.insert(QStringLiteral("pin"), pinToJson(*pin_));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<AppLockError> AppLock::save() const
{
    std::error_code ignored;
    std::filesystem::create_directories(dir_, ignored);
    // As FileKeyStore::write: a temporary file beside the target, 0600 before
    // a byte is written, renamed over it, so a crash leaves the old state or
    // the new one, never half a hash.
    QSaveFile out(QString::fromStdString(file().string()));
    if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return AppLockError{AppLockError::Kind::WriteFailed, out.errorString().toStdString()};
    out.write(serialise());
    if (!out.commit())
        return AppLockError{AppLockError::Kind::WriteFailed, out.errorString().toStdString()};
    return std::nullopt;
}

AppLock::Outcome AppLock::check(const QString& pin, std::int64_t nowMs)
{
    Outcome outcome;
    if (!pin_) {
        outcome.result = Outcome::Result::NoPin;
        return outcome;
    }
    if (const std::int64_t wait = backOff_.waitMs(nowMs); wait > 0) {
        outcome.result = Outcome::Result::MustWait;
        outcome.waitMs = wait;
        return outcome;
    }
    auto matches = pinMatches(*pin_, pin);
    if (!matches) {
        outcome.error = AppLockError{AppLockError::Kind::Crypto, matches.error().detail};
        return outcome;
    }
    if (!*matches) {
        backOff_.recordFailure(nowMs);
        // Kept before the answer is given: quitting the app after a wrong
        // PIN does not take the failure back. A failed write still counts
        // here, for as long as this process runs.
        outcome.error = save();
        outcome.result = Outcome::Result::WrongPin;
        outcome.waitMs = backOff_.waitMs(nowMs);
        outcome.triesBeforeWait = backOff_.triesBeforeWait();
        return outcome;
    }
    outcome.result = Outcome::Result::Done;
    return outcome;
}

AppLock::Outcome AppLock::verify(const QString& pin, std::int64_t nowMs)
{
    Outcome outcome = check(pin, nowMs);
    if (!outcome.done())
        return outcome;
    const bool rehash = pin_->params.weakerThan(params_);
    if (backOff_.failures() == 0 && !rehash)
        return outcome;
    backOff_.reset();
    if (rehash)
        if (auto stronger = hashPin(pin, params_))
            pin_ = *stronger;
    // A reset count that cannot be written leaves the older count on disk:
    // the PIN was right all the same.
    outcome.error = save();
    return outcome;
}

AppLock::Outcome AppLock::setPin(const QString& currentPin, const QString& newPin, std::int64_t nowMs)
{
    Outcome outcome;
    if (const auto weakness = checkPin(newPin)) {
        outcome.result = Outcome::Result::WeakPin;
        outcome.weakness = weakness;
        return outcome;
    }
    if (pin_) {
        outcome = check(currentPin, nowMs);
        if (!outcome.done())
            return outcome;
    }
    auto made = hashPin(newPin, params_);
    if (!made) {
        outcome.result = Outcome::Result::Failed;
        outcome.error = AppLockError{AppLockError::Kind::Crypto, made.error().detail};
        return outcome;
    }
    AppLock next = *this;
    next.pin_ = *made;
    next.backOff_.reset();
    if (auto error = next.save()) {
        outcome.result = Outcome::Result::Failed;
        outcome.error = error;
        return outcome;
    }
    *this = next;
    outcome.result = Outcome::Result::Done;
    return outcome;
}

AppLock::Outcome AppLock::removePin(const QString& currentPin, std::int64_t nowMs)
{
    Outcome outcome = check(currentPin, nowMs);
    if (!outcome.done())
        return outcome;
    QFile file(QString::fromStdString(this->file().string()));
    if (file.exists() && !file.remove()) {
        outcome.result = Outcome::Result::Failed;
        outcome.error = AppLockError{AppLockError::Kind::WriteFailed, file.errorString().toStdString()};
        return outcome;
    }
    pin_.reset();
    backOff_.reset();
    lockAfterMinutes_ = kDefaultLockAfterMinutes;
    return outcome;
}

AppLock::Outcome AppLock::setLockAfterMinutes(int minutes, const QString& currentPin, std::int64_t nowMs)
{
    Outcome outcome;
    if (minutes < 0 || minutes > kMaxLockAfterMinutes) {
        outcome.error = AppLockError{AppLockError::Kind::WriteFailed, "minutes out of range"};
        return outcome;
    }
    outcome = check(currentPin, nowMs);
    if (!outcome.done())
        return outcome;
    AppLock next = *this;
    next.lockAfterMinutes_ = minutes;
    next.backOff_.reset();
    if (auto error = next.save()) {
        outcome.result = Outcome::Result::Failed;
        outcome.error = error;
        return outcome;
    }
    *this = next;
    return outcome;
}

} // namespace spoke::security
