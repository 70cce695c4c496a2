#include "viewmodels/CasePdfExporter.h"

#include "cases/CaseDocument.h"
#include "viewmodels/FindingsModel.h"
#include "viewmodels/FormModel.h"
#include "viewmodels/FormPath.h"

#include <QFile>
#include <QJsonArray>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace spoke::ui {

namespace {

using FindingsByPath = std::map<QString, std::vector<const cases::Finding*>>;

// The value with every open span replaced, from the end so earlier spans keep their place.
QString masked(const QString& path, const QString& value, const FindingsByPath& byPath)
{
    const auto it = byPath.find(path);
    if (it == byPath.end())
        return value;
    std::vector<const cases::Finding*> spans = it->second;
    std::sort(spans.begin(), spans.end(), [](const auto* a, const auto* b) { return a->start > b->start; });
    QString text = value;
    int lastStart = std::numeric_limits<int>::max();
    for (const cases::Finding* f : spans) {
        if (f->end > lastStart)
            continue; // overlaps one already replaced
        const int start = utf16Index(text, f->start);
        const int end = utf16Index(text, f->end);
        const QString replacement = redactionFor(*f);
        text = text.left(start) + replacement + text.mid(end);
        lastStart = f->start;
    }
    return text;
}

QString cell(const QString& path, const QJsonValue& value, const FindingsByPath& byPath)
{
    const QString text = value.isString() ? masked(path, value.toString(), byPath) : FormModel::displayText(value);
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

QString CasePdfExporter::html(const FormModel& form, const std::vector<cases::Finding>& open, const QString& caseCode)
{
    QString out = QStringLiteral("<html><body style=\"font-family:'DejaVu Sans'; font-size:10pt\">");
    out += QStringLiteral("<h1 style=\"font-size:16pt\">%1</h1>")
               .arg(QObject::tr("Case %1").arg(caseCode.toHtmlEscaped()));
    out +=
        QStringLiteral("<p style=\"color:#52606d\">%1</p>")
            .arg(QObject::tr("De-identified copy made by Spoke. Text marked like [NAME] was replaced before export."));
    out += bodyHtml(form, open);
    out += QStringLiteral("</body></html>");
    return out;
}

QString CasePdfExporter::bodyHtml(const FormModel& form, const std::vector<cases::Finding>& open)
{
    FindingsByPath byPath;
    for (const cases::Finding& f : open)
        byPath[f.path].push_back(&f);
    const QJsonObject& document = form.document();
    QString out;
    bool inTable = false;
    const auto closeTable = [&] {
        if (inTable)
            out += QStringLiteral("</table>");
        inTable = false;
    };
    const auto openTable = [&] {
        if (!inTable)
            out += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
        inTable = true;
    };
    for (const FormRow& row : form.rows()) {
        const auto path = FormPath::parse(row.path);
        const QJsonValue value = path ? path->valueIn(document) : QJsonValue();
        if (row.kind == QLatin1String("section")) {
            closeTable();
            out += QStringLiteral("<h2 style=\"font-size:12pt; color:#1f6fb2\">%1</h2>").arg(row.label.toHtmlEscaped());
        } else if (row.kind == QLatin1String("group")) {
            closeTable();
            out += QStringLiteral("<h3 style=\"font-size:10pt\">%1</h3>").arg(row.label.toHtmlEscaped());
        } else if (row.kind == QLatin1String("field")) {
            if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
                continue;
            openTable();
            out += QStringLiteral("<tr><td width=\"30%\" style=\"color:#52606d\">%1</td><td>%2</td></tr>")
                       .arg(row.label.toHtmlEscaped(), cell(row.path, value, byPath));
        } else if (row.kind == QLatin1String("list")) {
            const QJsonArray items = value.toArray();
            if (items.isEmpty())
                continue;
            closeTable();
            out += QStringLiteral("<p><b>%1</b></p><ul>").arg(row.label.toHtmlEscaped());
            for (qsizetype i = 0; i < items.size(); ++i)
                out += QStringLiteral("<li>%1</li>").arg(cell(cases::indexPath(row.path, i), items.at(i), byPath));
            out += QStringLiteral("</ul>");
        } else if (row.kind == QLatin1String("table")) {
            const QJsonArray items = value.toArray();
            if (items.isEmpty())
                continue;
            closeTable();
            if (row.depth > 0)
                out += QStringLiteral("<p><b>%1</b></p>").arg(row.label.toHtmlEscaped());
            out += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>");
            for (const FormColumn& c : row.columns)
                out += QStringLiteral("<th align=\"left\">%1</th>").arg(c.label.toHtmlEscaped());
            out += QStringLiteral("</tr>");
            for (qsizetype i = 0; i < items.size(); ++i) {
                out += QStringLiteral("<tr>");
                const QJsonObject item = items.at(i).toObject();
                for (const FormColumn& c : row.columns)
                    out += QStringLiteral("<td>%1</td>")
                               .arg(cell(cases::joinPath(cases::indexPath(row.path, i), c.key), item.value(c.key),
                                         byPath));
                out += QStringLiteral("</tr>");
            }
            out += QStringLiteral("</table>");
        }
    }
    closeTable();
    return out;
}

void CasePdfExporter::write(const QString& html, const QString& file, const QString& caseCode)
{
    {
        QFile probe(file);
        if (!probe.open(QIODevice::WriteOnly))
            throw std::runtime_error(
                QObject::tr("The PDF could not be written to %1: %2").arg(file, probe.errorString()).toStdString());
    }
    QPdfWriter writer(file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    // Metadata names the case code only; the default would carry nothing
    // better, and a title someone typed could carry a name.
    writer.setTitle(caseCode);
    writer.setCreator(QStringLiteral("Spoke"));
    QTextDocument document;
    document.setHtml(html);
    document.print(&writer);
}

} // namespace spoke::ui
