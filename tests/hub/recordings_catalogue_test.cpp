// The recording catalogue (core/hub/recordings) on SQLite and PostgreSQL:
// files in place with their true size, SHA-256 and duration, rows only for
// files that exist, deletes and retention that remove both.

#include "HubTestDatabases.h"
#include "RecordingFixtures.h"

#include "hub/admin/Admin.h"
#include "hub/recordings/Retention.h"

#include <QVariant>

using namespace spoke;
using namespace spoke::hub;
using namespace spoke::hub::recordings;
using test::HubTestDatabase;
using test::kTestNowMs;

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

std::int64_t countRows(HubDatabase& db, const QString& table)
{
    return db.queryOne(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table))->integer(0);
}

std::int64_t addProgramme(HubDatabase& db, const QString& name)
{
    auto id = Admin(db).addProgramme(name, ProgrammeKind::Tb, kTestNowMs);
    REQUIRE(id.ok());
    return *id;
}

// What is in the catalogue's dir besides the recordings' own dirs.
int leftovers(const std::filesystem::path& dir)
{
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        count += entry.path().filename().string().starts_with(".") ? 1 : 0;
    return count;
}

} // namespace

HUB_TEST_ON_BOTH_DATABASES(catalogueAddGetListDelete,
                           "recordings: a recording is filed with its renditions and deleted with its files",
                           "[hub][recordings]")
{
    auto db = database.open();
    test::TempDir media;
    const auto first = test::writeSyntheticWebm(media / "part0.webm", 2);
    const auto second = test::writeSyntheticWebm(media / "part1.webm", 1);
    const std::int64_t programme = addProgramme(*db, QStringLiteral("TB Nairobi"));
    const auto session = Admin(*db).addSession(programme, QStringLiteral("Week 1"), kTestNowMs, 60, kTestNowMs);
    REQUIRE(session.ok());

    RecordingCatalogue catalogue(*db, media / "recordings");
    AddRecording request;
    request.programmeId = programme;
    request.sessionId = session->sessionId;
    request.title = QStringLiteral("  Week 1 ");
    request.fullParts = {first, second};
    const auto added = catalogue.add(request, test::syntheticRenditions(1), kTestNowMs);
    INFO((added ? std::string() : added.error().message.toStdString()));
    REQUIRE(added.ok());
    CHECK(added->title == QStringLiteral("Week 1"));
    CHECK(added->recordedMs == kTestNowMs); // the session's start: no agenda item started
    CHECK(added->source == QStringLiteral("import"));
    // Two parts of 2 s and 1 s, as the container says (within one frame).
    CHECK(added->durationMs >= 2900);
    CHECK(added->durationMs <= 3100);
    REQUIRE(added->files.size() == 4);
    const QStringList expected{QStringLiteral("full-0"), QStringLiteral("full-1"), QStringLiteral("light-0"),
                               QStringLiteral("audio-slides-0")};
    for (std::size_t i = 0; i < added->files.size(); ++i) {
        const RecordingFile& file = added->files[i];
        INFO(file.file.toStdString());
        CHECK(QStringLiteral("%1-%2").arg(file.rendition).arg(file.part) == expected[qsizetype(i)]);
        CHECK(file.file == QStringLiteral("%1/%2.webm").arg(added->id).arg(expected[qsizetype(i)]));
        const std::filesystem::path path = catalogue.pathOf(file);
        REQUIRE(std::filesystem::exists(path));
        CHECK(file.bytes == std::int64_t(std::filesystem::file_size(path)));
        CHECK(file.sha256 == test::sha256Of(path));
        CHECK(file.durationMs > 0);
    }
    CHECK(added->files[0].sha256 == test::sha256Of(first)); // copied, not changed
    CHECK(std::filesystem::exists(first)); // an import copies; the operator's file stays
    CHECK(leftovers(catalogue.directory()) == 0);

    // Read back, and listed newest first.
    request.title = QStringLiteral("Later");
    request.sessionId.reset();
    request.recordedMs = kTestNowMs + kDayMs;
    request.fullParts = {second};
    const auto later = catalogue.add(request, {}, kTestNowMs);
    REQUIRE(later.ok());
    CHECK(later->files.size() == 1); // no maker: the full rendition only
    const auto listed = catalogue.list(programme);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].id == later->id);
    CHECK(listed[1].id == added->id);
    CHECK(listed[1].files.size() == 4);
    CHECK(catalogue.list(addProgramme(*db, QStringLiteral("Other"))).empty());
    const auto json = recordingJson(*catalogue.get(added->id));
    CHECK(json.value(QStringLiteral("renditions")).toArray().size() == 3);

    // Deleted: rows and files.
    REQUIRE(catalogue.remove(added->id, kTestNowMs).ok());
    CHECK_FALSE(catalogue.get(added->id).has_value());
    CHECK_FALSE(std::filesystem::exists(catalogue.directory() / std::to_string(added->id)));
    CHECK(db->queryOne(QStringLiteral("SELECT COUNT(*) FROM recording_files WHERE recording_id = ?"),
                       {QVariant::fromValue(added->id)})
              ->integer(0)
          == 0);
    CHECK(leftovers(catalogue.directory()) == 0);
    const auto again = catalogue.remove(added->id, kTestNowMs);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == CatalogueError::Code::NotFound);
}

HUB_TEST_ON_BOTH_DATABASES(catalogueRefusals, "recordings: a refused import leaves no rows and no files",
                           "[hub][recordings]")
{
    auto db = database.open();
    test::TempDir media;
    const auto part = test::writeSyntheticWebm(media / "part.webm", 1);
    const std::int64_t programme = addProgramme(*db, QStringLiteral("HIV Lusaka"));
    const std::int64_t other = addProgramme(*db, QStringLiteral("HCV Kigali"));
    const auto session = Admin(*db).addSession(other, QStringLiteral("Elsewhere"), kTestNowMs, 60, kTestNowMs);
    REQUIRE(session.ok());
    RecordingCatalogue catalogue(*db, media / "recordings");
    AddRecording request;
    request.programmeId = programme;
    request.title = QStringLiteral("Talk");
    request.fullParts = {part};

    AddRecording wrongSession = request;
    wrongSession.sessionId = session->sessionId;
    CHECK(catalogue.add(wrongSession, {}, kTestNowMs).error().code == CatalogueError::Code::BadArgument);
    AddRecording noTitle = request;
    noTitle.title = QStringLiteral("   ");
    CHECK(catalogue.add(noTitle, {}, kTestNowMs).error().code == CatalogueError::Code::BadArgument);
    AddRecording notMedia = request;
    {
        QFile text(QString::fromStdString((media / "notes.webm").string()));
        REQUIRE(text.open(QIODevice::WriteOnly));
        text.write("these are not media bytes");
    }
    notMedia.fullParts = {media / "notes.webm"};
    CHECK(catalogue.add(notMedia, {}, kTestNowMs).error().code == CatalogueError::Code::BadArgument);
    AddRecording missing = request;
    missing.fullParts = {media / "absent.webm"};
    CHECK(catalogue.add(missing, {}, kTestNowMs).error().code == CatalogueError::Code::Failed);
    const RenditionMaker broken = [](const std::vector<std::filesystem::path>&,
                                     const std::filesystem::path&) -> Expected<std::vector<MadeRendition>, QString> {
        return QStringLiteral("the encoder failed");
    };
    const auto failed = catalogue.add(request, broken, kTestNowMs);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message.contains(QStringLiteral("the encoder failed")));

    CHECK(countRows(*db, QStringLiteral("recordings")) == 0);
    CHECK(countRows(*db, QStringLiteral("recording_files")) == 0);
    CHECK(std::filesystem::is_empty(catalogue.directory()));
}

HUB_TEST_ON_BOTH_DATABASES(retentionPrune,
                           "recordings: prune deletes what is past retention and retries a delete that failed",
                           "[hub][recordings]")
{
    auto db = database.open();
    test::TempDir media;
    const auto part = test::writeSyntheticWebm(media / "part.webm", 1);
    const std::int64_t kept = addProgramme(*db, QStringLiteral("Kept for ever"));
    const std::int64_t pruned = addProgramme(*db, QStringLiteral("Thirty days"));
    RecordingCatalogue catalogue(*db, media / "recordings");
    Retention retention(*db, catalogue);
    auto add = [&](std::int64_t programme, std::int64_t recordedMs) {
        AddRecording request;
        request.programmeId = programme;
        request.title = QStringLiteral("Recorded");
        request.recordedMs = recordedMs;
        request.fullParts = {part};
        auto recording = catalogue.add(request, test::syntheticRenditions(1), kTestNowMs);
        REQUIRE(recording.ok());
        return recording->id;
    };
    const std::int64_t ancientKept = add(kept, kTestNowMs - 400 * kDayMs);
    const std::int64_t old = add(pruned, kTestNowMs - 31 * kDayMs);
    const std::int64_t older = add(pruned, kTestNowMs - 90 * kDayMs);
    const std::int64_t recent = add(pruned, kTestNowMs - 29 * kDayMs);

    CHECK(retention.set(pruned, 0, std::nullopt, kTestNowMs).error().code == CatalogueError::Code::BadArgument);
    CHECK(retention.set(999'999, 30, std::nullopt, kTestNowMs).error().code == CatalogueError::Code::NotFound);
    REQUIRE(retention.set(pruned, 60, std::nullopt, kTestNowMs).ok());
    const auto rule = retention.set(pruned, 30, std::nullopt, kTestNowMs + 1);
    REQUIRE(rule.ok());
    CHECK(rule->keepDays == 30);
    CHECK(rule->setMs == kTestNowMs + 1);
    CHECK_FALSE(retention.get(kept).has_value());

    // The delete of `older` cannot move its files aside (its trash name is
    // taken by a non-empty dir): its rows stay, and the next prune retries.
    const std::filesystem::path blocker =
        catalogue.directory() / (".trash-" + std::to_string(older) + "-" + std::to_string(kTestNowMs));
    std::filesystem::create_directories(blocker / "x");
    const PruneReport first = retention.prune(kTestNowMs);
    CHECK(first.deleted == std::vector<std::int64_t>{old});
    CHECK(first.failed == 1);
    CHECK(catalogue.get(older).has_value());
    REQUIRE(std::filesystem::exists(catalogue.directory() / std::to_string(older) / "full-0.webm"));
    CHECK_FALSE(catalogue.get(old).has_value());
    CHECK_FALSE(std::filesystem::exists(catalogue.directory() / std::to_string(old)));

    const PruneReport second = retention.prune(kTestNowMs + 60'000);
    CHECK(second.deleted == std::vector<std::int64_t>{older});
    CHECK(second.failed == 0);
    CHECK(second.swept == 1); // the blocker, now that older's rows are gone
    CHECK_FALSE(std::filesystem::exists(catalogue.directory() / std::to_string(older)));
    CHECK(leftovers(catalogue.directory()) == 0);
    // What is within retention, or has none, stays with its files.
    for (const std::int64_t id : {ancientKept, recent}) {
        const std::optional<Recording> stays = catalogue.get(id);
        REQUIRE(stays.has_value());
        for (const RecordingFile& file : stays->files)
            CHECK(std::filesystem::exists(catalogue.pathOf(file)));
    }
    CHECK(countRows(*db, QStringLiteral("recordings")) == 2);
    CHECK(countRows(*db, QStringLiteral("recording_files")) == 6);
}
