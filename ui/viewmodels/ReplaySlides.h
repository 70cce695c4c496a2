#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>

#include <map>
#include <memory>
#include <string>

namespace spoke::ui {

class VideoView;

// The slide page a recording showed at the moment being replayed, rendered
// by core/slides on a thread of its own ("replay slides": poppler never runs
// on the UI thread) into a VideoView, like LiveSlidesModel does live. Decks
// are opened from the files slides::DeckCache keeps (store::RecordingDeck);
// each is opened once and kept while the recording is open. Asking for the
// page already shown does nothing, so the player can ask on every tick.
// Lives on the UI thread.
class ReplaySlides : public QObject {
    Q_OBJECT
public:
    explicit ReplaySlides(QObject* parent = nullptr);
    ~ReplaySlides() override;

    // The decks of the recording open now, by SHA-256; forgets the others.
    void setDecks(std::map<std::string, std::string> filesBySha256);
    void attachView(VideoView* view, int widthPx);
    // Shows `page` of the deck (an empty sha256 clears the view).
    void show(const std::string& deckSha256, int page);

Q_SIGNALS:
    // A render finished: `ok` false when the deck file is missing or unreadable.
    void rendered(bool ok);

private:
    struct Worker;
    void render();

    QThread thread_;
    QObject* context_ = nullptr; // lives on thread_: the queue renders run on
    std::shared_ptr<Worker> worker_; // touched on thread_ only
    std::map<std::string, std::string> files_;
    QPointer<VideoView> view_;
    int widthPx_ = 960;
    std::string shownSha256_;
    int shownPage_ = -1;
};

} // namespace spoke::ui
