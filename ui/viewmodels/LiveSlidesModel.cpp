#include "viewmodels/LiveSlidesModel.h"
#include "viewmodels/Formatting.h"

#include "slides/Deck.h"
#include "sync/LiveSlides.h"
#include "sync/SyncWorker.h"
#include "util/Clock.h"
#include "viewmodels/VideoView.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace spoke::ui {

namespace {

// The hub's limit for a deck (docs/hub-api.md, POST …/decks).
constexpr qint64 kMaxDeckBytes = 64LL * 1024 * 1024;

// What a transfer cost, as a clinic's data bundle counts it.
QString megabytes(qint64 bytes)
{
    if (bytes < 1'000'000)
        return LiveSlidesModel::tr("%1 kB").arg(std::max<qint64>(1, (bytes + 999) / 1000));
    return LiveSlidesModel::tr("%1 MB").arg(
        formatDecimal(static_cast<double>(bytes) / 1e6, bytes < 10'000'000 ? 1 : 0));
}

} // namespace

// Owns the open Deck on the "slides" thread: poppler's objects belong to one
// thread at a time (core/slides/README.md), and a 1280 px page takes some
// 165 ms to render, far too long for the UI thread.
class SlideRenderer : public QObject {
    Q_OBJECT
public:
    void open(const QString& file) { take(QFileInfo(file).fileName(), slides::Deck::fromFile(file.toStdString())); }
    // A deck fetched from the hub, its SHA-256 already checked (sync::LiveSlides).
    void openBytes(const QString& name, std::vector<char> bytes)
    {
        take(name, slides::Deck::fromBytes(std::move(bytes)));
    }
    void take(const QString& name, slides::Expected<slides::Deck> deck)
    {
        if (!deck) {
            deck_.reset();
            Q_EMIT opened(name, {}, 0, static_cast<int>(deck.error().kind));
            return;
        }
        deck_ = std::make_unique<slides::Deck>(std::move(*deck));
        Q_EMIT opened(name, QString::fromStdString(deck_->sha256()), deck_->pageCount(), 0);
    }
    void close() { deck_.reset(); }
    void render(int page, int widthPx, std::shared_ptr<media::VideoSink> sink)
    {
        if (!deck_ || page < 0 || page >= deck_->pageCount())
            return;
        auto frame = deck_->renderPage(page, std::clamp(widthPx, slides::kMinRenderWidthPx, 4096));
        if (!frame) {
            Q_EMIT rendered(page, static_cast<int>(frame.error().kind));
            return;
        }
        if (sink)
            sink->onFrame(*frame);
        Q_EMIT rendered(page, 0);
    }

Q_SIGNALS:
    // `errorKind`: a slides::DeckErrorKind, 0 when all went well.
    void opened(const QString& name, const QString& sha256, int pageCount, int errorKind);
    void rendered(int page, int errorKind);

private:
    std::unique_ptr<slides::Deck> deck_;
};

LiveSlidesModel::LiveSlidesModel(sync::SyncWorker* sync, QObject* parent) : QObject(parent), sync_(sync)
{
    thread_.setObjectName(QStringLiteral("slides"));
    renderer_ = new SlideRenderer;
    renderer_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, renderer_, &QObject::deleteLater);
    connect(renderer_, &SlideRenderer::opened, this, &LiveSlidesModel::onOpened, Qt::QueuedConnection);
    connect(renderer_, &SlideRenderer::rendered, this, &LiveSlidesModel::onRendered, Qt::QueuedConnection);
    thread_.start();
    if (!sync_)
        return;
    connect(sync_, &sync::SyncWorker::liveSlideTurned, this, &LiveSlidesModel::onHubTurn);
    // Turns missed while the event socket was down: the hub's current page.
    connect(sync_, &sync::SyncWorker::liveSocketChanged, this, [this](bool open) {
        if (open)
            fetchCurrentTurn();
    });
}

LiveSlidesModel::~LiveSlidesModel()
{
    thread_.quit();
    thread_.wait();
}

QString LiveSlidesModel::pageText() const
{
    return hasDeck() ? tr("Page %1 of %2").arg(page_ + 1).arg(pageCount_) : QString();
}

QString LiveSlidesModel::sourceText() const
{
    switch (source_) {
    case Source::None: return tr("No slides open.");
    case Source::LocalFile:
        return tr("Opened on this laptop only: the others do not see these pages. Share the PDF if they should "
                  "follow them.");
    case Source::Hub:
        if (!following())
            return tr("Paging on your own: the presenter is on page %1.").arg(turns_->presenterPage() + 1);
        return presenterName_.isEmpty() ? tr("Following the presenter.")
                                        : tr("Following %1, the presenter.").arg(presenterName_);
    case Source::Shared: return tr("Shared through the hub: everyone follows the page you show.");
    }
    return {};
}

void LiveSlidesModel::openLocalFile(const QUrl& file)
{
    if (file.isLocalFile())
        openDeck(file.toLocalFile(), Source::LocalFile);
}

void LiveSlidesModel::openDeck(const QString& file, Source source)
{
    if (source == Source::LocalFile && source_ == Source::Shared)
        follow_.reset(); // we no longer present
    opening_ = source;
    rendering_ = true;
    Q_EMIT pageChanged();
    QMetaObject::invokeMethod(
        renderer_, [r = renderer_, file] { r->open(file); }, Qt::QueuedConnection);
}

void LiveSlidesModel::closeDeck()
{
    QMetaObject::invokeMethod(
        renderer_, [r = renderer_] { r->close(); }, Qt::QueuedConnection);
    source_ = Source::None;
    opening_ = Source::None;
    deckSha256_.clear();
    turns_.reset();
    pageCount_ = 0;
    page_ = 0;
    deckName_.clear();
    error_.clear();
    if (view_)
        view_->clear();
    Q_EMIT deckChanged();
    Q_EMIT pageChanged();
}

QString LiveSlidesModel::describe(int errorKind, const QString& name)
{
    using K = slides::DeckErrorKind;
    switch (static_cast<K>(errorKind)) {
    case K::CannotRead: return tr("%1 cannot be read.").arg(name);
    case K::NotPdf: return tr("%1 is not a PDF file.").arg(name);
    case K::Encrypted: return tr("%1 is protected by a password. Export it again without one.").arg(name);
    case K::Corrupt: return tr("%1 is damaged and cannot be shown.").arg(name);
    case K::NoPages: return tr("%1 has no pages.").arg(name);
    case K::TooManyPages: return tr("%1 has more than 300 pages.").arg(name);
    case K::TooLarge: return tr("%1 is larger than 50 MB.").arg(name);
    default: return tr("%1 could not be drawn.").arg(name);
    }
}

void LiveSlidesModel::onOpened(const QString& name, const QString& sha256, int pageCount, int errorKind)
{
    rendering_ = false;
    if (errorKind != 0) {
        error_ = describe(errorKind, name);
        if (opening_ == Source::Hub)
            follow_.onDeckFailed(follow_.deck());
        Q_EMIT deckChanged();
        Q_EMIT pageChanged();
        return;
    }
    error_.clear();
    source_ = opening_;
    deckName_ = name;
    deckSha256_ = sha256;
    pageCount_ = pageCount;
    page_ = 0;
    turns_.emplace(sha256.toStdString(), pageCount);
    Q_EMIT deckChanged();
    render();
    if (source_ == Source::Hub)
        act(follow_.onDeckReady(sha256));
}

void LiveSlidesModel::onRendered(int page, int errorKind)
{
    if (page != page_)
        return;
    rendering_ = false;
    if (errorKind != 0) {
        error_ = describe(errorKind, tr("Page %1").arg(page + 1));
        Q_EMIT deckChanged();
    }
    Q_EMIT pageChanged();
}

void LiveSlidesModel::goTo(int page)
{
    if (!hasDeck() || page < 0 || page >= pageCount_ || page == page_)
        return;
    if (turns_ && source_ == Source::Hub)
        turns_->detachTo(page);
    page_ = page;
    render();
    if (source_ == Source::Shared)
        sendTurn(page);
}

void LiveSlidesModel::follow()
{
    if (!turns_)
        return;
    turns_->follow();
    if (turns_->shownPage() != page_) {
        page_ = turns_->shownPage();
        render();
    }
    Q_EMIT deckChanged();
    Q_EMIT pageChanged();
}

slides::PageTurns::Outcome LiveSlidesModel::applyTurn(const slides::PageTurn& turn)
{
    if (!turns_)
        return slides::PageTurns::Outcome::OtherDeck;
    const auto outcome = turns_->apply(turn);
    if (outcome == slides::PageTurns::Outcome::Moved && turns_->shownPage() != page_) {
        page_ = turns_->shownPage();
        render();
    }
    return outcome;
}

void LiveSlidesModel::attachView(VideoView* view, int widthPx)
{
    const bool again = view == view_ && widthPx == widthPx_;
    view_ = view;
    widthPx_ = std::max(64, widthPx);
    if (!again)
        render();
}

void LiveSlidesModel::render()
{
    if (!hasDeck() || !view_)
        return;
    rendering_ = true;
    Q_EMIT pageChanged();
    QMetaObject::invokeMethod(
        renderer_,
        [r = renderer_, page = page_, width = widthPx_, sink = view_->sink()] { r->render(page, width, sink); },
        Qt::QueuedConnection);
}

// The hub: following a presenter, and presenting.

void LiveSlidesModel::setSession(qint64 hubSessionId)
{
    if (hubSessionId == sessionId_)
        return;
    resetHub();
    sessionId_ = hubSessionId;
    Q_EMIT deckChanged();
    if (sessionId_ > 0)
        fetchCurrentTurn();
}

void LiveSlidesModel::resetHub()
{
    follow_.reset();
    presenterName_.clear();
    if (source_ == Source::Hub || source_ == Source::Shared || opening_ == Source::Hub)
        closeDeck();
    setTransfer(false, {});
}

void LiveSlidesModel::onHubTurn(const sync::HubSlideTurn& turn)
{
    if (sessionId_ <= 0 || turn.sessionId != sessionId_ || sharing_)
        return;
    const auto action = follow_.onTurn(turn);
    if (action.kind != sync::SlideFollow::Action::Kind::None && !turn.byName.isEmpty())
        presenterName_ = turn.byName;
    act(action);
}

void LiveSlidesModel::act(const sync::SlideFollow::Action& action)
{
    using Kind = sync::SlideFollow::Action::Kind;
    if (action.kind == Kind::Fetch) {
        fetchDeck(action.deck);
    } else if (action.kind == Kind::Show && source_ == Source::Hub && action.deck == deckSha256_) {
        applyTurn(slides::PageTurn{action.deck.toStdString(), action.page, ++turnSeq_, 0});
        Q_EMIT pageChanged();
    }
}

// The late joiner's catch-up, and after the event socket was down: the page
// shown now (GET …/slides; only `current` is read, the turns are history).
void LiveSlidesModel::fetchCurrentTurn()
{
    if (!sync_ || sessionId_ <= 0)
        return;
    QPointer<LiveSlidesModel> self(this);
    const qint64 session = sessionId_;
    sync_->slides(session, [self, session](sync::LiveSlides* slides) -> sync::SyncWorker::LiveAnswer {
        if (!slides)
            return [] {};
        auto turns = slides->fetchTurns(0);
        if (!turns || !turns->current)
            return [] {};
        return [self, session, turn = *turns->current] {
            if (self && self->sessionId_ == session)
                self->onHubTurn(turn);
        };
    });
}

void LiveSlidesModel::fetchDeck(const QString& sha256)
{
    QPointer<LiveSlidesModel> self(this);
    fetchBytes_ = -1;
    fetchTitle_.clear();
    setTransfer(true, tr("The presenter shares slides: looking up their size…"));
    // The size first, so the panel says what the download costs before it runs.
    sync_->slides(sessionId_, [self, sha256](sync::LiveSlides* slides) -> sync::SyncWorker::LiveAnswer {
        auto decks = slides ? slides->listDecks() : sync::HubExpected<QList<sync::HubDeck>>(QList<sync::HubDeck>{});
        sync::HubDeck found;
        for (const sync::HubDeck& deck : decks ? *decks : QList<sync::HubDeck>{})
            if (deck.sha256 == sha256)
                found = deck;
        return [self, sha256, found] {
            if (!self || self->follow_.deck() != sha256 || !self->transferring_)
                return;
            self->fetchBytes_ = found.sha256.isEmpty() ? -1 : found.bytes;
            self->fetchTitle_ = found.title;
            self->setTransfer(true, self->fetchBytes_ < 0
                                        ? tr("Downloading the shared slides, once for this session…")
                                        : tr("Downloading the shared slides (%1), once for this session…")
                                              .arg(megabytes(self->fetchBytes_)));
        };
    });
    sync_->slides(sessionId_, [self, sha256](sync::LiveSlides* slides) -> sync::SyncWorker::LiveAnswer {
        if (!slides)
            return [self, sha256] {
                if (self)
                    self->onFetched(sha256, nullptr, false, tr("you are not signed in to the hub."));
            };
        auto fetched = slides->fetchDeck(sha256, util::unixNowMs());
        if (!fetched)
            return [self, sha256, why = describeHubError(fetched.error())] {
                if (self)
                    self->onFetched(sha256, nullptr, false, why);
            };
        auto bytes = std::make_shared<std::vector<char>>(std::move(fetched->bytes));
        return [self, sha256, bytes, downloaded = fetched->downloaded] {
            if (self)
                self->onFetched(sha256, bytes, downloaded, {});
        };
    });
}

void LiveSlidesModel::onFetched(const QString& sha256, std::shared_ptr<std::vector<char>> bytes, bool downloaded,
                                const QString& why)
{
    if (follow_.deck() != sha256 || follow_.presenting())
        return; // another deck is shown by now
    if (!bytes) {
        follow_.onDeckFailed(sha256);
        setTransfer(false, {});
        error_ =
            tr("The shared slides could not be downloaded: %1 They are tried again at the next page turn.").arg(why);
        Q_EMIT deckChanged();
        return;
    }
    const qint64 size = static_cast<qint64>(bytes->size());
    setTransfer(false, downloaded ? tr("Downloaded once: %1. Page turns are a few bytes each.").arg(megabytes(size))
                                  : tr("Already on this laptop: nothing downloaded."));
    const QString name = fetchTitle_.isEmpty() ? tr("Shared slides") : fetchTitle_;
    opening_ = Source::Hub;
    rendering_ = true;
    Q_EMIT pageChanged();
    QMetaObject::invokeMethod(
        renderer_, [r = renderer_, name, bytes] { r->openBytes(name, std::move(*bytes)); }, Qt::QueuedConnection);
}

void LiveSlidesModel::shareFile(const QUrl& file)
{
    if (!file.isLocalFile())
        return;
    const QString path = file.toLocalFile();
    const QString name = QFileInfo(path).fileName();
    if (!canShare()) {
        error_ = sessionId_ > 0 ? tr("Not shared: a deck is still on its way.")
                                : tr("Not shared: join a live session from the hub's schedule first.");
        Q_EMIT deckChanged();
        return;
    }
    error_.clear();
    Q_EMIT deckChanged();
    sharing_ = true;
    setTransfer(true, tr("Sharing %1…").arg(name));
    QPointer<LiveSlidesModel> self(this);
    sync_->slides(sessionId_, [self, path, name](sync::LiveSlides* slides) -> sync::SyncWorker::LiveAnswer {
        auto answer = [self, path](const QString& sha256, qint64 size, const QString& why) {
            return [self, path, sha256, size, why] {
                if (self)
                    self->onShared(path, sha256, size, why);
            };
        };
        if (!slides)
            return answer({}, 0, tr("you are not signed in to the hub."));
        QFile pdf(path);
        if (!pdf.open(QIODevice::ReadOnly))
            return answer({}, 0, tr("%1 cannot be read.").arg(name));
        // The hub's limit (docs/hub-api.md): not worth sending more only to be refused.
        if (pdf.size() > kMaxDeckBytes)
            return answer({}, 0, tr("%1 is larger than the hub's limit of 64 MB.").arg(name));
        const QByteArray bytes = pdf.readAll();
        auto deck = slides->uploadDeck(bytes, QFileInfo(path).completeBaseName());
        if (!deck)
            return answer({}, 0, describeHubError(deck.error()));
        auto turn = slides->turnPage(deck->sha256, 0);
        if (!turn)
            return answer({}, 0, describeHubError(turn.error()));
        return answer(deck->sha256, bytes.size(), {});
    });
}

void LiveSlidesModel::onShared(const QString& file, const QString& sha256, qint64 bytes, const QString& why)
{
    sharing_ = false;
    if (!why.isEmpty()) {
        setTransfer(false, {});
        error_ = tr("Not shared: %1").arg(why);
        Q_EMIT deckChanged();
        fetchCurrentTurn(); // whatever was shown meanwhile
        return;
    }
    follow_.present(sha256);
    setTransfer(false, tr("Uploaded once: %1. Each page turn sends a few bytes.").arg(megabytes(bytes)));
    openDeck(file, Source::Shared);
}

void LiveSlidesModel::sendTurn(int page)
{
    if (!sync_ || sessionId_ <= 0 || deckSha256_.isEmpty())
        return;
    QPointer<LiveSlidesModel> self(this);
    sync_->slides(sessionId_,
                  [self, deck = deckSha256_, page](sync::LiveSlides* slides) -> sync::SyncWorker::LiveAnswer {
                      if (!slides)
                          return [] {};
                      auto turn = slides->turnPage(deck, page);
                      if (turn)
                          return [] {};
                      return [self, page, why = describeHubError(turn.error())] {
                          if (!self)
                              return;
                          self->error_ = tr("Page %1 did not reach the others: %2").arg(page + 1).arg(why);
                          Q_EMIT self->deckChanged();
                      };
                  });
}

void LiveSlidesModel::setTransfer(bool busy, const QString& text)
{
    if (busy == transferring_ && text == transferText_)
        return;
    const bool shareChanges = busy != transferring_;
    transferring_ = busy;
    transferText_ = text;
    Q_EMIT transferChanged();
    if (shareChanges)
        Q_EMIT deckChanged();
}

QString LiveSlidesModel::describeHubError(const sync::SyncError& error)
{
    using K = sync::SyncErrorKind;
    if (error.hubCode == QLatin1String("not_pdf"))
        return tr("the hub says it is not a PDF file.");
    if (error.hubCode == QLatin1String("unreadable_deck"))
        return tr("the hub cannot open this PDF: it is protected by a password, damaged or empty.");
    switch (error.kind) {
    case K::TooLarge: return tr("it is over the hub's limit of 64 MB or 300 pages.");
    case K::Offline:
    case K::Timeout:
    case K::TlsFailure: return tr("the hub cannot be reached. Check the connection and try again.");
    case K::NotSignedIn:
    case K::Unauthenticated: return tr("you are not signed in to the hub.");
    case K::Forbidden: return tr("you are not a member of this session's programme.");
    case K::NotFound: return tr("the hub does not have this session or deck.");
    case K::Unavailable: return tr("the hub cannot store slides right now.");
    case K::LocalStore: return tr("this laptop could not keep the slides (is the disk full?).");
    default: return tr("the hub answered with an error (HTTP %1).").arg(error.httpStatus);
    }
}

} // namespace spoke::ui

#include "LiveSlidesModel.moc"
