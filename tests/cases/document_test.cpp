#include "cases/CaseDocument.h"
#include "cases/CaseError.h"

#include "support/TempDir.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <catch2/catch.hpp>

using namespace spoke::cases;

namespace {

QByteArray fixture(const char* name)
{
    QFile f(QStringLiteral(CASES_FIXTURES "/") + QLatin1String(name));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

CaseErrorKind kindOf(const QByteArray& bytes)
{
    try {
        CaseDocument::fromJson(bytes);
    } catch (const CaseError& e) {
        CHECK(std::string(e.what()).size() > 10); // a message a person can read
        return e.kind();
    }
    FAIL("no error");
    return CaseErrorKind::Unreadable;
}

} // namespace

TEST_CASE("Import and export keep every key, including unknown ones", "[cases][document]")
{
    const auto doc = CaseDocument::fromJson(fixture("clean_tb_kenya.json"));
    CHECK(doc.caseId() == QLatin1String("ECHO-TB-X101"));
    CHECK(doc.programme() == QLatin1String("tb"));
    CHECK(doc.country() == QLatin1String("KE"));

    const auto again = CaseDocument::fromJson(doc.toJson());
    CHECK(again.json() == doc.json());
    CHECK(again.json().value(QLatin1String("local_note_x")).toObject().value(QLatin1String("kept")).toString()
          == QLatin1String("unknown keys survive import and export"));
    CHECK(again.json().value(QLatin1String("programme_fields")).toObject().value(QLatin1String("bacteriology")).toArray().size() == 2);
}

TEST_CASE("Text fields carry their paths", "[cases][document]")
{
    const auto doc = CaseDocument::fromJson(fixture("clean_tb_kenya.json"));
    bool sawComment = false;
    bool sawNested = false;
    for (const auto& field : doc.textFields()) {
        sawComment = sawComment || field.path == QLatin1String("labs[0].comment");
        sawNested = sawNested || (field.path == QLatin1String("programme_fields.bacteriology[1].result") && field.value == QLatin1String("1+"));
    }
    CHECK(sawComment);
    CHECK(sawNested);
    const std::string plain = doc.plainText();
    CHECK(plain.find("Smear still 1+") != std::string::npos);
    CHECK(plain.find("echo-case/1.0") == std::string::npos);
}

TEST_CASE("Malformed, foreign, junk and oversized input give clear errors", "[cases][document]")
{
    CHECK(kindOf(fixture("not_json.json")) == CaseErrorKind::NotJson);
    CHECK(kindOf("{\"schema_version\": \"echo-case/1.0\", ") == CaseErrorKind::NotJson);
    CHECK(kindOf("[1,2,3]") == CaseErrorKind::NotACase);
    CHECK(kindOf("{\"schema_version\": \"echo-case/2.0\"}") == CaseErrorKind::NotACase);
    CHECK(kindOf("{\"narrative\": \"no version\"}") == CaseErrorKind::NotACase);

    const QString huge(CaseDocument::kMaxFieldChars + 1, QLatin1Char('x'));
    QJsonObject big{{QStringLiteral("schema_version"), QStringLiteral("echo-case/1.0")}, {QStringLiteral("narrative"), huge}};
    try {
        CaseDocument::fromJson(QJsonDocument(big).toJson());
        FAIL("accepted a huge field");
    } catch (const CaseError& e) {
        CHECK(e.kind() == CaseErrorKind::TooLarge);
        CHECK(std::string(e.what()).find("narrative") != std::string::npos);
    }
    QByteArray deep = "{\"schema_version\":\"echo-case/1.0\",\"x\":";
    for (int i = 0; i < 40; ++i)
        deep += "[";
    for (int i = 0; i < 40; ++i)
        deep += "]";
    deep += "}";
    CHECK(kindOf(deep) == CaseErrorKind::TooLarge);
    CHECK(kindOf(QByteArray(CaseDocument::kMaxDocumentBytes + 1, ' ')) == CaseErrorKind::TooLarge);
}

TEST_CASE("A missing file is reported as unreadable", "[cases][document]")
{
    spoke::test::TempDir dir;
    try {
        CaseDocument::fromFile(dir / "missing.json");
        FAIL("read a missing file");
    } catch (const CaseError& e) {
        CHECK(e.kind() == CaseErrorKind::Unreadable);
        CHECK(std::string(e.what()).find("missing.json") != std::string::npos);
    }
}
