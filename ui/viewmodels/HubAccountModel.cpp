#include "viewmodels/HubAccountModel.h"

#include "viewmodels/HubWording.h"

#include <QUrl>

namespace spoke::ui {

using Operation = sync::SyncWorker::Operation;

HubAccountModel::HubAccountModel(sync::SyncWorker& sync, QObject* parent)
    : QObject(parent)
    , sync_(sync)
    , account_(sync.account())
{
    connect(&sync_, &sync::SyncWorker::accountChanged, this, &HubAccountModel::accountReported);
    connect(&sync_, &sync::SyncWorker::operationFailed, this, &HubAccountModel::failed);
}

QVariantList HubAccountModel::memberships() const
{
    QVariantList list;
    if (!account_.signedIn)
        return list;
    for (const sync::HubMembership& m : account_.memberships)
        list.append(QVariantMap{{QStringLiteral("programme"), m.programme.name},
                                {QStringLiteral("kind"), m.programme.kind},
                                {QStringLiteral("role"), HubWording::hubRoleLabel(m.role)}});
    return list;
}

bool HubAccountModel::canReview() const
{
    return account_.signedIn
           && (account_.hasRole(sync::HubRole::Specialist) || account_.hasRole(sync::HubRole::Coordinator));
}

QString HubAccountModel::normalisedHubUrl(const QString& typed)
{
    QString text = typed.trimmed();
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    const QUrl url(text, QUrl::StrictMode);
    const bool http = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    if (!url.isValid() || !http || url.host().isEmpty() || !url.query().isEmpty() || !url.fragment().isEmpty())
        return {};
    return text;
}

bool HubAccountModel::refuse(const QString& message)
{
    error_ = message;
    notice_.clear();
    Q_EMIT messageChanged();
    return false;
}

void HubAccountModel::setPending(std::optional<Operation> operation)
{
    const bool wasBusy = busy();
    pending_ = operation;
    if (busy() != wasBusy)
        Q_EMIT busyChanged();
}

void HubAccountModel::clearMessages()
{
    error_.clear();
    notice_.clear();
    Q_EMIT messageChanged();
}

void HubAccountModel::signIn(const QString& hubUrl, const QString& email, const QString& password)
{
    const QString url = normalisedHubUrl(hubUrl);
    if (url.isEmpty())
        return void(refuse(tr("The hub address must start with https:// (or http:// on a local network).")));
    if (!email.contains(QLatin1Char('@')))
        return void(refuse(tr("Enter the email address your hub account uses.")));
    if (password.isEmpty())
        return void(refuse(tr("Enter your password.")));
    clearMessages();
    setPending(Operation::SignIn);
    sync_.signIn(url, email.trimmed(), password);
}

void HubAccountModel::redeemInvite(const QString& hubUrl, const QString& code, const QString& email,
                                   const QString& name, const QString& password, const QString& repeatPassword)
{
    const QString url = normalisedHubUrl(hubUrl);
    if (url.isEmpty())
        return void(refuse(tr("The hub address must start with https:// (or http:// on a local network).")));
    if (code.trimmed().isEmpty())
        return void(refuse(tr("Enter the invite code your coordinator sent you.")));
    if (!email.contains(QLatin1Char('@')))
        return void(refuse(tr("Enter your email address.")));
    if (name.trimmed().isEmpty())
        return void(refuse(tr("Enter your name as colleagues should see it.")));
    if (password.size() < kMinPasswordLength)
        return void(refuse(tr("The password needs at least %n characters.", "", kMinPasswordLength)));
    if (password != repeatPassword)
        return void(refuse(tr("The two passwords are not the same.")));
    clearMessages();
    setPending(Operation::RedeemInvite);
    sync_.redeemInvite(url, code.trimmed(), email.trimmed(), name.trimmed(), password);
}

void HubAccountModel::signOut()
{
    clearMessages();
    setPending(Operation::SignOut);
    sync_.signOut();
}

void HubAccountModel::accountReported(const sync::HubAccount& account)
{
    const bool wasSignedIn = account_.signedIn;
    account_ = account;
    // Reports also come unasked (at start, when the hub drops the token);
    // only the awaited outcome answers a pending sign-in or sign-out.
    const bool answered = pending_ && (*pending_ == Operation::SignOut) != account.signedIn;
    if (answered) {
        notice_ = account.signedIn ? tr("Signed in to %1 as %2.").arg(account.hubUrl, account.email)
                                   : tr("Signed out. Cases and sessions stay on this laptop.");
        error_.clear();
        Q_EMIT messageChanged();
        setPending(std::nullopt);
    } else if (wasSignedIn && !account.signedIn && !pending_) {
        error_ = tr("The hub no longer accepts this laptop's sign-in. Sign in again.");
        notice_.clear();
        Q_EMIT messageChanged();
    }
    Q_EMIT accountChanged();
}

void HubAccountModel::failed(Operation operation, const sync::SyncError& error)
{
    if (!pending_ || operation != *pending_)
        return;
    setPending(std::nullopt);
    refuse(HubWording::describeSyncError(error, operation));
}

} // namespace spoke::ui
