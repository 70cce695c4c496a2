#include "cases/Finding.h"

namespace spoke::cases {

QString categoryName(char category)
{
    switch (category) {
    case 'A': return QStringLiteral("Names");
    case 'B': return QStringLiteral("Geographic subdivisions smaller than a state");
    case 'C': return QStringLiteral("Dates (except year) and ages over 89");
    case 'D': return QStringLiteral("Telephone numbers");
    case 'E': return QStringLiteral("Fax numbers");
    case 'F': return QStringLiteral("Email addresses");
    case 'G': return QStringLiteral("Social security and national ID numbers");
    case 'H': return QStringLiteral("Medical record numbers");
    case 'I': return QStringLiteral("Health plan beneficiary numbers");
    case 'J': return QStringLiteral("Account numbers");
    case 'K': return QStringLiteral("Certificate and licence numbers");
    case 'L': return QStringLiteral("Vehicle identifiers and licence plates");
    case 'M': return QStringLiteral("Device identifiers and serial numbers");
    case 'N': return QStringLiteral("Web URLs");
    case 'O': return QStringLiteral("IP addresses");
    case 'P': return QStringLiteral("Biometric identifiers");
    case 'Q': return QStringLiteral("Full-face photographs");
    case 'R': return QStringLiteral("Other unique identifying numbers, characteristics or codes");
    default: return QStringLiteral("Unknown category");
    }
}

QString defaultSuggestion(char category)
{
    switch (category) {
    case 'A': return QStringLiteral("[NAME] (or a role such as \"her son\")");
    case 'B': return QStringLiteral("[PLACE] (keep only the first-level region)");
    case 'C': return QStringLiteral("days relative to the presentation (day_rel), or the year alone");
    case 'D': return QStringLiteral("[PHONE]");
    case 'E': return QStringLiteral("[FAX]");
    case 'F': return QStringLiteral("[EMAIL]");
    case 'G': return QStringLiteral("[NATIONAL-ID]");
    case 'H': return QStringLiteral("[RECORD-NO]");
    case 'I': return QStringLiteral("[PLAN-NO]");
    case 'J': return QStringLiteral("[ACCOUNT-NO]");
    case 'K': return QStringLiteral("[LICENCE-NO]");
    case 'L': return QStringLiteral("[VEHICLE-ID]");
    case 'M': return QStringLiteral("[DEVICE-SERIAL]");
    case 'N': return QStringLiteral("[URL]");
    case 'O': return QStringLiteral("[IP-ADDRESS]");
    case 'P': return QStringLiteral("remove the recording; attach a de-identified transcript instead");
    case 'Q': return QStringLiteral("remove the photo, or crop it so no face is recognisable");
    default: return QStringLiteral("[IDENTIFIER] (describe without the unique detail)");
    }
}

QString keyPath(const QString& memberPath)
{
    return memberPath + QStringLiteral("#key");
}

QJsonObject toJson(const Finding& f)
{
    return QJsonObject{
        {QStringLiteral("path"), f.path},
        {QStringLiteral("start"), f.start},
        {QStringLiteral("end"), f.end},
        {QStringLiteral("text"), f.text},
        {QStringLiteral("category"), QString(QLatin1Char(f.category))},
        {QStringLiteral("reason"), f.reason},
        {QStringLiteral("suggestion"), f.suggestion},
    };
}

int codePointIndex(const QString& text, qsizetype utf16Index)
{
    int count = 0;
    for (qsizetype i = 0; i < utf16Index && i < text.size(); ++i) {
        // The low half of a surrogate pair belongs to the code point before.
        if (!text.at(i).isLowSurrogate())
            ++count;
    }
    return count;
}

} // namespace spoke::cases
