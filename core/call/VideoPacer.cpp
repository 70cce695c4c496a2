#include "call/VideoPacer.h"

#include <algorithm>

namespace spoke::call {

void VideoPacer::enqueue(rtc::RtpPacket&& packet)
{
    affinity_.assertOwner();
    queuedBytes_ += static_cast<std::int64_t>(packet.payload.size() + rtc::RtpPacket::kFixedHeaderBytes);
    queue_.push_back(std::move(packet));
}

std::size_t VideoPacer::process(std::int64_t nowUs, const std::function<void(rtc::RtpPacket&)>& send)
{
    affinity_.assertOwner();
    const double maxBudget = static_cast<double>(rateBps_) / 8.0 * kBurstMs / 1000.0;
    if (lastUs_ >= 0)
        budgetBytes_ += static_cast<double>(rateBps_) / 8.0 * static_cast<double>(nowUs - lastUs_) / 1e6;
    else
        budgetBytes_ = maxBudget; // the first packet need not wait for a second call
    lastUs_ = nowUs;
    // At least one full packet may always go, or a slow rate would never send one.
    budgetBytes_ = std::min(budgetBytes_, std::max(maxBudget, 1200.0));
    std::size_t sent = 0;
    while (!queue_.empty() && budgetBytes_ > 0) {
        rtc::RtpPacket packet = std::move(queue_.front());
        queue_.pop_front();
        const auto bytes = static_cast<std::int64_t>(packet.payload.size() + rtc::RtpPacket::kFixedHeaderBytes);
        queuedBytes_ -= bytes;
        budgetBytes_ -= static_cast<double>(bytes);
        send(packet);
        ++sent;
    }
    return sent;
}

std::optional<std::int64_t> VideoPacer::nextSendUs() const
{
    affinity_.assertOwner();
    if (queue_.empty())
        return std::nullopt;
    if (lastUs_ < 0 || budgetBytes_ > 0 || rateBps_ <= 0)
        return std::max<std::int64_t>(lastUs_, 0);
    // The deficit refills at rateBps_; one microsecond more makes it positive.
    const double deficitUs = -budgetBytes_ * 8.0 * 1e6 / static_cast<double>(rateBps_);
    return lastUs_ + static_cast<std::int64_t>(deficitUs) + 1;
}

} // namespace spoke::call
