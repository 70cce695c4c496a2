#include "cases/ContactDetector.h"

#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

namespace spoke::cases {

namespace {

using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

// libphonenumber reports UTF-8 byte offsets; detectors speak UTF-16.
std::vector<qsizetype> utf16IndexOfByte(const QString& text, const QByteArray& utf8)
{
    std::vector<qsizetype> map(static_cast<std::size_t>(utf8.size()) + 1, text.size());
    qsizetype byte = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char32_t cp = text.at(i).isHighSurrogate() && i + 1 < text.size()
                                ? QChar::surrogateToUcs4(text.at(i), text.at(i + 1))
                                : text.at(i).unicode();
        const int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        for (int k = 0; k < bytes && byte + k < utf8.size(); ++k)
            map[static_cast<std::size_t>(byte + k)] = i;
        byte += bytes;
        if (cp >= 0x10000)
            ++i;
    }
    return map;
}

int digitCount(QStringView s)
{
    int n = 0;
    for (const QChar c : s)
        n += c.isDigit() ? 1 : 0;
    return n;
}

} // namespace

ContactDetector::ContactDetector()
    : email_(scan::compile(QStringLiteral(R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})")))
    , url_(scan::compile(QStringLiteral(R"(\b(?:(?:https?|ftp|sftp|file)://|www\.)[^\s<>"'\])}]+)"), true))
    , bareDomain_(scan::compile(
          QStringLiteral(
              R"(\b[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9\-]+)*\.(?:com|org|net|gov|edu|info|biz|io|health|app|example|test|invalid|localhost)(?:\.[a-z]{2})?(?:/[^\s<>"']*)?(?![\w.\-]))"),
          true))
    , ipv4_(scan::compile(QStringLiteral(R"((?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d))")))
    , ipv6_(scan::compile(QStringLiteral(
          R"((?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){1,7}(?::|(?::[0-9A-Fa-f]{1,4}){1,7}|[0-9A-Fa-f]{1,4})(?![0-9A-Fa-f:]))")))
    , mac_(scan::compile(
          QStringLiteral(R"((?<![0-9A-Fa-f:\-])(?:[0-9A-Fa-f]{2}[:\-]){5}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:\-]))")))
    , faxCue_(scan::compile(QStringLiteral(R"(\b(?:fax|telefax|facs[ií]mil|fac-s[ií]mile)\b)"), true))
    , cuedPhone_(scan::compile(
          QStringLiteral(
              R"(\b(?:tel|tel\.|phone|telephone|mobile|cell|cellphone|contact|call|whatsapp|sms|fax|tel[ée]fono|celular|m[óo]vil|contacto|telefone|telem[óo]vel|n[úu]mero|ligar|llamar|simu|nambari|namba|piga|t[ée]l[ée]phone|portable|num[ée]ro|appeler|joindre)\b[^0-9+\n]{0,20}(\+?\(?\d[\d\s().\-]{5,18}\d))"),
          true))
    ,
    // Tanzanian, Kenyan and Ugandan mobiles: +255/+254/+256 or a leading 0,
    // then 7xx or 1xx and six digits. People and phones cross these
    // borders, so the format is read whatever the presenter's country.
    eastAfricanMobile_(
        scan::compile(QStringLiteral(R"((?<![\d+])(?:\+25[456][\s\-]?|0)[17]\d{2}[\s\-]?\d{3}[\s\-]?\d{3}(?![\d]))")))
    , versionCue_(scan::compile(QStringLiteral(R"((?:\bv|version|versión|versão)\s*$)"), true))
{
}

void ContactDetector::scan(const ScanInput& in, std::vector<Hit>& hits) const
{
    const QString& text = in.text;
    std::vector<std::pair<qsizetype, qsizetype>> emailSpans;
    for (auto it = email_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        hits.push_back({m.capturedStart(), m.capturedEnd(), 'F', QStringLiteral("email address"), {}, 90});
        emailSpans.emplace_back(m.capturedStart(), m.capturedEnd());
    }
    auto insideEmail = [&](qsizetype s) {
        for (const auto& [a, b] : emailSpans)
            if (s >= a && s < b)
                return true;
        return false;
    };
    std::vector<std::pair<qsizetype, qsizetype>> urlSpans;
    auto addUrl = [&](qsizetype s, qsizetype e) {
        // Trailing sentence punctuation is not part of the address.
        while (e > s && QStringLiteral(".,;:!?").contains(text.at(e - 1)))
            --e;
        for (const auto& [a, b] : urlSpans)
            if (s >= a && s < b)
                return;
        urlSpans.emplace_back(s, e);
        hits.push_back({s, e, 'N', QStringLiteral("web address: Safe Harbor removes every URL"), {}, 90});
    };
    for (auto it = url_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        addUrl(m.capturedStart(), m.capturedEnd());
    }
    for (auto it = bareDomain_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!insideEmail(m.capturedStart()))
            addUrl(m.capturedStart(), m.capturedEnd());
    }
    for (auto it = ipv4_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        bool octets = true;
        for (int i = 1; i <= 4; ++i)
            octets = octets && m.captured(i).toInt() <= 255;
        if (octets && !scan::cueBefore(text, m.capturedStart(), versionCue_, 12))
            hits.push_back({m.capturedStart(), m.capturedEnd(), 'O', QStringLiteral("IPv4 address"), {}, 85});
    }
    for (auto it = ipv6_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString v = m.captured();
        // Clock times (07:00, 07:00:30) have one or two colons and no "::".
        if (v.count(QLatin1Char(':')) >= 5 || v.contains(QLatin1String("::")))
            if (v.size() >= 6)
                hits.push_back({m.capturedStart(), m.capturedEnd(), 'O', QStringLiteral("IPv6 address"), {}, 85});
    }
    for (auto it = mac_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        hits.push_back({m.capturedStart(), m.capturedEnd(), 'M', QStringLiteral("MAC address of a device"), {}, 85});
    }
    if (digitCount(text) >= 6)
        scanPhones(in, hits);
}

void ContactDetector::scanPhones(const ScanInput& in, std::vector<Hit>& hits) const
{
    const QString& text = in.text;
    const QByteArray utf8 = text.toUtf8();
    const auto toUtf16 = utf16IndexOfByte(text, utf8);
    const std::string region = in.country.size() == 2 ? in.country.toUpper().toStdString() : std::string("ZZ");
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();

    auto classify = [&](qsizetype s, qsizetype e, const QString& how, int strength) {
        const bool fax = scan::cueBefore(text, s, faxCue_, 30);
        hits.push_back({s,
                        e,
                        fax ? 'E' : 'D',
                        (fax ? QStringLiteral("fax number") : QStringLiteral("telephone number")) + how,
                        {},
                        strength});
    };

    std::vector<std::pair<qsizetype, qsizetype>> found;
    PhoneNumberMatcher matcher(util, utf8.toStdString(), region, PhoneNumberMatcher::VALID, 200);
    while (matcher.HasNext()) {
        PhoneNumberMatch match;
        if (!matcher.Next(&match))
            break;
        const auto startByte = static_cast<std::size_t>(match.start());
        const auto endByte = static_cast<std::size_t>(match.start() + match.length());
        if (endByte >= toUtf16.size())
            continue;
        const qsizetype s = toUtf16[startByte];
        const qsizetype e = endByte == static_cast<std::size_t>(utf8.size()) ? text.size() : toUtf16[endByte];
        found.emplace_back(s, e);
        std::string numberRegion;
        util.GetRegionCodeForNumber(match.number(), &numberRegion);
        classify(s, e, QStringLiteral(" (valid %1 number)").arg(QString::fromStdString(numberRegion)), 70);
    }
    for (auto it = eastAfricanMobile_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        bool covered = false;
        for (const auto& [a, b] : found)
            covered = covered || (m.capturedStart() < b && m.capturedEnd() > a);
        if (!covered) {
            found.emplace_back(m.capturedStart(), m.capturedEnd());
            classify(m.capturedStart(), m.capturedEnd(), QStringLiteral(" (East African mobile format)"), 60);
        }
    }
    // Numbers the metadata does not accept (new ranges, typos, foreign local
    // formats) still count when the text says they are a phone.
    for (auto it = cuedPhone_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const qsizetype s = m.capturedStart(1);
        qsizetype e = m.capturedEnd(1);
        const int digits = digitCount(m.capturedView(1));
        if (digits < 7 || digits > 15)
            continue;
        bool covered = false;
        for (const auto& [a, b] : found)
            covered = covered || (s < b && e > a);
        if (!covered)
            classify(s, e, QStringLiteral(" (labelled as one)"), 55);
    }
}

} // namespace spoke::cases
