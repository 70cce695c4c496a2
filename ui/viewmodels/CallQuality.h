#pragma once

#include <QString>

#include <cstdint>

namespace spoke::ui {

// What the connection-quality indicator shows, from the numbers of the last
// few seconds of a call. Plain function of plain values, so the thresholds
// are tested without a network.
struct CallQualityInputs {
    double lossPercent = 0; // received packets lost (after NACK recovery), worst remote
    double delayMs = -1; // glass-to-glass delay of received pictures (median), -1 unknown
    int freezes = 0; // picture freezes in the window, all remotes
    std::int64_t sendBitrateBps = -1; // what we send now, -1 unknown
    bool sendingVideo = true; // a low send rate only matters while the camera is on
    int windowSeconds = 10;
};

enum class CallQualityLevel { Unknown, Good, Fair, Poor };

struct CallQualityVerdict {
    CallQualityLevel level = CallQualityLevel::Unknown;
    QString reason; // the worst number, for a person ("5 % of packets lost")
};

CallQualityVerdict judgeCallQuality(const CallQualityInputs& in);

} // namespace spoke::ui
