#pragma once

#include "rtc/SessionDescription.h"
#include "transport/DtlsCertificate.h"
#include "transport/OpenSslHandles.h"
#include "transport/TransportError.h"
#include "util/ThreadAffinity.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace spoke::transport {

// Who sends the ClientHello. Decided by a=setup (RFC 5763 §5): the side that
// answers "active" is the client. As a publisher we offer actpass and Janus
// answers active, so we are the server; as a subscriber Janus offers actpass,
// we answer active and are the client.
enum class DtlsRole { Client, Server };
enum class DtlsState { New, Connecting, Connected, Failed, Closed };
enum class SrtpProfile { Aes128CmSha1_80, AeadAes128Gcm };

const char* toString(DtlsRole role);
const char* toString(DtlsState state);
const char* toString(SrtpProfile profile);

// SRTP master keys from the handshake (RFC 5764 §4.2), already split into
// ours (to protect what we send) and the peer's (to unprotect what we get).
struct SrtpKeyingMaterial {
    SrtpProfile profile = SrtpProfile::Aes128CmSha1_80;
    std::vector<std::uint8_t> localKeySalt; // master key followed by master salt
    std::vector<std::uint8_t> remoteKeySalt;
};

// DTLS 1.2 with the use_srtp extension over memory, for DTLS-SRTP keying:
// records come in through receive() and go out through the sendDatagram
// callback, one datagram per call (records are never glued together past the
// MTU). The peer's certificate may be self-signed, but its fingerprint must
// equal the one in the peer's SDP; a mismatch is a hard failure
// (TransportErrorKind::Fingerprint), since it means someone other than the
// party we signalled with is on the other end.
//
// Retransmissions follow OpenSSL's DTLS timer: call handleTimeout() when
// timeoutIn() says so. The whole handshake is bounded by handshakeTimeout.
//
// Not thread-safe: owned by the network thread that feeds it (asserted).
// Callbacks run synchronously inside start()/receive()/handleTimeout() and
// must not call back into this object.
class DtlsTransport {
public:
    struct Callbacks {
        std::function<void(std::span<const std::uint8_t>)> sendDatagram;
        std::function<void(DtlsState, const std::optional<TransportError>&)> stateChanged;
    };
    struct Options {
        std::chrono::milliseconds handshakeTimeout{15000};
        int mtuBytes = 1200; // leaves room for IP/UDP/TURN headers on any path
        bool offerAesGcm = true; // prefer AEAD_AES_128_GCM, fall back to AES128_CM_SHA1_80
    };

    DtlsTransport(std::shared_ptr<const DtlsCertificate> certificate, DtlsRole role,
                  rtc::SdpFingerprint expectedRemoteFingerprint, Callbacks callbacks, Options options);
    DtlsTransport(std::shared_ptr<const DtlsCertificate> certificate, DtlsRole role,
                  rtc::SdpFingerprint expectedRemoteFingerprint, Callbacks callbacks)
        : DtlsTransport(std::move(certificate), role, std::move(expectedRemoteFingerprint), std::move(callbacks),
                        Options{})
    {
    }
    ~DtlsTransport();

    DtlsTransport(const DtlsTransport&) = delete;
    DtlsTransport& operator=(const DtlsTransport&) = delete;

    // Begins the handshake: the client sends its ClientHello, the server
    // starts waiting for one. Records that arrive before start() are fine.
    void start();
    void receive(std::span<const std::uint8_t> datagram);
    // How long until handleTimeout() is due; nullopt when no timer runs.
    std::optional<std::chrono::milliseconds> timeoutIn() const;
    void handleTimeout();
    // Sends close_notify; the transport is Closed afterwards.
    void close();

    DtlsRole role() const { return role_; }
    DtlsState state() const { return state_; }
    const std::optional<TransportError>& error() const { return error_; }
    const std::optional<SrtpKeyingMaterial>& keyingMaterial() const { return keys_; }
    std::string cipherName() const;
    std::uint64_t datagramsSent() const { return datagramsSent_; }

    // Used by the outgoing BIO and the verify callback; not part of the API.
    int writeFromBio(const char* data, int length);
    bool acceptsPeerCertificate(X509* certificate);

private:
    void advance(); // runs the handshake or reads post-handshake records
    void onHandshakeDone();
    void fail(TransportErrorKind kind, std::string message);
    void setState(DtlsState state);
    void verifyPeer(); // throws nothing; fails the transport on mismatch

    ThreadAffinity affinity_;
    std::shared_ptr<const DtlsCertificate> certificate_;
    DtlsRole role_;
    rtc::SdpFingerprint expectedRemote_;
    Callbacks callbacks_;
    Options options_;
    SslCtxPtr context_;
    SslPtr ssl_;
    BIO* incoming_ = nullptr; // owned by ssl_
    DtlsState state_ = DtlsState::New;
    bool started_ = false;
    std::chrono::steady_clock::time_point deadline_;
    std::optional<TransportError> error_;
    std::optional<std::string> fingerprintMismatch_;
    std::optional<SrtpKeyingMaterial> keys_;
    std::uint64_t datagramsSent_ = 0;
};

} // namespace spoke::transport
