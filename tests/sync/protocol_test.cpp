// The hub's answers are untrusted input: parsers accept the contract's
// shapes (docs/hub-api.md "Objects") and turn anything else into a
// BadResponse that names the field, never an exception or a half-read row.

#include "sync/HubClient.h"
#include "sync/HubProtocol.h"

#include <catch2/catch.hpp>

using namespace spoke::sync;

namespace {

const QByteArray kSync = R"({
  "cursor": 42,
  "programmes": [{"id": 3, "name": "TB ECHO", "kind": "tb"}],
  "sessions": [{"id": 7, "programme_id": 3, "title": "Week 9", "starts_ms": 1796900000000, "minutes": 90, "room": 100007}],
  "cases": [{"id": 11, "programme_id": 3, "case_code": "ECHO-TB-X101", "title": "Smear-positive", "status": "scheduled",
             "session_id": 7, "question": null, "submitted_ms": 1, "updated_ms": 2, "mine": true}],
  "recommendations": [{"id": 5, "case_id": 11, "author": {"id": 2, "name": "Dr Otieno"}, "items": ["Repeat smear"],
                       "text": "Extend the intensive phase.", "created_ms": 3}],
  "attendance": [{"session_id": 7, "account_id": 1, "registered_ms": 4, "joined_ms": null, "left_ms": null}]
})";

QByteArray replaced(const char* from, const char* to)
{
    QByteArray copy = kSync;
    REQUIRE(copy.contains(from));
    return copy.replace(from, to);
}

} // namespace

TEST_CASE("A sync answer in the contract's shape is read whole", "[sync][protocol]")
{
    const auto rows = parseSyncAnswer(kSync);
    REQUIRE(rows.ok());
    CHECK(rows->cursor == 42);
    REQUIRE(rows->programmes.size() == 1);
    CHECK(rows->programmes[0].kind == "tb");
    REQUIRE(rows->sessions.size() == 1);
    CHECK(rows->sessions[0].room == 100007);
    REQUIRE(rows->cases.size() == 1);
    CHECK(rows->cases[0].status == "scheduled");
    CHECK(rows->cases[0].sessionHubId == 7);
    CHECK(rows->cases[0].question.empty());
    CHECK(rows->cases[0].mine);
    REQUIRE(rows->recommendations.size() == 1);
    CHECK(rows->recommendations[0].authorName == "Dr Otieno");
    CHECK(rows->recommendations[0].items == std::vector<std::string>{"Repeat smear"});
    REQUIRE(rows->attendance.size() == 1);
    CHECK_FALSE(rows->attendance[0].joinedMs.has_value());
}

TEST_CASE("Garbage in a sync answer is a BadResponse naming the field", "[sync][protocol]")
{
    struct Bad {
        QByteArray body;
        const char* field;
    };
    const std::vector<Bad> bad{
        {"", "not JSON"},
        {"\x00\xff\xfe", "not JSON"},
        {"[1,2,3]", "not a JSON object"},
        {"{\"cursor\": 1}", "sync.programmes"},
        {replaced("\"cursor\": 42", "\"cursor\": -1"), "sync.cursor"},
        {replaced("\"cursor\": 42", "\"cursor\": 4.5"), "sync.cursor"},
        {replaced("\"cursor\": 42", "\"cursor\": 1e300"), "sync.cursor"},
        {replaced("\"cursor\": 42", "\"cursor\": \"42\""), "sync.cursor"},
        {replaced("\"status\": \"scheduled\"", "\"status\": \"deleted\""), "sync.cases[0].status"},
        {replaced("\"id\": 11", "\"id\": 0"), "sync.cases[0].id"},
        {replaced("[\"Repeat smear\"]", "[\"Repeat smear\", 3]"), "sync.recommendations[0].items"},
        {replaced("\"author\": {\"id\": 2, \"name\": \"Dr Otieno\"}", "\"author\": \"Dr Otieno\""),
         "sync.recommendations[0].author"},
        {replaced("\"sessions\": [{", "\"sessions\": [7, {"), "sync.sessions[0]"},
        {replaced("\"mine\": true", "\"mine\": \"yes\""), "sync.cases[0].mine"},
    };
    for (const Bad& b : bad) {
        const auto rows = parseSyncAnswer(b.body);
        INFO(b.body.left(80).toStdString());
        REQUIRE_FALSE(rows.ok());
        CHECK(rows.error().kind == SyncErrorKind::BadResponse);
        CHECK(rows.error().detail.contains(QLatin1String(b.field)));
    }
}

TEST_CASE("Sign-in, me, case and queue answers are checked as strictly", "[sync][protocol]")
{
    const auto auth =
        parseAuthAnswer(R"({"token":"abc","expires_ms":5,"account":{"id":1,"email":"a@b.c","name":"A"}})");
    REQUIRE(auth.ok());
    CHECK(auth->token == "abc");
    CHECK_FALSE(parseAuthAnswer(R"({"token":"","expires_ms":5,"account":{"id":1,"email":"a","name":"A"}})").ok());
    CHECK_FALSE(parseAuthAnswer(R"({"token":"abc","expires_ms":5})").ok());

    const auto me = parseMeAnswer(
        R"({"account":{"id":1,"email":"a@b.c","name":"A"},"memberships":[{"programme":{"id":3,"name":"TB","kind":"tb"},"role":"specialist"}]})");
    REQUIRE(me.ok());
    REQUIRE(me->memberships.size() == 1);
    CHECK(me->memberships[0].role == HubRole::Specialist);
    CHECK_FALSE(
        parseMeAnswer(
            R"({"account":{"id":1,"email":"a","name":"A"},"memberships":[{"programme":{"id":3,"name":"TB","kind":"tb"},"role":"admin"}]})")
            .ok());

    const auto detail = parseCaseAnswer(
        R"({"case":{"id":11,"programme_id":3,"case_code":"C","title":"T","status":"returned","session_id":null,"question":"Which regimen?","submitted_ms":1,"updated_ms":2,"mine":false,"body":{"case_id":"C"},"recommendations":[]}})");
    REQUIRE(detail.ok());
    CHECK(detail->summary.status == HubCaseStatus::Returned);
    CHECK(detail->summary.question == "Which regimen?");
    CHECK(detail->document.value("case_id").toString() == "C");
    CHECK_FALSE(parseCaseAnswer(R"({"case":[]})").ok());
    CHECK_FALSE(parseQueueAnswer(R"({"cases":{}})").ok());
    CHECK(parseQueueAnswer(R"({"cases":[]})").ok());
}

TEST_CASE("HTTP answers map to typed errors and only network trouble, 408, 429 and 5xx are retried", "[sync][protocol]")
{
    const auto kindOf = [](int status, const QByteArray& body = {}) { return errorForReply({status, body}); };
    CHECK(kindOf(401).kind == SyncErrorKind::Unauthenticated);
    CHECK(kindOf(403).kind == SyncErrorKind::Forbidden);
    CHECK(kindOf(409, R"({"error":{"code":"conflict","message":"x"}})").hubCode == "conflict");
    CHECK(kindOf(422, R"({"error":{"code":"findings"},"findings":[]})").kind == SyncErrorKind::Findings);
    CHECK(kindOf(422, R"({"error":{"code":"invalid_case"},"problems":[]})").kind == SyncErrorKind::InvalidCase);
    CHECK(kindOf(503).kind == SyncErrorKind::Unavailable);
    CHECK(kindOf(500, "not json").kind == SyncErrorKind::ServerError);
    CHECK(kindOf(503).isTransient());
    CHECK(kindOf(500).isTransient());
    CHECK(kindOf(408).isTransient());
    CHECK(kindOf(429).isTransient());
    CHECK_FALSE(kindOf(400).isTransient());
    CHECK_FALSE(kindOf(404).isTransient());
    CHECK_FALSE(kindOf(422).isTransient());
}

TEST_CASE("Findings from the hub keep their span and category and skip malformed entries", "[sync][protocol]")
{
    const auto findings = findingsOf(R"({"error":{"code":"findings"},"findings":[
        {"path":"narrative","start":4,"end":9,"category":"A","reason":"a name"},
        {"path":"narrative","start":"x","end":9,"category":"A"},
        {"path":"narrative","start":1,"end":2,"category":"Z"}]})");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].path == "narrative");
    CHECK(findings[0].start == 4);
    CHECK(findings[0].category == 'A');
    CHECK(findings[0].text.isEmpty());
}

TEST_CASE("Hub addresses are http(s) with a host, without a trailing slash", "[sync][protocol]")
{
    CHECK(normaliseHubUrl("https://hub.example.org/").toString() == "https://hub.example.org");
    CHECK(normaliseHubUrl(" http://127.0.0.1:8080 ").toString() == "http://127.0.0.1:8080");
    CHECK(normaliseHubUrl("ftp://hub.example.org").isEmpty());
    CHECK(normaliseHubUrl("hub.example.org").isEmpty());
    CHECK(normaliseHubUrl("").isEmpty());
}
