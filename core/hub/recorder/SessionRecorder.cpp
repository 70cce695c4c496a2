#include "hub/recorder/SessionRecorder.h"

#include "util/Clock.h"

#include <mutex>

namespace spoke::hub::recorder {

namespace {

constexpr int kLeaveTimeoutMs = 3000; // Janus answers a leave in milliseconds; do not hang the stop on it

std::string participantKey(quint64 feedId)
{
    return std::to_string(feedId);
}

} // namespace

// The CallSession's tap: frames to the recorder, loudness and liveness to
// the picker. Held by shared_ptr by the call's feeds, so it may outlive the
// recorder; detach() cuts it off first (under the lock, so no push is half
// way through when the Recorder stops).
class RecorderTap : public call::CallMediaTap {
public:
    explicit RecorderTap(recording::Recorder* recorder) : recorder_(recorder) { }

    void detach()
    {
        const std::lock_guard lock(mutex_);
        recorder_ = nullptr;
    }
    SpeakerPicker::Choice choose(std::int64_t nowMs)
    {
        const std::lock_guard lock(mutex_);
        return picker_.choose(nowMs);
    }

    void localVideo(const media::VideoFrame&) override { }
    void localAudio(const media::AudioFrame&) override { }
    void remoteVideo(quint64 feedId, const media::VideoFrame& frame) override
    {
        const std::lock_guard lock(mutex_);
        picker_.videoFrame(feedId, util::steadyNowMs());
        if (recorder_)
            recorder_->pushVideo(participantKey(feedId), frame);
    }
    void remoteAudio(quint64 feedId, const media::AudioFrame& frame) override
    {
        const double level = call::rmsLevel(frame);
        const std::lock_guard lock(mutex_);
        picker_.audioLevel(feedId, level, util::steadyNowMs());
        if (recorder_)
            recorder_->pushAudio(participantKey(feedId), frame);
    }

private:
    std::mutex mutex_; // guards recorder_ and picker_; held only for a push
    recording::Recorder* recorder_;
    SpeakerPicker picker_;
};

SessionRecorder::SessionRecorder(SessionRecorderConfig config, QObject* parent)
    : QObject(parent)
    , config_(std::move(config))
{
    chooser_.setInterval(config_.chooseEveryMs);
    connect(&chooser_, &QTimer::timeout, this, &SessionRecorder::choose);
    leaveTimeout_.setSingleShot(true);
    leaveTimeout_.setInterval(kLeaveTimeoutMs);
    connect(&leaveTimeout_, &QTimer::timeout, this, [this] {
        if (!finishedSent_ && final_) {
            finishedSent_ = true;
            Q_EMIT finished(*final_);
        }
    });
}

SessionRecorder::~SessionRecorder()
{
    finishRecording();
}

void SessionRecorder::start()
{
    recording::RecorderConfig recorderConfig;
    recorderConfig.file = config_.file;
    recorderConfig.title = config_.title;
    recorderConfig.width = config_.width;
    recorderConfig.height = config_.height;
    recorderConfig.fps = config_.fps;
    recorderConfig.videoBitrateBps = config_.videoBitrateBps;
    recorder_ = std::make_unique<recording::Recorder>(recorderConfig);
    tap_ = std::make_shared<RecorderTap>(recorder_.get());

    call::CallOptions options;
    options.janusUrl = config_.janusUrl;
    options.room = config_.room;
    options.display = config_.display;
    options.pin = config_.pin;
    options.token = config_.token;
    options.feedId = config_.feedId;
    options.allowPlainWs = config_.allowPlainWs;
    options.iceInterface = config_.iceInterface;
    // Nothing is published: with neither, CallSession joins and only subscribes.
    options.audio = false;
    options.video = false;
    options.tap = tap_;
    call_ = std::make_unique<call::CallSession>(options);
    connect(call_.get(), &call::CallSession::joined, this, &SessionRecorder::joined);
    // The hub's recorder logs in English (describeCallFailure); no one reads it translated.
    connect(call_.get(), &call::CallSession::failed, this,
            [this](const call::CallFailure& why) { Q_EMIT failed(call::describeCallFailure(why)); });
    connect(call_.get(), &call::CallSession::finished, this, [this] {
        if (!finishedSent_ && final_) {
            finishedSent_ = true;
            leaveTimeout_.stop();
            Q_EMIT finished(*final_);
        }
    });
    call_->start();
    chooser_.start();
}

void SessionRecorder::choose()
{
    if (!tap_ || !recorder_)
        return;
    const SpeakerPicker::Choice choice = tap_->choose(util::steadyNowMs());
    if (choice == shown_)
        return;
    if (choice.speaker && choice.speaker != shown_.speaker)
        recorder_->setActiveSpeaker(participantKey(*choice.speaker));
    if (choice.screen != shown_.screen)
        recorder_->setScreenShare(choice.screen ? std::optional(participantKey(*choice.screen)) : std::nullopt);
    shown_ = choice;
}

void SessionRecorder::addChapter(const QString& title)
{
    if (recorder_ && recorder_->isRecording())
        recorder_->addChapter(title.toStdString());
}

recording::RecorderStatus SessionRecorder::status() const
{
    return final_ ? *final_ : recorder_ ? recorder_->status() : recording::RecorderStatus{};
}

// The file first (it is what matters), then the room.
void SessionRecorder::finishRecording()
{
    chooser_.stop();
    if (tap_)
        tap_->detach();
    if (recorder_ && !final_)
        final_ = recorder_->stop();
}

void SessionRecorder::stop()
{
    finishRecording();
    if (!final_)
        final_ = recording::RecorderStatus{};
    if (call_) {
        leaveTimeout_.start();
        call_->stop();
    } else if (!finishedSent_) {
        finishedSent_ = true;
        Q_EMIT finished(*final_);
    }
}

} // namespace spoke::hub::recorder
