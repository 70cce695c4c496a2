// The player page's model in step with a recording's timeline: the slide
// page on screen, the chat said so far, hands and the case form of the
// current chapter (or, for a hub recording, the case section the presenter
// showed), on the demo programme's real recording (core/demo makes
// it with the recorder's encoders) and its audio+slides rendition.
#include "UiWait.h"
#include "VideoViewWindow.h"
#include "demo/DemoSeed.h"
#include "recording/Player.h"
#include "store/CacheWorker.h"
#include "store/RecordingTimeline.h"
#include "support/TempDir.h"
#include "viewmodels/PlayerModel.h"
#include "viewmodels/VideoView.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace spoke;
using test::waitUntil;

namespace {

// The demo's deck draws a band of this colour across the top of every page.
bool showsDeckBand(const QImage& image)
{
    if (image.isNull())
        return false;
    const QColor band = image.pixelColor(image.width() / 2, 2);
    return std::abs(band.red() - 28) <= 12 && std::abs(band.green() - 89) <= 12 && std::abs(band.blue() - 140) <= 12;
}

struct DemoRig {
    test::TempDir dir;
    store::CacheWorker worker{dir / "cache.sqlite"};
    test::VideoViewWindow picture{320, 180};
    test::VideoViewWindow slide{480, 270};
    ui::PlayerModel model{worker};
    std::int64_t full = 0;
    std::int64_t audioOnly = 0;

    DemoRig()
    {
        model.setVideoView(picture.view);
        model.attachSlideView(slide.view, 480);
        bool seeded = false;
        QString error;
        const auto data = dir.path();
        worker.run<std::pair<std::int64_t, std::int64_t>>(
            &model,
            [data](store::Cache& cache) {
                demo::seedDemoProgramme(cache, store::currentTimeMs(), data);
                std::pair<std::int64_t, std::int64_t> ids;
                for (const auto& r : cache.recordings().list())
                    if (!r.filePath.empty())
                        (r.title.find("audio and slides") != std::string::npos ? ids.second : ids.first) = r.id;
                return ids;
            },
            [&](const store::Outcome<std::pair<std::int64_t, std::int64_t>>& outcome) {
                seeded = true;
                error = outcome.error;
                if (outcome.ok())
                    std::tie(full, audioOnly) = *outcome.value;
            });
        REQUIRE(waitUntil([&] { return seeded; }, 90'000));
        INFO(error.toStdString());
        REQUIRE(full > 0);
        REQUIRE(audioOnly > 0);
    }
    ~DemoRig()
    {
        model.close();
        model.setVideoView(nullptr);
        model.attachSlideView(nullptr, 0);
        worker.drain();
    }

    void openAndWait(std::int64_t id)
    {
        model.open(id, 0);
        REQUIRE(waitUntil([&] { return !model.loading(); }));
        INFO(model.error().toStdString());
        REQUIRE(model.ready());
    }

    void seekAndSettle(qint64 positionMs)
    {
        model.seek(positionMs);
        REQUIRE(model.engine()->waitForPicture(std::chrono::seconds(5)));
        model.refreshProgress();
    }

    QStringList chatAuthors() const
    {
        QStringList authors;
        for (const QVariant& row : model.chatSoFar())
            authors << row.toMap().value(QStringLiteral("title")).toString();
        return authors;
    }
};

} // namespace

TEST_CASE("player timeline: at each moment the slide page and chat so far and hands and case form follow the position",
          "[ui][player][timeline]")
{
    DemoRig rig;
    rig.openAndWait(rig.full);
    CHECK_FALSE(rig.model.audioOnly());
    CHECK(rig.model.hasSlides());
    CHECK(rig.model.durationMs() == Approx(120'000).margin(150));

    int renders = 0;
    bool lastRenderOk = false;
    QObject::connect(&rig.model, &ui::PlayerModel::slideRendered, [&](bool ok) {
        ++renders;
        lastRenderOk = ok;
    });
    // 0:35: the thresholds slide (page 3, index 2) since 0:30; three chat
    // lines so far (0:03, 0:09, 0:33); the trainee's hand is up (0:31-0:38).
    rig.seekAndSettle(35'000);
    CHECK(rig.model.positionMs() == Approx(35'000).margin(100));
    CHECK(rig.model.slidePage() == 2);
    CHECK(rig.model.slideText().startsWith(QStringLiteral("Slide 3 of 6")));
    CHECK(rig.chatAuthors()
          == QStringList{QStringLiteral("E. Nghipondoka"), QStringLiteral("J. Mubita"), QStringLiteral("P. Shilongo")});
    CHECK(rig.model.handsText().contains(QStringLiteral("P. Shilongo")));
    CHECK(rig.model.caseTitle().isEmpty()); // the didactic chapter presents no case
    REQUIRE(waitUntil([&] { return renders > 0 && showsDeckBand(rig.slide.view->currentImage()); }));
    CHECK(lastRenderOk);
    CHECK(rig.model.slideProblem().isEmpty());

    // 1:10: the case chapter, with the case's form; the hand was lowered.
    rig.seekAndSettle(70'000);
    CHECK(rig.model.slidePage() == 4);
    CHECK(rig.model.chatSoFar().size() == 5);
    CHECK(rig.model.handsText().isEmpty());
    CHECK(rig.model.caseTitle().contains(QStringLiteral("ECHO-HIV-D001")));
    CHECK_FALSE(rig.model.caseText().isEmpty());

    // Back to the start: the first slide, nothing said yet.
    rig.seekAndSettle(1'000);
    CHECK(rig.model.slidePage() == 0);
    CHECK(rig.model.chatSoFar().isEmpty());
    CHECK(rig.model.currentChapter() == 0);
}

TEST_CASE("player timeline: the audio and slides rendition plays with the slide page as its picture",
          "[ui][player][timeline]")
{
    DemoRig rig;
    rig.openAndWait(rig.audioOnly);
    CHECK(rig.model.audioOnly());
    CHECK(rig.model.hasSlides());
    CHECK(rig.model.chapters().size() == 4);
    rig.model.seek(50'000);
    rig.model.refreshProgress();
    CHECK(rig.model.slidePage() == 3);
    CHECK(rig.model.chatSoFar().size() == 4);
    REQUIRE(waitUntil([&] { return showsDeckBand(rig.slide.view->currentImage()); }));
}

TEST_CASE("player timeline: a hub recording's case panel shows the presenter's case section at each moment",
          "[ui][player][timeline]")
{
    DemoRig rig;
    QFile fixture(QStringLiteral(SPOKE_UI_FIXTURES "/clean-hiv.json"));
    REQUIRE(fixture.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(fixture.readAll()).object();
    // The hub's timeline as a download stores it: the history from the start, the labs from 1:00.
    const QJsonObject timeline{
        {QStringLiteral("chapters"), QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("Case 1")},
                                                            {QStringLiteral("start_ms"), 0},
                                                            {QStringLiteral("end_ms"), 120'000}}}},
        {QStringLiteral("cases"), QJsonArray{QJsonObject{{QStringLiteral("case_id"), 41},
                                                         {QStringLiteral("section"), QStringLiteral("labs")},
                                                         {QStringLiteral("offset_ms"), 60'000}},
                                             QJsonObject{{QStringLiteral("case_id"), 41},
                                                         {QStringLiteral("section"), QStringLiteral("history")},
                                                         {QStringLiteral("offset_ms"), 2'000}}}},
        {QStringLiteral("case_documents"),
         QJsonArray{QJsonObject{{QStringLiteral("case_id"), 41},
                                {QStringLiteral("code"), QStringLiteral("ECHO-HIV-C001")},
                                {QStringLiteral("title"), QStringLiteral("Low-level viraemia on TLD")},
                                {QStringLiteral("document"), document}}}}};
    const std::string json = QJsonDocument(timeline).toJson(QJsonDocument::Compact).toStdString();
    const std::int64_t id = rig.full;
    const auto decks = rig.dir / "decks";
    bool stored = false;
    QString error;
    rig.worker.run<bool>(
        &rig.model, [=](store::Cache& cache) { return store::storeHubTimeline(cache.db(), id, json, decks).ok(); },
        [&](const store::Outcome<bool>& outcome) {
            stored = outcome.ok() && *outcome.value;
            error = outcome.error;
        });
    REQUIRE(waitUntil([&] { return stored || !error.isEmpty(); }));
    REQUIRE(stored);
    rig.openAndWait(id);

    // Before the presenter showed the case: nothing, even in a case chapter.
    rig.seekAndSettle(1'000);
    CHECK(rig.model.caseTitle().isEmpty());
    CHECK(rig.model.caseSection().isEmpty());
    rig.seekAndSettle(30'000);
    CHECK(rig.model.caseTitle() == QStringLiteral("Case ECHO-HIV-C001: Low-level viraemia on TLD"));
    CHECK(rig.model.caseSection() == QStringLiteral("History"));
    CHECK(rig.model.caseText().contains(QStringLiteral("Presenting problem: Persistent low-level viraemia")));
    CHECK_FALSE(rig.model.caseText().contains(QStringLiteral("copies/mL,")));
    rig.seekAndSettle(75'000);
    CHECK(rig.model.caseSection() == QStringLiteral("Laboratory results"));
    CHECK(rig.model.caseText().contains(QStringLiteral("1850")));
    CHECK_FALSE(rig.model.caseText().contains(QStringLiteral("Presenting problem")));
    // Back again: the history, as it was shown then.
    rig.seekAndSettle(10'000);
    CHECK(rig.model.caseSection() == QStringLiteral("History"));
}
