// spoke-cli sync: one delivery + pull pass against the hub.

#include "Commands.h"
#include "HubCli.h"

#include <QDateTime>

#include <cstdio>

namespace spoke::cli {

int runSync(CliContext& context, const QStringList& arguments)
{
    QStringList args = arguments;
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    if (!args.isEmpty()) {
        CliContext::printError(QStringLiteral("sync takes only --json"));
        return kBadInput;
    }
    HubCli hub(context);
    const auto pass = hub.syncPass();
    if (!pass)
        return failWith(pass.error());
    const sync::PassReport& r = *pass;
    if (json) {
        CliContext::printJsonLine(toJson(r));
    } else {
        std::printf("sent %d, refused %d, failed %d; %d waiting to send (%d refused); pulled %d rows, cursor %lld\n",
                    r.delivery.sent, r.delivery.stopped, r.delivery.retrying, r.pending, r.stopped,
                    r.pull ? r.pull->rowsChanged : 0, static_cast<long long>(r.cursor));
    }
    if (!r.error.ok()) {
        CliContext::printError(QStringLiteral("%1%2; %3 waiting to send")
                                   .arg(sync::toString(r.error.kind),
                                        r.error.detail.isEmpty() ? QString() : QStringLiteral(": ") + r.error.detail)
                                   .arg(r.pending));
        return kFailed;
    }
    return kOk;
}

} // namespace spoke::cli
