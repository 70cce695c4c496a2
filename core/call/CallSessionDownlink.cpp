// CallSession's downlink: each feed's substream, or no video at all, from
// what arrived over the last second (rtc::DownlinkLayerSelector), asked of
// Janus with a subscriber `configure` (docs/janus.md §"Subscriber REMB" and
// §"Pausing a subscription's video").

#include "call/CallSession.h"

#include "rtc/BitrateLadder.h"

#include <algorithm>

namespace spoke::call {

namespace {

constexpr std::int64_t kDownlinkSampleMs = 1000;
// Janus switches at the new substream's next keyframe, and a link that was
// too full still drains its queue: what arrives just after a switch is the
// switch's own cost, not news about the new substream.
constexpr std::int64_t kSwitchSettleMs = 3000;
// Taking video back is a probe of a link that may still be thin, and every
// second of it costs that link's audio: judged on the first full sample
// after it (Janus resumes with a keyframe it asks for at once,
// janus_videoroom.c L11229-11232, and nothing was queued meanwhile).
constexpr std::int64_t kResumeSettleMs = 1500;
// The first picture after a pause is a freeze as long as the pause; the
// keyframe behind it on a thin link adds another. Loss and queue judge a
// resumed feed meanwhile.
constexpr std::int64_t kResumeFreezeGraceMs = 5000;

double fractionLost(std::uint64_t lost, std::uint64_t arrived)
{
    const auto expected = lost + arrived;
    return expected > 0 ? static_cast<double>(lost) / static_cast<double>(expected) : 0.0;
}

} // namespace

CallSession::DownlinkProbe& CallSession::probeFor(quint64 id, const RemoteFeed& feed)
{
    auto& probe = downlinks_[id];
    if (!probe) {
        rtc::DownlinkLayerSelector::Config config;
        // Janus relays the top substream until told otherwise, and a link
        // that cannot carry it shows within a second or two.
        config.initialSubstream = feed.requestedSubstream();
        const auto plan = rtc::BitrateLadder::simulcast(options_.maxVideoBitrateBps, options_.width, options_.height,
                                                        options_.fps, 3);
        for (std::size_t i = 0; i < config.substreamBitrateBps.size() && i < plan.size(); ++i)
            config.substreamBitrateBps[i] = plan[i].bitrateBps;
        probe = std::make_unique<DownlinkProbe>(config);
    }
    return *probe;
}

// What arrived since the probe's last sample, or nothing when no interval
// is complete yet. Updates the probe's counters.
std::optional<rtc::DownlinkSample> CallSession::sampleDownlink(DownlinkProbe& probe, RemoteFeed& feed,
                                                               std::int64_t nowMs)
{
    const auto stats = feed.stats();
    const auto& video = stats.video;
    const std::uint64_t bytes = feed.bytesReceived();
    if (video.packets == 0) {
        probe.lastMs = -1;
        return std::nullopt;
    }
    const bool fresh = probe.lastMs < 0 || bytes < probe.lastBytes;
    const bool due = !fresh && nowMs - probe.lastMs >= kDownlinkSampleMs;
    if (!fresh && !due)
        return std::nullopt;
    rtc::DownlinkSample sample;
    sample.nowMs = nowMs;
    if (due) {
        sample.receivedBps = static_cast<std::int64_t>(bytes - probe.lastBytes) * 8 * 1000 / (nowMs - probe.lastMs);
        const auto packets = video.packets - std::min(video.packets, probe.lastPackets);
        // Loss before repair: the sequence numbers we NACKed (a retry counts
        // again, which only makes a congested link read sooner as one).
        const auto nacked = video.nacked - std::min(video.nacked, probe.lastNacked);
        sample.lossFraction = packets > 0 ? std::min(1.0, static_cast<double>(nacked) / static_cast<double>(packets))
                                          : (nacked > 0 ? 1.0 : 0.0);
        // With the video paused the audio is what crosses the link.
        if (probe.selector.videoOff())
            sample.lossFraction =
                fractionLost(stats.audio.lost - std::min(stats.audio.lost, probe.lastAudioLost),
                             stats.audio.packets - std::min(stats.audio.packets, probe.lastAudioPackets));
        sample.freezes = static_cast<std::int64_t>(video.freezes - std::min(video.freezes, probe.lastFreezes));
        // Queueing delay from RTP timestamps against arrival times
        // (receive::QueueDelayEstimator): any camera gives it, no stamp needed.
        if (packets > 0)
            sample.queueDelayMs = video.queueDelayMs;
    }
    probe.lastMs = nowMs;
    probe.lastBytes = bytes;
    probe.lastPackets = video.packets;
    probe.lastNacked = video.nacked;
    probe.lastFreezes = video.freezes;
    probe.lastAudioPackets = stats.audio.packets;
    probe.lastAudioLost = stats.audio.lost;
    if (!due)
        return std::nullopt;
    if (options_.statsRecorder) {
        const int layer = probe.selector.videoOff() ? -1 : video.layer;
        options_.statsRecorder->record(kDownlinkSeries, feed.feedId(), nowMs,
                                       {sample.receivedBps, layer, static_cast<std::int64_t>(video.freezes)});
    }
    return sample;
}

// Once a second per feed: what arrived since the last sample goes to the
// feed's DownlinkLayerSelector, and a changed choice to Janus. Not while
// the user has chosen to receive no video: that choice stands.
void CallSession::steerLayers()
{
    affinity_.assertOwner();
    if (!options_.adaptDownlinkLayer || !videoWanted())
        return;
    const std::int64_t nowMs = callMs();
    for (const auto& [id, feed] : feeds_) {
        if (feed->screenShare())
            continue; // one stream: no layers to pick
        auto& probe = probeFor(id, *feed);
        auto sample = sampleDownlink(probe, *feed, nowMs);
        if (!sample)
            continue;
        const bool resumed = probe.resumedAtMs >= 0 && probe.resumedAtMs == probe.switchedAtMs;
        const std::int64_t settleMs = resumed ? kResumeSettleMs : kSwitchSettleMs;
        if (probe.switchedAtMs >= 0 && nowMs - probe.switchedAtMs < settleMs)
            continue;
        if (probe.resumedAtMs >= 0 && nowMs - probe.resumedAtMs < kResumeFreezeGraceMs)
            sample->freezes = 0;
        if (const auto choice = probe.selector.onSample(*sample))
            applyDownlinkChoice(*feed, probe, *sample, *choice);
    }
}

void CallSession::applyDownlinkChoice(RemoteFeed& feed, DownlinkProbe& probe, const rtc::DownlinkSample& sample,
                                      int choice)
{
    const QString figures = QStringLiteral("downlink %1 kbit/s, loss %2 %, %3 new freezes, queue %4 ms")
                                .arg(sample.receivedBps / 1000)
                                .arg(sample.lossFraction * 100, 0, 'f', 1)
                                .arg(sample.freezes)
                                .arg(sample.queueDelayMs.value_or(-1), 0, 'f', 0);
    const QString who = feed.stats().display;
    if (choice == rtc::DownlinkLayerSelector::kVideoOff) {
        logEvent(QStringLiteral("not receiving video from %1: the link cannot carry it (%2)").arg(who, figures));
        feed.setVideoReceiving(false);
    } else if (!feed.videoReceiving()) {
        logEvent(QStringLiteral("receiving video again from %1, substream %2 (%3)").arg(who).arg(choice).arg(figures));
        feed.setVideoReceiving(true, choice);
        probe.resumedAtMs = sample.nowMs;
    } else {
        logEvent(QStringLiteral("%1: asking for substream %2 (%3)").arg(who).arg(choice).arg(figures));
        feed.requestSubstream(choice);
    }
    probe.switchedAtMs = sample.nowMs;
}

} // namespace spoke::call
