#pragma once

#include "util/Expected.h"

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace spoke::rtc {

// Why bytes from the network (or an SDP from the hub) could not be used. The
// message names the field and the offending value so that a log line is
// enough to tell a truncated packet from a peer speaking another dialect.
class RtcError {
public:
    explicit RtcError(std::string message) : message_(std::move(message)) { }
    const std::string& message() const { return message_; }

private:
    std::string message_;
};

template <typename T> using Expected = spoke::Expected<T, RtcError>;

} // namespace spoke::rtc
