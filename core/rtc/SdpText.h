#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace spoke::rtc::sdp {

// Small text helpers shared by the SDP parser and writer.
std::vector<std::string_view> split(std::string_view text, char separator);
std::vector<std::string_view> splitWhitespace(std::string_view text);
std::string_view trim(std::string_view text);
bool equalsIgnoreCase(std::string_view a, std::string_view b);
// Whole-string decimal integer within [min, max]; nullopt otherwise.
std::optional<std::int64_t> toInt(std::string_view text, std::int64_t min, std::int64_t max);

} // namespace spoke::rtc::sdp
