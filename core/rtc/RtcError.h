#pragma once

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

// A value or the reason there is none. Parsers of untrusted input return
// this instead of throwing: malformed packets are routine on a lossy link,
// not exceptional, and the media threads must not pay for unwinding.
template <typename T> class Expected {
public:
    Expected(T value) : state_(std::move(value)) { } // NOLINT(google-explicit-constructor)
    Expected(RtcError error) : state_(std::move(error)) { } // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value()
    {
        assert(ok());
        return std::get<T>(state_);
    }
    const T& value() const
    {
        assert(ok());
        return std::get<T>(state_);
    }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const RtcError& error() const
    {
        assert(!ok());
        return std::get<RtcError>(state_);
    }

private:
    std::variant<T, RtcError> state_;
};

} // namespace spoke::rtc
