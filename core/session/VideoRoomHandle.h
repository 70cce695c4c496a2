#pragma once

#include "session/JanusConnection.h"
#include "session/RoomState.h"
#include "session/VideoRoomRequests.h"
#include "util/ThreadAffinity.h"

#include <QObject>
#include <QPointer>

namespace spoke::session {

// The answer to a request that may carry an SDP: Janus' answer to our offer
// (publish/configure), or Janus' offer (subscriber join/subscribe/update).
struct SdpResult {
    std::optional<SessionError> error;
    QString sdp; // empty when the answer carried no JSEP
    QString sdpType; // "offer" or "answer"
    QJsonObject data; // the VideoRoom payload ("joined", "attached", "configured", …)

    bool ok() const { return !error.has_value(); }
};

using SdpHandler = std::function<void(const SdpResult& result)>;

// One handle on janus.plugin.videoroom, used either as a publisher or as a
// subscriber (one PeerConnection each). Takes and returns SDP as strings so
// the media stack composes without JSON. Its RoomState follows the room as
// this handle sees it (meaningful on a publisher handle).
//
// Threading: same thread as its JanusConnection; asserted. Callbacks are not
// called after the handle is destroyed. Destroying it does not detach the
// handle on the server: call detach(), or close the connection, which ends
// every handle with the session.
class VideoRoomHandle : public QObject {
    Q_OBJECT
public:
    explicit VideoRoomHandle(JanusConnection& connection, QObject* parent = nullptr);
    ~VideoRoomHandle() override;

    VideoRoomHandle(const VideoRoomHandle&) = delete;
    VideoRoomHandle& operator=(const VideoRoomHandle&) = delete;

    void attach(std::function<void(const std::optional<SessionError>& error)> done);
    void detach(ReplyHandler done);
    quint64 handleId() const;
    RoomState& room() { return room_; }

    // Publisher.
    void joinAsPublisher(const videoroom::JoinOptions& join, ReplyHandler done);
    // `offerSdp` must carry our candidates when `candidatesInSdp` (half trickle).
    void publish(const QString& offerSdp, const videoroom::PublishOptions& options, SdpHandler done,
                 bool candidatesInSdp = true);
    // Changes publish options; with an offer also renegotiates.
    void configure(const videoroom::PublishOptions& options, const QString& offerSdp, SdpHandler done);
    void joinAndConfigure(const videoroom::JoinOptions& join, const QString& offerSdp,
                          const videoroom::PublishOptions& options, SdpHandler done);
    void unpublish(ReplyHandler done);
    void leave(ReplyHandler done);

    // Subscriber. Janus answers the join with its offer; reply with start().
    void joinAsSubscriber(quint64 room, const QList<videoroom::FeedStream>& streams,
                          const videoroom::SubscriberOptions& options, SdpHandler done);
    void start(const QString& answerSdp, ReplyHandler done);
    void subscribe(const QList<videoroom::FeedStream>& streams, SdpHandler done);
    void unsubscribe(const QList<videoroom::FeedStream>& streams, SdpHandler done);
    void update(const QList<videoroom::FeedStream>& subscribeTo, const QList<videoroom::FeedStream>& unsubscribeFrom,
                SdpHandler done);
    void configureSubstream(const QString& mid, int substream, int temporal, ReplyHandler done);

    // ICE candidates of our side, for when they are not in the SDP.
    void trickle(const QString& sdpMid, int sdpMLineIndex, const QString& candidate, ReplyHandler done);
    void trickleCompleted(ReplyHandler done);

    // Any other VideoRoom request (list, listparticipants, add_remote_publisher …).
    void request(const QJsonObject& body, ReplyHandler done);

Q_SIGNALS:
    // Every plugin event for this handle, after RoomState has applied it.
    void pluginEvent(const QJsonObject& data, const std::optional<spoke::session::Jsep>& jsep);
    void webrtcUp();
    void mediaChanged(const QString& type, bool receiving);
    void slowLink(bool uplink, int lostPackets);
    void hungUp(const QString& reason);
    void detached();

private:
    void onHandleEvent(quint64 handleId, const JanusMessage& message);
    void sendWithSdp(const QJsonObject& body, const std::optional<Jsep>& jsep, SdpHandler done);
    ReplyHandler guard(ReplyHandler done);
    bool ensureAttached(const ReplyHandler& done);

    ThreadAffinity affinity_;
    QPointer<JanusConnection> connection_;
    quint64 handleId_ = 0;
    RoomState room_;
    // Shared with pending callbacks so they can tell the handle is gone.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

} // namespace spoke::session
