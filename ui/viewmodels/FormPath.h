#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <variant>
#include <vector>

namespace spoke::ui {

// A field path as core/cases writes it ("labs[1].unit",
// "programme_fields.coinfections.hbv"), split into object keys and list
// indexes, so the form can read and write any value of a case document,
// including keys this version of the form does not know.
class FormPath {
public:
    using Step = std::variant<QString, qsizetype>;

    // nullopt for text that is not a path (an empty key, a bad index).
    static std::optional<FormPath> parse(const QString& path);

    const std::vector<Step>& steps() const { return steps_; }

    // Undefined when a step is missing or of the wrong kind.
    QJsonValue valueIn(const QJsonObject& document) const;
    // Replaces the value at this path in `document`, creating objects and
    // list slots on the way; an undefined value removes the key. False if a
    // step crosses a value of another kind, e.g. an index into an object.
    bool assign(QJsonObject& document, const QJsonValue& value) const;

private:
    std::vector<Step> steps_;
};

} // namespace spoke::ui
