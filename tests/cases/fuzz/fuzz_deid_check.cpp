// Any text in any field: the gate returns findings whose spans lie inside the
// field and whose text is what the span covers. Never a crash or a hang.
#include "cases/CaseDocument.h"
#include "cases/CaseError.h"
#include "cases/DeidGate.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cstdint>
#include <cstdlib>

namespace {

void checkSpans(const spoke::cases::CaseDocument& document, const std::vector<spoke::cases::Finding>& findings)
{
    for (const auto& f : findings) {
        if (f.start < 0 || f.end <= f.start || f.category < 'A' || f.category > 'R' || f.reason.isEmpty())
            std::abort();
        for (const auto& field : document.textFields())
            if (field.path == f.path) {
                const auto ucs4 = field.value.toUcs4();
                if (f.end > ucs4.size())
                    std::abort();
            }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_deid_check";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    if (size < 2)
        return 0;
    // First byte picks the presenter's country, the rest is a narrative.
    static const char* countries[] = {"NA", "IN", "UY", "ZA", "MZ", "KE", "US", "HN", "ZM", ""};
    const QString country = QString::fromLatin1(countries[data[0] % 10]);
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    QJsonObject json{
        {QStringLiteral("schema_version"), QStringLiteral("echo-case/1.0")},
        {QStringLiteral("presenter"), QJsonObject{{QStringLiteral("country"), country},
                                                  {QStringLiteral("region_level1"), text.left(40)}}},
        {QStringLiteral("patient"), QJsonObject{{QStringLiteral("age_band"), text.left(6)}}},
        {QStringLiteral("narrative"), text},
        {QStringLiteral("attachments"), QJsonArray{QJsonObject{{QStringLiteral("file_name"), text.left(60)},
                                                               {QStringLiteral("kind"), QStringLiteral("photo")},
                                                               {QStringLiteral("description"), text}}}},
    };
    const spoke::cases::CaseDocument document(json);
    checkSpans(document, spoke::cases::DeidGate::builtIn().check(document));
    // The same bytes as a whole document, when they parse.
    try {
        const auto parsed = spoke::cases::CaseDocument::fromJson(
            QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
        checkSpans(parsed, spoke::cases::DeidGate::builtIn().check(parsed));
    } catch (const spoke::cases::CaseError&) {
    }
    return 0;
}
