#include "hub/janus/JanusAnswers.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace spoke::hub::janus {

namespace {

JanusError malformed(const QString& what)
{
    return {0, QStringLiteral("Janus answered something unexpected: %1").arg(what)};
}

Expected<QJsonObject, JanusError> parseObject(const QByteArray& body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return malformed(QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("janus")).toString() == QLatin1String("error")) {
        const QJsonObject core = object.value(QStringLiteral("error")).toObject();
        return JanusError{core.value(QStringLiteral("code")).toInt(), core.value(QStringLiteral("reason")).toString()};
    }
    return object;
}

// A JSON number that is a whole, positive id a double carries exactly.
std::optional<qint64> positiveId(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 1 || number > 9007199254740991.0 || number != double(qint64(number)))
        return std::nullopt;
    return qint64(number);
}

} // namespace

Expected<qint64, JanusError> parseCoreId(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    if (object->value(QStringLiteral("janus")).toString() != QLatin1String("success"))
        return malformed(QStringLiteral("no \"success\""));
    const std::optional<qint64> id =
        positiveId(object->value(QStringLiteral("data")).toObject().value(QStringLiteral("id")));
    if (!id)
        return malformed(QStringLiteral("no data.id"));
    return *id;
}

PluginAnswer parsePluginAnswer(const QByteArray& body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    const QJsonValue plugindata = object->value(QStringLiteral("plugindata"));
    const QJsonValue data = plugindata.toObject().value(QStringLiteral("data"));
    if (object->value(QStringLiteral("janus")).toString() != QLatin1String("success") || !data.isObject())
        return malformed(QStringLiteral("no plugindata.data"));
    const QJsonObject answer = data.toObject();
    if (answer.contains(QStringLiteral("error_code")))
        return JanusError{answer.value(QStringLiteral("error_code")).toInt(),
                          answer.value(QStringLiteral("error")).toString()};
    return answer;
}

Expected<bool, JanusError> parseExists(const QJsonObject& data)
{
    const QJsonValue exists = data.value(QStringLiteral("exists"));
    if (!exists.isBool())
        return malformed(QStringLiteral("no boolean \"exists\""));
    return exists.toBool();
}

Expected<std::vector<JanusParticipant>, JanusError> parseParticipants(const QJsonObject& data)
{
    const QJsonValue list = data.value(QStringLiteral("participants"));
    if (data.value(QStringLiteral("videoroom")).toString() != QLatin1String("participants") || !list.isArray())
        return malformed(QStringLiteral("no participants list"));
    std::vector<JanusParticipant> participants;
    for (const QJsonValue& entry : list.toArray()) {
        const QJsonObject object = entry.toObject();
        const std::optional<qint64> id = positiveId(object.value(QStringLiteral("id")));
        if (!id)
            return malformed(QStringLiteral("a participant without a numeric id"));
        JanusParticipant participant;
        participant.id = *id;
        participant.display = object.value(QStringLiteral("display")).toString();
        participant.publisher = object.value(QStringLiteral("publisher")).toBool();
        const QJsonValue talking = object.value(QStringLiteral("talking"));
        if (talking.isBool())
            participant.talking = talking.toBool();
        participants.push_back(std::move(participant));
    }
    return participants;
}

} // namespace spoke::hub::janus
