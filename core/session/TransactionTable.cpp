#include "session/TransactionTable.h"

#include <QRandomGenerator>

#include <utility>
#include <vector>

namespace spoke::session {

namespace {
// Janus' "session not found": the server forgot us (timeout, restart).
constexpr int kJanusErrorSessionNotFound = 458;
} // namespace

QString TransactionTable::begin(const QString& requestName, Completion completion, qint64 deadlineMs,
                                ReplyHandler handler)
{
    // A random prefix per table keeps ids unique across reconnects, so a late
    // answer meant for an old socket can never complete a new request.
    if (prefix_.isEmpty())
        prefix_ = QString::number(QRandomGenerator::global()->generate64(), 36);
    const QString transaction = prefix_ + QLatin1Char('-') + QString::number(++counter_);
    pending_.insert(transaction, Pending{requestName, completion, deadlineMs, false, std::move(handler)});
    return transaction;
}

Outcome TransactionTable::outcomeOf(const JanusMessage& message)
{
    Outcome outcome;
    outcome.message = message;
    if (message.type == JanusMessageType::Error) {
        const auto kind = message.errorCode == kJanusErrorSessionNotFound ? SessionErrorKind::SessionGone
                                                                          : SessionErrorKind::JanusError;
        outcome.error = SessionError{kind, message.errorCode, message.errorReason};
    } else if (message.hasPluginError()) {
        outcome.error = SessionError{SessionErrorKind::PluginError, message.errorCode, message.errorReason};
    }
    return outcome;
}

bool TransactionTable::route(const JanusMessage& message)
{
    if (message.transaction.isEmpty())
        return false;
    auto it = pending_.find(message.transaction);
    if (it == pending_.end())
        return false;

    if (message.type == JanusMessageType::Ack && it->completion == Completion::OnResult) {
        it->acked = true;
        return true;
    }
    // Take the entry out before calling back: the handler may start requests.
    Pending done = std::move(*it);
    pending_.erase(it);
    done.handler(outcomeOf(message));
    return true;
}

void TransactionTable::expire(qint64 nowMs)
{
    std::vector<std::pair<QString, Pending>> overdue;
    for (auto it = pending_.begin(); it != pending_.end();) {
        if (it->deadlineMs <= nowMs) {
            overdue.emplace_back(it.key(), std::move(*it));
            it = pending_.erase(it);
        } else {
            ++it;
        }
    }
    for (auto& [transaction, request] : overdue) {
        Outcome outcome;
        const QString stage = request.acked ? QStringLiteral("accepted \"%1\" but sent no result")
                                            : QStringLiteral("did not answer \"%1\"");
        outcome.error = SessionError{SessionErrorKind::Timeout, 0,
                                     QStringLiteral("the media server ") + stage.arg(request.requestName)
                                         + QStringLiteral(" in time")};
        outcome.message.transaction = transaction;
        request.handler(outcome);
    }
}

void TransactionTable::failAll(const SessionError& error)
{
    auto failed = std::exchange(pending_, {});
    for (auto it = failed.begin(); it != failed.end(); ++it) {
        Outcome outcome;
        outcome.error = error;
        outcome.error->message = QStringLiteral("\"%1\": %2").arg(it->requestName, error.message);
        outcome.message.transaction = it.key();
        it->handler(outcome);
    }
}

} // namespace spoke::session
