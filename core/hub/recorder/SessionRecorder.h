#pragma once

#include "call/CallSession.h"
#include "hub/recorder/SpeakerPicker.h"
#include "recording/Recorder.h"

#include <QObject>
#include <QTimer>

#include <filesystem>
#include <memory>

namespace spoke::hub::recorder {

struct SessionRecorderConfig {
    // Where and how to join: the hub's join info for the recorder's device
    // (docs/hub-api.md, Media). The pin and token are secrets: they reach
    // `spoke-hub record` on its stdin, never its command line.
    QUrl janusUrl;
    quint64 room = 0;
    QString pin;
    QString token;
    QString display = QStringLiteral("Recording");
    // The publisher id the recorder joins with (janus::recorderFeedId: one
    // no account's device has); 0 lets Janus choose.
    quint64 feedId = 0;
    // The hub's own --janus configuration, not a client's choice, so a
    // ws:// URL there is trusted as the operator's (CallOptions::allowPlainWs).
    bool allowPlainWs = false;
    std::string iceInterface; // empty: every usable interface
    std::filesystem::path file;
    std::string title;
    // Smaller than a desktop recording: the hub records every session of a
    // programme on a shared server, and the clients send 640x360 anyway.
    int width = 640;
    int height = 360;
    int fps = 15;
    int videoBitrateBps = 600'000;
    int chooseEveryMs = 200; // how often the shown speaker is reconsidered
};

class RecorderTap;

// The hub's recording of one session: a core/call CallSession that
// publishes nothing (CallOptions audio and video off, so it only
// subscribes) and receives every feed; each decoded picture and sound goes
// through a CallMediaTap into a recording::Recorder, which writes the
// crash-safe WebM (core/recording/Recorder.h). SpeakerPicker decides whose
// camera is shown, or the screen share when one is live. Chapters are marked
// on request (the agenda, RecorderSupervisor).
//
// Threading: lives on the Qt thread that creates it, which runs the event
// loop (the CallSession's signalling thread, and the Recorder's owner). The
// tap is called on the feeds' receive threads; it only hands frames to the
// Recorder (thread-safe) and levels to the picker under its own lock.
class SessionRecorder : public QObject {
    Q_OBJECT
public:
    explicit SessionRecorder(SessionRecorderConfig config, QObject* parent = nullptr);
    ~SessionRecorder() override;

    // Opens the file (throws recording::RecordingError) and joins the room.
    void start();
    void addChapter(const QString& title);
    // Finishes the file (chapters, cues, duration) and leaves the room;
    // emits finished() once both are done.
    void stop();
    recording::RecorderStatus status() const;

Q_SIGNALS:
    void joined();
    // The room refused us or the Janus session was lost; the file so far is
    // kept and finished. The supervisor starts a new part.
    void failed(const QString& why);
    void finished(const spoke::recording::RecorderStatus& status);

private:
    void choose();
    void finishRecording();

    SessionRecorderConfig config_;
    std::unique_ptr<recording::Recorder> recorder_;
    std::shared_ptr<RecorderTap> tap_;
    std::unique_ptr<call::CallSession> call_;
    QTimer chooser_;
    QTimer leaveTimeout_;
    SpeakerPicker::Choice shown_;
    std::optional<recording::RecorderStatus> final_;
    bool finishedSent_ = false;
};

} // namespace spoke::hub::recorder
