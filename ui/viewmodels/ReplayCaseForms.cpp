#include "viewmodels/ReplayCaseForms.h"
#include "viewmodels/Formatting.h"

#include "cases/SchemaRegistry.h"
#include "viewmodels/FormModel.h"
#include "viewmodels/FormPath.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <map>
#include <memory>

namespace spoke::ui {

namespace {

QString valueText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return formatNumber(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QCoreApplication::translate("spoke::ui::PlayerModel", "yes")
                              : QCoreApplication::translate("spoke::ui::PlayerModel", "no");
    return QString();
}

// The "Label: value" lines of one form section; values are the document's
// (already de-identified by the hub), shown as plain text.
QString sectionText(const FormModel& form, const QJsonObject& document, const QString& sectionKey)
{
    QStringList lines;
    bool inSection = false;
    for (const FormRow& row : form.rows()) {
        if (row.kind == QLatin1String("section")) {
            inSection = row.path == sectionKey;
            continue;
        }
        const auto path = FormPath::parse(row.path);
        if (!inSection || !path)
            continue;
        const QJsonValue value = path->valueIn(document);
        if (row.kind == QLatin1String("field")) {
            const QString text = valueText(value);
            if (!text.isEmpty())
                lines.append(QStringLiteral("%1: %2").arg(row.label, text));
        } else if (row.kind == QLatin1String("list") || row.kind == QLatin1String("table")) {
            for (const QJsonValue& item : value.toArray()) {
                QStringList cells;
                if (item.isObject()) {
                    for (const FormColumn& column : row.columns)
                        if (const QString cell = valueText(item.toObject().value(column.key)); !cell.isEmpty())
                            cells.append(QStringLiteral("%1 %2").arg(column.label, cell));
                } else {
                    cells.append(valueText(item));
                }
                lines.append(QStringLiteral("%1: %2").arg(row.label, cells.join(QStringLiteral(", "))));
            }
        }
    }
    return lines.join(u'\n');
}

struct Form {
    QString caseTitle;
    QJsonObject document;
    std::map<QString, QString> sectionTitles;
    std::unique_ptr<FormModel> model;
};

} // namespace

std::vector<ReplayCaseView> replayCaseViews(const store::ReplayOutline& outline)
{
    std::map<std::int64_t, Form> forms;
    for (const store::RecordingCaseDocument& d : outline.caseDocuments) {
        Form& form = forms[d.hubCaseId];
        form.caseTitle = QCoreApplication::translate("spoke::ui::PlayerModel", "Case %1: %2")
                             .arg(QString::fromStdString(d.code), QString::fromStdString(d.title));
        form.document = QJsonDocument::fromJson(QByteArray::fromStdString(d.documentJson)).object();
        form.model = std::make_unique<FormModel>(cases::SchemaRegistry::builtIn());
        form.model->setDocument(form.document);
        for (const FormRow& row : form.model->rows())
            if (row.kind == QLatin1String("section"))
                form.sectionTitles[row.path] = row.label;
    }
    std::vector<ReplayCaseView> views;
    for (const store::CaseSectionShown& shown : outline.caseViews) {
        const auto form = forms.find(shown.hubCaseId);
        if (form == forms.end())
            continue;
        const QString key = QString::fromStdString(shown.section);
        const auto title = form->second.sectionTitles.find(key);
        views.push_back({shown.offsetMs, form->second.caseTitle,
                         title != form->second.sectionTitles.end() ? title->second : key,
                         sectionText(*form->second.model, form->second.document, key)});
    }
    return views;
}

} // namespace spoke::ui
