#pragma once

#include "viewmodels/ReplayCaseForms.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace spoke::store {
class CacheWorker;
}
namespace spoke::recording {
class DeviceAudioOutput;
class NullAudioOutput;
class Player;
} // namespace spoke::recording

namespace spoke::ui {

class VideoView;
class ReplaySlides;

// The player page's model: one recording from the library, replayed by the
// core engine (recording::Player, on its own threads) into a VideoView, with
// its chapters, bookmarks and notes, and the session's chat and case forms
// laid out on the same timeline. In step with the position it also says
// which slide page was on screen (rendered by ReplaySlides into a view of
// its own, the main picture of an audio+slides recording), the chat said so
// far, the hands up and the case form of the current chapter. Where it was left off is read on open and
// saved every few seconds while playing, on pause and on close. Everything
// from the cache goes through CacheWorker. Sound goes to the speaker chosen
// in Settings; without one (or when it refuses) the engine plays silent on
// its steady clock and the page says why. Lives on the UI thread, which also
// owns the engine's controls.
class PlayerModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(spoke::ui::VideoView* videoView READ videoView WRITE setVideoView NOTIFY videoViewChanged)
    Q_PROPERTY(qint64 recordingId READ recordingId NOTIFY openedChanged)
    Q_PROPERTY(QString title READ title NOTIFY openedChanged)
    Q_PROPERTY(QString subtitle READ subtitle NOTIFY openedChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY openedChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY openedChanged)
    Q_PROPERTY(QString error READ error NOTIFY openedChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY progressChanged)
    Q_PROPERTY(QString soundStatus READ soundStatus NOTIFY openedChanged)
    Q_PROPERTY(qint64 durationMs READ durationMs NOTIFY progressChanged)
    Q_PROPERTY(qint64 positionMs READ positionMs NOTIFY progressChanged)
    Q_PROPERTY(QString positionText READ positionText NOTIFY progressChanged)
    Q_PROPERTY(QString durationText READ durationText NOTIFY progressChanged)
    Q_PROPERTY(bool playing READ playing NOTIFY progressChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY progressChanged)
    Q_PROPERTY(double speed READ speed NOTIFY speedChanged)
    Q_PROPERTY(qint64 resumedFromMs READ resumedFromMs NOTIFY openedChanged)
    Q_PROPERTY(QVariantList chapters READ chapters NOTIFY openedChanged)
    Q_PROPERTY(int currentChapter READ currentChapter NOTIFY progressChanged)
    Q_PROPERTY(QVariantList bookmarks READ bookmarks NOTIFY bookmarksChanged)
    Q_PROPERTY(QVariantList timeline READ timeline NOTIFY openedChanged)
    Q_PROPERTY(int currentTimelineIndex READ currentTimelineIndex NOTIFY progressChanged)
    Q_PROPERTY(bool hasSlides READ hasSlides NOTIFY openedChanged)
    Q_PROPERTY(bool audioOnly READ audioOnly NOTIFY openedChanged)
    Q_PROPERTY(int slidePage READ slidePage NOTIFY slideChanged)
    Q_PROPERTY(QString slideDeck READ slideDeck NOTIFY slideChanged)
    Q_PROPERTY(QString slideText READ slideText NOTIFY slideChanged)
    Q_PROPERTY(QString slideProblem READ slideProblem NOTIFY slideChanged)
    Q_PROPERTY(QVariantList chatSoFar READ chatSoFar NOTIFY chatChanged)
    Q_PROPERTY(QString caseTitle READ caseTitle NOTIFY caseChanged)
    Q_PROPERTY(QString caseText READ caseText NOTIFY caseChanged)
    // The form section the presenter showed at this moment (hub recordings).
    Q_PROPERTY(QString caseSection READ caseSection NOTIFY caseChanged)
    Q_PROPERTY(QString handsText READ handsText NOTIFY progressChanged)
public:
    static constexpr int kSaveEveryMs = 5000;

    explicit PlayerModel(store::CacheWorker& worker, QObject* parent = nullptr);
    ~PlayerModel() override;

    // positionMs < 0: resume where it was left off (or from the start).
    Q_INVOKABLE void open(qint64 recordingId, qint64 positionMs = -1);
    // Saves the position and stops the engine; the page calls it on leaving.
    Q_INVOKABLE void close();

    Q_INVOKABLE void play();
    Q_INVOKABLE void pause();
    Q_INVOKABLE void togglePlay();
    Q_INVOKABLE void seek(qint64 positionMs);
    Q_INVOKABLE void skip(qint64 deltaMs);
    Q_INVOKABLE void setSpeed(double speed);
    Q_INVOKABLE void nextChapter();
    Q_INVOKABLE void previousChapter();
    // A bookmark (empty note) or a note at the current position.
    Q_INVOKABLE void addBookmark(const QString& note);
    Q_INVOKABLE void removeBookmark(qint64 bookmarkId);
    // The view the slide page is drawn in, and its width in pixels.
    Q_INVOKABLE void attachSlideView(spoke::ui::VideoView* view, int widthPx);

    VideoView* videoView() const { return view_; }
    void setVideoView(VideoView* view);
    qint64 recordingId() const { return recordingId_; }
    QString title() const { return title_; }
    QString subtitle() const { return subtitle_; }
    bool loading() const { return loading_; }
    bool ready() const { return player_ != nullptr; }
    QString error() const { return error_; }
    QString problem() const { return problem_; }
    QString soundStatus() const;
    qint64 durationMs() const { return durationMs_; }
    qint64 positionMs() const { return positionMs_; }
    QString positionText() const;
    QString durationText() const;
    bool playing() const { return playing_; }
    bool finished() const { return finished_; }
    double speed() const { return speed_; }
    qint64 resumedFromMs() const { return resumedFromMs_; }
    QVariantList chapters() const { return chapters_; }
    int currentChapter() const { return currentChapter_; }
    QVariantList bookmarks() const { return bookmarks_; }
    QVariantList timeline() const { return timeline_; }
    int currentTimelineIndex() const { return currentTimelineIndex_; }
    bool hasSlides() const { return !slides_.empty(); }
    // The file plays with no picture (the audio+slides rendition): the
    // slide page is the main picture then.
    bool audioOnly() const { return audioOnly_; }
    int slidePage() const { return slideIndex_ >= 0 ? slides_[slideIndex_].page : -1; }
    QString slideDeck() const;
    QString slideText() const;
    QString slideProblem() const { return slideProblem_; }
    QVariantList chatSoFar() const;
    QString caseTitle() const { return caseTitle_; }
    QString caseText() const { return caseText_; }
    QString caseSection() const { return caseSection_; }
    QString handsText() const { return handsText_; }

    // The engine, for tests; null until a file is open.
    recording::Player* engine() const { return player_.get(); }
    // Re-reads the engine now instead of on the next tick (tests, seeks).
    Q_INVOKABLE void refreshProgress();

Q_SIGNALS:
    void videoViewChanged();
    void openedChanged();
    void progressChanged();
    void speedChanged();
    void bookmarksChanged();
    void slideChanged();
    void chatChanged();
    void caseChanged();
    // A slide page was drawn (ok) or could not be (tests wait on it).
    void slideRendered(bool ok);
    // A bookmark or resume position reached the cache (tests wait on it).
    void saved();

private:
    class Sink;
    struct Loaded;
    struct Slide {
        std::int64_t positionMs = 0;
        std::string deckSha256;
        int page = 0;
    };
    struct Deck {
        QString title;
        int pages = 0;
    };
    struct Hand {
        std::int64_t positionMs = 0;
        QString name;
        bool raised = false;
    };

    void startEngine(const Loaded& loaded, qint64 startMs);
    void savePosition();
    void reloadBookmarks();
    void seekAndShow(qint64 positionMs);
    // The speaker chosen in Settings (media::DeviceRegistry); on failure the
    // reason goes to soundStatus and playback runs silent on its own clock.
    void openSpeaker();
    // The chapter and the chat/case item at positionMs_.
    void updateCurrentItems();
    // The slide page, chat so far, hands and case form at positionMs_.
    void updateSlideAndChat();
    void updateCase();
    void takeTimeline(const Loaded& loaded);

    store::CacheWorker& worker_;
    QPointer<VideoView> view_;
    std::unique_ptr<Sink> sink_; // outlives player_, which presents into it
    // The speaker chosen in Settings, or null (the engine's steady clock
    // paces playback); outlives player_, whose audio thread writes into it.
    std::unique_ptr<recording::DeviceAudioOutput> speaker_;
    // Without a speaker, an audio-only file plays into this (outlives player_ too).
    std::unique_ptr<recording::NullAudioOutput> silence_;
    QString soundStatus_;
    std::unique_ptr<recording::Player> player_;
    QTimer tick_;
    quint64 generation_ = 0;

    qint64 recordingId_ = -1;
    QString title_;
    QString subtitle_;
    bool loading_ = false;
    QString error_;
    QString problem_;
    qint64 durationMs_ = 0;
    qint64 positionMs_ = 0;
    bool playing_ = false;
    bool finished_ = false;
    double speed_ = 1.0;
    qint64 resumedFromMs_ = 0;
    qint64 lastSavedMs_ = -1;
    qint64 playedSinceSaveMs_ = 0;
    QVariantList chapters_;
    int currentChapter_ = -1;
    QVariantList bookmarks_;
    QVariantList timeline_;
    int currentTimelineIndex_ = -1;

    std::unique_ptr<ReplaySlides> slideRenderer_;
    std::vector<Slide> slides_; // by position
    std::map<std::string, Deck> decks_; // by SHA-256
    std::vector<Hand> hands_; // by position
    QVariantList chat_; // every chat row of timeline_, by position
    QVariantList chapterCases_; // per chapter: {title, text} of its case, or empty
    bool audioOnly_ = false;
    int slideIndex_ = -1;
    QString slideProblem_;
    int chatCount_ = 0;
    QString caseTitle_;
    QString caseText_;
    QString caseSection_;
    std::vector<ReplayCaseView> caseViews_;
    QString handsText_;
};

} // namespace spoke::ui
