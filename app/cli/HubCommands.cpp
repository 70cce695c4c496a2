// spoke-cli hub ...: join a hub with an invite, sign in and out, print the token.

#include "Commands.h"
#include "HubCli.h"

#include <QCommandLineParser>

#include <cstdio>

namespace spoke::cli {

namespace {

// Parses `args` for `command`; prints the problem and returns false on bad usage.
bool parse(QCommandLineParser& parser, const QString& command, const QStringList& args, qsizetype positionals)
{
    if (!parser.parse(QStringList{command} + args)) {
        CliContext::printError(parser.errorText());
        return false;
    }
    if (parser.positionalArguments().size() != positionals) {
        CliContext::printError(command + QStringLiteral(": wrong number of arguments"));
        return false;
    }
    return true;
}

// After joining or signing in: pull the programmes and sessions once, so
// they are there when the hub is out of reach later.
int finishSignIn(HubCli& hub, const sync::HubExpected<sync::HubAccount>& account)
{
    if (!account)
        return failWith(account.error());
    auto pass = hub.syncPass();
    QJsonObject out = toJson(hub.accounts().current());
    if (pass)
        out.insert(QStringLiteral("sync"), toJson(*pass));
    CliContext::printJsonLine(out);
    return kOk;
}

} // namespace

int runHubJoin(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("invite"), QStringLiteral("Invite code"), QStringLiteral("CODE")},
         {QStringLiteral("email"), QStringLiteral("Email"), QStringLiteral("EMAIL")},
         {QStringLiteral("name"), QStringLiteral("Name shown to others"), QStringLiteral("NAME")},
         {QStringLiteral("password-file"), QStringLiteral("File holding the password"), QStringLiteral("FILE")}});
    if (!parse(parser, QStringLiteral("hub join"), args, 1))
        return kBadInput;
    for (const char* required : {"invite", "email", "name", "password-file"}) {
        if (parser.value(QLatin1String(required)).isEmpty()) {
            CliContext::printError(QStringLiteral("hub join needs --%1").arg(QLatin1String(required)));
            return kBadInput;
        }
    }
    const auto password = readSecretFile(parser.value(QStringLiteral("password-file")));
    if (!password)
        return kBadInput;
    HubCli hub(context);
    return finishSignIn(hub, hub.accounts().redeemInvite(parser.positionalArguments().first(),
                                                         parser.value(QStringLiteral("invite")),
                                                         parser.value(QStringLiteral("email")),
                                                         parser.value(QStringLiteral("name")), *password));
}

int runHubLogin(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("email"), QStringLiteral("Email"), QStringLiteral("EMAIL")},
         {QStringLiteral("password-file"), QStringLiteral("File holding the password"), QStringLiteral("FILE")}});
    if (!parse(parser, QStringLiteral("hub login"), args, 1))
        return kBadInput;
    if (parser.value(QStringLiteral("email")).isEmpty() || parser.value(QStringLiteral("password-file")).isEmpty()) {
        CliContext::printError(QStringLiteral("hub login needs --email and --password-file"));
        return kBadInput;
    }
    const auto password = readSecretFile(parser.value(QStringLiteral("password-file")));
    if (!password)
        return kBadInput;
    HubCli hub(context);
    return finishSignIn(hub, hub.accounts().signIn(parser.positionalArguments().first(),
                                                   parser.value(QStringLiteral("email")), *password));
}

int runHubLogout(CliContext& context, const QStringList& args)
{
    if (!args.isEmpty()) {
        CliContext::printError(QStringLiteral("hub logout takes no arguments"));
        return kBadInput;
    }
    HubCli hub(context);
    CliContext::printJsonLine(toJson(hub.accounts().signOut()));
    return kOk;
}

int runHubToken(CliContext& context, const QStringList& args)
{
    if (!args.isEmpty()) {
        CliContext::printError(QStringLiteral("hub token takes no arguments"));
        return kBadInput;
    }
    HubCli hub(context);
    const auto token = hub.accounts().token();
    if (!token) {
        CliContext::printError(QStringLiteral("not signed in to a hub"));
        return kFailed;
    }
    std::printf("%s\n", qPrintable(*token));
    return kOk;
}

} // namespace spoke::cli
