#pragma once

#include "session/JanusMessage.h"
#include "session/SessionError.h"

#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace spoke::session {

// The result of one request: either the message that completed it or an error.
struct Outcome {
    std::optional<SessionError> error;
    JanusMessage message;

    bool ok() const { return !error.has_value(); }
};

using ReplyHandler = std::function<void(const Outcome&)>;

// When a request is finished. Keepalive and trickle are done once Janus acks
// them; plugin messages are acked first and answered by a later event.
enum class Completion { OnAck, OnResult };

// Matches Janus' answers to our requests by transaction id, and fails the ones
// that get no answer in time. Pure bookkeeping with an injected clock, so it
// is tested and fuzzed without a socket. Handlers run synchronously inside
// route()/expire()/failAll() and may start new requests.
//
// Not thread-safe: used only by the JanusConnection that owns it, on that
// connection's thread.
class TransactionTable {
public:
    // Registers a request; returns the transaction id to put in it.
    QString begin(const QString& requestName, Completion completion, qint64 deadlineMs, ReplyHandler handler);

    // Hands a message to the request it answers. Returns true when the message
    // carried one of our transactions (even if it only acked it).
    bool route(const JanusMessage& message);

    // Fails every request whose deadline is at or before nowMs.
    void expire(qint64 nowMs);

    // Fails every pending request with `error` (socket lost, connection closed).
    void failAll(const SessionError& error);

    int pendingCount() const { return static_cast<int>(pending_.size()); }
    bool isPending(const QString& transaction) const { return pending_.contains(transaction); }

private:
    struct Pending {
        QString requestName;
        Completion completion = Completion::OnResult;
        qint64 deadlineMs = 0;
        bool acked = false;
        ReplyHandler handler;
    };

    static Outcome outcomeOf(const JanusMessage& message);

    QHash<QString, Pending> pending_;
    quint64 counter_ = 0;
    QString prefix_;
};

} // namespace spoke::session
