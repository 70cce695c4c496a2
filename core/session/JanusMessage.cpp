#include "session/JanusMessage.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

namespace spoke::session {

namespace {

constexpr qint64 kMaxJanusId = (qint64(1) << 53) - 1;

ParseFailure fail(const QString& what)
{
    return ParseFailure{what};
}

// Reads an optional id field; false only when the field exists but is not an id.
bool readOptionalId(const QJsonObject& object, QLatin1String key, quint64& out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    const auto id = janusId(value);
    if (!id)
        return false;
    out = *id;
    return true;
}

} // namespace

std::optional<quint64> janusId(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    // toInteger() keeps 64-bit integers exact; a fractional number yields the default.
    const qint64 asInteger = value.toInteger(-1);
    if (asInteger <= 0 || asInteger > kMaxJanusId)
        return std::nullopt;
    return static_cast<quint64>(asInteger);
}

JanusMessageType messageTypeFromName(const QString& name)
{
    struct Entry {
        const char* name;
        JanusMessageType type;
    };
    static constexpr Entry kTypes[] = {
        {"ack", JanusMessageType::Ack},           {"success", JanusMessageType::Success},
        {"error", JanusMessageType::Error},       {"event", JanusMessageType::Event},
        {"webrtcup", JanusMessageType::WebrtcUp}, {"media", JanusMessageType::Media},
        {"slowlink", JanusMessageType::SlowLink}, {"hangup", JanusMessageType::Hangup},
        {"detached", JanusMessageType::Detached}, {"trickle", JanusMessageType::Trickle},
        {"timeout", JanusMessageType::Timeout},   {"server_info", JanusMessageType::ServerInfo},
    };
    for (const auto& entry : kTypes) {
        if (name == QLatin1String(entry.name))
            return entry.type;
    }
    return JanusMessageType::Other;
}

std::variant<JanusMessage, ParseFailure> parseJanusMessage(const QByteArray& text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return fail(QStringLiteral("not a JSON object"));

    JanusMessage message;
    message.raw = document.object();
    const QJsonObject& root = message.raw;

    const QJsonValue kind = root.value(QLatin1String("janus"));
    if (!kind.isString())
        return fail(QStringLiteral("no \"janus\" string field"));
    message.typeName = kind.toString();
    message.type = messageTypeFromName(message.typeName);

    const QJsonValue transaction = root.value(QLatin1String("transaction"));
    if (transaction.isString())
        message.transaction = transaction.toString();
    else if (!transaction.isUndefined() && !transaction.isNull())
        return fail(QStringLiteral("\"transaction\" is not a string"));

    if (!readOptionalId(root, QLatin1String("session_id"), message.sessionId))
        return fail(QStringLiteral("\"session_id\" is not a Janus id"));
    if (!readOptionalId(root, QLatin1String("sender"), message.sender))
        return fail(QStringLiteral("\"sender\" is not a Janus id"));

    const QJsonValue data = root.value(QLatin1String("data"));
    if (data.isObject())
        message.data = data.toObject();
    else if (!data.isUndefined() && !data.isNull())
        return fail(QStringLiteral("\"data\" is not an object"));

    const QJsonValue pluginData = root.value(QLatin1String("plugindata"));
    if (pluginData.isObject()) {
        const QJsonObject wrapper = pluginData.toObject();
        const QJsonValue plugin = wrapper.value(QLatin1String("plugin"));
        const QJsonValue inner = wrapper.value(QLatin1String("data"));
        if (!plugin.isString() || !inner.isObject())
            return fail(QStringLiteral("\"plugindata\" lacks a plugin name or a data object"));
        message.plugin = plugin.toString();
        message.pluginData = inner.toObject();
    } else if (!pluginData.isUndefined() && !pluginData.isNull()) {
        return fail(QStringLiteral("\"plugindata\" is not an object"));
    }

    const QJsonValue jsep = root.value(QLatin1String("jsep"));
    if (jsep.isObject()) {
        const QJsonObject object = jsep.toObject();
        const QJsonValue type = object.value(QLatin1String("type"));
        const QJsonValue sdp = object.value(QLatin1String("sdp"));
        if (!type.isString() || !sdp.isString())
            return fail(QStringLiteral("\"jsep\" lacks a string type or sdp"));
        Jsep parsed;
        parsed.type = type.toString();
        parsed.sdp = sdp.toString();
        parsed.trickle = object.value(QLatin1String("trickle")).toBool(true);
        if (parsed.type != QLatin1String("offer") && parsed.type != QLatin1String("answer"))
            return fail(QStringLiteral("\"jsep\" type is neither offer nor answer"));
        message.jsep = std::move(parsed);
    } else if (!jsep.isUndefined() && !jsep.isNull()) {
        return fail(QStringLiteral("\"jsep\" is not an object"));
    }

    if (message.type == JanusMessageType::Error) {
        const QJsonValue errorValue = root.value(QLatin1String("error"));
        if (!errorValue.isObject())
            return fail(QStringLiteral("error message without an \"error\" object"));
        const QJsonObject object = errorValue.toObject();
        message.errorCode = object.value(QLatin1String("code")).toInt(0);
        message.errorReason = object.value(QLatin1String("reason")).toString();
    } else if (message.hasPluginError()) {
        message.errorCode = message.pluginData.value(QLatin1String("error_code")).toInt(0);
        message.errorReason = message.pluginData.value(QLatin1String("error")).toString();
    }
    return message;
}

} // namespace spoke::session
