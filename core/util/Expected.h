#pragma once

#include <cassert>
#include <utility>
#include <variant>

namespace spoke {

// A value or the reason there is none. Parsers of untrusted input return
// this instead of throwing: malformed packets are routine on a lossy link,
// not exceptional, and the media threads must not pay for unwinding.
// Each domain names its own error type (rtc::Expected, transport::Expected).
template <typename T, typename Error> class Expected {
public:
    Expected(T value) : state_(std::move(value)) { } // NOLINT(google-explicit-constructor)
    Expected(Error error) : state_(std::move(error)) { } // NOLINT(google-explicit-constructor)

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

    const Error& error() const
    {
        assert(!ok());
        return std::get<Error>(state_);
    }

private:
    std::variant<T, Error> state_;
};

} // namespace spoke
