#pragma once

#include "sync/SyncWorker.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace spoke::ui {

// Settings → Hub account: which hub this laptop talks to, who is signed in
// there with which roles, and the forms to join with an invite, sign in and
// sign out. The work happens on the SyncWorker's thread; this model keeps
// the last account it reported and words its failures.
// Lives on the UI thread.
class HubAccountModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(QString hubUrl READ hubUrl NOTIFY accountChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY accountChanged)
    Q_PROPERTY(QString name READ name NOTIFY accountChanged)
    Q_PROPERTY(QString email READ email NOTIFY accountChanged)
    Q_PROPERTY(QVariantList memberships READ memberships NOTIFY accountChanged)
    Q_PROPERTY(bool canReview READ canReview NOTIFY accountChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY messageChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY messageChanged)
public:
    static constexpr int kMinPasswordLength = 10; // docs/hub-api.md, invites/redeem

    explicit HubAccountModel(sync::SyncWorker& sync, QObject* parent = nullptr);

    QString hubUrl() const { return QString(account_.hubUrl); }
    bool signedIn() const { return account_.signedIn; }
    QString name() const { return account_.name; }
    QString email() const { return account_.email; }
    // [{programme, kind, role}] for the signed-in account.
    QVariantList memberships() const;
    // A specialist or coordinator somewhere: the Review page is theirs.
    bool canReview() const;
    bool busy() const { return pending_.has_value(); }
    QString error() const { return error_; }
    QString notice() const { return notice_; }

    Q_INVOKABLE void signIn(const QString& hubUrl, const QString& email, const QString& password);
    Q_INVOKABLE void redeemInvite(const QString& hubUrl, const QString& code, const QString& email, const QString& name,
                                  const QString& password, const QString& repeatPassword);
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void clearMessages();

    // "https://hub.example.org" from what was typed, or empty if it is not
    // an http(s) address.
    static QString normalisedHubUrl(const QString& typed);

Q_SIGNALS:
    void accountChanged();
    void busyChanged();
    void messageChanged();

private:
    void accountReported(const sync::HubAccount& account);
    void failed(sync::SyncWorker::Operation operation, const sync::SyncError& error);
    bool refuse(const QString& message);
    void setPending(std::optional<sync::SyncWorker::Operation> operation);

    sync::SyncWorker& sync_;
    sync::HubAccount account_;
    // The sign-in, join or sign-out waiting for its answer.
    std::optional<sync::SyncWorker::Operation> pending_;
    QString error_;
    QString notice_;
};

} // namespace spoke::ui
