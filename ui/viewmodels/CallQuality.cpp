#include "viewmodels/CallQuality.h"
#include "viewmodels/Formatting.h"

#include <QCoreApplication>

#include <algorithm>

namespace spoke::ui {

namespace {

// Thresholds after the usual voice/video guidance: under 2 % loss and
// 300 ms delay a conversation flows; past 8 % or 600 ms people talk over
// each other and pictures break up. 150 kbit/s is the lowest rate at which
// our VP8 still shows a readable picture of a slide or a wound.
constexpr double kFairLossPercent = 2.0;
constexpr double kPoorLossPercent = 8.0;
constexpr double kFairDelayMs = 300.0;
constexpr double kPoorDelayMs = 600.0;
constexpr int kFairFreezes = 1;
constexpr int kPoorFreezes = 3;
constexpr std::int64_t kFairSendBps = 300'000;
constexpr std::int64_t kPoorSendBps = 150'000;

} // namespace

CallQualityVerdict judgeCallQuality(const CallQualityInputs& in)
{
    CallQualityVerdict verdict;
    auto worse = [&verdict](CallQualityLevel level, const QString& reason) {
        if (level > verdict.level) {
            verdict.level = level;
            verdict.reason = reason;
        }
    };
    const bool anyNumber = in.lossPercent > 0 || in.delayMs >= 0 || in.freezes > 0 || in.sendBitrateBps >= 0;
    if (!anyNumber)
        return verdict;
    worse(CallQualityLevel::Good, QCoreApplication::translate("CallQuality", "Everything within normal limits"));

    const QString loss =
        QCoreApplication::translate("CallQuality", "%1 % of packets lost").arg(formatDecimal(in.lossPercent, 1));
    if (in.lossPercent >= kPoorLossPercent)
        worse(CallQualityLevel::Poor, loss);
    else if (in.lossPercent >= kFairLossPercent)
        worse(CallQualityLevel::Fair, loss);

    const QString delay = QCoreApplication::translate("CallQuality", "%1 ms delay")
                              .arg(formatInteger(static_cast<std::int64_t>(in.delayMs)));
    if (in.delayMs >= kPoorDelayMs)
        worse(CallQualityLevel::Poor, delay);
    else if (in.delayMs >= kFairDelayMs)
        worse(CallQualityLevel::Fair, delay);

    const QString freezes =
        QCoreApplication::translate("CallQuality", "%n picture freeze(s) in %1 s", nullptr, in.freezes)
            .arg(in.windowSeconds);
    if (in.freezes >= kPoorFreezes)
        worse(CallQualityLevel::Poor, freezes);
    else if (in.freezes >= kFairFreezes)
        worse(CallQualityLevel::Fair, freezes);

    if (in.sendingVideo && in.sendBitrateBps >= 0) {
        const QString rate = QCoreApplication::translate("CallQuality", "sending only %1 kbit/s")
                                 .arg(formatInteger(in.sendBitrateBps / 1000));
        if (in.sendBitrateBps < kPoorSendBps)
            worse(CallQualityLevel::Poor, rate);
        else if (in.sendBitrateBps < kFairSendBps)
            worse(CallQualityLevel::Fair, rate);
    }
    return verdict;
}

} // namespace spoke::ui
