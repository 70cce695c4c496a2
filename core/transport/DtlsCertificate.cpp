#include "transport/DtlsCertificate.h"

#include <openssl/err.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace spoke::transport {

namespace {
constexpr long kValidBeforeNowSeconds = 24L * 3600; // tolerate a peer whose clock is a day behind
constexpr long kValidForSeconds = 30L * 24 * 3600;
} // namespace

std::string takeOpenSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return "no detail from OpenSSL";
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return text;
}

DtlsCertificate::DtlsCertificate(X509Ptr certificate, EvpPkeyPtr key)
    : certificate_(std::move(certificate))
    , key_(std::move(key))
{
    fingerprint_ = {"sha-256", fingerprintOf(certificate_.get(), "sha-256")};
}

Expected<std::shared_ptr<const DtlsCertificate>> DtlsCertificate::generate()
{
    auto fail = [](const char* step) {
        return TransportError{TransportErrorKind::Crypto, std::string("could not create the DTLS certificate (") + step
                                                              + "): " + takeOpenSslError()};
    };
    EvpPkeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return fail("P-256 key");
    X509Ptr certificate(X509_new());
    if (!certificate)
        return fail("X509_new");
    unsigned char serial[8];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return fail("serial");
    serial[0] &= 0x7f; // positive
    BIGNUM* serialNumber = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet = serialNumber && BN_to_ASN1_INTEGER(serialNumber, X509_get_serialNumber(certificate.get()));
    BN_free(serialNumber);
    if (!serialSet)
        return fail("serial");
    X509_set_version(certificate.get(), 2);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -kValidBeforeNowSeconds);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), kValidForSeconds);
    X509_NAME* name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("spoke"), -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    if (X509_set_pubkey(certificate.get(), key.get()) != 1)
        return fail("public key");
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0)
        return fail("signature");
    return std::shared_ptr<const DtlsCertificate>(new DtlsCertificate(std::move(certificate), std::move(key)));
}

Expected<std::shared_ptr<const DtlsCertificate>> DtlsCertificate::processCertificate()
{
    static std::mutex mutex;
    static std::shared_ptr<const DtlsCertificate> shared;
    const std::lock_guard lock(mutex);
    if (shared)
        return shared;
    auto made = generate();
    if (made)
        shared = *made;
    return made;
}

std::string DtlsCertificate::fingerprintOf(X509* certificate, const std::string& sdpAlgorithm)
{
    std::string algorithm = sdpAlgorithm;
    std::transform(algorithm.begin(), algorithm.end(), algorithm.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const EVP_MD* digest = nullptr;
    if (algorithm == "sha-256")
        digest = EVP_sha256();
    else if (algorithm == "sha-1")
        digest = EVP_sha1();
    else if (algorithm == "sha-384")
        digest = EVP_sha384();
    else if (algorithm == "sha-512")
        digest = EVP_sha512();
    if (!digest || !certificate)
        return {};
    unsigned char bytes[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(certificate, digest, bytes, &length) != 1)
        return {};
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string text;
    for (unsigned int i = 0; i < length; ++i) {
        if (i)
            text += ':';
        text += kHex[bytes[i] >> 4];
        text += kHex[bytes[i] & 0xf];
    }
    return text;
}

} // namespace spoke::transport
