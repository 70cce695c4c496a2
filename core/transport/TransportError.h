#pragma once

#include "util/Expected.h"

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace spoke::transport {

// What part of the transport failed, so a caller can tell "the peer is not who
// the SDP said" from "the network never let us through".
enum class TransportErrorKind {
    Config, // a setting or SDP value we cannot use
    Ice, // no candidate pair worked, or libnice refused an input
    Dtls, // handshake failed, timed out, or the peer closed it
    Fingerprint, // the peer's certificate does not match its SDP fingerprint
    Srtp, // libsrtp refused a key or policy
    Crypto, // OpenSSL could not make a key or certificate
};

const char* toString(TransportErrorKind kind);

// A value, not an exception: transport errors are reported through state
// callbacks on the network thread. The message is written for the person
// reading a log line and names the value that was wrong.
struct TransportError {
    TransportErrorKind kind = TransportErrorKind::Config;
    std::string message;

    std::string describe() const { return std::string(toString(kind)) + ": " + message; }
};

template <typename T> using Expected = spoke::Expected<T, TransportError>;

} // namespace spoke::transport
