#pragma once

#include "hub/janus/RoomPlans.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace spoke::hub::janus {

// Runs one RoomPlan against a Janus REST API, asynchronously: "create" a
// Janus session, "attach" the VideoRoom plugin, each plan step as a
// synchronous "message", then "destroy" the session (not waited for). Every
// HTTP request has a 5 s transfer timeout, so a Janus that does not answer
// fails the call instead of holding it. `done` is called once, with the
// failure or none; the plan then holds the results. The call deletes itself
// after `done`.
// Thread: the thread of the QNetworkAccessManager (the hub's event loop).
class JanusCall : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(std::optional<JanusError>)>;

    static constexpr int kTimeoutMs = 5000;

    JanusCall(QNetworkAccessManager& network, QUrl api, std::unique_ptr<RoomPlan> plan, Done done,
              QObject* parent = nullptr);
    void start();

private:
    void post(const QUrl& url, QJsonObject body, std::function<void(const QByteArray&)> then);
    void onSession(const QByteArray& body);
    void onHandle(const QByteArray& body);
    void sendStep(const Step& step);
    void finish(std::optional<JanusError> failure);

    QNetworkAccessManager& network_;
    const QUrl api_;
    std::unique_ptr<RoomPlan> plan_;
    Done done_;
    QUrl sessionUrl_;
    QUrl handleUrl_;
    bool finished_ = false;
};

} // namespace spoke::hub::janus
