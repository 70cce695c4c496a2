#include "viewmodels/FormPath.h"

#include <QJsonArray>

namespace spoke::ui {

namespace {

// Writes `value` at steps[from..] below `node`; `node` is replaced by the
// changed copy, since Qt's JSON values are immutable and shared.
bool assignBelow(QJsonValue& node, const std::vector<FormPath::Step>& steps, std::size_t from, const QJsonValue& value)
{
    if (from == steps.size()) {
        node = value;
        return true;
    }
    const auto& step = steps[from];
    if (const auto* key = std::get_if<QString>(&step)) {
        if (!node.isObject() && !node.isUndefined() && !node.isNull())
            return false;
        QJsonObject object = node.toObject();
        QJsonValue child = object.value(*key);
        if (!assignBelow(child, steps, from + 1, value))
            return false;
        object.insert(*key, child);
        node = object;
        return true;
    }
    const qsizetype index = std::get<qsizetype>(step);
    if (!node.isArray() && !node.isUndefined() && !node.isNull())
        return false;
    QJsonArray array = node.toArray();
    // One past the end appends; further out would leave holes in a list.
    if (index > array.size())
        return false;
    QJsonValue child = index < array.size() ? array.at(index) : QJsonValue(QJsonValue::Undefined);
    if (!assignBelow(child, steps, from + 1, value))
        return false;
    if (index < array.size())
        array.replace(index, child);
    else
        array.append(child);
    node = array;
    return true;
}

} // namespace

std::optional<FormPath> FormPath::parse(const QString& path)
{
    FormPath result;
    for (const QString& part : path.split(QLatin1Char('.'))) {
        const qsizetype bracket = part.indexOf(QLatin1Char('['));
        const QString key = bracket < 0 ? part : part.left(bracket);
        if (key.isEmpty())
            return std::nullopt;
        result.steps_.emplace_back(key);
        qsizetype at = bracket;
        while (at >= 0 && at < part.size()) {
            const qsizetype close = part.indexOf(QLatin1Char(']'), at);
            if (part.at(at) != QLatin1Char('[') || close < 0)
                return std::nullopt;
            bool ok = false;
            const qsizetype index = part.mid(at + 1, close - at - 1).toLongLong(&ok);
            if (!ok || index < 0)
                return std::nullopt;
            result.steps_.emplace_back(index);
            at = close + 1;
        }
    }
    return result;
}

QJsonValue FormPath::valueIn(const QJsonObject& document) const
{
    QJsonValue node = document;
    for (const auto& step : steps_) {
        if (const auto* key = std::get_if<QString>(&step)) {
            if (!node.isObject())
                return QJsonValue(QJsonValue::Undefined);
            node = node.toObject().value(*key);
        } else {
            const qsizetype index = std::get<qsizetype>(step);
            if (!node.isArray() || index >= node.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            node = node.toArray().at(index);
        }
    }
    return node;
}

bool FormPath::assign(QJsonObject& document, const QJsonValue& value) const
{
    QJsonValue root = document;
    if (!assignBelow(root, steps_, 0, value))
        return false;
    document = root.toObject();
    return true;
}

} // namespace spoke::ui
