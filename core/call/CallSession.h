#pragma once

#include "call/CallStats.h"
#include "call/Publisher.h"
#include "call/RemoteFeed.h"
#include "session/JanusConnection.h"
#include "session/VideoRoomHandle.h"
#include "transport/ImpairmentConfig.h"
#include "transport/MediaTransport.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <map>
#include <memory>

namespace spoke::call {

struct CallOptions {
    QUrl janusUrl;
    quint64 room = 0;
    QString display;
    bool video = true; // the stamped test pattern
    bool audio = true; // the marked tone
    int width = 640;
    int height = 360;
    int fps = 30;
    int maxVideoBitrateBps = 800'000;
    std::string iceInterface; // ICE pinned here (Janus never uses loopback)
    transport::ImpairmentConfig impairment; // both directions of every PeerConnection
    int mediaSilenceLimitMs = 5000; // a feed silent this long counts as gone
};

// One participant in a live VideoRoom session, headless: joins as
// publisher, publishes (one VP8 layer; see README), subscribes to every
// other publisher with one RemoteFeed each, and notices who vanishes
// (Janus "unpublished"/"leaving", or no media for mediaSilenceLimitMs).
// A dropped signalling socket is reconnected and the session claimed by
// JanusConnection; the PeerConnections live on meanwhile. A publisher
// PeerConnection that fails is published again.
//
// Threading: lives on the Qt thread that creates it (the signalling thread,
// which runs the event loop); asserted. See core/call/README.md for the
// threads beneath it.
class CallSession : public QObject {
    Q_OBJECT
public:
    explicit CallSession(CallOptions options, QObject* parent = nullptr);
    ~CallSession() override;

    void start();
    // Stops media, leaves and closes the Janus session; emits finished() once closed.
    void stop();
    CallStats stats() const;

Q_SIGNALS:
    void published(); // our PeerConnection is up and media flows out
    void failed(const QString& why);
    void finished();

private:
    void logEvent(const QString& what);
    void stopMedia();
    void joinRoom();
    void publish();
    void onPublishAnswer(const session::SdpResult& answer);
    void subscribeTo(const session::Participant& participant);
    void dropFeed(quint64 id, const QString& reason);
    void watchdog();
    std::int64_t callMs() const;

    ThreadAffinity affinity_;
    CallOptions options_;
    std::int64_t startMs_ = 0;
    std::int64_t clockEpochMs_ = 0; // our MediaClock zero on the steady clock
    session::JanusConnection connection_;
    std::unique_ptr<session::VideoRoomHandle> publisherHandle_;
    quint64 privateId_ = 0;
    std::unique_ptr<transport::MediaTransport> publisherTransport_;
    std::unique_ptr<Publisher> publisher_;
    std::atomic<bool> publisherGathered_{false};
    std::atomic<bool> publisherFailed_{false};
    std::vector<std::string> publisherCandidates_;
    std::mutex publisherCandidatesMutex_;
    QTimer poll_;
    QTimer watchdog_;
    std::map<quint64, std::unique_ptr<RemoteFeed>> feeds_;
    std::vector<RemoteStats> goneFeeds_;
    std::map<quint64, std::int64_t> lastResubscribeMs_; // call ms, per feed
    LocalStats lastLocal_; // kept across a re-publish
    std::vector<QString> events_;
    bool stopping_ = false;
    int republishes_ = 0;
};

} // namespace spoke::call
