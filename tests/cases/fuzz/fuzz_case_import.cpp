// Any bytes: either a CaseDocument with every key kept and a round trip that
// parses again to the same JSON, or a CaseError. Never a crash or a hang.
#include "cases/CaseDocument.h"
#include "cases/CaseError.h"
#include "cases/SchemaRegistry.h"

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_case_import";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    try {
        const auto document = spoke::cases::CaseDocument::fromJson(
            QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
        const auto again = spoke::cases::CaseDocument::fromJson(document.toJson());
        if (again.json() != document.json())
            std::abort(); // export lost or changed something
        (void)spoke::cases::SchemaRegistry::builtIn().validate(document);
        (void)document.plainText();
    } catch (const spoke::cases::CaseError&) {
    }
    return 0;
}
