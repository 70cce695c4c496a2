// The slides panel against a real spoke-hub on 127.0.0.1 (issue 13, "Slides
// as documents"): another member presents through the hub's HTTP API, and the
// app's LiveSlidesModel downloads the deck once, follows the turns, pages
// alone and follows again, and a late joiner's panel starts on the current
// page from the cache; then the app shares a deck of its own and its turns
// reach the hub, and a file that is not a PDF is refused in a sentence.
#include "viewmodels/AppController.h"
#include "viewmodels/LiveSlidesModel.h"

#include "HttpMember.h"
#include "HubProcess.h"
#include "TestApp.h"
#include "UiWait.h"
#include "slides/TestPdf.h"

#include "slides/Deck.h"
#include "slides/DeckCache.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

using spoke::test::waitUntil;
using spoke::ui::LiveSlidesModel;

namespace {

const QString& kPassword = spoke::test::kMemberPassword;
using spoke::test::HttpMember;

QByteArray bytesOf(const std::vector<char>& pdf)
{
    return QByteArray(pdf.data(), static_cast<qsizetype>(pdf.size()));
}

} // namespace

TEST_CASE("Slides against a hub: a member's deck is downloaded once and followed then a late joiner starts on "
          "the current page and the app shares its own",
          "[.hub][ui][live]")
{
    spoke::test::HubProcess hub{QStringLiteral(SPOKE_HUB_PATH)};
    hub.start();
    const qint64 programme = hub.addProgramme(QStringLiteral("Namibia HIV ECHO"), QStringLiteral("hiv"));
    const qint64 session =
        hub.admin({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--programme"),
                   QString::number(programme), QStringLiteral("--title"), QStringLiteral("Weekly ECHO"),
                   QStringLiteral("--starts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)})
            .value(QStringLiteral("id"))
            .toInteger();
    REQUIRE(session > 0);
    const QString sessionPath = QStringLiteral("/api/v1/sessions/%1/").arg(session);

    spoke::test::TestApp follower(false);
    auto& app = follower.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    app.hub()->redeemInvite(hub.url(), hub.invite(programme, QStringLiteral("clinician")),
                            QStringLiteral("nurse@clinic.example"), QStringLiteral("Nurse Amutenya"), kPassword,
                            kPassword);
    REQUIRE(waitUntil([&] { return !app.hub()->busy(); }, 15'000));
    REQUIRE(app.hub()->signedIn());

    HttpMember presenter{hub.url()};
    presenter.redeem(hub.invite(programme, QStringLiteral("specialist")), QStringLiteral("dr.hub@hub.example"),
                     QStringLiteral("Dr <b>Hub</b>"));

    LiveSlidesModel& slides = *app.slides();
    app.setLiveSession(session);
    REQUIRE(waitUntil([&] { return app.live()->eventsOpen(); }, 15'000));
    CHECK(slides.canShare());
    CHECK_FALSE(slides.hasDeck());

    // The presenter uploads a 5-page deck and shows page 2.
    const std::vector<char> deck = spoke::slides::test::makePdf(5);
    int status = 0;
    const QJsonObject uploaded =
        QJsonDocument::fromJson(presenter.send("POST", sessionPath + "decks?title=ART%20failure", bytesOf(deck),
                                               "application/pdf", &status))
            .object();
    REQUIRE(status == 201);
    const QString sha = uploaded.value(QStringLiteral("deck")).toObject().value(QStringLiteral("sha256")).toString();
    presenter.call("POST", sessionPath + "slides", {{QStringLiteral("deck"), sha}, {QStringLiteral("page"), 1}});

    REQUIRE(waitUntil([&] { return slides.hasDeck() && slides.page() == 1; }, 15'000));
    CHECK(slides.source() == LiveSlidesModel::Source::Hub);
    CHECK(slides.pageCount() == 5);
    CHECK(slides.deckName() == QStringLiteral("ART failure"));
    CHECK(slides.following());
    CHECK(slides.sourceText() == QStringLiteral("Following Dr <b>Hub</b>, the presenter."));
    CHECK(slides.transferText().startsWith(QStringLiteral("Downloaded once: ")));
    CHECK(slides.error().isEmpty());
    // Kept by SHA-256 in the app's deck cache.
    CHECK(std::filesystem::exists(spoke::slides::DeckCache::folderIn(follower.dir.path())
                                  / (sha.toStdString() + ".pdf")));

    // Turns are followed; paging alone keeps the presenter's page for later.
    presenter.call("POST", sessionPath + "slides", {{QStringLiteral("deck"), sha}, {QStringLiteral("page"), 2}});
    REQUIRE(waitUntil([&] { return slides.page() == 2; }, 15'000));
    slides.goTo(0);
    CHECK_FALSE(slides.following());
    presenter.call("POST", sessionPath + "slides", {{QStringLiteral("deck"), sha}, {QStringLiteral("page"), 3}});
    REQUIRE(waitUntil([&] { return slides.sourceText().contains(QStringLiteral("page 4")); }, 15'000));
    CHECK(slides.page() == 0);
    slides.follow();
    CHECK(slides.following());
    CHECK(slides.page() == 3);

    // A late joiner (a second panel on the same laptop) starts on the current page, from the cache.
    LiveSlidesModel late(&follower.sync);
    late.setSession(session);
    REQUIRE(waitUntil([&] { return late.hasDeck() && late.page() == 3; }, 15'000));
    CHECK(late.transferText() == QStringLiteral("Already on this laptop: nothing downloaded."));

    // A file that is not a PDF: refused by the hub, said plainly.
    const QString notPdf = QString::fromStdString((follower.dir.path() / "notes.pdf").string());
    {
        QFile file(notPdf);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("these are my notes, not a PDF");
    }
    slides.shareFile(QUrl::fromLocalFile(notPdf));
    REQUIRE(waitUntil([&] { return !slides.transferring() && !slides.error().isEmpty(); }, 15'000));
    CHECK(slides.error() == QStringLiteral("Not shared: the hub says it is not a PDF file."));
    CHECK(slides.source() == LiveSlidesModel::Source::Hub); // still following

    // The app presents a deck of its own: page 1 at once, then every Next reaches the hub.
    const QString ownPath = QString::fromStdString((follower.dir.path() / "case-talk.pdf").string());
    const std::vector<char> own = spoke::slides::test::makePdf(3);
    {
        QFile file(ownPath);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(bytesOf(own));
    }
    const QString ownSha =
        QString::fromLatin1(QCryptographicHash::hash(bytesOf(own), QCryptographicHash::Sha256).toHex());
    slides.shareFile(QUrl::fromLocalFile(ownPath));
    REQUIRE(waitUntil([&] { return slides.source() == LiveSlidesModel::Source::Shared && slides.hasDeck(); }, 15'000));
    CHECK(slides.error().isEmpty());
    CHECK(slides.pageCount() == 3);
    CHECK(slides.transferText().startsWith(QStringLiteral("Uploaded once: ")));
    auto current = [&] {
        return presenter.call("GET", sessionPath + "slides?after=0").value(QStringLiteral("current")).toObject();
    };
    CHECK(current().value(QStringLiteral("deck")).toString() == ownSha);
    CHECK(current().value(QStringLiteral("page")).toInt() == 0);
    slides.next();
    slides.next();
    REQUIRE(waitUntil([&] { return current().value(QStringLiteral("page")).toInt() == 2; }, 15'000));
    // The hub's echo of our own turns does not move us back.
    waitUntil([] { return false; }, 500);
    CHECK(slides.page() == 2);
    CHECK(slides.source() == LiveSlidesModel::Source::Shared);
    // The late joiner's panel follows our deck now.
    REQUIRE(waitUntil([&] { return late.hasDeck() && late.pageCount() == 3 && late.page() == 2; }, 15'000));
}
