// The app lock in the window (issue 15): LockModel over a real data dir
// with its clock moved by the test (the model's clock seam), then the whole
// main window: Ctrl+L locks, Tab stays on the lock screen, shortcuts under
// it do nothing, a wrong PIN is said and a right one opens the window.

#include "viewmodels/AppController.h"
#include "viewmodels/LockModel.h"

#include "TestApp.h"
#include "UiWait.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

using namespace spoke;
using spoke::test::waitUntil;

namespace {

const security::ScryptParams kFast{1024, 8, 1};
const QString kPin = QStringLiteral("385291");

// A wall clock the test moves.
struct FakeClock {
    qint64 nowMs = 1'800'000'000'000;
    ui::LockModel::Clock function()
    {
        return [this] { return nowMs; };
    }
};

void settle(ui::LockModel& model)
{
    REQUIRE(waitUntil([&] { return !model.busy(); }));
}

void setPin(ui::LockModel& model, const QString& current, const QString& pin)
{
    model.setPin(current, pin, pin);
    settle(model);
    REQUIRE_FALSE(model.settingsFailed());
}

// A key press as the platform delivers it (to the window, through the
// application's event filters); true if a filter swallowed it (a bare
// QWindow ignores keys it is given).
bool keySwallowed(QWindow& window)
{
    QKeyEvent press(QEvent::KeyPress, Qt::Key_Shift, Qt::NoModifier);
    return QCoreApplication::sendEvent(&window, &press) && press.isAccepted();
}

// QTest::keyClicks takes widgets only: one click per character.
void typeText(QWindow* window, const QString& text)
{
    for (const QChar c : text)
        QTest::keyClick(window, c.toLatin1());
}

bool within(QQuickItem* item, QQuickItem* ancestor)
{
    for (; item; item = item->parentItem())
        if (item == ancestor)
            return true;
    return false;
}

} // namespace

TEST_CASE("A profile with a PIN starts locked and opens only with that PIN", "[ui][lock]")
{
    test::TempDir dir;
    {
        ui::LockModel model(dir.path(), kFast);
        CHECK_FALSE(model.locked());
        CHECK_FALSE(model.pinSet());
        model.lockNow(); // no PIN: nothing to lock with
        CHECK_FALSE(model.locked());
        model.setPin({}, QStringLiteral("1234"), QStringLiteral("1234"));
        CHECK(model.settingsFailed());
        CHECK(model.settingsMessage().contains(QStringLiteral("1234 or 9876")));
        model.setPin({}, kPin, QStringLiteral("385290"));
        CHECK(model.settingsMessage() == QStringLiteral("The two new PINs are not the same."));
        setPin(model, {}, kPin);
        CHECK(model.pinSet());
        CHECK(model.lockAfterMinutes() == 5);
        CHECK(model.settingsMessage().startsWith(QStringLiteral("PIN set.")));
        CHECK_FALSE(model.locked()); // setting a PIN does not lock the one who set it
    }
    ui::LockModel model(dir.path(), kFast);
    CHECK(model.locked());
    model.unlock(QStringLiteral("385290"));
    settle(model);
    CHECK(model.locked());
    CHECK(model.unlockMessage() == QStringLiteral("Wrong PIN."));
    model.unlock(kPin);
    settle(model);
    CHECK_FALSE(model.locked());
    CHECK(model.unlockMessage().isEmpty());
}

TEST_CASE("A damaged app-lock file keeps the window locked and says why", "[ui][lock]")
{
    test::TempDir dir;
    QFile file(QString::fromStdString((dir.path() / security::AppLock::kFileName).string()));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"spoke-app-lock/1\", \"pin\": 7}");
    file.close();
    ui::LockModel model(dir.path(), kFast);
    CHECK(model.locked());
    CHECK_FALSE(model.pinSet());
    CHECK(model.problem().contains(QStringLiteral("cannot read its app-lock file")));
    CHECK(model.problem().contains(QStringLiteral("\"pin\" is not an object")));
    model.unlock(kPin);
    CHECK_FALSE(model.busy()); // nothing to check against: it stays locked
    CHECK(model.locked());
}

TEST_CASE("The window locks after the idle minutes and the first input after them is swallowed", "[ui][lock]")
{
    test::TempDir dir;
    FakeClock clock;
    ui::LockModel model(dir.path(), kFast);
    model.setClock(clock.function());
    setPin(model, {}, kPin);
    model.setLockAfterMinutes(1, QStringLiteral("000000"));
    settle(model);
    CHECK(model.settingsMessage() == QStringLiteral("The current PIN is wrong."));
    model.setLockAfterMinutes(1, kPin);
    settle(model);
    REQUIRE(model.lockAfterMinutes() == 1);

    QWindow window;
    clock.nowMs += 30'000;
    CHECK_FALSE(keySwallowed(window)); // input at 30 s: the minute counts from here
    clock.nowMs += 59'999;
    model.checkIdle();
    CHECK_FALSE(model.locked());
    clock.nowMs += 1;
    model.checkIdle();
    CHECK(model.locked());

    model.unlock(kPin);
    settle(model);
    REQUIRE_FALSE(model.locked());
    // Asleep for an hour: no timer ran, and the key that wakes the laptop
    // locks the window instead of reaching it.
    clock.nowMs += 3'600'000;
    CHECK(keySwallowed(window));
    CHECK(model.locked());

    // Off: no lock however long the window sits.
    model.unlock(kPin);
    settle(model);
    model.setLockAfterMinutes(0, kPin);
    settle(model);
    clock.nowMs += 86'400'000;
    model.checkIdle();
    CHECK_FALSE(keySwallowed(window));
    CHECK_FALSE(model.locked());
}

TEST_CASE("Wrong PINs at the lock screen back off truthfully and the wait survives a restart", "[ui][lock]")
{
    test::TempDir dir;
    FakeClock clock;
    {
        ui::LockModel setup(dir.path(), kFast);
        setPin(setup, {}, kPin);
    }
    ui::LockModel model(dir.path(), kFast, clock.function());
    REQUIRE(model.locked());
    for (int i = 1; i <= 4; ++i) {
        model.unlock(QStringLiteral("111222"));
        settle(model);
        CHECK(model.waitSeconds() == 0);
    }
    CHECK(model.unlockMessage()
          == QStringLiteral("Wrong PIN. One more wrong PIN and Spoke makes you wait before the next try."));
    model.unlock(QStringLiteral("111222"));
    settle(model);
    CHECK(model.waitSeconds() == 30);
    CHECK(model.waitText() == QStringLiteral("Try again in 30 s"));
    clock.nowMs += 5'000;
    CHECK(model.waitText() == QStringLiteral("Try again in 25 s"));
    model.unlock(kPin); // even the right PIN waits
    settle(model);
    CHECK(model.locked());
    CHECK(model.unlockMessage() == QStringLiteral("Too many wrong PINs: wait before the next try."));

    // A restart keeps the wait: the file holds the failures and their time.
    ui::LockModel restarted(dir.path(), kFast, clock.function());
    CHECK(restarted.locked());
    CHECK(restarted.waitText() == QStringLiteral("Try again in 25 s"));
    clock.nowMs += 25'000;
    CHECK(restarted.waitSeconds() == 0);
    restarted.unlock(kPin);
    settle(restarted);
    CHECK_FALSE(restarted.locked());
}

TEST_CASE("The lock screen covers the window and Tab and shortcuts cannot reach what is under it", "[ui][lock][qml]")
{
    test::TestApp t(false);
    ui::AppController::setInstance(&t.app);
    ui::LockModel* lock = t.app.lock();
    FakeClock clock;
    lock->setClock(clock.function());
    QQmlApplicationEngine engine;
    QStringList warnings;
    QObject::connect(&engine, &QQmlEngine::warnings, [&](const QList<QQmlError>& errors) {
        for (const auto& error : errors)
            warnings << error.toString();
    });
    engine.load(QUrl(QStringLiteral("qrc:/Spoke/Ui/Main.qml")));
    REQUIRE(engine.rootObjects().size() == 1);
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    REQUIRE(window);
    window->show();
    window->requestActivate();
    REQUIRE(QTest::qWaitForWindowExposed(window));
    auto* lockScreen = window->findChild<QObject*>(QStringLiteral("lockScreen"));
    REQUIRE(lockScreen);
    CHECK_FALSE(lockScreen->property("visible").toBool()); // no PIN: no lock on start

    setPin(*lock, {}, kPin);
    // Settings → Security says so, and offers Lock now.
    // Ctrl+4 then Alt+S, once the page's transition lets Alt+S through.
    QTest::keyClick(window, Qt::Key_4, Qt::ControlModifier);
    REQUIRE(waitUntil([&] {
        QTest::keyClick(window, Qt::Key_S, Qt::AltModifier);
        auto* lockNow = window->findChild<QQuickItem*>(QStringLiteral("lockNowButton"));
        return lockNow && lockNow->isVisible();
    }));
    const int section = window->property("section").toInt();

    QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(waitUntil([&] { return lock->locked() && lockScreen->property("opened").toBool(); }));
    auto* pinField = window->findChild<QQuickItem*>(QStringLiteral("lockPinField"));
    REQUIRE(pinField);
    auto* popupItem = qvariant_cast<QQuickItem*>(lockScreen->property("contentItem"));
    REQUIRE(popupItem);
    REQUIRE(waitUntil([&] { return pinField->hasActiveFocus(); }));
    // No call runs, so the screen does not claim one goes on under it.
    auto* callNote = window->findChild<QQuickItem*>(QStringLiteral("lockCallNote"));
    REQUIRE(callNote);
    CHECK_FALSE(callNote->isVisible());
    // The pages are not drawn under the lock, and not one Tab or Shift+Tab leaves it.
    auto* currentPin = window->findChild<QQuickItem*>(QStringLiteral("currentPinField"));
    REQUIRE(currentPin);
    CHECK_FALSE(currentPin->isVisible());
    for (int i = 0; i < 12; ++i) {
        QTest::keyClick(window, i % 3 == 2 ? Qt::Key_Backtab : Qt::Key_Tab,
                        i % 3 == 2 ? Qt::ShiftModifier : Qt::NoModifier);
        INFO("after Tab " << i << " focus is on "
                          << (window->activeFocusItem() ? window->activeFocusItem()->metaObject()->className()
                                                        : "nothing"));
        CHECK(within(window->activeFocusItem(), popupItem));
    }
    // Shortcuts of the window and the pages do nothing under the lock.
    QTest::keyClick(window, Qt::Key_1, Qt::ControlModifier);
    QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
    CHECK(window->property("section").toInt() == section);
    CHECK(lock->locked());

    // A wrong PIN typed and entered is said; the field is emptied.
    pinField->forceActiveFocus();
    typeText(window, QStringLiteral("111222"));
    CHECK(pinField->property("text").toString() == QStringLiteral("111222"));
    QTest::keyClick(window, Qt::Key_Return);
    CHECK(pinField->property("text").toString().isEmpty());
    REQUIRE(waitUntil([&] { return !lock->busy(); }));
    auto* message = window->findChild<QQuickItem*>(QStringLiteral("lockMessage"));
    REQUIRE(message);
    CHECK(message->property("text").toString() == QStringLiteral("Wrong PIN."));
    CHECK(lock->locked());

    // The right one opens the window where it was.
    typeText(window, kPin);
    QTest::keyClick(window, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return !lock->locked() && !lockScreen->property("visible").toBool(); }));
    CHECK(currentPin->isVisible());
    CHECK(window->property("section").toInt() == section);

    // The idle minutes through the clock seam lock the window again.
    clock.nowMs += 5 * 60'000;
    lock->checkIdle();
    REQUIRE(waitUntil([&] { return lockScreen->property("opened").toBool(); }));
    CHECK_FALSE(currentPin->isVisible());

    CHECK(warnings.isEmpty());
    if (!warnings.isEmpty())
        WARN(warnings.join(QLatin1Char('\n')).toStdString());
}
