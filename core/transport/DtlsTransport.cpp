#include "transport/DtlsTransport.h"

#include <openssl/err.h>
#include <openssl/srtp.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace spoke::transport {

namespace {

constexpr const char* kKeyingLabel = "EXTRACTOR-dtls_srtp"; // RFC 5764 §4.2

int outgoingWrite(BIO* bio, const char* data, int length)
{
    auto* transport = static_cast<DtlsTransport*>(BIO_get_data(bio));
    return transport ? transport->writeFromBio(data, length) : -1;
}

long outgoingCtrl(BIO* /*bio*/, int command, long /*num*/, void* /*ptr*/)
{
    switch (command) {
    case BIO_CTRL_FLUSH: return 1; // every write already left as a datagram
    case BIO_CTRL_PENDING:
    case BIO_CTRL_WPENDING: return 0;
    default: return 0;
    }
}

int outgoingCreate(BIO* bio)
{
    BIO_set_init(bio, 1);
    return 1;
}

// The write side of the SSL object: each write OpenSSL makes is one
// datagram (it already sizes them to the MTU we set), handed straight to the
// transport instead of being concatenated in a memory BIO.
BIO_METHOD* outgoingMethod()
{
    static BIO_METHOD* method = [] {
        BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "spoke-dtls-out");
        BIO_meth_set_write(m, outgoingWrite);
        BIO_meth_set_ctrl(m, outgoingCtrl);
        BIO_meth_set_create(m, outgoingCreate);
        return m;
    }();
    return method;
}

// Chain verification is replaced by the fingerprint check: WebRTC
// certificates are self-signed by design, so OpenSSL's verdict is ignored and
// the leaf certificate must match the SDP. Refusing here (rather than after
// the handshake) makes OpenSSL send an alert, so the peer fails too.
int verifyByFingerprint(int /*preverified*/, X509_STORE_CTX* store)
{
    if (X509_STORE_CTX_get_error_depth(store) != 0)
        return 1;
    auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    auto* transport = ssl ? static_cast<DtlsTransport*>(SSL_get_app_data(ssl)) : nullptr;
    return transport && transport->acceptsPeerCertificate(X509_STORE_CTX_get_current_cert(store)) ? 1 : 0;
}

std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string upperCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

} // namespace

const char* toString(DtlsRole role)
{
    return role == DtlsRole::Client ? "client" : "server";
}

const char* toString(DtlsState state)
{
    switch (state) {
    case DtlsState::New: return "new";
    case DtlsState::Connecting: return "connecting";
    case DtlsState::Connected: return "connected";
    case DtlsState::Failed: return "failed";
    case DtlsState::Closed: return "closed";
    }
    return "unknown";
}

const char* toString(SrtpProfile profile)
{
    return profile == SrtpProfile::AeadAes128Gcm ? "SRTP_AEAD_AES_128_GCM" : "SRTP_AES128_CM_SHA1_80";
}

DtlsTransport::DtlsTransport(std::shared_ptr<const DtlsCertificate> certificate, DtlsRole role,
                             rtc::SdpFingerprint expectedRemoteFingerprint, Callbacks callbacks, Options options)
    : certificate_(std::move(certificate))
    , role_(role)
    , expectedRemote_(std::move(expectedRemoteFingerprint))
    , callbacks_(std::move(callbacks))
    , options_(options)
{
    context_.reset(SSL_CTX_new(DTLS_method()));
    if (!context_) {
        fail(TransportErrorKind::Crypto, "could not create a DTLS context: " + takeOpenSslError());
        return;
    }
    SSL_CTX_set_min_proto_version(context_.get(), DTLS1_2_VERSION);
    SSL_CTX_set_verify(context_.get(), SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, verifyByFingerprint);
    // Renegotiation and tickets have no place in DTLS-SRTP keying.
    SSL_CTX_set_options(context_.get(), SSL_OP_NO_QUERY_MTU | SSL_OP_NO_TICKET | SSL_OP_NO_RENEGOTIATION);
    const char* profiles =
        options_.offerAesGcm ? "SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80" : "SRTP_AES128_CM_SHA1_80";
    // Unlike almost all of OpenSSL, this one returns 0 on success.
    if (SSL_CTX_set_tlsext_use_srtp(context_.get(), profiles) != 0) {
        fail(TransportErrorKind::Crypto, "OpenSSL refused the SRTP profiles: " + takeOpenSslError());
        return;
    }
    if (!certificate_ || SSL_CTX_use_certificate(context_.get(), certificate_->certificate()) != 1
        || SSL_CTX_use_PrivateKey(context_.get(), certificate_->privateKey()) != 1) {
        fail(TransportErrorKind::Crypto, "could not load our DTLS certificate: " + takeOpenSslError());
        return;
    }
    ssl_.reset(SSL_new(context_.get()));
    BIO* outgoing = BIO_new(outgoingMethod());
    incoming_ = BIO_new(BIO_s_mem());
    if (!ssl_ || !outgoing || !incoming_) {
        BIO_free(outgoing);
        BIO_free(incoming_);
        incoming_ = nullptr;
        fail(TransportErrorKind::Crypto, "could not create the DTLS session: " + takeOpenSslError());
        return;
    }
    BIO_set_data(outgoing, this);
    SSL_set_app_data(ssl_.get(), this);
    BIO_set_mem_eof_return(incoming_, -1); // empty = "want read", not EOF
    SSL_set_bio(ssl_.get(), incoming_, outgoing);
    SSL_set_mtu(ssl_.get(), options_.mtuBytes);
    DTLS_set_link_mtu(ssl_.get(), options_.mtuBytes);
    if (role_ == DtlsRole::Client)
        SSL_set_connect_state(ssl_.get());
    else
        SSL_set_accept_state(ssl_.get());
    if (expectedRemote_.value.empty()
        || DtlsCertificate::fingerprintOf(certificate_->certificate(), expectedRemote_.algorithm).empty())
        fail(TransportErrorKind::Config, "the peer's SDP has no usable fingerprint (algorithm \""
                                             + expectedRemote_.algorithm + "\", value \"" + expectedRemote_.value
                                             + "\")");
}

DtlsTransport::~DtlsTransport()
{
    // The BIO points at us; make sure nothing writes through it during SSL_free.
    if (ssl_)
        BIO_set_data(SSL_get_wbio(ssl_.get()), nullptr);
}

void DtlsTransport::start()
{
    affinity_.assertOwner();
    if (started_ || state_ == DtlsState::Failed)
        return;
    started_ = true;
    deadline_ = std::chrono::steady_clock::now() + options_.handshakeTimeout;
    setState(DtlsState::Connecting);
    advance();
}

void DtlsTransport::receive(std::span<const std::uint8_t> datagram)
{
    affinity_.assertOwner();
    if (state_ == DtlsState::Failed || state_ == DtlsState::Closed || !ssl_ || datagram.empty())
        return;
    BIO_write(incoming_, datagram.data(), static_cast<int>(datagram.size()));
    if (!started_) {
        // A ClientHello may beat our own "ICE connected": take it as the start.
        start();
        return;
    }
    advance();
}

void DtlsTransport::advance()
{
    if (!ssl_ || state_ == DtlsState::Failed || state_ == DtlsState::Closed)
        return;
    if (state_ != DtlsState::Connected) {
        ERR_clear_error();
        const int result = SSL_do_handshake(ssl_.get());
        if (error_)
            return; // failed inside a callback
        if (result == 1) {
            onHandshakeDone();
        } else {
            const int reason = SSL_get_error(ssl_.get(), result);
            if (reason != SSL_ERROR_WANT_READ && reason != SSL_ERROR_WANT_WRITE) {
                if (fingerprintMismatch_) {
                    ERR_clear_error();
                    fail(TransportErrorKind::Fingerprint, *fingerprintMismatch_);
                    return;
                }
                const long verify = SSL_get_verify_result(ssl_.get());
                std::string detail = takeOpenSslError();
                if (verify != X509_V_OK)
                    detail += " (certificate: " + std::string(X509_verify_cert_error_string(verify)) + ")";
                fail(TransportErrorKind::Dtls, "handshake as " + std::string(toString(role_)) + " failed: " + detail);
            }
        }
        BIO_reset(incoming_); // a datagram the handshake did not consume is stale
        return;
    }
    // Connected: nothing but alerts is expected (SRTP does not travel in DTLS).
    unsigned char buffer[2048];
    while (true) {
        ERR_clear_error();
        const int read = SSL_read(ssl_.get(), buffer, sizeof buffer);
        if (read > 0)
            continue; // application data has no meaning on this transport
        const int reason = SSL_get_error(ssl_.get(), read);
        if (reason == SSL_ERROR_ZERO_RETURN) {
            setState(DtlsState::Closed);
        } else if (reason != SSL_ERROR_WANT_READ && reason != SSL_ERROR_WANT_WRITE) {
            fail(TransportErrorKind::Dtls, "the connection broke: " + takeOpenSslError());
        }
        break;
    }
    BIO_reset(incoming_);
}

bool DtlsTransport::acceptsPeerCertificate(X509* certificate)
{
    const std::string actual = DtlsCertificate::fingerprintOf(certificate, expectedRemote_.algorithm);
    if (!actual.empty() && upperCase(actual) == upperCase(expectedRemote_.value))
        return true;
    fingerprintMismatch_ = "the peer's certificate has " + lowerCase(expectedRemote_.algorithm) + " fingerprint "
                           + (actual.empty() ? std::string("(none)") : actual) + " but its SDP promised "
                           + expectedRemote_.value + "; refusing the connection (wrong peer or tampered signalling)";
    return false;
}

void DtlsTransport::verifyPeer()
{
    X509Ptr peer(SSL_get1_peer_certificate(ssl_.get()));
    if (!peer) {
        fail(TransportErrorKind::Fingerprint, "the peer sent no certificate");
        return;
    }
    if (!acceptsPeerCertificate(peer.get()))
        fail(TransportErrorKind::Fingerprint, *fingerprintMismatch_);
}

void DtlsTransport::onHandshakeDone()
{
    verifyPeer();
    if (error_)
        return;
    const SRTP_PROTECTION_PROFILE* selected = SSL_get_selected_srtp_profile(ssl_.get());
    if (!selected) {
        fail(TransportErrorKind::Dtls, "the peer agreed to no SRTP profile (use_srtp missing in its hello)");
        return;
    }
    SrtpKeyingMaterial keys;
    std::size_t keyBytes = 16;
    std::size_t saltBytes = 14;
    if (selected->id == SRTP_AEAD_AES_128_GCM) {
        keys.profile = SrtpProfile::AeadAes128Gcm;
        saltBytes = 12;
    } else if (selected->id == SRTP_AES128_CM_SHA1_80) {
        keys.profile = SrtpProfile::Aes128CmSha1_80;
    } else {
        fail(TransportErrorKind::Dtls,
             std::string("the peer chose an SRTP profile we did not offer: ") + selected->name);
        return;
    }
    std::vector<std::uint8_t> material(2 * (keyBytes + saltBytes));
    if (SSL_export_keying_material(ssl_.get(), material.data(), material.size(), kKeyingLabel,
                                   std::char_traits<char>::length(kKeyingLabel), nullptr, 0, 0)
        != 1) {
        fail(TransportErrorKind::Dtls, "could not export the SRTP keys: " + takeOpenSslError());
        return;
    }
    // Layout: client key | server key | client salt | server salt.
    auto keySalt = [&](bool client) {
        std::vector<std::uint8_t> out;
        const auto keyAt = material.begin() + static_cast<std::ptrdiff_t>(client ? 0 : keyBytes);
        const auto saltAt = material.begin() + static_cast<std::ptrdiff_t>(2 * keyBytes + (client ? 0 : saltBytes));
        out.insert(out.end(), keyAt, keyAt + static_cast<std::ptrdiff_t>(keyBytes));
        out.insert(out.end(), saltAt, saltAt + static_cast<std::ptrdiff_t>(saltBytes));
        return out;
    };
    const bool weAreClient = role_ == DtlsRole::Client;
    keys.localKeySalt = keySalt(weAreClient);
    keys.remoteKeySalt = keySalt(!weAreClient);
    keys_ = std::move(keys);
    setState(DtlsState::Connected);
}

std::optional<std::chrono::milliseconds> DtlsTransport::timeoutIn() const
{
    affinity_.assertOwner();
    if (!ssl_ || state_ != DtlsState::Connecting)
        return std::nullopt;
    const auto untilDeadline =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - std::chrono::steady_clock::now());
    std::chrono::milliseconds next = std::max(untilDeadline, std::chrono::milliseconds(0));
    timeval remaining{};
    if (DTLSv1_get_timeout(ssl_.get(), &remaining) == 1) {
        const auto retransmit = std::chrono::milliseconds(remaining.tv_sec * 1000 + (remaining.tv_usec + 999) / 1000);
        next = std::min(next, retransmit);
    }
    return next;
}

void DtlsTransport::handleTimeout()
{
    affinity_.assertOwner();
    if (!ssl_ || state_ != DtlsState::Connecting)
        return;
    if (std::chrono::steady_clock::now() >= deadline_) {
        fail(TransportErrorKind::Dtls, "handshake as " + std::string(toString(role_)) + " did not finish within "
                                           + std::to_string(options_.handshakeTimeout.count())
                                           + " ms (no answer from the peer, or the path drops DTLS)");
        return;
    }
    ERR_clear_error();
    if (DTLSv1_handle_timeout(ssl_.get()) < 0)
        fail(TransportErrorKind::Dtls, "retransmission failed: " + takeOpenSslError());
}

void DtlsTransport::close()
{
    affinity_.assertOwner();
    if (ssl_ && state_ == DtlsState::Connected) {
        ERR_clear_error();
        SSL_shutdown(ssl_.get());
    }
    if (state_ != DtlsState::Failed)
        setState(DtlsState::Closed);
}

std::string DtlsTransport::cipherName() const
{
    const SSL_CIPHER* cipher = ssl_ ? SSL_get_current_cipher(ssl_.get()) : nullptr;
    return cipher ? SSL_CIPHER_get_name(cipher) : "";
}

int DtlsTransport::writeFromBio(const char* data, int length)
{
    if (length <= 0)
        return 0;
    ++datagramsSent_;
    if (callbacks_.sendDatagram)
        callbacks_.sendDatagram(
            std::span(reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(length)));
    return length; // a datagram lost on the way is DTLS' business (retransmit)
}

void DtlsTransport::fail(TransportErrorKind kind, std::string message)
{
    if (error_)
        return;
    error_ = TransportError{kind, std::move(message)};
    setState(DtlsState::Failed);
}

void DtlsTransport::setState(DtlsState state)
{
    if (state == state_)
        return;
    state_ = state;
    if (callbacks_.stateChanged)
        callbacks_.stateChanged(state_, error_);
}

} // namespace spoke::transport
