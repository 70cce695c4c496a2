#pragma once

#include "rtc/SessionDescription.h"
#include "transport/OpenSslHandles.h"
#include "transport/TransportError.h"

#include <memory>
#include <string>

namespace spoke::transport {

// Our DTLS identity: a self-signed ECDSA P-256 certificate (SHA-256
// signature) and its SHA-256 fingerprint for the SDP. WebRTC peers do not
// trust certificates by chain but by the fingerprint exchanged over the
// signalling channel, so a fresh one per process is what browsers and Janus
// do, and it leaves nothing on disk to steal.
//
// Immutable after creation, so shared freely between threads.
class DtlsCertificate {
public:
    static Expected<std::shared_ptr<const DtlsCertificate>> generate();
    // One per process, made on first use (thread-safe).
    static Expected<std::shared_ptr<const DtlsCertificate>> processCertificate();

    X509* certificate() const { return certificate_.get(); }
    EVP_PKEY* privateKey() const { return key_.get(); }
    const rtc::SdpFingerprint& fingerprint() const { return fingerprint_; }

    // "AB:CD:…" fingerprint of any certificate with the named SDP hash
    // ("sha-256", "sha-1", "sha-384", "sha-512"); empty when the hash is unknown.
    static std::string fingerprintOf(X509* certificate, const std::string& sdpAlgorithm);

private:
    DtlsCertificate(X509Ptr certificate, EvpPkeyPtr key);

    X509Ptr certificate_;
    EvpPkeyPtr key_;
    rtc::SdpFingerprint fingerprint_;
};

} // namespace spoke::transport
