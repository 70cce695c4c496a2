// libFuzzer target: every byte sequence Janus (or something pretending to be
// it) could send on the WebSocket goes through the same path as in
// JanusConnection::onText: parse, route to a pending transaction, feed the
// plugin data to RoomState. Must never crash, hang or leak.
#include "session/JanusMessage.h"
#include "session/RoomState.h"
#include "session/TransactionTable.h"

#include <cstddef>
#include <cstdint>
#include <variant>

using namespace spoke::session;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto parsed = parseJanusMessage(text);
    if (std::holds_alternative<ParseFailure>(parsed))
        return 0;
    JanusMessage message = std::get<JanusMessage>(parsed);

    // Route it as the answer to a pending request of each completion kind.
    TransactionTable table;
    int answered = 0;
    const QString onResult = table.begin(QStringLiteral("join"), Completion::OnResult, 10,
                                         [&](const Outcome& outcome) { answered += outcome.ok() ? 1 : 2; });
    const QString onAck = table.begin(QStringLiteral("keepalive"), Completion::OnAck, 20,
                                      [&](const Outcome& outcome) { answered += outcome.ok() ? 1 : 2; });
    table.route(message);
    message.transaction = onResult;
    table.route(message);
    message.transaction = onAck;
    table.route(message);
    table.expire(15);
    table.failAll({SessionErrorKind::ConnectionLost, 0, QStringLiteral("fuzz")});

    RoomState room;
    room.apply(message.pluginData);
    room.apply(message.data);
    room.apply(message.raw);
    static_cast<void>(answered);
    return 0;
}
