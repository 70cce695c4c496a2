// TransactionTable: matching answers to requests, acks, errors and deadlines,
// driven by canned messages and an explicit clock.
#include "session/TransactionTable.h"

#include <catch2/catch.hpp>

#include <optional>
#include <vector>

using namespace spoke::session;

namespace {

JanusMessage message(JanusMessageType type, const QString& transaction)
{
    JanusMessage m;
    m.type = type;
    m.transaction = transaction;
    return m;
}

} // namespace

TEST_CASE("session: a plugin request survives its ack and completes on the event", "[session][transactions]")
{
    TransactionTable table;
    std::vector<Outcome> results;
    const QString id = table.begin(QStringLiteral("join"), Completion::OnResult, 1000,
                                   [&](const Outcome& outcome) { results.push_back(outcome); });
    CHECK(table.route(message(JanusMessageType::Ack, id)));
    CHECK(results.empty());
    CHECK(table.isPending(id));

    JanusMessage event = message(JanusMessageType::Event, id);
    event.pluginData.insert(QStringLiteral("videoroom"), QStringLiteral("joined"));
    CHECK(table.route(event));
    REQUIRE(results.size() == 1);
    CHECK(results[0].ok());
    CHECK(results[0].message.pluginData.value(QStringLiteral("videoroom")).toString() == QStringLiteral("joined"));
    CHECK(table.pendingCount() == 0);
    // A duplicate answer is not ours any more.
    CHECK_FALSE(table.route(event));
}

TEST_CASE("session: keepalive and trickle complete on the ack", "[session][transactions]")
{
    TransactionTable table;
    int done = 0;
    const QString id = table.begin(QStringLiteral("keepalive"), Completion::OnAck, 1000, [&](const Outcome& outcome) {
        CHECK(outcome.ok());
        ++done;
    });
    CHECK(table.route(message(JanusMessageType::Ack, id)));
    CHECK(done == 1);
}

TEST_CASE("session: errors are typed by where they come from", "[session][transactions]")
{
    TransactionTable table;
    std::optional<SessionError> coreError, goneError, pluginError;
    const QString a = table.begin(QStringLiteral("attach"), Completion::OnResult, 1000,
                                  [&](const Outcome& o) { coreError = o.error; });
    const QString b = table.begin(QStringLiteral("keepalive"), Completion::OnAck, 1000,
                                  [&](const Outcome& o) { goneError = o.error; });
    const QString c = table.begin(QStringLiteral("join"), Completion::OnResult, 1000,
                                  [&](const Outcome& o) { pluginError = o.error; });

    JanusMessage refused = message(JanusMessageType::Error, a);
    refused.errorCode = 460;
    refused.errorReason = QStringLiteral("No such plugin");
    table.route(refused);
    JanusMessage gone = message(JanusMessageType::Error, b);
    gone.errorCode = 458;
    table.route(gone);
    JanusMessage plugin = message(JanusMessageType::Event, c);
    plugin.pluginData.insert(QStringLiteral("error_code"), 426);
    plugin.errorCode = 426;
    plugin.errorReason = QStringLiteral("No such room (999)");
    table.route(plugin);

    REQUIRE(coreError);
    CHECK(coreError->kind == SessionErrorKind::JanusError);
    CHECK(coreError->code == 460);
    CHECK(coreError->describe().toStdString().find("No such plugin") != std::string::npos);
    REQUIRE(goneError);
    CHECK(goneError->kind == SessionErrorKind::SessionGone);
    REQUIRE(pluginError);
    CHECK(pluginError->kind == SessionErrorKind::PluginError);
    CHECK(pluginError->code == 426);
}

TEST_CASE("session: deadlines fail only overdue requests, saying what was late", "[session][transactions]")
{
    TransactionTable table;
    std::optional<SessionError> early, late;
    const QString first =
        table.begin(QStringLiteral("publish"), Completion::OnResult, 100, [&](const Outcome& o) { early = o.error; });
    table.begin(QStringLiteral("list"), Completion::OnResult, 500, [&](const Outcome& o) { late = o.error; });
    table.route(message(JanusMessageType::Ack, first));

    table.expire(99);
    CHECK_FALSE(early);
    table.expire(100);
    REQUIRE(early);
    CHECK(early->kind == SessionErrorKind::Timeout);
    CHECK(early->message.contains(QStringLiteral("accepted \"publish\"")));
    CHECK_FALSE(late);
    CHECK(table.pendingCount() == 1);
}

TEST_CASE("session: failAll fails everything and handlers may start new requests", "[session][transactions]")
{
    TransactionTable table;
    int failures = 0;
    QString restarted;
    for (int i = 0; i < 3; ++i) {
        table.begin(QStringLiteral("r"), Completion::OnResult, 1000, [&](const Outcome& o) {
            CHECK(o.error->kind == SessionErrorKind::ConnectionLost);
            ++failures;
            if (restarted.isEmpty())
                restarted = table.begin(QStringLiteral("again"), Completion::OnAck, 2000, [](const Outcome&) {});
        });
    }
    table.failAll({SessionErrorKind::ConnectionLost, 0, QStringLiteral("socket closed")});
    CHECK(failures == 3);
    CHECK(table.pendingCount() == 1);
    CHECK(table.isPending(restarted));
}

TEST_CASE("session: transaction ids are unique and unknown ones are not routed", "[session][transactions]")
{
    TransactionTable table;
    const QString a = table.begin(QStringLiteral("a"), Completion::OnAck, 10, [](const Outcome&) {});
    const QString b = table.begin(QStringLiteral("b"), Completion::OnAck, 10, [](const Outcome&) {});
    CHECK(a != b);
    CHECK_FALSE(table.route(message(JanusMessageType::Ack, QStringLiteral("someone-else"))));
    CHECK_FALSE(table.route(message(JanusMessageType::Event, QString())));
    CHECK(table.pendingCount() == 2);
}
