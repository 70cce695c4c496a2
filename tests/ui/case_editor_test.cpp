// The case editor's view-models against a real cache: autosave and revision
// history, findings with their spans, redaction, the ready gate with logged
// overrides, PDF and JSON export, schema-driven forms and attachments.
#include "viewmodels/AppController.h"
#include "viewmodels/CasePdfExporter.h"

#include "TestApp.h"
#include "UiWait.h"
#include "cases/CaseWorkflow.h"
#include "cases/SchemaRegistry.h"
#include "store/Cache.h"
#include "support/TempDir.h"
#include "util/DataDir.h"

#include <catch2/catch.hpp>

#include <optional>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTextDocument>

using spoke::test::waitUntil;
using spoke::ui::AppController;
using spoke::ui::CaseEditorModel;

namespace {

const QString kFixture = QStringLiteral(SPOKE_UI_FIXTURES "/editor-phi-hiv.json");
const QString kPhone = QStringLiteral("+264 81 457 3390");
const QString kName = QStringLiteral("Ndapewa Shikongo");

struct Editor {
    spoke::test::TestApp t;
    const spoke::test::TempDir& dir = t.dir;
    AppController& app = t.app;
    CaseEditorModel& editor = *app.editor();

    Editor()
    {
        REQUIRE(waitUntil([&] { return app.loaded(); }));
    }

    bool idle() { return editor.caseId() > 0 && !editor.loading() && !editor.busy() && !editor.dirty(); }

    void importFixture()
    {
        editor.importJson(kFixture);
        REQUIRE(waitUntil([&] { return idle(); }));
        REQUIRE(editor.error().isEmpty());
    }

    // A finding by the text it flags, or -1.
    int findingIndex(const QString& text)
    {
        for (int i = 0; i < editor.findings()->rowCount(); ++i)
            if (editor.findings()->at(i)->text == text)
                return i;
        return -1;
    }

    // Runs an export to its end; true if the file was written.
    bool exported(void (CaseEditorModel::*exportAs)(const QString&), const QString& file)
    {
        std::optional<bool> written;
        const auto connection =
            QObject::connect(&editor, &CaseEditorModel::exportFinished, [&](const QString&, bool ok) { written = ok; });
        (editor.*exportAs)(file);
        const bool finished = waitUntil([&] { return written.has_value(); });
        QObject::disconnect(connection);
        REQUIRE(finished);
        return *written;
    }

    // Redacts the phone number and logs the name as a false positive: no open findings.
    void resolveFindings()
    {
        editor.redact(findingIndex(kPhone));
        REQUIRE(waitUntil([&] { return idle() && editor.findings()->rowCount() == 1; }));
        editor.setReviewerName(QStringLiteral("Dr Hub Reviewer"));
        editor.overrideFinding(findingIndex(kName), QStringLiteral("Fictional name used for teaching"));
        REQUIRE(waitUntil([&] { return idle() && editor.findings()->rowCount() == 0; }));
    }

    // A second connection, as another process would see the file.
    spoke::store::Cache openCache() { return spoke::store::Cache::open(spoke::cacheFileIn(dir.path())); }
};

QString readText(const QString& file)
{
    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

// The text of a PDF, or empty without pdftotext (poppler-utils).
QString pdfText(const QString& pdf)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        return {};
    QProcess process;
    process.start(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    REQUIRE(process.waitForFinished(15'000));
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

TEST_CASE("Editing a field autosaves a new revision to the cache after a pause", "[ui][editor]")
{
    Editor e;
    e.importFixture();
    const int before = e.editor.revision();
    CHECK(before >= 1);
    CHECK(e.editor.title().contains(QStringLiteral("ECHO-HIV-T901")));

    e.editor.setValue(QStringLiteral("history.allergies"), QStringLiteral("Penicillin (rash)"), QStringLiteral("text"));
    CHECK(e.editor.dirty());
    // Nothing is written while the clinician is still typing.
    QCoreApplication::processEvents();
    CHECK(e.editor.revision() == before);
    REQUIRE(waitUntil([&] { return e.idle() && e.editor.revision() == before + 1; }, 5000));

    auto cache = e.openCache();
    const auto record = cache.cases().byId(e.editor.caseId());
    REQUIRE(record);
    const auto latest = cache.cases().latestRevision(record->id);
    REQUIRE(latest);
    CHECK(latest->revision == before + 1);
    CHECK(QString::fromStdString(latest->bodyJson).contains(QStringLiteral("Penicillin (rash)")));
    CHECK(cache.cases().revisions(record->id).size() == static_cast<std::size_t>(before + 1));

    // Ctrl+S does not wait for the pause.
    e.editor.setValue(QStringLiteral("patient.weight_kg"), QStringLiteral("61.5"), QStringLiteral("number"));
    e.editor.saveNow();
    REQUIRE(waitUntil([&] { return e.idle() && e.editor.revision() == before + 2; }, 700));
    const auto body =
        QJsonDocument::fromJson(QByteArray::fromStdString(cache.cases().latestRevision(record->id)->bodyJson));
    CHECK(body.object().value(QStringLiteral("patient")).toObject().value(QStringLiteral("weight_kg")).toDouble()
          == 61.5);
}

TEST_CASE("A narrative with a name and a phone number produces findings with exact spans", "[ui][editor]")
{
    Editor e;
    e.importFixture();
    REQUIRE(e.editor.findings()->rowCount() == 2);

    const int phone = e.findingIndex(kPhone);
    REQUIRE(phone >= 0);
    const QVariantMap view = e.editor.findings()->get(phone);
    const QString social = e.editor.form()->textAt(QStringLiteral("history.social_history"));
    CHECK(view.value(QStringLiteral("path")).toString() == QStringLiteral("history.social_history"));
    // The emoji before the number is one code point but two UTF-16 units.
    const int utf16Start = static_cast<int>(social.indexOf(kPhone));
    CHECK(view.value(QStringLiteral("startUtf16")).toInt() == utf16Start);
    CHECK(view.value(QStringLiteral("start")).toInt() == utf16Start - 1);
    CHECK(view.value(QStringLiteral("end")).toInt() - view.value(QStringLiteral("start")).toInt() == kPhone.size());
    CHECK(view.value(QStringLiteral("category")).toString() == QStringLiteral("D"));
    CHECK(view.value(QStringLiteral("contextHtml")).toString().contains(QStringLiteral(">+264 81 457 3390</span>")));

    const int name = e.findingIndex(kName);
    REQUIRE(name >= 0);
    CHECK(e.editor.findings()->at(name)->path == QStringLiteral("narrative"));
    CHECK(e.editor.findings()->get(name).value(QStringLiteral("redaction")).toString() == QStringLiteral("[NAME]"));

    // The form row of each field carries its own findings for the inline highlight.
    auto* form = e.editor.form();
    int narrativeRow = -1;
    for (int r = 0; r < form->rowCount(); ++r)
        if (form->rows()[static_cast<std::size_t>(r)].kind == QStringLiteral("field")
            && form->rows()[static_cast<std::size_t>(r)].path == QStringLiteral("narrative"))
            narrativeRow = r;
    REQUIRE(narrativeRow >= 0);
    const QVariantList rowFindings = form->data(form->index(narrativeRow), spoke::ui::FormModel::FindingsRole).toList();
    REQUIRE(rowFindings.size() == 1);
    CHECK(rowFindings.first().toMap().value(QStringLiteral("text")).toString() == kName);
}

TEST_CASE("One-click redaction replaces the span and the finding stays gone after the recheck", "[ui][editor]")
{
    Editor e;
    e.importFixture();
    const int phone = e.findingIndex(kPhone);
    REQUIRE(phone >= 0);
    e.editor.redact(phone);
    // At once, before the cache answers: the text and the list change together.
    const QString social = e.editor.form()->textAt(QStringLiteral("history.social_history"));
    CHECK(social.contains(QStringLiteral("call her on [PHONE] when")));
    CHECK_FALSE(social.contains(kPhone));
    CHECK(e.editor.findings()->rowCount() == 1);

    REQUIRE(waitUntil([&] { return e.idle(); }));
    CHECK(e.findingIndex(kPhone) < 0);
    CHECK(e.editor.findings()->rowCount() == 1);
    auto cache = e.openCache();
    const auto latest = cache.cases().latestRevision(e.editor.caseId());
    CHECK_FALSE(QString::fromStdString(latest->bodyJson).contains(QStringLiteral("457 3390")));
}

TEST_CASE("Mark ready is refused with open findings and allowed after redaction and a logged override", "[ui][editor]")
{
    Editor e;
    e.importFixture();
    CHECK_FALSE(e.editor.canMarkReady());
    CHECK(e.editor.readyBlockedReason().contains(QStringLiteral("2 possible identifier")));

    // The workflow itself refuses, not only the button.
    e.editor.clearMessages();
    e.editor.markReady();
    REQUIRE(waitUntil([&] { return e.idle() && !e.editor.error().isEmpty(); }));
    CHECK(e.editor.error().contains(QStringLiteral("cannot be marked ready")));
    CHECK(e.editor.status() == QStringLiteral("draft"));

    e.editor.redact(e.findingIndex(kPhone));
    REQUIRE(waitUntil([&] { return e.idle() && e.editor.findings()->rowCount() == 1; }));

    // An override needs a person; then it is logged with its reason.
    const int name = e.findingIndex(kName);
    REQUIRE(name >= 0);
    e.editor.clearMessages();
    e.editor.overrideFinding(name, QStringLiteral("Fictional name used for teaching"));
    REQUIRE(waitUntil([&] { return e.idle() && !e.editor.error().isEmpty(); }));
    CHECK(e.editor.error().contains(QStringLiteral("name of the person")));
    e.editor.setReviewerName(QStringLiteral("Dr Hub Reviewer"));
    e.editor.overrideFinding(e.findingIndex(kName), QStringLiteral("Fictional name used for teaching"));
    REQUIRE(waitUntil([&] { return e.idle() && e.editor.findings()->rowCount() == 0; }));
    REQUIRE(e.editor.overrides().size() == 1);
    CHECK(e.editor.overrides().first().toMap().value(QStringLiteral("who")).toString()
          == QStringLiteral("Dr Hub Reviewer"));

    auto cache = e.openCache();
    const auto logged = cache.cases().deidOverrides(e.editor.caseId());
    REQUIRE(logged.size() == 1);
    CHECK(logged.front().fieldPath == "narrative");
    CHECK(logged.front().reason == "Fictional name used for teaching");
    // The log holds a keyed hash (the install's secret), never the name itself.
    CHECK(logged.front().textSha256 == spoke::cases::CaseWorkflow::localOverrideHash("ECHO-HIV-T901", kName));

    CHECK(e.editor.canMarkReady());
    e.editor.markReady();
    REQUIRE(waitUntil([&] { return e.idle() && e.editor.status() == QStringLiteral("ready"); }));
    CHECK(cache.cases().byId(e.editor.caseId())->status == spoke::store::CaseStatus::Ready);

    // An edit to a ready case sends it back to draft: its check is stale.
    e.editor.setValue(QStringLiteral("question"), QStringLiteral("Genotype now, or adherence support first?"),
                      QStringLiteral("text"));
    e.editor.saveNow();
    REQUIRE(waitUntil([&] { return e.idle() && e.editor.status() == QStringLiteral("draft"); }));
}

TEST_CASE("The PDF export holds the case but none of the flagged identifiers", "[ui][editor]")
{
    Editor e;
    e.importFixture();
    REQUIRE(e.editor.findings()->rowCount() == 2);
    const QString pdf = QDir(QString::fromStdString(e.dir.path().string())).filePath(QStringLiteral("case.pdf"));
    // Exported with both findings still open: they are masked in the file.
    REQUIRE(e.exported(&CaseEditorModel::exportPdf, pdf));

    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("%PDF-"));
    CHECK(bytes.size() > 2000);

    QString text = pdfText(pdf);
    if (text.isEmpty()) {
        WARN("pdftotext is not installed (poppler-utils); checking the rendered document's text instead");
        QTextDocument document;
        document.setHtml(
            spoke::ui::CasePdfExporter::html(*e.editor.form(), e.editor.findings()->all(), e.editor.caseCode()));
        text = document.toPlainText();
    }
    const QString flat = text.simplified();
    CHECK(flat.contains(QStringLiteral("ECHO-HIV-T901")));
    CHECK(flat.contains(QStringLiteral("Persistent low-level viraemia")));
    CHECK(flat.contains(QStringLiteral("Creatinine")));
    CHECK(flat.contains(QStringLiteral("[NAME]")));
    CHECK(flat.contains(QStringLiteral("[PHONE]")));
    CHECK_FALSE(flat.contains(QStringLiteral("Shikongo")));
    CHECK_FALSE(flat.contains(QStringLiteral("457 3390")));
    CHECK_FALSE(flat.contains(QStringLiteral("x_hub_routing")));
}

TEST_CASE("JSON export keeps unknown keys through an edit, and re-import adds a revision", "[ui][editor]")
{
    Editor e;
    e.importFixture();
    const qint64 id = e.editor.caseId();
    e.editor.setValue(QStringLiteral("labs[1].value"), QStringLiteral("81"), QStringLiteral("text"));
    e.editor.removeItem(QStringLiteral("labs"), 0);
    REQUIRE(waitUntil([&] { return e.idle(); }));

    const QString out = QDir(QString::fromStdString(e.dir.path().string())).filePath(QStringLiteral("out.json"));
    // The gate first: with findings open no file is written at all.
    CHECK_FALSE(e.exported(&CaseEditorModel::exportJson, QUrl::fromLocalFile(out).toString()));
    CHECK(e.editor.error().contains(QStringLiteral("2 possible identifier")));
    CHECK_FALSE(QFile::exists(out));
    e.resolveFindings();
    REQUIRE(e.exported(&CaseEditorModel::exportJson, QUrl::fromLocalFile(out).toString()));
    const QJsonObject exported = QJsonDocument::fromJson(readText(out).toUtf8()).object();
    const QJsonObject original = QJsonDocument::fromJson(readText(kFixture).toUtf8()).object();
    CHECK(exported.value(QStringLiteral("x_hub_routing")) == original.value(QStringLiteral("x_hub_routing")));
    CHECK(exported.value(QStringLiteral("x_reviewed_by_coordinator")).toBool());
    const QJsonArray labs = exported.value(QStringLiteral("labs")).toArray();
    REQUIRE(labs.size() == 1);
    CHECK(labs.at(0).toObject().value(QStringLiteral("value")).toString() == QStringLiteral("81"));
    CHECK(labs.at(0).toObject().value(QStringLiteral("day_rel")).toInt() == -14);
    CHECK(exported.value(QStringLiteral("history")).toObject().value(QStringLiteral("current_medications"))
          == original.value(QStringLiteral("history")).toObject().value(QStringLiteral("current_medications")));

    const int revisions = e.editor.revision();
    e.editor.importJson(out);
    REQUIRE(waitUntil([&] { return e.idle() && e.editor.revision() == revisions + 1; }));
    CHECK(e.editor.caseId() == id);

    // Not a case at all: refused with a reason, nothing stored.
    const QString junk = QDir(QString::fromStdString(e.dir.path().string())).filePath(QStringLiteral("junk.json"));
    QFile f(junk);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("{\"hello\": 1}");
    f.close();
    e.editor.importJson(junk);
    CHECK(e.editor.error().startsWith(QStringLiteral("This file cannot be imported")));
}

TEST_CASE("Exports check the text as saved at export time, not the findings shown before the last keystroke",
          "[ui][editor]")
{
    Editor e;
    e.importFixture();
    e.resolveFindings();
    REQUIRE(e.editor.findings()->rowCount() == 0);
    const QDir dir(QString::fromStdString(e.dir.path().string()));

    // A phone number typed just now: no autosave and no check have run yet,
    // so the findings on screen still say the case is clean.
    const QString question = QStringLiteral("Call me on 0812345678 to discuss?");
    e.editor.setValue(QStringLiteral("question"), question, QStringLiteral("text"));
    REQUIRE(e.editor.dirty());
    REQUIRE(e.editor.findings()->rowCount() == 0);
    CHECK_FALSE(e.exported(&CaseEditorModel::exportJson, dir.filePath(QStringLiteral("stale.json"))));
    CHECK(e.editor.error().contains(QStringLiteral("1 possible identifier")));
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("stale.json"))));
    // The export saved the edit first: the stored revision is what was checked.
    auto cache = e.openCache();
    CHECK(QString::fromStdString(cache.cases().latestRevision(e.editor.caseId())->bodyJson).contains(question));

    // The PDF of the same moment masks the new number in the file.
    e.editor.setValue(QStringLiteral("question"), QStringLiteral("Or on 0819876543?"), QStringLiteral("text"));
    const QString pdf = dir.filePath(QStringLiteral("stale.pdf"));
    REQUIRE(e.exported(&CaseEditorModel::exportPdf, pdf));
    CHECK(e.editor.notice().contains(QStringLiteral("1 open finding")));
    const QString text = pdfText(pdf).simplified();
    if (text.isEmpty())
        WARN("pdftotext is not installed (poppler-utils); the PDF's text is not checked");
    else {
        CHECK(text.contains(QStringLiteral("Or on [PHONE]")));
        CHECK_FALSE(text.contains(QStringLiteral("0819876543")));
    }
}

TEST_CASE("Every programme gets its form from its schema, with pick lists instead of free-text identifiers",
          "[ui][editor]")
{
    Editor e;
    const auto& registry = spoke::cases::SchemaRegistry::builtIn();
    REQUIRE(registry.programmes().size() >= 6);
    for (const QString& programme : registry.programmes()) {
        INFO(programme.toStdString());
        e.editor.newCase(programme);
        REQUIRE(
            waitUntil([&] { return e.idle() && e.editor.form()->textAt(QStringLiteral("programme")) == programme; }));
        CHECK(e.editor.caseCode().startsWith(QStringLiteral("LOCAL-")));
        QStringList sections, paths;
        for (const auto& row : e.editor.form()->rows()) {
            if (row.kind == QStringLiteral("section"))
                sections << row.label;
            paths << row.path;
            if (row.type == QStringLiteral("case_code") || row.type == QStringLiteral("programme"))
                CHECK(row.readOnly);
        }
        const QJsonObject schema = registry.programmeSchema(programme);
        CHECK(sections.contains(schema.value(QStringLiteral("title")).toString()));
        for (const auto& field : schema.value(QStringLiteral("fields")).toArray())
            CHECK(paths.contains(QStringLiteral("programme_fields.")
                                 + field.toObject().value(QStringLiteral("key")).toString()));
        // A blank case is not ready: the form says which fields are missing.
        CHECK(e.editor.form()->errorCount() > 0);
        CHECK_FALSE(e.editor.canMarkReady());
    }

    auto* form = e.editor.form();
    const auto rowOf = [&](const QString& path) {
        for (int r = 0; r < form->rowCount(); ++r)
            if (form->rows()[static_cast<std::size_t>(r)].path == path
                && form->rows()[static_cast<std::size_t>(r)].kind != QStringLiteral("section"))
                return r;
        return -1;
    };
    const int age = rowOf(QStringLiteral("patient.age_band"));
    REQUIRE(age >= 0);
    CHECK(form->data(form->index(age), spoke::ui::FormModel::ChoicesRole).toStringList().last()
          == QStringLiteral("90+"));
    CHECK(form->data(form->index(age), spoke::ui::FormModel::IssueRole)
              .toString()
              .contains(QStringLiteral("is required")));
    e.editor.setValue(QStringLiteral("patient.age_band"), QStringLiteral("90+"), QStringLiteral("choice"));
    CHECK(form->data(form->index(age), spoke::ui::FormModel::IssueRole).toString().isEmpty());

    const int region = rowOf(QStringLiteral("presenter.region_level1"));
    REQUIRE(region >= 0);
    CHECK(form->data(form->index(region), spoke::ui::FormModel::ChoicesRole).toStringList().isEmpty());
    e.editor.setValue(QStringLiteral("presenter.country"), QStringLiteral("NA"), QStringLiteral("country"));
    CHECK(form->data(form->index(region), spoke::ui::FormModel::ChoicesRole)
              .toStringList()
              .contains(QStringLiteral("Ohangwena")));

    // Day offsets are whole numbers; a date typed into one is flagged next to the cell.
    e.editor.addItem(QStringLiteral("labs"));
    e.editor.setValue(QStringLiteral("labs[0].day_rel"), QStringLiteral("-30"), QStringLiteral("day_rel"));
    CHECK(form->document()
              .value(QStringLiteral("labs"))
              .toArray()
              .at(0)
              .toObject()
              .value(QStringLiteral("day_rel"))
              .toInt()
          == -30);
    e.editor.setValue(QStringLiteral("labs[0].day_rel"), QStringLiteral("12/03/2024"), QStringLiteral("day_rel"));
    const QVariantMap cellIssues =
        form->data(form->index(rowOf(QStringLiteral("labs"))), spoke::ui::FormModel::IssuesRole).toMap();
    CHECK(cellIssues.contains(QStringLiteral("labs[0].day_rel")));
    CHECK(cellIssues.contains(QStringLiteral("labs[0].test")));
}

TEST_CASE("Attachments are cleaned before they join the case; what cannot be cleaned is refused with the reason",
          "[ui][editor]")
{
    Editor e;
    e.importFixture();
    const QDir dir(QString::fromStdString(e.dir.path().string()));
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor(200, 120, 80));
    image.setText(QStringLiteral("Author"), kName);
    const QString photo = dir.filePath(QStringLiteral("wound Ndapewa.png"));
    REQUIRE(image.save(photo));
    REQUIRE(readText(photo).contains(kName));

    e.editor.addAttachment(QUrl::fromLocalFile(photo).toString());
    REQUIRE(waitUntil([&] { return e.editor.attachmentMessage().startsWith(QStringLiteral("Attached")); }));
    const QJsonArray attachments = e.editor.form()->document().value(QStringLiteral("attachments")).toArray();
    REQUIRE(attachments.size() == 1);
    CHECK(attachments.at(0).toObject().value(QStringLiteral("file_name")).toString() == QStringLiteral("photo-1.png"));
    CHECK(attachments.at(0).toObject().value(QStringLiteral("kind")).toString() == QStringLiteral("photo"));
    const QString stored = dir.filePath(QStringLiteral("attachments/ECHO-HIV-T901/photo-1.png"));
    REQUIRE(QFile::exists(stored));
    CHECK_FALSE(readText(stored).contains(QStringLiteral("Shikongo")));
    CHECK(QImage(stored).size() == QSize(64, 48));
    REQUIRE(waitUntil([&] { return e.idle(); }));

    const QString report = dir.filePath(QStringLiteral("discharge.pdf"));
    QFile f(report);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("%PDF-1.4\n% a scanned discharge letter\n");
    f.close();
    e.editor.addAttachment(report);
    REQUIRE(waitUntil([&] { return e.editor.attachmentMessage().startsWith(QStringLiteral("Not attached")); }));
    CHECK(e.editor.form()->document().value(QStringLiteral("attachments")).toArray().size() == 1);
}

TEST_CASE("A submitted case opens read-only", "[ui][editor]")
{
    Editor e;
    qint64 submitted = 0;
    {
        auto cache = e.openCache();
        for (const auto& record : cache.cases().list())
            if (record.status != spoke::store::CaseStatus::Draft && record.status != spoke::store::CaseStatus::Ready)
                submitted = record.id;
    }
    REQUIRE(submitted > 0);
    e.editor.open(submitted);
    REQUIRE(waitUntil([&] { return !e.editor.loading() && !e.editor.busy(); }));
    CHECK_FALSE(e.editor.editable());
    CHECK(e.editor.form()->rowCount() > 10);
    e.editor.setValue(QStringLiteral("question"), QStringLiteral("changed"), QStringLiteral("text"));
    CHECK_FALSE(e.editor.error().isEmpty());
    CHECK_FALSE(e.editor.dirty());
}
