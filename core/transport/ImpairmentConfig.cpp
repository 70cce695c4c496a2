#include "transport/ImpairmentConfig.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace spoke::transport {

namespace {

TransportError configError(std::string_view item, std::string_view why)
{
    return {TransportErrorKind::Config, "impairment item \"" + std::string(item) + "\": " + std::string(why)};
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// A non-negative decimal number followed by a unit; returns the number and
// leaves the unit in `unit`.
std::optional<double> number(std::string_view text, std::string_view& unit)
{
    std::size_t end = 0;
    while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == '.'))
        ++end;
    if (end == 0)
        return std::nullopt;
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + end, value);
    if (ec != std::errc() || ptr != text.data() + end || !std::isfinite(value) || value < 0)
        return std::nullopt;
    unit = text.substr(end);
    return value;
}

std::optional<double> percent(std::string_view text)
{
    std::string_view unit;
    const auto value = number(text, unit);
    if (!value || (unit != "%" && !unit.empty()) || *value > 100)
        return std::nullopt;
    return value;
}

std::optional<std::int64_t> durationMs(std::string_view text)
{
    std::string_view unit;
    const auto value = number(text, unit);
    if (!value)
        return std::nullopt;
    double ms = 0;
    if (unit == "ms" || unit.empty())
        ms = *value;
    else if (unit == "s")
        ms = *value * 1000;
    else if (unit == "us")
        ms = *value / 1000;
    else
        return std::nullopt;
    if (ms > 1e9)
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(ms));
}

std::optional<std::int64_t> bytes(std::string_view text)
{
    std::string_view unit;
    const auto value = number(text, unit);
    if (!value)
        return std::nullopt;
    double factor = 0;
    if (unit == "B" || unit.empty())
        factor = 1;
    else if (unit == "kB" || unit == "KB")
        factor = 1000;
    else if (unit == "MB")
        factor = 1e6;
    else
        return std::nullopt;
    const double result = *value * factor;
    if (result > 1e12)
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(result));
}

std::optional<std::int64_t> parseRate(std::string_view text)
{
    std::string_view unit;
    const auto value = number(text, unit);
    if (!value)
        return std::nullopt;
    double bytesPerSecond = 0;
    if (unit == "bit" || unit == "bps")
        bytesPerSecond = *value / 8;
    else if (unit == "kbit" || unit == "kbps")
        bytesPerSecond = *value * 1000 / 8;
    else if (unit == "mbit" || unit == "Mbit" || unit == "mbps" || unit == "Mbps")
        bytesPerSecond = *value * 1e6 / 8;
    else if (unit == "B" || unit == "B/s")
        bytesPerSecond = *value;
    else if (unit == "kB" || unit == "kB/s")
        bytesPerSecond = *value * 1000;
    else if (unit == "MB" || unit == "MB/s")
        bytesPerSecond = *value * 1e6;
    else
        return std::nullopt;
    if (bytesPerSecond < 1 || bytesPerSecond > 1e11)
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(bytesPerSecond));
}

// Shortest text that parses back to the same double, never in exponent form
// (which the parser, like a person, would not take).
std::string percentText(double value)
{
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return ec == std::errc() ? std::string(buffer, end) + "%" : std::string("0%");
}

} // namespace

bool ImpairmentConfig::enabled() const
{
    return lossPercent > 0 || burst.has_value() || delayMs > 0 || jitterMs > 0 || rateBytesPerSecond > 0
           || !outages.empty();
}

Expected<ImpairmentConfig> ImpairmentConfig::parse(std::string_view text)
{
    ImpairmentConfig config;
    text = trim(text);
    if (text.empty() || text == "off")
        return config;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view item = trim(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        if (item.empty())
            return configError(item, "empty item (two commas in a row?)");
        const std::size_t equals = item.find('=');
        const std::string_view key = trim(item.substr(0, equals));
        const std::string_view value =
            equals == std::string_view::npos ? std::string_view() : trim(item.substr(equals + 1));
        if (key == "reorder") {
            if (equals != std::string_view::npos)
                return configError(item, "reorder takes no value");
            config.allowReordering = true;
            continue;
        }
        if (equals == std::string_view::npos)
            return configError(item, "expected key=value");
        if (key == "loss") {
            const auto p = percent(value);
            if (!p)
                return configError(item, "loss must be a percentage from 0 to 100, e.g. loss=5%");
            config.lossPercent = *p;
        } else if (key == "burst") {
            ImpairmentConfig::Burst burst;
            std::vector<double> parts;
            std::string_view rest = value;
            while (true) {
                const std::size_t colon = rest.find(':');
                const auto p = percent(rest.substr(0, colon));
                if (!p)
                    return configError(item, "burst is GOOD_TO_BAD%:BAD_TO_GOOD%[:LOSS_IN_BAD%], e.g. burst=2%:30%");
                parts.push_back(*p);
                if (colon == std::string_view::npos)
                    break;
                rest = rest.substr(colon + 1);
            }
            if (parts.size() < 2 || parts.size() > 3)
                return configError(item, "burst needs two or three percentages, e.g. burst=2%:30%");
            burst.goodToBadPercent = parts[0];
            burst.badToGoodPercent = parts[1];
            if (parts.size() == 3)
                burst.badLossPercent = parts[2];
            if (burst.badToGoodPercent <= 0)
                return configError(item, "a bad→good probability of 0 would lose everything forever");
            config.burst = burst;
        } else if (key == "delay" || key == "jitter") {
            const auto ms = durationMs(value);
            if (!ms)
                return configError(item, "expected a duration such as 100ms or 1.5s");
            (key == "delay" ? config.delayMs : config.jitterMs) = *ms;
        } else if (key == "rate") {
            const auto rate = parseRate(value);
            if (!rate)
                return configError(item, "expected a rate such as 300kbit, 2mbit or 40kB");
            config.rateBytesPerSecond = *rate;
        } else if (key == "bucket" || key == "queue") {
            const auto size = bytes(value);
            if (!size || *size == 0)
                return configError(item, "expected a size such as 1500B or 64kB");
            (key == "bucket" ? config.burstBytes : config.queueLimitBytes) = *size;
        } else if (key == "outage") {
            const std::size_t plus = value.find('+');
            if (plus == std::string_view::npos)
                return configError(item, "outage is START+DURATION, e.g. outage=5s+2s");
            const auto start = durationMs(value.substr(0, plus));
            const auto duration = durationMs(value.substr(plus + 1));
            if (!start || !duration || *duration == 0)
                return configError(item, "outage is START+DURATION, e.g. outage=5s+2s");
            config.outages.push_back({*start, *duration});
        } else if (key == "seed") {
            std::uint64_t seed = 0;
            const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seed);
            if (ec != std::errc() || ptr != value.data() + value.size())
                return configError(item, "seed must be a non-negative integer");
            config.seed = seed;
        } else {
            return configError(item, "unknown key (known: loss, burst, delay, jitter, reorder, rate, bucket, queue, "
                                     "outage, seed)");
        }
    }
    return config;
}

std::string ImpairmentConfig::toString() const
{
    if (!enabled())
        return "off";
    std::ostringstream out;
    const char* separator = "";
    auto item = [&](const auto&... parts) {
        out << separator;
        (out << ... << parts);
        separator = ",";
    };
    if (lossPercent > 0)
        item("loss=", percentText(lossPercent));
    if (burst)
        item("burst=", percentText(burst->goodToBadPercent), ":", percentText(burst->badToGoodPercent), ":",
             percentText(burst->badLossPercent));
    if (delayMs > 0)
        item("delay=", delayMs, "ms");
    if (jitterMs > 0)
        item("jitter=", jitterMs, "ms");
    if (allowReordering)
        item("reorder");
    if (rateBytesPerSecond > 0)
        item("rate=", rateBytesPerSecond, "B");
    if (burstBytes > 0)
        item("bucket=", burstBytes, "B");
    if (queueLimitBytes > 0)
        item("queue=", queueLimitBytes, "B");
    for (const auto& outage : outages)
        item("outage=", outage.startMs, "ms+", outage.durationMs, "ms");
    item("seed=", seed);
    return out.str();
}

} // namespace spoke::transport
