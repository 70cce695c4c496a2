#include "viewmodels/ReplaySlides.h"

#include "slides/Deck.h"
#include "viewmodels/VideoView.h"

#include <algorithm>

namespace spoke::ui {

// What the render thread owns: the decks opened so far, by file.
struct ReplaySlides::Worker {
    std::map<std::string, std::unique_ptr<slides::Deck>> decks;

    const slides::Deck* deck(const std::string& file)
    {
        auto found = decks.find(file);
        if (found != decks.end())
            return found->second.get();
        auto opened = slides::Deck::fromFile(file);
        if (!opened)
            return nullptr; // not downloaded (yet), or damaged: the page says so
        return decks.emplace(file, std::make_unique<slides::Deck>(std::move(*opened))).first->second.get();
    }
};

ReplaySlides::ReplaySlides(QObject* parent) : QObject(parent), worker_(std::make_shared<Worker>())
{
    thread_.setObjectName(QStringLiteral("replay slides"));
    context_ = new QObject;
    context_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, context_, &QObject::deleteLater);
    thread_.start();
}

ReplaySlides::~ReplaySlides()
{
    thread_.quit();
    thread_.wait();
}

void ReplaySlides::setDecks(std::map<std::string, std::string> filesBySha256)
{
    files_ = std::move(filesBySha256);
    shownSha256_.clear();
    shownPage_ = -1;
    // A fresh worker: the old one's decks close on the render thread once
    // the renders queued for them have run.
    worker_ = std::make_shared<Worker>();
    if (view_)
        view_->clear();
}

void ReplaySlides::attachView(VideoView* view, int widthPx)
{
    const bool changed = view != view_ || std::abs(widthPx - widthPx_) > 32;
    view_ = view;
    widthPx_ = std::clamp(widthPx, slides::kMinRenderWidthPx, 4096);
    if (changed)
        render();
}

void ReplaySlides::show(const std::string& deckSha256, int page)
{
    if (deckSha256 == shownSha256_ && page == shownPage_)
        return;
    shownSha256_ = deckSha256;
    shownPage_ = page;
    render();
}

void ReplaySlides::render()
{
    if (!view_)
        return;
    const auto file = files_.find(shownSha256_);
    if (shownSha256_.empty() || file == files_.end()) {
        view_->clear();
        if (!shownSha256_.empty())
            Q_EMIT rendered(false);
        return;
    }
    auto sink = view_->sink();
    QPointer<ReplaySlides> self(this);
    QMetaObject::invokeMethod(context_,
                              [worker = worker_, path = file->second, page = shownPage_, width = widthPx_, sink, self] {
                                  const slides::Deck* deck = worker->deck(path);
                                  bool ok = false;
                                  if (deck && page >= 0 && page < deck->pageCount()) {
                                      auto frame = deck->renderPage(page, width);
                                      if (frame) {
                                          sink->onFrame(*frame);
                                          ok = true;
                                      }
                                  }
                                  // The model outlives this call: its destructor waits for the thread.
                                  if (ReplaySlides* target = self.data())
                                      QMetaObject::invokeMethod(
                                          target,
                                          [self, ok] {
                                              if (self)
                                                  Q_EMIT self->rendered(ok);
                                          },
                                          Qt::QueuedConnection);
                              });
}

} // namespace spoke::ui
