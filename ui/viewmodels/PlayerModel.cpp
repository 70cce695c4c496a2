#include "viewmodels/PlayerModel.h"

#include "media/devices/DeviceRegistry.h"
#include "recording/AudioOutput.h"
#include "recording/DeviceAudioOutput.h"
#include "recording/Player.h"
#include "recording/RecordingError.h"
#include "recording/RecordingProbe.h"
#include "store/CacheWorker.h"
#include "store/ReplayOutline.h"
#include "viewmodels/Formatting.h"
#include "viewmodels/MediaPreferences.h"
#include "viewmodels/ReplaySlides.h"
#include "viewmodels/VideoView.h"

#include <QDateTime>

#include <algorithm>
#include <mutex>
#include <optional>

namespace spoke::ui {

// The engine presents on its own thread and is built once per file, while
// the page's VideoView can come and go: the engine presents into this
// stand-in, which forwards to whatever view is attached (or drops the
// picture). Detaching waits for an onFrame() in progress (a pointer swap).
class PlayerModel::Sink final : public media::VideoSink {
public:
    void setView(VideoView* view)
    {
        std::lock_guard lock(mutex_);
        view_ = view ? view->sink() : nullptr;
    }
    void onFrame(const media::VideoFrame& frame) override
    {
        std::lock_guard lock(mutex_);
        if (view_)
            view_->onFrame(frame);
    }

private:
    std::mutex mutex_;
    std::shared_ptr<media::VideoSink> view_;
};

// The page's rows for one recording, built on the cache thread from what
// store::loadReplayOutline read.
struct PlayerModel::Loaded {
    explicit Loaded(const store::ReplayOutline& outline);

    QString title;
    QString subtitle;
    std::filesystem::path file;
    bool fileExists = false;
    std::int64_t durationMs = 0;
    QVariantList chapters;
    QVariantList bookmarks;
    QVariantList timeline;
    std::optional<std::int64_t> resumeMs;
    std::vector<Slide> slides;
    std::map<std::string, Deck> decks;
    std::map<std::string, std::string> deckFiles;
    std::vector<Hand> hands;
    QVariantList chapterCases;
    std::vector<ReplayCaseView> caseViews;

private:
    void takeSlidesAndHands(const store::ReplayOutline& outline);
};

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QVariantList bookmarkRows(const std::vector<store::Bookmark>& bookmarks)
{
    QVariantList list;
    for (const auto& b : bookmarks)
        list.append(QVariantMap{{QStringLiteral("bookmarkId"), static_cast<qint64>(b.id)},
                                {QStringLiteral("positionMs"), static_cast<qint64>(b.positionMs)},
                                {QStringLiteral("timeText"), formatPosition(b.positionMs)},
                                {QStringLiteral("note"), qs(b.note)}});
    return list;
}

QVariantList loadBookmarks(store::Cache& cache, std::int64_t recordingId)
{
    return bookmarkRows(cache.recordings().bookmarks(recordingId));
}

QVariantMap chapterRow(const QString& title, std::int64_t startMs, std::int64_t endMs)
{
    return {{QStringLiteral("title"), title},
            {QStringLiteral("startMs"), static_cast<qint64>(startMs)},
            {QStringLiteral("endMs"), static_cast<qint64>(endMs)},
            {QStringLiteral("timeText"), formatPosition(startMs)}};
}

QVariantMap timelineRow(const QString& kind, std::int64_t positionMs, const QString& title, const QString& text)
{
    return {{QStringLiteral("kind"), kind},
            {QStringLiteral("positionMs"), static_cast<qint64>(positionMs)},
            {QStringLiteral("timeText"), formatPosition(positionMs)},
            {QStringLiteral("title"), title},
            {QStringLiteral("text"), text}};
}

} // namespace

PlayerModel::Loaded::Loaded(const store::ReplayOutline& outline)
    : title(qs(outline.recording.title))
    , file(outline.recording.filePath)
    , fileExists(outline.fileExists)
    , durationMs(outline.recording.durationMs)
    , bookmarks(bookmarkRows(outline.bookmarks))
    , resumeMs(outline.resumeMs)
{
    QStringList context;
    if (outline.programmeName)
        context << qs(*outline.programmeName);
    context << formatDateTime(outline.recording.createdMs);
    subtitle = context.join(QStringLiteral("  ·  "));
    for (const auto& ch : outline.chapters)
        chapters.append(chapterRow(qs(ch.title), ch.startMs, ch.endMs.value_or(ch.startMs)));
    // Case entries come in chapter order (ReplayOutline), one per chapter with a case.
    QVariantList caseRows;
    for (const auto& entry : outline.timeline) {
        if (entry.kind == store::TimelineEntry::Kind::Chat) {
            timeline.append(timelineRow(QStringLiteral("chat"), entry.positionMs, qs(entry.author), qs(entry.text)));
            continue;
        }
        // The case presented in a chapter: its form, shown when the chapter plays.
        const QString caseTitle = tr("Case %1: %2").arg(qs(entry.caseCode), qs(entry.caseTitle));
        QString text = qs(entry.text);
        caseRows.append(QVariantMap{{QStringLiteral("title"), caseTitle}, {QStringLiteral("text"), text}});
        if (text.size() > 600)
            text = text.left(600) + QStringLiteral("…");
        timeline.append(timelineRow(QStringLiteral("case"), entry.positionMs, caseTitle, text));
    }
    qsizetype nextCase = 0;
    for (const auto& ch : outline.chapters)
        chapterCases.append(ch.caseId && nextCase < caseRows.size() ? caseRows[nextCase++] : QVariant());
    takeSlidesAndHands(outline);
    caseViews = replayCaseViews(outline);
}

void PlayerModel::Loaded::takeSlidesAndHands(const store::ReplayOutline& outline)
{
    for (const auto& deck : outline.decks) {
        decks[deck.sha256] = {qs(deck.title), deck.pages};
        if (!deck.filePath.empty())
            deckFiles[deck.sha256] = deck.filePath;
    }
    for (const auto& shown : outline.slides)
        slides.push_back({shown.offsetMs, shown.deckSha256, shown.page});
    for (const auto& hand : outline.hands)
        hands.push_back({hand.offsetMs, qs(hand.name), hand.raised});
}

PlayerModel::PlayerModel(store::CacheWorker& worker, QObject* parent)
    : QObject(parent)
    , worker_(worker)
    , sink_(std::make_unique<Sink>())
    , slideRenderer_(std::make_unique<ReplaySlides>())
{
    connect(slideRenderer_.get(), &ReplaySlides::rendered, this, [this](bool ok) {
        const QString problem = ok ? QString() : tr("The slides of this recording are not on this laptop.");
        if (problem != slideProblem_) {
            slideProblem_ = problem;
            Q_EMIT slideChanged();
        }
        Q_EMIT slideRendered(ok);
    });
    tick_.setInterval(200);
    connect(&tick_, &QTimer::timeout, this, &PlayerModel::refreshProgress);
}

PlayerModel::~PlayerModel()
{
    close();
}

void PlayerModel::setVideoView(VideoView* view)
{
    if (view_ == view)
        return;
    if (view_)
        disconnect(view_, nullptr, this, nullptr);
    view_ = view;
    sink_->setView(view);
    if (view) {
        // A view deleted without being detached first stops receiving at once.
        connect(view, &QObject::destroyed, this, [this] { sink_->setView(nullptr); });
    }
    Q_EMIT videoViewChanged();
}

QString PlayerModel::soundStatus() const
{
    return soundStatus_.isEmpty() ? tr("No sound output") : soundStatus_;
}

void PlayerModel::openSpeaker()
{
    speaker_.reset();
    soundStatus_.clear();
    try {
        const media::DeviceRegistry devices;
        const MediaChoice choice = MediaPreferences().resolved(devices.enumerate());
        if (choice.speakerId.isEmpty())
            return; // "No sound output": nothing to play on
        speaker_ =
            std::make_unique<recording::DeviceAudioOutput>(devices.openAudioOutput(choice.speakerId.toStdString()));
        soundStatus_ = tr("Sound on %1").arg(choice.speakerId);
    } catch (const std::exception& failure) {
        soundStatus_ = tr("No sound output: %1").arg(QString::fromUtf8(failure.what()));
    }
}

QString PlayerModel::positionText() const
{
    return formatPosition(positionMs_);
}

QString PlayerModel::durationText() const
{
    return formatPosition(durationMs_);
}

void PlayerModel::open(qint64 recordingId, qint64 positionMs)
{
    close();
    recordingId_ = recordingId;
    loading_ = true;
    error_.clear();
    problem_.clear();
    title_.clear();
    subtitle_.clear();
    chapters_.clear();
    bookmarks_.clear();
    timeline_.clear();
    durationMs_ = 0;
    positionMs_ = 0;
    playing_ = false;
    finished_ = false;
    currentChapter_ = -1;
    currentTimelineIndex_ = -1;
    resumedFromMs_ = 0;
    takeTimeline(Loaded(store::ReplayOutline{}));
    const quint64 generation = ++generation_;
    Q_EMIT openedChanged();
    Q_EMIT progressChanged();
    Q_EMIT bookmarksChanged();

    worker_.run<Loaded>(
        this,
        [recordingId](store::Cache& cache) {
            const auto outline = store::loadReplayOutline(cache, recordingId);
            if (!outline)
                throw std::runtime_error(tr("This recording is no longer in the cache.").toStdString());
            return Loaded(*outline);
        },
        [this, generation, positionMs](const store::Outcome<Loaded>& outcome) {
            if (generation != generation_)
                return;
            loading_ = false;
            if (!outcome.ok()) {
                error_ = outcome.error;
                Q_EMIT openedChanged();
                return;
            }
            const Loaded& loaded = *outcome.value;
            title_ = loaded.title;
            subtitle_ = loaded.subtitle;
            chapters_ = loaded.chapters;
            bookmarks_ = loaded.bookmarks;
            timeline_ = loaded.timeline;
            takeTimeline(loaded);
            durationMs_ = loaded.durationMs;
            if (!loaded.fileExists) {
                // Nothing plays, but the moment asked for (a search hit) still
                // picks out its chapter, note or chat message.
                positionMs_ = std::max<qint64>(0, positionMs);
                updateCurrentItems();
                error_ =
                    loaded.file.empty()
                        ? tr("This recording is not on this laptop. Its chapters, notes and chat are shown below.")
                        : tr("The file of this recording is missing: %1. Its chapters, notes and chat are shown below.")
                              .arg(QString::fromStdString(loaded.file.string()));
            } else {
                const qint64 startMs = positionMs >= 0 ? positionMs : loaded.resumeMs.value_or(0);
                startEngine(loaded, startMs);
            }
            Q_EMIT openedChanged();
            Q_EMIT bookmarksChanged();
            Q_EMIT progressChanged();
            refreshProgress();
        });
}

void PlayerModel::startEngine(const Loaded& loaded, qint64 startMs)
{
    player_.reset(); // its audio thread may still write into the old speaker
    silence_.reset();
    openSpeaker();
    recording::PlayerConfig config;
    config.audio = speaker_.get(); // null: the engine's steady clock paces playback
    if (!speaker_) {
        // An audio+slides file has no picture to pace: without a speaker it
        // plays into a silent stand-in that keeps real time, so its slides,
        // chat and case still follow the position.
        try {
            if (!recording::RecordingProbe::probe(loaded.file, recording::ProbeDepth::Headers).hasVideo()) {
                silence_ = std::make_unique<recording::NullAudioOutput>(1);
                config.audio = silence_.get();
            }
        } catch (const std::exception&) {
            // The engine's own open below says what is wrong with the file.
        }
    }
    config.video = sink_.get();
    config.startMs = std::max<qint64>(0, startMs);
    try {
        player_ = std::make_unique<recording::Player>(loaded.file, config);
    } catch (const std::exception& failure) {
        error_ = tr("This recording cannot be played: %1").arg(QString::fromUtf8(failure.what()));
        return;
    }
    resumedFromMs_ = config.startMs;
    lastSavedMs_ = config.startMs;
    audioOnly_ = !player_->info().hasVideo();
    speed_ = 1.0;
    Q_EMIT speedChanged();
    const auto& info = player_->info();
    durationMs_ = std::max<qint64>(durationMs_, info.durationMs);
    // A file imported or recorded without cache rows still has its own chapters.
    if (chapters_.isEmpty())
        for (const auto& mark : info.chapters)
            chapters_.append(chapterRow(qs(mark.title), mark.startMs, mark.endMs.value_or(mark.startMs)));
    tick_.start();
}

void PlayerModel::close()
{
    ++generation_;
    tick_.stop();
    if (!player_)
        return;
    refreshProgress();
    savePosition();
    player_.reset();
    speaker_.reset();
    silence_.reset();
    playing_ = false;
    audioOnly_ = false;
    Q_EMIT openedChanged();
    Q_EMIT progressChanged();
}

void PlayerModel::play()
{
    if (!player_)
        return;
    if (finished_)
        player_->seek(0);
    player_->play();
    refreshProgress();
}

void PlayerModel::pause()
{
    if (!player_)
        return;
    player_->pause();
    refreshProgress();
    savePosition();
}

void PlayerModel::togglePlay()
{
    if (playing_)
        pause();
    else
        play();
}

void PlayerModel::seekAndShow(qint64 positionMs)
{
    if (!player_) {
        // Nothing plays (the file is not here), but the timeline can still
        // be read: the slide, chat and case at the moment picked.
        if (recordingId_ < 0 || loading_)
            return;
        positionMs_ = std::clamp<qint64>(positionMs, 0, std::max<qint64>(0, durationMs_));
        updateCurrentItems();
        Q_EMIT progressChanged();
        return;
    }
    const qint64 end = durationMs_ > 0 ? durationMs_ : positionMs;
    player_->seek(std::clamp<qint64>(positionMs, 0, std::max<qint64>(0, end)));
    refreshProgress();
}

void PlayerModel::seek(qint64 positionMs)
{
    seekAndShow(positionMs);
}

void PlayerModel::skip(qint64 deltaMs)
{
    if (player_)
        seekAndShow(player_->positionMs() + deltaMs);
}

void PlayerModel::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.5, 2.0);
    if (player_)
        player_->setSpeed(speed);
    if (qFuzzyCompare(speed, speed_))
        return;
    speed_ = speed;
    Q_EMIT speedChanged();
}

void PlayerModel::nextChapter()
{
    if (!player_)
        return;
    const qint64 position = player_->positionMs();
    for (const QVariant& chapter : std::as_const(chapters_)) {
        const qint64 start = chapter.toMap().value(QStringLiteral("startMs")).toLongLong();
        if (start > position + 500) {
            seekAndShow(start);
            return;
        }
    }
}

void PlayerModel::previousChapter()
{
    if (!player_)
        return;
    // Like a music player: back to the start of this chapter, or to the one
    // before when this one has only just begun.
    const qint64 position = player_->positionMs();
    int current = -1;
    for (int i = 0; i < chapters_.size(); ++i)
        if (chapters_[i].toMap().value(QStringLiteral("startMs")).toLongLong() <= position + 100)
            current = i;
    const auto startOf = [this](int i) { return chapters_[i].toMap().value(QStringLiteral("startMs")).toLongLong(); };
    qint64 target = 0;
    if (current >= 0 && position - startOf(current) >= 3000)
        target = startOf(current);
    else if (current >= 1)
        target = startOf(current - 1);
    seekAndShow(target);
}

void PlayerModel::addBookmark(const QString& note)
{
    if (recordingId_ < 0)
        return;
    const std::int64_t id = recordingId_;
    const std::int64_t at = player_ ? player_->positionMs() : positionMs_;
    const std::string text = note.trimmed().toStdString();
    worker_.run<QVariantList>(
        this,
        [id, at, text](store::Cache& cache) {
            store::Bookmark bookmark;
            bookmark.recordingId = id;
            bookmark.positionMs = std::max<std::int64_t>(0, at);
            bookmark.note = text;
            bookmark.createdMs = QDateTime::currentMSecsSinceEpoch();
            cache.recordings().addBookmark(bookmark);
            return loadBookmarks(cache, id);
        },
        [this, id](const store::Outcome<QVariantList>& outcome) {
            if (!outcome.ok() || id != recordingId_)
                return;
            bookmarks_ = *outcome.value;
            Q_EMIT bookmarksChanged();
            Q_EMIT saved();
        });
}

void PlayerModel::removeBookmark(qint64 bookmarkId)
{
    const std::int64_t id = recordingId_;
    worker_.run<QVariantList>(
        this,
        [id, bookmarkId](store::Cache& cache) {
            cache.recordings().removeBookmark(bookmarkId);
            return loadBookmarks(cache, id);
        },
        [this, id](const store::Outcome<QVariantList>& outcome) {
            if (!outcome.ok() || id != recordingId_)
                return;
            bookmarks_ = *outcome.value;
            Q_EMIT bookmarksChanged();
        });
}

void PlayerModel::savePosition()
{
    if (!player_ || recordingId_ < 0)
        return;
    const std::int64_t id = recordingId_;
    const std::int64_t at = positionMs_;
    const bool atEnd = finished_;
    lastSavedMs_ = at;
    playedSinceSaveMs_ = 0;
    worker_.run<bool>(
        this,
        [id, at, atEnd](store::Cache& cache) {
            // Played to the end: next time starts from the beginning.
            if (atEnd)
                cache.recordings().clearResumePosition(id);
            else
                cache.recordings().setResumePosition(id, at, QDateTime::currentMSecsSinceEpoch());
            return true;
        },
        [this](const store::Outcome<bool>&) { Q_EMIT saved(); });
}

void PlayerModel::updateCurrentItems()
{
    int chapter = -1;
    for (int i = 0; i < chapters_.size(); ++i)
        if (chapters_[i].toMap().value(QStringLiteral("startMs")).toLongLong() <= positionMs_)
            chapter = i;
    currentChapter_ = chapter;
    int item = -1;
    for (int i = 0; i < timeline_.size(); ++i)
        if (timeline_[i].toMap().value(QStringLiteral("positionMs")).toLongLong() <= positionMs_)
            item = i;
    currentTimelineIndex_ = item;
    updateSlideAndChat();
}

void PlayerModel::takeTimeline(const Loaded& loaded)
{
    slides_ = loaded.slides;
    decks_ = loaded.decks;
    hands_ = loaded.hands;
    chapterCases_ = loaded.chapterCases;
    caseViews_ = loaded.caseViews;
    chat_.clear();
    for (const QVariant& row : std::as_const(timeline_))
        if (row.toMap().value(QStringLiteral("kind")).toString() == QLatin1String("chat"))
            chat_.append(row);
    slideRenderer_->setDecks(loaded.deckFiles);
    slideIndex_ = -1;
    chatCount_ = 0;
    caseTitle_.clear();
    caseText_.clear();
    caseSection_.clear();
    handsText_.clear();
    slideProblem_.clear();
    Q_EMIT slideChanged();
    Q_EMIT chatChanged();
    Q_EMIT caseChanged();
}

void PlayerModel::attachSlideView(VideoView* view, int widthPx)
{
    slideRenderer_->attachView(view, widthPx);
}

QString PlayerModel::slideDeck() const
{
    return slideIndex_ >= 0 ? QString::fromStdString(slides_[slideIndex_].deckSha256) : QString();
}

QString PlayerModel::slideText() const
{
    if (slideIndex_ < 0)
        return {};
    const Slide& slide = slides_[slideIndex_];
    const auto deck = decks_.find(slide.deckSha256);
    if (deck == decks_.end() || deck->second.pages <= 0)
        return tr("Slide %1").arg(slide.page + 1);
    if (deck->second.title.isEmpty())
        return tr("Slide %1 of %2").arg(slide.page + 1).arg(deck->second.pages);
    return tr("Slide %1 of %2 · %3").arg(slide.page + 1).arg(deck->second.pages).arg(deck->second.title);
}

QVariantList PlayerModel::chatSoFar() const
{
    return chat_.mid(0, chatCount_);
}

void PlayerModel::updateSlideAndChat()
{
    int slide = -1;
    for (std::size_t i = 0; i < slides_.size() && slides_[i].positionMs <= positionMs_; ++i)
        slide = static_cast<int>(i);
    if (slide != slideIndex_) {
        slideIndex_ = slide;
        slideRenderer_->show(slide >= 0 ? slides_[slide].deckSha256 : std::string(), slidePage());
        Q_EMIT slideChanged();
    }
    int chat = 0;
    while (chat < chat_.size() && chat_[chat].toMap().value(QStringLiteral("positionMs")).toLongLong() <= positionMs_)
        ++chat;
    if (chat != chatCount_) {
        chatCount_ = chat;
        Q_EMIT chatChanged();
    }
    updateCase();
    // Who has a hand up at this moment: the last event per name decides.
    std::map<QString, bool> up;
    for (const Hand& hand : hands_)
        if (hand.positionMs <= positionMs_)
            up[hand.name] = hand.raised;
    QStringList names;
    for (const auto& [name, raised] : up)
        if (raised)
            names << name;
    handsText_ = names.isEmpty() ? QString() : tr("Hand raised: %1").arg(names.join(QStringLiteral(", ")));
}

void PlayerModel::refreshProgress()
{
    if (!player_)
        return;
    const qint64 previous = positionMs_;
    positionMs_ = player_->positionMs();
    const auto state = player_->state();
    const bool wasFinished = finished_;
    playing_ = state == recording::PlayerState::Playing;
    finished_ = state == recording::PlayerState::Finished;
    const recording::PlayerStats stats = player_->stats();
    // A crash-cut file states no duration: it lasts as far as it reads.
    if (stats.readableUntilMs > durationMs_ && !stats.problem.empty())
        durationMs_ = stats.readableUntilMs;
    // The clock runs a frame or two past the last readable packet before
    // the engine notices; the position shown stops where the file does.
    if (finished_ && !stats.problem.empty())
        positionMs_ = std::min<qint64>(positionMs_, stats.readableUntilMs);
    if (!stats.problem.empty())
        problem_ = tr("This file is damaged or cut short: it plays until %1. %2")
                       .arg(formatPosition(stats.readableUntilMs), QString::fromStdString(stats.problem));

    updateCurrentItems();

    if (playing_)
        playedSinceSaveMs_ += std::max<qint64>(0, positionMs_ - previous);
    if ((playing_ && playedSinceSaveMs_ >= kSaveEveryMs) || (finished_ && !wasFinished))
        savePosition();
    Q_EMIT progressChanged();
}

// A hub recording's case panel as the presenter showed it at this moment
// (ReplayCaseForms); otherwise the case of the chapter playing (the demo's).
void PlayerModel::updateCase()
{
    QString title;
    QString section;
    QString text;
    if (!caseViews_.empty()) {
        const ReplayCaseView* current = nullptr;
        for (const ReplayCaseView& view : caseViews_)
            if (view.positionMs <= positionMs_)
                current = &view;
        if (current) {
            title = current->caseTitle;
            section = current->sectionTitle;
            text = current->text;
        }
    } else {
        const QVariantMap form = currentChapter_ >= 0 && currentChapter_ < chapterCases_.size()
                                     ? chapterCases_[currentChapter_].toMap()
                                     : QVariantMap();
        title = form.value(QStringLiteral("title")).toString();
        text = form.value(QStringLiteral("text")).toString();
    }
    if (title == caseTitle_ && section == caseSection_ && text == caseText_)
        return;
    caseTitle_ = title;
    caseSection_ = section;
    caseText_ = text;
    Q_EMIT caseChanged();
}

} // namespace spoke::ui
