#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <filesystem>
#include <memory>

namespace spoke::store {
class CacheWorker;
}
namespace spoke::recording {
class DeviceAudioOutput;
class Player;
} // namespace spoke::recording

namespace spoke::ui {

class VideoView;

// The player page's model: one recording from the library, replayed by the
// core engine (recording::Player, on its own threads) into a VideoView, with
// its chapters, bookmarks and notes, and the session's chat and case forms
// laid out on the same timeline. Where it was left off is read on open and
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
    // A bookmark or resume position reached the cache (tests wait on it).
    void saved();

private:
    class Sink;
    struct Loaded;

    void startEngine(const Loaded& loaded, qint64 startMs);
    void savePosition();
    void reloadBookmarks();
    void seekAndShow(qint64 positionMs);
    // The speaker chosen in Settings (media::DeviceRegistry); on failure the
    // reason goes to soundStatus and playback runs silent on its own clock.
    void openSpeaker();
    // The chapter and the chat/case item at positionMs_.
    void updateCurrentItems();

    store::CacheWorker& worker_;
    QPointer<VideoView> view_;
    std::unique_ptr<Sink> sink_; // outlives player_, which presents into it
    // The speaker chosen in Settings, or null (the engine's steady clock
    // paces playback); outlives player_, whose audio thread writes into it.
    std::unique_ptr<recording::DeviceAudioOutput> speaker_;
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
};

} // namespace spoke::ui
