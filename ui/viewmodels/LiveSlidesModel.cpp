#include "viewmodels/LiveSlidesModel.h"

#include "slides/Deck.h"
#include "viewmodels/VideoView.h"

#include <QFileInfo>

#include <algorithm>

namespace spoke::ui {

// Owns the open Deck on the "slides" thread: poppler's objects belong to one
// thread at a time (core/slides/README.md), and a 1280 px page takes some
// 165 ms to render, far too long for the UI thread.
class SlideRenderer : public QObject {
    Q_OBJECT
public:
    void open(const QString& file)
    {
        auto deck = slides::Deck::fromFile(file.toStdString());
        if (!deck) {
            deck_.reset();
            Q_EMIT opened(QFileInfo(file).fileName(), {}, 0, static_cast<int>(deck.error().kind));
            return;
        }
        deck_ = std::make_unique<slides::Deck>(std::move(*deck));
        Q_EMIT opened(QFileInfo(file).fileName(), QString::fromStdString(deck_->sha256()), deck_->pageCount(), 0);
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

LiveSlidesModel::LiveSlidesModel(QObject* parent) : QObject(parent)
{
    thread_.setObjectName(QStringLiteral("slides"));
    renderer_ = new SlideRenderer;
    renderer_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, renderer_, &QObject::deleteLater);
    connect(renderer_, &SlideRenderer::opened, this, &LiveSlidesModel::onOpened, Qt::QueuedConnection);
    connect(renderer_, &SlideRenderer::rendered, this, &LiveSlidesModel::onRendered, Qt::QueuedConnection);
    thread_.start();
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
        return tr("Opened on this laptop only: the others do not see these pages. Share them on screen if they "
                  "should.");
    case Source::Hub: return following() ? tr("Following the presenter") : tr("Paging on your own");
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
        Q_EMIT deckChanged();
        Q_EMIT pageChanged();
        return;
    }
    error_.clear();
    source_ = opening_;
    deckName_ = name;
    pageCount_ = pageCount;
    page_ = 0;
    turns_.emplace(sha256.toStdString(), pageCount);
    Q_EMIT deckChanged();
    render();
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

} // namespace spoke::ui

#include "LiveSlidesModel.moc"
