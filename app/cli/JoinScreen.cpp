#include "JoinScreen.h"

#include "media/devices/DeviceRegistry.h"

#include <QRegularExpression>
#include <QTimer>

namespace spoke::cli {

std::variant<ScreenShareRequest, QString> parseScreenShareValue(const QString& value)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(test-text|screen|window:(0x[0-9a-fA-F]+|[0-9]+))(@([0-9]+))?$"));
    const auto match = pattern.match(value);
    if (!match.hasMatch())
        return QStringLiteral("--share-screen takes test-text, screen or window:ID, optionally @SECONDS (e.g. "
                              "test-text@5), not \"%1\"")
            .arg(value);
    ScreenShareRequest request;
    const QString source = match.captured(1);
    if (source == QLatin1String("test-text")) {
        request.deviceId = "synthetic:text-pattern";
    } else if (source == QLatin1String("screen")) {
        // This computer's X screen; without one the share says so and sends
        // the test pattern, as a missing camera does.
        const std::string id = media::DeviceRegistry().firstReal(media::DeviceKind::Screen);
        request.deviceId = id.empty() ? "missing:screen" : id;
    } else {
        request.deviceId = "x11grab:window:" + match.captured(2).toStdString();
    }
    if (!match.captured(4).isEmpty()) {
        bool ok = false;
        request.startAfterS = match.captured(4).toInt(&ok);
        if (!ok || request.startAfterS > 24 * 3600)
            return QStringLiteral("--share-screen starts at most a day into the call");
    }
    return request;
}

void addScreenShareOptions(QCommandLineParser& parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("share-screen"), QStringLiteral("share-screen"),
                                        QStringLiteral("SOURCE[@S]")));
    parser.addOption(QCommandLineOption(QStringLiteral("share-screen-bitrate"), QStringLiteral("share-screen-bitrate"),
                                        QStringLiteral("BPS"), QStringLiteral("150000")));
}

std::optional<QString> parseScreenShare(const QCommandLineParser& parser, call::CallOptions& options,
                                        std::optional<ScreenShareRequest>& request)
{
    bool ok = false;
    const int bitrateBps = parser.value(QStringLiteral("share-screen-bitrate")).toInt(&ok);
    if (!ok || bitrateBps < 30'000 || bitrateBps > 5'000'000)
        return QStringLiteral("--share-screen-bitrate takes 30000 to 5000000 bit/s");
    options.screenMaxBitrateBps = bitrateBps;
    if (!parser.isSet(QStringLiteral("share-screen")))
        return std::nullopt;
    auto parsed = parseScreenShareValue(parser.value(QStringLiteral("share-screen")));
    if (const auto* refusal = std::get_if<QString>(&parsed))
        return *refusal;
    request = std::get<ScreenShareRequest>(parsed);
    return std::nullopt;
}

void scheduleScreenShare(call::CallSession& session, const ScreenShareRequest& request)
{
    QObject::connect(&session, &call::CallSession::joined, &session, [&session, request] {
        QTimer::singleShot(request.startAfterS * 1000, &session,
                           [&session, id = request.deviceId] { session.startScreenShare(id); });
    });
}

} // namespace spoke::cli
