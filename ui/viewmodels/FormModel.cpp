#include "viewmodels/FormModel.h"
#include "viewmodels/Formatting.h"

#include "cases/CaseDocument.h"
#include "cases/Regions.h"
#include "cases/SchemaRegistry.h"
#include "viewmodels/FormPath.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace spoke::ui {

namespace {

const QHash<int, QByteArray> kRoleNames{
    {FormModel::KindRole, "kind"},           {FormModel::PathRole, "path"},
    {FormModel::LabelRole, "label"},         {FormModel::TypeRole, "type"},
    {FormModel::ChoicesRole, "choices"},     {FormModel::MultilineRole, "multiline"},
    {FormModel::RequiredRole, "required"},   {FormModel::NullableRole, "nullable"},
    {FormModel::ReadOnlyRole, "readOnly"},   {FormModel::DepthRole, "depth"},
    {FormModel::ColumnsRole, "columns"},     {FormModel::ValueRole, "value"},
    {FormModel::ItemCountRole, "itemCount"}, {FormModel::IssueRole, "issue"},
    {FormModel::IssuesRole, "issues"},       {FormModel::FindingsRole, "findings"},
};

QString str(const QJsonObject& spec, const char* key)
{
    return spec.value(QLatin1String(key)).toString();
}

QStringList choicesOf(const QJsonObject& spec)
{
    QStringList choices;
    for (const auto& c : spec.value(QLatin1String("choices")).toArray())
        choices.append(c.isDouble() ? formatEditableNumber(c.toDouble()) : c.toString());
    return choices;
}

// The countries the region list knows, so the country is picked, not typed.
const QStringList& knownCountries()
{
    static const QStringList countries = [] {
        QFile file(QStringLiteral(":/spoke/schemas/regions-1.json"));
        if (!file.open(QIODevice::ReadOnly))
            return QStringList();
        QStringList codes =
            QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("countries")).toObject().keys();
        codes.sort();
        return codes;
    }();
    return countries;
}

bool isNumeric(const QString& type)
{
    return type == QLatin1String("number") || type == QLatin1String("integer") || type == QLatin1String("day_rel")
           || type == QLatin1String("number_or_text");
}

bool isWithin(const QString& path, const QString& parent)
{
    return path == parent
           || (path.startsWith(parent)
               && (path.at(parent.size()) == QLatin1Char('[') || path.at(parent.size()) == QLatin1Char('.')));
}

// The empty value a new row or item starts with.
QJsonValue emptyValue(const QString& type)
{
    return isNumeric(type) || type == QLatin1String("boolean") ? QJsonValue(QJsonValue::Null) : QJsonValue(QString());
}

} // namespace

FormModel::FormModel(const cases::SchemaRegistry& registry, QObject* parent)
    : QAbstractListModel(parent)
    , registry_(registry)
{
}

int FormModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> FormModel::roleNames() const
{
    return kRoleNames;
}

QVariant FormModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const FormRow& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case KindRole: return row.kind;
    case PathRole: return row.path;
    case LabelRole: return row.label;
    case TypeRole: return row.type;
    case ChoicesRole: return choicesFor(row);
    case MultilineRole: return row.multiline;
    case RequiredRole: return row.required;
    case NullableRole: return row.nullable;
    case ReadOnlyRole: return row.readOnly;
    case DepthRole: return row.depth;
    case ColumnsRole: {
        QVariantList columns;
        for (const FormColumn& c : row.columns)
            columns.append(QVariantMap{{QStringLiteral("key"), c.key},
                                       {QStringLiteral("label"), c.label},
                                       {QStringLiteral("type"), c.type},
                                       {QStringLiteral("choices"), c.choices},
                                       {QStringLiteral("required"), c.required}});
        return columns;
    }
    case ValueRole: {
        const auto path = FormPath::parse(row.path);
        return path ? path->valueIn(document_).toVariant() : QVariant();
    }
    case ItemCountRole: {
        const auto path = FormPath::parse(row.path);
        return path ? static_cast<int>(path->valueIn(document_).toArray().size()) : 0;
    }
    case IssueRole: return row.issue;
    case IssuesRole: return row.issues;
    case FindingsRole: return row.findings;
    }
    return {};
}

void FormModel::setDocument(const QJsonObject& document)
{
    affinity_.assertOwner();
    beginResetModel();
    document_ = document;
    rows_.clear();
    build(registry_.envelope().value(QLatin1String("fields")).toArray(), QString(), 0);
    endResetModel();
    Q_EMIT countChanged();
    revalidate();
}

void FormModel::build(const QJsonArray& fields, const QString& parentPath, int depth)
{
    for (const auto& f : fields) {
        const QJsonObject spec = f.toObject();
        const QString type = str(spec, "type");
        FormRow row;
        row.path = cases::joinPath(parentPath, str(spec, "key"));
        row.label = str(spec, "label");
        row.type = type;
        row.depth = depth;
        row.required = spec.value(QLatin1String("required")).toBool();
        row.nullable = spec.value(QLatin1String("nullable")).toBool();
        const auto section = [&](const QString& label) {
            rows_.push_back(FormRow{
                QStringLiteral("section"), row.path, label, {}, {}, false, false, false, true, 0, {}, {}, {}, {}});
        };
        if (type == QLatin1String("object")) {
            if (depth == 0)
                section(row.label);
            else
                rows_.push_back(FormRow{QStringLiteral("group"),
                                        row.path,
                                        row.label,
                                        {},
                                        {},
                                        false,
                                        false,
                                        false,
                                        true,
                                        depth,
                                        {},
                                        {},
                                        {},
                                        {}});
            build(spec.value(QLatin1String("fields")).toArray(), row.path, depth + 1);
        } else if (type == QLatin1String("programme_fields")) {
            const QJsonObject programme =
                registry_.programmeSchema(document_.value(QLatin1String("programme")).toString());
            if (programme.isEmpty())
                continue;
            section(str(programme, "title"));
            build(programme.value(QLatin1String("fields")).toArray(), row.path, depth + 1);
        } else if (type == QLatin1String("list")) {
            const QJsonObject item = spec.value(QLatin1String("item")).toObject();
            if (depth == 0)
                section(row.label);
            if (str(item, "type") == QLatin1String("object")) {
                row.kind = QStringLiteral("table");
                for (const auto& c : item.value(QLatin1String("fields")).toArray()) {
                    const QJsonObject column = c.toObject();
                    row.columns.push_back({str(column, "key"), str(column, "label"), str(column, "type"),
                                           choicesOf(column), column.value(QLatin1String("required")).toBool()});
                }
            } else {
                row.kind = QStringLiteral("list");
                row.type = str(item, "type");
            }
            rows_.push_back(std::move(row));
        } else {
            row.kind = QStringLiteral("field");
            row.multiline = spec.value(QLatin1String("multiline")).toBool();
            row.choices = choicesOf(spec);
            // Codes come from the hub and the programme is chosen when the
            // case is made: none of them is ever typed.
            row.readOnly = type == QLatin1String("case_code") || type == QLatin1String("programme")
                           || (type == QLatin1String("choice") && row.choices.size() == 1);
            if (depth == 0 && row.multiline) {
                section(row.label);
            } else if (depth == 0
                       && (rows_.empty() || rows_.back().depth != 0 || rows_.back().kind != QLatin1String("field"))) {
                rows_.push_back(FormRow{QStringLiteral("section"),
                                        row.path,
                                        tr("Case"),
                                        {},
                                        {},
                                        false,
                                        false,
                                        false,
                                        true,
                                        0,
                                        {},
                                        {},
                                        {},
                                        {}});
            }
            rows_.push_back(std::move(row));
        }
    }
}

QStringList FormModel::choicesFor(const FormRow& row) const
{
    if (row.type == QLatin1String("country"))
        return knownCountries();
    if (row.type == QLatin1String("region")) {
        const QJsonObject presenter = document_.value(QLatin1String("presenter")).toObject();
        const cases::Regions& regions = cases::Regions::builtIn();
        QStringList names = regions.regionsOf(presenter.value(QLatin1String("country")).toString());
        // "Ohangwena Region" in an imported case is the list's "Ohangwena":
        // show it as written, so the picker does not look empty.
        const QString current = presenter.value(QLatin1String("region_level1")).toString();
        if (!current.isEmpty() && !names.contains(current))
            for (QString& name : names)
                if (regions.normalise(name) == regions.normalise(current))
                    name = current;
        return names;
    }
    return row.choices;
}

int FormModel::rowFor(const QString& path) const
{
    int best = -1;
    for (int i = 0; i < rowCount(); ++i) {
        const FormRow& row = rows_[static_cast<std::size_t>(i)];
        if (row.kind == QLatin1String("section") || row.kind == QLatin1String("group"))
            continue;
        if (row.path == path)
            return i;
        if ((row.kind == QLatin1String("table") || row.kind == QLatin1String("list")) && isWithin(path, row.path))
            best = i;
    }
    return best;
}

void FormModel::emitRowChanged(int row, const QList<int>& roles)
{
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), roles);
}

bool FormModel::setValue(const QString& path, const QVariant& value, const QString& type)
{
    affinity_.assertOwner();
    const auto parsed = FormPath::parse(path);
    if (!parsed)
        return false;
    const int row = rowFor(path);
    const bool nullable =
        row >= 0 && rows_[static_cast<std::size_t>(row)].path == path && rows_[static_cast<std::size_t>(row)].nullable;
    QJsonValue json;
    if (isNumeric(type)) {
        const QString text = value.toString().trimmed();
        const std::optional<double> typed = parseEditableNumber(text);
        const bool ok = typed.has_value();
        const double number = typed.value_or(0.0);
        if (text.isEmpty())
            json = nullable ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonValue::Undefined);
        else if (ok && (type == QLatin1String("integer") || type == QLatin1String("day_rel"))
                 && number == std::floor(number))
            json = static_cast<qint64>(number);
        else if (ok)
            json = number;
        else
            json = text; // kept as typed; validation says what is wrong
    } else if (type == QLatin1String("boolean")) {
        json = value.isNull() || !value.isValid()
                   ? (nullable ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonValue::Undefined))
                   : QJsonValue(value.toBool());
    } else {
        json = value.toString();
    }
    if (parsed->valueIn(document_) == json)
        return true;
    if (!parsed->assign(document_, json))
        return false;
    emitRowChanged(row, {ValueRole, ItemCountRole});
    if (path == QLatin1String("presenter.country")) {
        for (int i = 0; i < rowCount(); ++i)
            if (rows_[static_cast<std::size_t>(i)].type == QLatin1String("region"))
                emitRowChanged(i, {ChoicesRole});
    }
    revalidate();
    Q_EMIT documentEdited(path);
    return true;
}

bool FormModel::setText(const QString& path, const QString& text)
{
    affinity_.assertOwner();
    const auto parsed = FormPath::parse(path);
    if (!parsed || !parsed->assign(document_, text))
        return false;
    emitRowChanged(rowFor(path), {ValueRole});
    revalidate();
    Q_EMIT documentEdited(path);
    return true;
}

bool FormModel::addItem(const QString& listPath)
{
    affinity_.assertOwner();
    const int row = rowFor(listPath);
    const auto parsed = FormPath::parse(listPath);
    if (row < 0 || !parsed || rows_[static_cast<std::size_t>(row)].path != listPath)
        return false;
    const FormRow& spec = rows_[static_cast<std::size_t>(row)];
    QJsonArray items = parsed->valueIn(document_).toArray();
    if (spec.kind == QLatin1String("table")) {
        QJsonObject item;
        for (const FormColumn& c : spec.columns)
            item.insert(c.key, emptyValue(c.type));
        items.append(item);
    } else {
        items.append(emptyValue(spec.type));
    }
    parsed->assign(document_, items);
    emitRowChanged(row, {ValueRole, ItemCountRole});
    revalidate();
    Q_EMIT documentEdited(listPath);
    return true;
}

bool FormModel::removeItem(const QString& listPath, int index)
{
    affinity_.assertOwner();
    const int row = rowFor(listPath);
    const auto parsed = FormPath::parse(listPath);
    if (row < 0 || !parsed)
        return false;
    QJsonArray items = parsed->valueIn(document_).toArray();
    if (index < 0 || index >= items.size())
        return false;
    items.removeAt(index);
    parsed->assign(document_, items);
    emitRowChanged(row, {ValueRole, ItemCountRole});
    revalidate();
    Q_EMIT documentEdited(listPath);
    return true;
}

QString FormModel::textAt(const QString& path) const
{
    const auto parsed = FormPath::parse(path);
    return parsed ? parsed->valueIn(document_).toString() : QString();
}

QString FormModel::labelAt(const QString& path) const
{
    const int row = rowFor(path);
    if (row < 0)
        return path;
    const FormRow& r = rows_[static_cast<std::size_t>(row)];
    if (r.path == path)
        return r.label;
    const auto parsed = FormPath::parse(path.mid(r.path.size()).prepend(QStringLiteral("x")));
    if (!parsed || parsed->steps().size() < 2 || !std::holds_alternative<qsizetype>(parsed->steps()[1]))
        return r.label;
    const qsizetype item = std::get<qsizetype>(parsed->steps()[1]) + 1;
    if (r.kind == QLatin1String("list"))
        return tr("%1, item %2").arg(r.label).arg(item);
    QString column;
    if (parsed->steps().size() > 2)
        if (const auto* key = std::get_if<QString>(&parsed->steps()[2]))
            for (const FormColumn& c : r.columns)
                if (c.key == *key)
                    column = c.label;
    return column.isEmpty() ? tr("%1, row %2").arg(r.label).arg(item)
                            : tr("%1, row %2: %3").arg(r.label).arg(item).arg(column);
}

QString FormModel::displayText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return formatEditableNumber(value.toDouble());
    if (value.isBool())
        return value.toBool() ? tr("Yes") : tr("No");
    return {};
}

void FormModel::revalidate()
{
    std::vector<cases::SchemaIssue> issues = registry_.validate(cases::CaseDocument(document_));
    // The schema accepts an empty string; the form does not, for a required
    // field, since a blank question or test name is not an answer.
    for (const FormRow& row : rows_) {
        const auto parsed = FormPath::parse(row.path);
        if (!parsed)
            continue;
        const QJsonValue value = parsed->valueIn(document_);
        if (row.kind == QLatin1String("field") && row.required && value.isString()
            && value.toString().trimmed().isEmpty())
            issues.push_back({row.path, QStringLiteral("is required")});
        if (row.kind == QLatin1String("table")) {
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i)
                for (const FormColumn& c : row.columns) {
                    const QJsonValue cell = items.at(i).toObject().value(c.key);
                    if (c.required && cell.isString() && cell.toString().trimmed().isEmpty())
                        issues.push_back(
                            {cases::joinPath(cases::indexPath(row.path, i), c.key), QStringLiteral("is required")});
                }
        }
    }

    std::vector<QString> issue(rows_.size());
    std::vector<QVariantMap> below(rows_.size());
    QStringList messages;
    for (const auto& i : issues) {
        if (i.severity != cases::SchemaIssue::Severity::Error)
            continue;
        const QString text = labelAt(i.path) + QLatin1Char(' ') + i.message;
        messages.append(text);
        const int row = rowFor(i.path);
        if (row < 0)
            continue;
        if (rows_[static_cast<std::size_t>(row)].path == i.path)
            issue[static_cast<std::size_t>(row)] = text;
        else
            below[static_cast<std::size_t>(row)].insert(i.path, i.message);
    }
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        if (rows_[r].issue != issue[r] || rows_[r].issues != below[r]) {
            rows_[r].issue = issue[r];
            rows_[r].issues = below[r];
            emitRowChanged(static_cast<int>(r), {IssueRole, IssuesRole});
        }
    }
    if (messages != errorMessages_) {
        errorMessages_ = messages;
        errorCount_ = static_cast<int>(messages.size());
        Q_EMIT issuesChanged();
    }
}

QStringList FormModel::errorMessages() const
{
    return errorMessages_;
}

void FormModel::setFindings(const QVariantList& findings)
{
    affinity_.assertOwner();
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        FormRow& row = rows_[r];
        if (row.kind == QLatin1String("section") || row.kind == QLatin1String("group"))
            continue;
        QVariantList mine;
        for (const QVariant& f : findings)
            if (rowFor(f.toMap().value(QStringLiteral("path")).toString()) == static_cast<int>(r))
                mine.append(f);
        if (mine != row.findings) {
            row.findings = mine;
            emitRowChanged(static_cast<int>(r), {FindingsRole});
        }
    }
}

} // namespace spoke::ui
