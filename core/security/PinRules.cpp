#include "security/PinRules.h"

namespace spoke::security {

namespace {

bool allAsciiDigits(const QString& pin)
{
    for (const QChar c : pin)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

// Every step between neighbours is +1, or every one is -1, modulo 10.
bool isSequence(const QString& pin)
{
    bool up = true;
    bool down = true;
    for (qsizetype i = 1; i < pin.size(); ++i) {
        const int step = (pin[i].unicode() - pin[i - 1].unicode() + 10) % 10;
        up = up && step == 1;
        down = down && step == 9;
    }
    return up || down;
}

// The PIN is one block of `period` digits written again and again.
bool repeatsWithPeriod(const QString& pin, qsizetype period)
{
    if (pin.size() % period != 0)
        return false;
    for (qsizetype i = period; i < pin.size(); ++i)
        if (pin[i] != pin[i - period])
            return false;
    return true;
}

} // namespace

std::optional<PinProblem> checkPin(const QString& pin)
{
    if (!allAsciiDigits(pin))
        return PinProblem::NotDigits;
    if (pin.size() < kMinPinDigits)
        return PinProblem::TooShort;
    if (pin.size() > kMaxPinDigits)
        return PinProblem::TooLong;
    if (repeatsWithPeriod(pin, 1))
        return PinProblem::OneDigitRepeated;
    if (isSequence(pin))
        return PinProblem::Sequence;
    for (qsizetype period = 2; period <= pin.size() / 2; ++period)
        if (repeatsWithPeriod(pin, period))
            return PinProblem::RepeatedPattern;
    return std::nullopt;
}

} // namespace spoke::security
