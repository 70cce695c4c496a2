#include "bench/SearchBench.h"

#include "store/Cache.h"
#include "store/CacheEncryption.h"

#include <QRandomGenerator>

#include <array>
#include <chrono>
#include <optional>
#include <random>
#include <stdexcept>
#include <vector>

namespace spoke::bench {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Real clinical words at the head of the distribution, then synthetic ones,
// so frequencies look like case text: a few very common, a long rare tail.
constexpr std::array kClinicalWords{
    "patient",       "viral",        "load",        "adherence",    "regimen",      "treatment",
    "months",        "clinic",       "tb",          "hiv",          "dolutegravir", "cd4",
    "counselling",   "weight",       "screening",   "cough",        "fever",        "sputum",
    "culture",       "linezolid",    "bedaquiline", "neuropathy",   "haemoglobin",  "creatinine",
    "hepatitis",     "cirrhosis",    "genotype",    "fibrosis",     "pregnancy",    "breastfeeding",
    "morphine",      "pain",         "palliative",  "colposcopy",   "biopsy",       "lesion",
    "ablation",      "referral",     "diabetes",    "hypertension", "rifampicin",   "isoniazid",
    "cotrimoxazole", "cryptococcal", "meningitis",  "kaposi",       "anaemia",      "nausea",
    "rash",          "jaundice",
};

class TextGenerator {
public:
    explicit TextGenerator(unsigned seed) : rng_(seed)
    {
        for (const char* word : kClinicalWords)
            vocabulary_.emplace_back(word);
        for (int i = 0; i < 5000; ++i)
            vocabulary_.push_back(std::string("w").append(std::to_string(i)));
        std::vector<double> weights;
        for (std::size_t rank = 1; rank <= vocabulary_.size(); ++rank)
            weights.push_back(1.0 / static_cast<double>(rank));
        zipf_ = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
    }

    std::string words(int count)
    {
        std::string text;
        for (int i = 0; i < count; ++i) {
            if (i)
                text += ' ';
            text += vocabulary_[zipf_(rng_)];
        }
        return text;
    }

    const std::string& word(std::size_t rank) const { return vocabulary_.at(rank); }
    std::mt19937& rng() { return rng_; }

private:
    std::mt19937 rng_;
    std::vector<std::string> vocabulary_;
    std::discrete_distribution<std::size_t> zipf_;
};

void generate(store::Cache& cache, const SearchBenchConfig& config, TextGenerator& text)
{
    auto sessions = cache.sessions();
    auto cases = cache.cases();
    store::Transaction tx(cache.db());
    const auto programme = sessions.addProgramme({0, "BENCH", "Benchmark programme", "Bench hub", ""});
    std::vector<std::int64_t> sessionIds;
    sessionIds.reserve(static_cast<std::size_t>(config.sessions));
    for (int i = 0; i < config.sessions; ++i) {
        store::Session s;
        s.programmeId = programme;
        s.title = text.words(6);
        s.description = text.words(30);
        s.hub = "Bench hub";
        s.scheduledStartMs = 1'700'000'000'000 + static_cast<std::int64_t>(i) * 604'800'000;
        sessionIds.push_back(sessions.addSession(s));
    }
    for (int i = 0; i < config.cases; ++i) {
        store::CaseRecord c;
        c.caseCode = std::string("BENCH-").append(std::to_string(i));
        c.programmeId = programme;
        c.sessionId = sessionIds[static_cast<std::size_t>(i) % sessionIds.size()];
        c.title = text.words(5);
        c.createdMs = 1'700'000'000'000 + i;
        const auto id = cases.create(c);
        cases.saveRevision(id, "{}", text.words(150), c.createdMs);
    }
    tx.commit();
    cache.db().exec("INSERT INTO search_index(search_index) VALUES ('optimize')");
}

// A copy of the plain cache, encrypted the way a user turns it on.
store::Cache sealedCopy(const std::filesystem::path& file, SearchBenchResult& result)
{
    namespace fs = std::filesystem;
    const fs::path copy = file.string() + ".sealed";
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(copy.string() + suffix);
    fs::copy_file(file, copy);
    std::array<std::uint32_t, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const auto key =
        *store::crypt::CacheKey::fromBytes(std::string_view(reinterpret_cast<const char*>(words.data()), sizeof words));
    const auto start = Clock::now();
    const auto done = store::CacheEncryption::enable(copy, key);
    if (!done)
        throw std::runtime_error(done.error().message);
    result.encryptSeconds = msSince(start) / 1000.0;
    return store::Cache::open(copy, key);
}

} // namespace

SearchBenchResult runSearchBench(const SearchBenchConfig& config)
{
    namespace fs = std::filesystem;
    fs::create_directories(config.workDir);
    const fs::path file = config.workDir / "search-bench.sqlite";
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(file.string() + suffix);

    SearchBenchResult result;
    TextGenerator text(config.seed);
    {
        auto cache = store::Cache::open(file);
        const auto start = Clock::now();
        generate(cache, config, text);
        result.buildSeconds = msSince(start) / 1000.0;
        cache.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    result.fileBytes = static_cast<std::int64_t>(fs::file_size(file));

    // A query mix like people type: mostly one or two specific words.
    struct Query {
        std::string cls;
        std::string text;
    };
    std::vector<Query> queries;
    auto& rng = text.rng();
    std::uniform_int_distribution<std::size_t> head(0, 9), clinical(10, kClinicalWords.size() - 1),
        middle(kClinicalWords.size(), kClinicalWords.size() + 600),
        tail(kClinicalWords.size() + 600, kClinicalWords.size() + 4999);
    for (int i = 0; i < config.queries; ++i) {
        switch (i % 10) {
        case 0: queries.push_back({"common-term", text.word(head(rng))}); break;
        case 1:
        case 2: queries.push_back({"clinical-term", text.word(clinical(rng))}); break;
        case 3:
        case 4: queries.push_back({"mid-term", text.word(middle(rng))}); break;
        case 5:
        case 6: queries.push_back({"rare-term", text.word(tail(rng))}); break;
        case 7:
        case 8: queries.push_back({"two-terms", text.word(clinical(rng)) + " " + text.word(middle(rng))}); break;
        default: queries.push_back({"prefix", text.word(clinical(rng)).substr(0, 4)}); break;
        }
    }

    std::optional<store::Cache> sealed;
    if (config.compareEncrypted)
        sealed.emplace(sealedCopy(file, result));
    auto cache = store::Cache::open(file);
    for (int warm = 0; warm < 5; ++warm) {
        cache.search(queries[static_cast<std::size_t>(warm)].text);
        if (sealed)
            sealed->search(queries[static_cast<std::size_t>(warm)].text);
    }

    std::vector<double> overall, reference, encrypted;
    std::map<std::string, std::vector<double>> byClass;
    auto count = cache.db().prepare("SELECT count(*) FROM search_index WHERE search_index MATCH ?");
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const auto& q = queries[i];
        store::SearchOptions options;
        options.prefixLastTerm = q.cls == "prefix";
        // The sealed copy runs the same query right before or after the plain
        // one, in turn: both see the same machine load, and neither always
        // goes second, so the ratio of medians is the seal's cost.
        const auto timeSealed = [&] {
            const auto sealedStart = Clock::now();
            sealed->search(q.text, options);
            encrypted.push_back(msSince(sealedStart));
        };
        if (sealed && i % 2 == 1)
            timeSealed();
        auto start = Clock::now();
        cache.search(q.text, options);
        const double ms = msSince(start);
        overall.push_back(ms);
        byClass[q.cls].push_back(ms);
        if (sealed && i % 2 == 0)
            timeSealed();

        start = Clock::now();
        count.reset();
        count.bind(1, store::toFtsQuery(q.text, options.prefixLastTerm));
        count.step();
        reference.push_back(msSince(start));
    }
    result.overallMs = summarize(overall);
    result.referenceMs = summarize(reference);
    if (sealed)
        result.encryptedMs = summarize(encrypted);
    for (auto& [cls, samples] : byClass)
        result.byClassMs[cls] = summarize(std::move(samples));
    return result;
}

} // namespace spoke::bench
