#include "viewmodels/LockModel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QGuiApplication>
#include <QThread>

#include <algorithm>
#include <memory>

namespace spoke::ui {

using security::AppLock;
using Result = AppLock::Outcome::Result;

namespace {

const QList<int> kIdleChoices{0, 1, 5, 10, 15, 30};

QString wordWeakness(security::PinProblem problem)
{
    switch (problem) {
    case security::PinProblem::TooShort:
        return LockModel::tr("A PIN needs at least %1 digits.").arg(security::kMinPinDigits);
    case security::PinProblem::TooLong:
        return LockModel::tr("A PIN has at most %1 digits.").arg(security::kMaxPinDigits);
    case security::PinProblem::NotDigits: return LockModel::tr("A PIN is digits only (0 to 9).");
    case security::PinProblem::OneDigitRepeated:
        return LockModel::tr("One digit repeated (like 0000) is among the first PINs anyone tries. Choose another.");
    case security::PinProblem::Sequence:
        return LockModel::tr(
            "A run of digits (like 1234 or 9876) is among the first PINs anyone tries. Choose another.");
    case security::PinProblem::RepeatedPattern:
        return LockModel::tr("A repeated block (like 1212) is among the first PINs anyone tries. Choose another.");
    }
    return {};
}

// Spoke ships no English plural forms (resources/translations has es, fr,
// pt), so "%n minute(s)" would show as written: the counts here are few.
QString wordMinutes(int minutes)
{
    return minutes == 1 ? LockModel::tr("1 minute") : LockModel::tr("%1 minutes").arg(minutes);
}

QString wordWait(qint64 waitMs)
{
    const qint64 seconds = (waitMs + 999) / 1000;
    if (seconds < 60)
        return LockModel::tr("Try again in %1 s").arg(seconds);
    return LockModel::tr("Try again in %1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

} // namespace

LockModel::LockModel(const std::filesystem::path& dataDir, security::ScryptParams params, Clock clock, QObject* parent)
    : QObject(parent)
    , clock_(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
    auto opened = AppLock::open(dataDir, params);
    if (opened) {
        lock_ = std::move(*opened);
        refreshFromLock();
        startWaitClock(lock_->waitMs(now()));
    } else {
        // Fail closed: a spoiled file (half-written on a full disk, or on
        // purpose) must not open the window. Whoever can remove it can read
        // the data dir anyway (docs/architecture.md, "The app lock").
        problem_ = tr("Spoke cannot read its app-lock file, so this profile stays locked. Whoever looks after this "
                      "laptop can remove the file to start again: %1")
                       .arg(QString::fromStdString(opened.error().detail));
    }
    locked_ = pinSet_ || !problem_.isEmpty();
    idle_.noteActivity(now());
    idleTimer_.setSingleShot(true);
    idleTimer_.setTimerType(Qt::VeryCoarseTimer);
    connect(&idleTimer_, &QTimer::timeout, this, &LockModel::checkIdle);
    waitClock_.setInterval(1000);
    connect(&waitClock_, &QTimer::timeout, this, [this] {
        if (waitSeconds() == 0)
            waitClock_.stop();
        Q_EMIT waitChanged();
    });
    armIdleTimer();
    QCoreApplication::instance()->installEventFilter(this);
}

LockModel::~LockModel()
{
    if (auto* app = QCoreApplication::instance())
        app->removeEventFilter(this);
    // A job holds a pointer to lock_: let it finish (one hash) before lock_ goes.
    if (job_)
        job_->wait();
}

void LockModel::setClock(Clock clock)
{
    clock_ = std::move(clock);
    idle_.noteActivity(now());
    if (lock_ && !job_)
        startWaitClock(lock_->waitMs(now()));
    armIdleTimer();
}

QVariantList LockModel::idleChoices() const
{
    QVariantList choices;
    for (const int minutes : kIdleChoices)
        choices.append(minutes);
    return choices;
}

QString LockModel::idleChoiceText(int minutes) const
{
    return minutes == 0 ? tr("Off") : wordMinutes(minutes);
}

int LockModel::waitSeconds() const
{
    const qint64 left = std::clamp<qint64>(waitUntilMs_ - now(), 0, security::PinBackOff::kMaxWaitMs);
    return static_cast<int>((left + 999) / 1000);
}

QString LockModel::waitText() const
{
    const int seconds = waitSeconds();
    return seconds > 0 ? wordWait(qint64{seconds} * 1000) : QString();
}

void LockModel::coverWindow(QWindow* window)
{
    covered_ = window;
}

void LockModel::setLocked(bool locked)
{
    if (locked == locked_)
        return;
    locked_ = locked;
    if (locked) {
        for (QWindow* window : QGuiApplication::topLevelWindows())
            if (window != covered_ && window->isVisible()) {
                hidden_.emplace_back(window);
                window->hide();
            }
    } else {
        for (const QPointer<QWindow>& window : hidden_)
            if (window)
                window->show();
        hidden_.clear();
        unlockMessage_.clear();
        idle_.noteActivity(now());
        Q_EMIT messagesChanged();
    }
    armIdleTimer();
    Q_EMIT lockedChanged();
}

void LockModel::lockNow()
{
    if (pinSet_)
        setLocked(true);
}

bool LockModel::run(Job job, Done done)
{
    if (job_ || !lock_)
        return false;
    auto outcome = std::make_shared<AppLock::Outcome>();
    AppLock* lock = &*lock_;
    const qint64 nowMs = now();
    job_ = QThread::create([lock, job = std::move(job), outcome, nowMs] { *outcome = job(*lock, nowMs); });
    job_->setObjectName(QStringLiteral("app-lock"));
    job_->setParent(this); // deleted with the model if it goes first (the destructor waits for it)
    connect(job_, &QThread::finished, this, [this, outcome, done = std::move(done)] {
        job_->deleteLater();
        job_ = nullptr;
        refreshFromLock();
        startWaitClock(outcome->waitMs);
        done(*outcome);
        Q_EMIT stateChanged();
    });
    job_->start();
    Q_EMIT stateChanged();
    return true;
}

void LockModel::refreshFromLock()
{
    pinSet_ = lock_->pinSet();
    lockAfterMinutes_ = lock_->lockAfterMinutes();
    idle_.setLockAfterMinutes(lockAfterMinutes_);
    armIdleTimer();
}

void LockModel::startWaitClock(qint64 waitMs)
{
    waitUntilMs_ = waitMs > 0 ? now() + waitMs : 0;
    if (waitMs > 0)
        waitClock_.start();
    Q_EMIT waitChanged();
}

QString LockModel::wordOutcome(const AppLock::Outcome& outcome) const
{
    switch (outcome.result) {
    case Result::Done:
    case Result::NoPin: return {};
    case Result::WrongPin:
        if (outcome.waitMs > 0)
            return tr("Wrong PIN. After too many wrong PINs, Spoke makes you wait before the next try.");
        if (outcome.triesBeforeWait == 1)
            return tr("Wrong PIN. One more wrong PIN and Spoke makes you wait before the next try.");
        if (outcome.triesBeforeWait < security::PinBackOff::kFreeAttempts - 1)
            return tr("Wrong PIN. %1 more wrong PINs and Spoke makes you wait before the next try.")
                .arg(outcome.triesBeforeWait);
        return tr("Wrong PIN.");
    case Result::MustWait: return tr("Too many wrong PINs: wait before the next try.");
    case Result::WeakPin: return outcome.weakness ? wordWeakness(*outcome.weakness) : QString();
    case Result::Failed: break;
    }
    return tr("Spoke could not check or keep the PIN: %1")
        .arg(outcome.error ? QString::fromStdString(outcome.error->detail) : QString());
}

void LockModel::unlock(const QString& pin)
{
    if (!locked_ || !lock_)
        return;
    run([pin](AppLock& lock, qint64 nowMs) { return lock.verify(pin, nowMs); },
        [this](const AppLock::Outcome& outcome) {
            unlockMessage_ = wordOutcome(outcome);
            Q_EMIT messagesChanged();
            if (outcome.done() || outcome.result == Result::NoPin)
                setLocked(false);
        });
}

void LockModel::setSettingsMessage(const QString& text, bool failed)
{
    settingsMessage_ = text;
    settingsFailed_ = failed;
    Q_EMIT messagesChanged();
}

void LockModel::setPin(const QString& currentPin, const QString& newPin, const QString& repeatedPin)
{
    if (newPin != repeatedPin) {
        setSettingsMessage(tr("The two new PINs are not the same."), true);
        return;
    }
    if (const auto weakness = security::checkPin(newPin)) {
        setSettingsMessage(wordWeakness(*weakness), true);
        return;
    }
    const bool changing = pinSet_;
    run([currentPin, newPin](AppLock& lock, qint64 nowMs) { return lock.setPin(currentPin, newPin, nowMs); },
        [this, changing](const AppLock::Outcome& outcome) {
            if (!outcome.done()) {
                setSettingsMessage(
                    outcome.result == Result::WrongPin ? tr("The current PIN is wrong.") : wordOutcome(outcome), true);
                return;
            }
            setSettingsMessage(changing ? tr("PIN changed.")
                                        : tr("PIN set. Spoke now locks when it starts, after %1 without input, "
                                             "and with Lock now (Ctrl+L).")
                                              .arg(wordMinutes(lockAfterMinutes_)),
                               false);
        });
}

void LockModel::removePin(const QString& currentPin)
{
    run([currentPin](AppLock& lock, qint64 nowMs) { return lock.removePin(currentPin, nowMs); },
        [this](const AppLock::Outcome& outcome) {
            if (!outcome.done()) {
                setSettingsMessage(
                    outcome.result == Result::WrongPin ? tr("The current PIN is wrong.") : wordOutcome(outcome), true);
                return;
            }
            setSettingsMessage(tr("PIN removed. Spoke no longer locks."), false);
        });
}

void LockModel::setLockAfterMinutes(int minutes, const QString& currentPin)
{
    run([minutes, currentPin](AppLock& lock,
                              qint64 nowMs) { return lock.setLockAfterMinutes(minutes, currentPin, nowMs); },
        [this](const AppLock::Outcome& outcome) {
            if (!outcome.done()) {
                setSettingsMessage(
                    outcome.result == Result::WrongPin ? tr("The current PIN is wrong.") : wordOutcome(outcome), true);
                return;
            }
            setSettingsMessage(lockAfterMinutes_ == 0
                                   ? tr("Spoke no longer locks when idle. It still locks when it starts and with "
                                        "Lock now.")
                                   : tr("Spoke now locks after %1 without input.").arg(wordMinutes(lockAfterMinutes_)),
                               false);
        });
}

void LockModel::armIdleTimer()
{
    const qint64 untilMs = idle_.msUntilDue(now());
    if (!pinSet_ || locked_ || untilMs < 0) {
        idleTimer_.stop();
        return;
    }
    idleTimer_.start(static_cast<int>(std::min<qint64>(untilMs, kIdleCheckMaxMs)));
}

void LockModel::checkIdle()
{
    if (pinSet_ && !locked_ && idle_.isDue(now()))
        setLocked(true);
    else
        armIdleTimer();
}

bool LockModel::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::Shortcut:
        // Ctrl+1…5, Ctrl+F, Alt+… of pages under the lock: not while locked.
        return locked_;
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        // Once per input: the window gets it before its items do.
        if (locked_ || !watched->isWindowType())
            return false;
        if (pinSet_ && idle_.isDue(now())) {
            setLocked(true);
            return true; // the first input after the idle time reaches nothing under the lock
        }
        idle_.noteActivity(now());
        return false;
    default: return false;
    }
}

} // namespace spoke::ui
