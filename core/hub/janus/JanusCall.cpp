#include "hub/janus/JanusCall.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

namespace spoke::hub::janus {

namespace {

QUrl child(const QUrl& base, qint64 id)
{
    QUrl url = base;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + QString::number(id));
    return url;
}

QString transaction()
{
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}

} // namespace

JanusCall::JanusCall(QNetworkAccessManager& network, QUrl api, std::unique_ptr<RoomPlan> plan, Done done,
                     QObject* parent)
    : QObject(parent)
    , network_(network)
    , api_(std::move(api))
    , plan_(std::move(plan))
    , done_(std::move(done))
{
}

void JanusCall::start()
{
    post(api_, QJsonObject{{QStringLiteral("janus"), QStringLiteral("create")}},
         [this](const QByteArray& body) { onSession(body); });
}

void JanusCall::post(const QUrl& url, QJsonObject body, std::function<void(const QByteArray&)> then)
{
    body.insert(QStringLiteral("transaction"), transaction());
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(kTimeoutMs);
    QNetworkReply* reply = network_.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, [this, reply, then = std::move(then)] {
        reply->deleteLater();
        if (finished_)
            return;
        if (reply->error() != QNetworkReply::NoError) {
            finish(JanusError{0, QStringLiteral("Janus at %1 did not answer: %2")
                                     .arg(api_.toString(QUrl::RemoveUserInfo), reply->errorString())});
            return;
        }
        then(reply->readAll());
    });
}

void JanusCall::onSession(const QByteArray& body)
{
    auto id = parseCoreId(body);
    if (!id) {
        finish(id.error());
        return;
    }
    sessionUrl_ = child(api_, *id);
    post(sessionUrl_,
         QJsonObject{{QStringLiteral("janus"), QStringLiteral("attach")},
                     {QStringLiteral("plugin"), QStringLiteral("janus.plugin.videoroom")}},
         [this](const QByteArray& answer) { onHandle(answer); });
}

void JanusCall::onHandle(const QByteArray& body)
{
    auto id = parseCoreId(body);
    if (!id) {
        finish(id.error());
        return;
    }
    handleUrl_ = child(sessionUrl_, *id);
    sendStep(plan_->start());
}

void JanusCall::sendStep(const Step& step)
{
    if (!step.request) {
        finish(step.failure);
        return;
    }
    post(handleUrl_,
         QJsonObject{{QStringLiteral("janus"), QStringLiteral("message")}, {QStringLiteral("body"), *step.request}},
         [this](const QByteArray& answer) { sendStep(plan_->next(parsePluginAnswer(answer))); });
}

void JanusCall::finish(std::optional<JanusError> failure)
{
    if (finished_)
        return;
    finished_ = true;
    // The Janus session would time out by itself (session_timeout); ending
    // it now frees the handle at once. Its answer is not needed.
    if (!sessionUrl_.isEmpty()) {
        QNetworkRequest request(sessionUrl_);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setTransferTimeout(kTimeoutMs);
        QNetworkReply* reply =
            network_.post(request, QJsonDocument(QJsonObject{{QStringLiteral("janus"), QStringLiteral("destroy")},
                                                             {QStringLiteral("transaction"), transaction()}})
                                       .toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
    const Done done = std::move(done_);
    done(std::move(failure));
    deleteLater();
}

} // namespace spoke::hub::janus
