#pragma once

#include "store/Cache.h"
#include "store/crypt/CacheKey.h"

#include <QRandomGenerator>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace spoke::test {

inline store::crypt::CacheKey randomCacheKey()
{
    std::array<std::uint32_t, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return *store::crypt::CacheKey::fromBytes(std::string_view(reinterpret_cast<const char*>(words.data()), 32));
}

inline std::string rawBytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A case's words as a clinician would type them: a name, a place, numbers,
// the clinical story. Every one must be absent from a sealed file's bytes.
inline const std::vector<std::string>& seededCaseWords()
{
    static const std::vector<std::string> words{
        "Ndapewa",     "Shikongo",     "Okahandja",          "Rundu",  "48213377",
        "bedaquiline", "cryptococcal", "hepatosplenomegaly", "Tsumeb", "grandmother",
        "Sputum",      "linezolid",    "neuropathy",
    };
    return words;
}

inline std::string seededCaseText()
{
    return "Ndapewa Shikongo from Okahandja, referred by Rundu district hospital, MRN 48213377. On bedaquiline "
           "and linezolid since March with painful neuropathy; cryptococcal antigen negative; "
           "hepatosplenomegaly on ultrasound. Lives with her grandmother near Tsumeb. Sputum culture pending.";
}

// Writes one case (programme, session, case, a revision) with the seeded words.
inline std::int64_t seedCase(store::Cache& cache, const std::string& code = "SEAL-1")
{
    auto sessions = cache.sessions();
    store::Transaction tx(cache.db());
    auto programme = sessions.programmeByCode("SEAL");
    const auto programmeId = programme ? programme->id : sessions.addProgramme({0, "SEAL", "Sealed", "hub", ""});
    store::CaseRecord record;
    record.caseCode = code;
    record.programmeId = programmeId;
    record.title = "Ndapewa Shikongo Okahandja";
    record.createdMs = 1'700'000'000'000;
    auto cases = cache.cases();
    const auto id = cases.create(record);
    cases.saveRevision(id, "{}", seededCaseText(), record.createdMs);
    tx.commit();
    return id;
}

// Which of the seeded words (as typed, and lower-cased as FTS5 keeps them)
// the file's raw bytes hold.
inline std::vector<std::string> wordsFoundIn(const std::filesystem::path& file)
{
    const std::string bytes = rawBytes(file);
    std::vector<std::string> found;
    for (const auto& word : seededCaseWords()) {
        std::string lower = word;
        for (auto& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (bytes.find(word) != std::string::npos || bytes.find(lower) != std::string::npos)
            found.push_back(word);
    }
    return found;
}

} // namespace spoke::test
