#include "HubTestDatabases.h"

#include "hub/admin/Admin.h"
#include "hub/identity/Identity.h"
#include "hub/identity/Passwords.h"
#include "hub/identity/Tokens.h"

#include <QElapsedTimer>

#include <thread>

using namespace spoke::hub;
using spoke::Expected;
using spoke::test::HubTestDatabase;
using spoke::test::kTestNowMs;
using Code = IdentityError::Code;

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
QString goodPassword()
{
    return QStringLiteral("correct horse battery");
}

struct Hub {
    std::unique_ptr<HubDatabase> db;
    std::int64_t programme = 0;

    explicit Hub(const HubTestDatabase& database) : db(database.open())
    {
        programme = *Admin(*db).addProgramme(QStringLiteral("HIV Lusaka"), ProgrammeKind::Hiv, kTestNowMs);
    }

    QString invite(Role role, std::int64_t nowMs = kTestNowMs)
    {
        return Admin(*db).inviteMember(programme, role, nowMs)->code;
    }
};

} // namespace

TEST_CASE("hub identity: Argon2id hashes verify the right password and only that", "[hub][identity]")
{
    const QString hash = Passwords::hash(goodPassword());
    CHECK(hash.startsWith(QStringLiteral("$argon2id$")));
    CHECK(Passwords::verify(hash, goodPassword()));
    CHECK_FALSE(Passwords::verify(hash, QStringLiteral("correct horse battery ")));
    CHECK_FALSE(Passwords::verify(QStringLiteral("not a hash"), goodPassword()));
    CHECK_FALSE(Passwords::verify(QString(), goodPassword()));
    CHECK(Passwords::hash(goodPassword()) != hash); // salted
}

TEST_CASE("hub identity: roles and programme kinds have one spelling each way", "[hub][identity]")
{
    for (Role role : kAllRoles)
        CHECK(roleFromString(QString::fromLatin1(toString(role))) == role);
    for (ProgrammeKind kind : kAllProgrammeKinds)
        CHECK(programmeKindFromString(QString::fromLatin1(toString(kind))) == kind);
    CHECK_FALSE(roleFromString(u"Coordinator"));
    CHECK_FALSE(roleFromString(u"admin"));
    CHECK_FALSE(programmeKindFromString(u"flu"));
    CHECK(canReview(Role::Specialist));
    CHECK(canReview(Role::Coordinator));
    CHECK_FALSE(canReview(Role::Clinician));
    CHECK_FALSE(canReview(Role::Trainee));
}

HUB_TEST_ON_BOTH_DATABASES(tokensExpireAndRevoke, "hub identity: tokens live 30 days and die when revoked",
                           "[hub][identity]")
{
    Hub hub(database);
    const std::int64_t account =
        hub.db->insert(QStringLiteral("INSERT INTO accounts (email, display_name, password_hash, "
                                      "created_ms) VALUES ('a@b.org', 'A', 'x', 0)"));
    Tokens tokens(*hub.db);
    const IssuedToken issued = tokens.issue(account, kTestNowMs);
    CHECK(issued.token.size() == 43);
    CHECK(Tokens::looksLikeToken(issued.token));
    CHECK(issued.tokenHash == sha256Hex(issued.token));
    CHECK(issued.expiresMs == kTestNowMs + 30 * kDayMs);
    // Only the hash is stored.
    CHECK_FALSE(hub.db->queryOne(QStringLiteral("SELECT 1 FROM tokens WHERE token_hash = ?"), {issued.token}));

    CHECK(tokens.authenticate(issued.token, kTestNowMs) == account);
    CHECK(tokens.authenticate(issued.token, issued.expiresMs - 1) == account);
    CHECK_FALSE(tokens.authenticate(issued.token, issued.expiresMs));
    CHECK_FALSE(tokens.authenticate(QStringLiteral("short"), kTestNowMs));
    CHECK_FALSE(tokens.authenticate(QString(issued.token).replace(0, 1, QLatin1Char('+')), kTestNowMs));

    CHECK(tokens.revoke(issued.tokenHash, kTestNowMs + 1));
    CHECK_FALSE(tokens.authenticate(issued.token, kTestNowMs + 2));
    CHECK_FALSE(tokens.revoke(issued.tokenHash, kTestNowMs + 3));
    CHECK(tokens.issue(account, kTestNowMs).token != issued.token);
}

HUB_TEST_ON_BOTH_DATABASES(redeemsInvites,
                           "hub identity: an invite is redeemed once, before it expires, into a "
                           "membership with its role",
                           "[hub][identity]")
{
    Hub hub(database);
    Identity identity(*hub.db);
    const QString code = hub.invite(Role::Clinician);
    CHECK(code.size() == 26 + 6); // 26 base32 characters in groups of four

    // Typed in lower case with spaces, as people do.
    const auto signedIn = identity.redeemInvite(code.toLower().replace(QLatin1Char('-'), QLatin1Char(' ')),
                                                QStringLiteral("  Ana.Banda@Clinic.ORG "),
                                                QStringLiteral(" Ana Banda "), goodPassword(), kTestNowMs);
    REQUIRE(signedIn.ok());
    CHECK(signedIn->account.email == QStringLiteral("ana.banda@clinic.org"));
    CHECK(signedIn->account.displayName == QStringLiteral("Ana Banda"));
    CHECK(signedIn->expiresMs == kTestNowMs + kTokenLifetimeMs);

    const std::optional<Principal> principal =
        identity.authenticate(QStringLiteral("Bearer ") + signedIn->token, kTestNowMs);
    REQUIRE(principal);
    CHECK(principal->accountId == signedIn->account.id);
    CHECK(principal->tokenHash == sha256Hex(signedIn->token));
    REQUIRE(principal->memberships.size() == 1);
    CHECK(principal->memberships[0].programmeName == QStringLiteral("HIV Lusaka"));
    CHECK(principal->memberships[0].kind == ProgrammeKind::Hiv);
    CHECK(principal->roleIn(hub.programme) == Role::Clinician);
    CHECK_FALSE(principal->roleIn(hub.programme + 1));

    const auto again = identity.redeemInvite(code, QStringLiteral("other@clinic.org"), QStringLiteral("Other"),
                                             goodPassword(), kTestNowMs);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == Code::Conflict);

    const QString late = hub.invite(Role::Trainee);
    const auto expired = identity.redeemInvite(late, QStringLiteral("late@clinic.org"), QStringLiteral("Late"),
                                               goodPassword(), kTestNowMs + Admin::kInviteLifetimeMs);
    REQUIRE_FALSE(expired.ok());
    CHECK(expired.error().code == Code::Conflict);
    CHECK(expired.error().message.contains(QStringLiteral("expired")));
    CHECK(identity
              .redeemInvite(late, QStringLiteral("late@clinic.org"), QStringLiteral("Late"), goodPassword(),
                            kTestNowMs + Admin::kInviteLifetimeMs - 1)
              .ok());

    const auto unknown = identity.redeemInvite(QStringLiteral("AAAA-BBBB"), QStringLiteral("x@clinic.org"),
                                               QStringLiteral("X"), goodPassword(), kTestNowMs);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == Code::NotFound);
}

HUB_TEST_ON_BOTH_DATABASES(redeemChecksInput,
                           "hub identity: redeem refuses a short password, an empty name, a bad "
                           "email, and someone else's email",
                           "[hub][identity]")
{
    Hub hub(database);
    Identity identity(*hub.db);
    const QString code = hub.invite(Role::Specialist);
    const auto refused = [&](const QString& email, const QString& name, const QString& password) {
        const auto result = identity.redeemInvite(code, email, name, password, kTestNowMs);
        REQUIRE_FALSE(result.ok());
        return result.error();
    };
    const IdentityError shortPassword =
        refused(QStringLiteral("a@b.org"), QStringLiteral("A"), QStringLiteral("123456789"));
    CHECK(shortPassword.code == Code::BadRequest);
    CHECK(shortPassword.message.contains(QStringLiteral("password")));
    CHECK(refused(QStringLiteral("a@b.org"), QStringLiteral("   "), goodPassword())
              .message.contains(QStringLiteral("name")));
    CHECK(refused(QStringLiteral("not-an-email"), QStringLiteral("A"), goodPassword())
              .message.contains(QStringLiteral("email")));
    CHECK(refused(QStringLiteral("a b@c.org"), QStringLiteral("A"), goodPassword()).code == Code::BadRequest);
    // Ten characters counted as characters, not bytes: ten Amharic letters pass.
    CHECK(identity
              .redeemInvite(code, QStringLiteral("abebe@clinic.org"), QStringLiteral("Abebe"),
                            QStringLiteral("ሀለሐመሠረሰሸቀበ"), kTestNowMs)
              .ok());

    // The code was not spent by any refusal before it; now it is.
    const QString second = hub.invite(Role::Clinician);
    const auto taken = identity.redeemInvite(second, QStringLiteral("ABEBE@clinic.org"), QStringLiteral("Impostor"),
                                             QStringLiteral("another password"), kTestNowMs);
    REQUIRE_FALSE(taken.ok());
    CHECK(taken.error().code == Code::Conflict);
    CHECK(hub.db
              ->queryOne(QStringLiteral("SELECT redeemed_by FROM invites WHERE code_hash = ?"),
                         {sha256Hex(Identity::normalizeInviteCode(second))})
              ->isNull(0));
}

HUB_TEST_ON_BOTH_DATABASES(existingAccountJoins,
                           "hub identity: an existing account joins a second programme with its "
                           "own password, once",
                           "[hub][identity]")
{
    Hub hub(database);
    Identity identity(*hub.db);
    const auto first = identity.redeemInvite(hub.invite(Role::Clinician), QStringLiteral("ana@clinic.org"),
                                             QStringLiteral("Ana"), goodPassword(), kTestNowMs);
    REQUIRE(first.ok());
    const std::int64_t tb = *Admin(*hub.db).addProgramme(QStringLiteral("TB Kampala"), ProgrammeKind::Tb, kTestNowMs);
    const QString tbCode = Admin(*hub.db).inviteMember(tb, Role::Specialist, kTestNowMs)->code;
    const auto joined = identity.redeemInvite(tbCode, QStringLiteral("ANA@clinic.org"), QStringLiteral("ignored"),
                                              goodPassword(), kTestNowMs);
    REQUIRE(joined.ok());
    CHECK(joined->account.id == first->account.id);
    CHECK(joined->account.displayName == QStringLiteral("Ana"));
    const auto principal = identity.authenticate(joined->token, kTestNowMs);
    REQUIRE(principal);
    CHECK(principal->memberships.size() == 2);
    CHECK(principal->roleIn(hub.programme) == Role::Clinician);
    CHECK(principal->roleIn(tb) == Role::Specialist);

    const auto twice = identity.redeemInvite(hub.invite(Role::Coordinator), QStringLiteral("ana@clinic.org"),
                                             QStringLiteral("Ana"), goodPassword(), kTestNowMs);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == Code::Conflict);
    CHECK(twice.error().message.contains(QStringLiteral("already a member")));
}

HUB_TEST_ON_BOTH_DATABASES(logsInAndOut,
                           "hub identity: login answers alike for an unknown email and a wrong "
                           "password; logout revokes",
                           "[hub][identity]")
{
    Hub hub(database);
    Identity identity(*hub.db);
    REQUIRE(identity
                .redeemInvite(hub.invite(Role::Clinician), QStringLiteral("ana@clinic.org"), QStringLiteral("Ana"),
                              goodPassword(), kTestNowMs)
                .ok());

    const auto signedIn = identity.login(QStringLiteral(" ANA@clinic.org"), goodPassword(), kTestNowMs);
    REQUIRE(signedIn.ok());
    CHECK(signedIn->account.email == QStringLiteral("ana@clinic.org"));

    QElapsedTimer timer;
    timer.start();
    const auto wrongPassword =
        identity.login(QStringLiteral("ana@clinic.org"), QStringLiteral("wrong password!"), kTestNowMs);
    const qint64 wrongPasswordNs = timer.nsecsElapsed();
    timer.restart();
    const auto unknownEmail = identity.login(QStringLiteral("nobody@clinic.org"), goodPassword(), kTestNowMs);
    const qint64 unknownEmailNs = timer.nsecsElapsed();
    REQUIRE_FALSE(wrongPassword.ok());
    REQUIRE_FALSE(unknownEmail.ok());
    CHECK(wrongPassword.error().code == Code::Unauthenticated);
    CHECK(unknownEmail.error().code == Code::Unauthenticated);
    CHECK(wrongPassword.error().message == unknownEmail.error().message);
    // Both spent one Argon2 verification (tens of ms); without the decoy an
    // unknown email would answer in well under a millisecond.
    INFO("wrong password " << wrongPasswordNs / 1000 << " us, unknown email " << unknownEmailNs / 1000 << " us");
    CHECK(unknownEmailNs > wrongPasswordNs / 3);

    const auto principal = identity.authenticate(signedIn->token, kTestNowMs);
    REQUIRE(principal);
    CHECK(identity.logout(principal->tokenHash, kTestNowMs + 1).ok());
    CHECK_FALSE(identity.authenticate(signedIn->token, kTestNowMs + 2));
    const auto again = identity.logout(principal->tokenHash, kTestNowMs + 3);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == Code::Unauthenticated);
    CHECK_FALSE(identity.authenticate(QString(), kTestNowMs));
    CHECK_FALSE(identity.authenticate(QStringLiteral("Bearer "), kTestNowMs));
}

HUB_TEST_ON_BOTH_DATABASES(redeemRace,
                           "hub identity: two people redeeming one invite at once: one joins, the other "
                           "gets a conflict and leaves no account behind",
                           "[hub][identity]")
{
    Hub hub(database);
    const QString code = hub.invite(Role::Clinician);
    // Each thread has its own connection, as each hub instance would; the
    // results are checked here, because Catch's assertions are not thread-safe.
    std::optional<Expected<SignedIn, IdentityError>> results[2];
    const auto redeem = [&](int who) {
        auto db = database.open();
        results[who] = Identity(*db).redeemInvite(code, QStringLiteral("person%1@clinic.org").arg(who),
                                                  QStringLiteral("Person %1").arg(who), goodPassword(), kTestNowMs);
    };
    std::thread first(redeem, 0);
    std::thread second(redeem, 1);
    first.join();
    second.join();
    REQUIRE(results[0]);
    REQUIRE(results[1]);
    CHECK(results[0]->ok() != results[1]->ok());
    const auto& loser = results[0]->ok() ? *results[1] : *results[0];
    REQUIRE_FALSE(loser.ok());
    CHECK(loser.error().code == Code::Conflict);
    CHECK(hub.db->queryOne(QStringLiteral("SELECT COUNT(*) FROM accounts"))->integer(0) == 1);
    CHECK(hub.db->queryOne(QStringLiteral("SELECT COUNT(*) FROM memberships"))->integer(0) == 1);
}
