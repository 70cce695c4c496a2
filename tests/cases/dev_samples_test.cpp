// The repo's own dev samples (tests/deid/dev/<language>/): Swahili and French
// cases written for the cue lists in resources/schemas/deid/lexicon-1.json.
// Every `_expected` identifier must be covered by a finding on its path (the
// rule scripts/score-deid applies), and a sample without any must come out
// clean. These are tuning samples, not a measure of recall on unseen text.

#include "cases/CaseDocument.h"
#include "cases/DeidGate.h"
#include "cases/Lexicon.h"

#include <QDir>
#include <QJsonArray>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace spoke::cases;

namespace {

const DeidGate& gate()
{
    static const DeidGate instance(Lexicon::builtIn(), DeidGate::Options{2024});
    return instance;
}

QString valueAt(const QJsonObject& root, const QString& path)
{
    // Dev samples only label top-level and dotted object paths.
    QJsonValue node = root;
    for (const QString& key : path.split(QLatin1Char('.')))
        node = node.toObject().value(key);
    return node.toString();
}

QStringList samplesIn(const QString& language)
{
    const QDir dir(QStringLiteral(DEID_DEV_SAMPLES "/") + language);
    QStringList files;
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    return files;
}

void checkSample(const QString& file)
{
    INFO(file.toStdString());
    const CaseDocument document = CaseDocument::fromFile(file.toStdString());
    std::vector<Finding> findings;
    for (Finding& f : gate().check(document))
        if (!f.path.startsWith(QLatin1String("_expected")))
            findings.push_back(std::move(f));
    const QJsonArray expected = document.json().value(QLatin1String("_expected")).toArray();
    if (expected.isEmpty()) {
        for (const auto& f : findings)
            UNSCOPED_INFO("false positive " << f.path.toStdString() << " [" << f.text.toStdString() << "]");
        CHECK(findings.empty());
        return;
    }
    for (const auto& item : expected) {
        const QString text = item.toObject().value(QLatin1String("text")).toString();
        for (const auto& p : item.toObject().value(QLatin1String("paths")).toArray()) {
            const QString path = p.toString();
            const QString value = valueAt(document.json(), path);
            const qsizetype at = value.indexOf(text);
            REQUIRE(at >= 0);
            const int start = codePointIndex(value, at);
            const int end = codePointIndex(value, at + text.size());
            INFO(path.toStdString() << ": " << text.toStdString());
            CHECK(std::any_of(findings.begin(), findings.end(),
                              [&](const Finding& f) { return f.path == path && f.start <= start && f.end >= end; }));
        }
    }
}

} // namespace

TEST_CASE("Swahili dev samples: places, titles, East African phones and IDs are found", "[cases][gate][dev][sw]")
{
    const QStringList files = samplesIn(QStringLiteral("sw"));
    REQUIRE(files.size() >= 4);
    for (const QString& file : files)
        checkSample(file);
}

TEST_CASE("French dev samples: the French cues still find what they did", "[cases][gate][dev][fr]")
{
    const QStringList files = samplesIn(QStringLiteral("fr"));
    REQUIRE(files.size() >= 3);
    for (const QString& file : files)
        checkSample(file);
}
