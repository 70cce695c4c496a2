#pragma once

#include <QString>

#include <optional>

namespace spoke::security {

// What makes a PIN unfit for the app lock (AppLock.h). Typed, so the UI
// words it in the user's language (ui/viewmodels/LockModel).
enum class PinProblem {
    TooShort, // fewer than kMinPinDigits
    TooLong, // more than kMaxPinDigits
    NotDigits, // anything but 0-9
    OneDigitRepeated, // 0000, 777777
    Sequence, // 1234, 9876, 7890 (steps of one, wrapping 9 → 0)
    RepeatedPattern, // 1212, 123123, 5050
};

constexpr int kMinPinDigits = 4;
constexpr int kMaxPinDigits = 12;

// Why `pin` may not be set, or nullopt when it may. The rules turn away the
// shapes that published PIN studies find at the top of every leak (one digit
// repeated, a run, a short block repeated: 1234, 1111, 0000, 1212, 7777 …),
// whatever their length, instead of keeping a list of strings. A PIN is
// digits only (ASCII 0-9) so that it types the same on every keyboard layout.
std::optional<PinProblem> checkPin(const QString& pin);

} // namespace spoke::security
