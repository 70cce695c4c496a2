#pragma once

#include "slides/PageTurns.h"
#include "sync/SlideFollow.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>
#include <vector>

namespace spoke::sync {
class SyncWorker;
struct SyncError;
} // namespace spoke::sync

namespace spoke::ui {

class VideoView;
class SlideRenderer;

// The slides panel: one PDF deck, one page at a time, rendered by
// core/slides on a thread of its own ("slides"; poppler never runs on the UI
// thread) and shown through a VideoView like a camera picture.
//
// Slides are documents, not video (docs/architecture.md, "Live session"):
// - The presenter shares a PDF (shareFile): the sync thread reads and
//   uploads it once (sync::LiveSlides through SyncWorker::slides), the hub
//   checks it, and every Next / Previous / Go to posts a page turn.
// - Everyone else follows the hub's `slide` events and, on joining late,
//   GET …/slides' current page (setSession). sync::SlideFollow decides when
//   a deck must be fetched; it is downloaded once into the DeckCache on the
//   sync thread, its size shown first (clinics pay per MB), and then opened
//   here. slides::PageTurns keeps the presenter's page and lets a follower
//   detach and page alone, then follow again.
// - A PDF opened on this laptop only (openLocalFile, SPOKE_SLIDES_FILE) is
//   still possible, and the panel says that nobody else sees it.
// Lives on the UI thread.
class LiveSlidesModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The slides panel comes from AppController")
    Q_PROPERTY(bool hasDeck READ hasDeck NOTIFY deckChanged)
    Q_PROPERTY(int pageCount READ pageCount NOTIFY deckChanged)
    Q_PROPERTY(int page READ page NOTIFY pageChanged)
    Q_PROPERTY(QString pageText READ pageText NOTIFY pageChanged)
    Q_PROPERTY(QString deckName READ deckName NOTIFY deckChanged)
    Q_PROPERTY(QString sourceText READ sourceText NOTIFY pageChanged)
    Q_PROPERTY(QString error READ error NOTIFY deckChanged)
    Q_PROPERTY(bool rendering READ rendering NOTIFY pageChanged)
    Q_PROPERTY(bool following READ following NOTIFY pageChanged)
    Q_PROPERTY(bool canTurn READ canTurn NOTIFY deckChanged)
    Q_PROPERTY(Source source READ source NOTIFY deckChanged)
    Q_PROPERTY(bool canShare READ canShare NOTIFY deckChanged)
    Q_PROPERTY(bool transferring READ transferring NOTIFY transferChanged)
    Q_PROPERTY(QString transferText READ transferText NOTIFY transferChanged)
public:
    // Shared: this laptop presents the deck through the hub. Hub: it
    // follows the deck someone else presents.
    enum class Source { None, LocalFile, Hub, Shared };
    Q_ENUM(Source)

    explicit LiveSlidesModel(sync::SyncWorker* sync = nullptr, QObject* parent = nullptr);
    ~LiveSlidesModel() override;

    bool hasDeck() const { return pageCount_ > 0; }
    int pageCount() const { return pageCount_; }
    int page() const { return page_; }
    QString pageText() const;
    QString deckName() const { return deckName_; }
    QString sourceText() const;
    QString error() const { return error_; }
    bool rendering() const { return rendering_; }
    bool following() const { return turns_ && turns_->following(); }
    // The presenter pages and sends; a follower pages alone (detached).
    bool canTurn() const { return hasDeck(); }
    Source source() const { return source_; }
    bool canShare() const { return sync_ && sessionId_ > 0 && !transferring_; }
    bool transferring() const { return transferring_; }
    QString transferText() const { return transferText_; }

    // The live session whose slides to follow (0: none; a deck from the hub closes).
    void setSession(qint64 hubSessionId);
    // Share a PDF on this laptop with everyone through the hub.
    Q_INVOKABLE void shareFile(const QUrl& file);
    // A PDF on this laptop, opened for this laptop only (nothing is sent).
    Q_INVOKABLE void openLocalFile(const QUrl& file);
    void openDeck(const QString& file, Source source);
    Q_INVOKABLE void closeDeck();
    Q_INVOKABLE void next() { goTo(page_ + 1); }
    Q_INVOKABLE void previous() { goTo(page_ - 1); }
    Q_INVOKABLE void goTo(int page);
    // Back to the presenter's page (a follower that paged alone).
    Q_INVOKABLE void follow();
    // The view the page is drawn in, and its width in pixels.
    Q_INVOKABLE void attachView(spoke::ui::VideoView* view, int widthPx);

    // A `slide` event (or GET …/slides' current) for the session followed.
    void onHubTurn(const sync::HubSlideTurn& turn);
    // A `slide` event for the deck open now.
    slides::PageTurns::Outcome applyTurn(const slides::PageTurn& turn);

    // Why a slides request to the hub failed, in a sentence.
    static QString describeHubError(const sync::SyncError& error);

Q_SIGNALS:
    void deckChanged();
    void pageChanged();
    void transferChanged();

private:
    void onOpened(const QString& name, const QString& sha256, int pageCount, int errorKind);
    void onRendered(int page, int errorKind);
    static QString describe(int errorKind, const QString& name);
    void render();
    void act(const sync::SlideFollow::Action& action);
    void fetchDeck(const QString& sha256);
    void onFetched(const QString& sha256, std::shared_ptr<std::vector<char>> bytes, bool downloaded,
                   const QString& why);
    void fetchCurrentTurn();
    void sendTurn(int page);
    void onShared(const QString& file, const QString& sha256, qint64 bytes, const QString& why);
    void setTransfer(bool busy, const QString& text);
    void resetHub();

    sync::SyncWorker* sync_ = nullptr;
    QThread thread_;
    SlideRenderer* renderer_ = nullptr; // lives on thread_
    QPointer<VideoView> view_;
    int widthPx_ = 960;
    Source source_ = Source::None;
    Source opening_ = Source::None;
    std::optional<slides::PageTurns> turns_;
    int pageCount_ = 0;
    int page_ = 0;
    QString deckName_;
    QString error_;
    bool rendering_ = false;

    qint64 sessionId_ = 0;
    sync::SlideFollow follow_;
    std::int64_t turnSeq_ = 0; // orders the turns handed to turns_
    QString deckSha256_; // of the deck open now
    bool transferring_ = false;
    // A share is on the sync thread: the hub's echo of it must not be
    // fetched as someone else's deck before the answer says it is ours.
    bool sharing_ = false;
    QString transferText_;
    QString presenterName_; // of the newest turn followed (their account name: plain text)
    qint64 fetchBytes_ = -1; // the deck being fetched, as the hub lists it
    QString fetchTitle_;
};

} // namespace spoke::ui
