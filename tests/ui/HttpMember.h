#pragma once

// One member acting through the hub's HTTP API, as another laptop would:
// the UI hub tests' other side of a live session. Header-only.

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

namespace spoke::test {

inline const QString kMemberPassword = QStringLiteral("correct horse battery");

struct HttpMember {
    explicit HttpMember(QString hubUrl) : url(std::move(hubUrl)) { }
    QString url;
    QString token;
    QNetworkAccessManager net;

    // Any body with its content type; the answer's bytes.
    QByteArray send(const QByteArray& method, const QString& path, const QByteArray& body, const QByteArray& type,
                    int* status = nullptr)
    {
        QNetworkRequest request(QUrl(url + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, type);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        QNetworkReply* reply = net.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
        loop.exec();
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        reply->deleteLater();
        return answer;
    }
    QJsonObject call(const QByteArray& method, const QString& path, const QJsonObject& body = {}, int* status = nullptr)
    {
        return QJsonDocument::fromJson(send(method, path, QJsonDocument(body).toJson(), "application/json", status))
            .object();
    }
    void redeem(const QString& code, const QString& email, const QString& name)
    {
        token = call("POST", QStringLiteral("/api/v1/invites/redeem"),
                     {{QStringLiteral("code"), code},
                      {QStringLiteral("email"), email},
                      {QStringLiteral("name"), name},
                      {QStringLiteral("password"), kMemberPassword}})
                    .value(QStringLiteral("token"))
                    .toString();
        REQUIRE_FALSE(token.isEmpty());
    }
};

} // namespace spoke::test
