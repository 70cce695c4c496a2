#pragma once

#include "cases/TextScan.h"

namespace spoke::cases {

// Categories D, E, F, N, O (and MAC addresses, M): phone and fax numbers in
// the presenter country's local formats and in international form (parsed
// and validated by libphonenumber, so lab values and IDs with digit groups
// are not mistaken for phones), a cue-anchored fallback for numbers the
// metadata does not know, email addresses, every URL, IPv4 and IPv6.
class ContactDetector : public Detector {
public:
    ContactDetector();
    void scan(const ScanInput& input, std::vector<Hit>& hits) const override;

private:
    void scanPhones(const ScanInput& input, std::vector<Hit>& hits) const;

    QRegularExpression email_;
    QRegularExpression url_;
    QRegularExpression bareDomain_;
    QRegularExpression ipv4_;
    QRegularExpression ipv6_;
    QRegularExpression mac_;
    QRegularExpression faxCue_;
    QRegularExpression cuedPhone_;
    QRegularExpression eastAfricanMobile_;
    QRegularExpression versionCue_;
};

} // namespace spoke::cases
