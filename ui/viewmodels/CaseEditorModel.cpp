#include "viewmodels/CaseEditorModel.h"

#include "cases/AttachmentCleaner.h"
#include "cases/AttachmentNames.h"
#include "cases/CaseError.h"
#include "cases/CaseWorkflow.h"
#include "cases/SchemaRegistry.h"
#include "store/CacheWorker.h"
#include "viewmodels/CasePdfExporter.h"
#include "viewmodels/Formatting.h"
#include "viewmodels/HubWording.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThreadPool>
#include <QUrl>

namespace spoke::ui {

// What the cache thread reports about the case after each job.
struct CaseEditorModel::Snapshot {
    qint64 caseId = 0;
    QString caseCode;
    QString title;
    QString status;
    int revision = 0;
    qint64 savedMs = 0;
    QJsonObject document;
    std::vector<cases::Finding> findings;
    QVariantList overrides;
    QVariantList recommendations;
    QString refusal; // a workflow refusal, e.g. "cannot be marked ready: ..."
};

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString localPath(const QString& file)
{
    const QUrl url(file);
    return url.isLocalFile() ? url.toLocalFile() : file;
}

// Runs on the cache thread: the newest state of a case, checked by the gate.
CaseEditorModel::Snapshot snapshotOf(store::Cache& cache, std::int64_t caseId)
{
    auto cases = cache.cases();
    const auto record = cases.byId(caseId);
    if (!record)
        throw std::runtime_error(QObject::tr("This case is no longer in the cache.").toStdString());
    CaseEditorModel::Snapshot s;
    s.caseId = record->id;
    s.caseCode = qs(record->caseCode);
    s.title = qs(record->title);
    s.status = qs(std::string(store::toString(record->status)));
    if (const auto latest = cases.latestRevision(caseId)) {
        s.revision = latest->revision;
        s.savedMs = latest->savedMs;
        s.document = QJsonDocument::fromJson(QByteArray::fromStdString(latest->bodyJson)).object();
        s.findings = cases::CaseWorkflow(cache, cases::DeidGate::builtIn()).unresolvedFindings(caseId);
    }
    for (const auto& o : cases.deidOverrides(caseId))
        s.overrides.append(QVariantMap{{QStringLiteral("path"), qs(o.fieldPath)},
                                       {QStringLiteral("categoryName"), cases::categoryName(o.category)},
                                       {QStringLiteral("reason"), qs(o.reason)},
                                       {QStringLiteral("who"), qs(o.who)},
                                       {QStringLiteral("when"), formatDateTime(o.createdMs)}});
    // The hub's recommendations: numbered items, then the prose (core/store/HubStore).
    for (const auto& r : cases.recommendations(caseId))
        s.recommendations.append(QVariantMap{{QStringLiteral("author"), qs(r.author)},
                                             {QStringLiteral("when"), formatDateTime(r.createdMs)},
                                             {QStringLiteral("text"), qs(r.body)}});
    return s;
}

// Runs on the cache thread: stores `document` as the newest revision. A
// ready case that changes goes back to draft, since its check is stale.
void saveOn(store::Cache& cache, std::int64_t caseId, const QJsonObject& document, std::int64_t nowMs)
{
    const auto record = cache.cases().byId(caseId);
    if (!record)
        throw std::runtime_error(QObject::tr("This case is no longer in the cache.").toStdString());
    if (record->status == store::CaseStatus::Ready)
        cache.cases().setStatus(caseId, store::CaseStatus::Draft, nowMs);
    else if (record->status != store::CaseStatus::Draft)
        throw std::runtime_error(
            QObject::tr("This case was already submitted; changes are no longer saved here.").toStdString());
    cases::CaseWorkflow(cache, cases::DeidGate::builtIn()).saveRevision(caseId, cases::CaseDocument(document), nowMs);
}

// A local code until the hub assigns one: LOCAL-HIV-001, LOCAL-HIV-002, ...
std::string freeLocalCode(store::Cache& cache, const QString& programme)
{
    const QString stem =
        QStringLiteral("LOCAL-%1-").arg(programme.toUpper().remove(QRegularExpression(QStringLiteral("[^A-Z0-9]"))));
    for (int n = 1;; ++n) {
        const std::string code = (stem + QStringLiteral("%1").arg(n, 3, 10, QLatin1Char('0'))).toStdString();
        if (!cache.cases().byCode(code))
            return code;
    }
}

// A case written on a laptop that has joined a hub belongs to the hub's
// programme of its kind, so that it can be submitted there (core/sync's
// CaseSubmission takes only those); otherwise to a local programme with the
// form's code.
std::int64_t programmeRow(store::Cache& cache, const QString& code)
{
    auto hub = cache.hub();
    if (const auto account = hub.activeAccount()) {
        const auto programme = hub.programmeForKind(code.toStdString());
        if (programme && hub.hubProgrammeOf(account->url, *programme))
            return *programme;
    }
    auto sessions = cache.sessions();
    if (const auto existing = sessions.programmeByCode(code.toStdString()))
        return existing->id;
    const QString title =
        cases::SchemaRegistry::builtIn().programmeSchema(code).value(QLatin1String("title")).toString();
    return sessions.addProgramme({0, code.toStdString(), title.toStdString(), {}, {}});
}

std::int64_t createCase(store::Cache& cache, QJsonObject document, const QString& title, std::int64_t nowMs)
{
    const QString programme = document.value(QLatin1String("programme")).toString();
    store::CaseRecord record;
    // A hub-assigned code is kept; without one the case gets a local code.
    static const QRegularExpression hubCode(QStringLiteral("^[A-Z0-9][A-Z0-9\\-]{2,40}$"));
    const QString given = document.value(QLatin1String("case_id")).toString();
    record.caseCode = hubCode.match(given).hasMatch() && !cache.cases().byCode(given.toStdString())
                          ? given.toStdString()
                          : freeLocalCode(cache, programme);
    document.insert(QStringLiteral("case_id"), qs(record.caseCode));
    record.programmeId = programmeRow(cache, programme);
    record.title = title.arg(qs(record.caseCode)).toStdString();
    record.createdMs = nowMs;
    record.updatedMs = nowMs;
    const std::int64_t id = cache.cases().create(record);
    saveOn(cache, id, document, nowMs);
    return id;
}

QJsonObject blankCase(const QString& programme)
{
    return {{QStringLiteral("schema_version"), QStringLiteral("echo-case/1.0")},
            {QStringLiteral("case_id"), QString()},
            {QStringLiteral("programme"), programme},
            {QStringLiteral("language"), QStringLiteral("en")},
            // Choices start unset (not ""), so the form asks for them.
            {QStringLiteral("presenter"),
             QJsonObject{{QStringLiteral("cadre"), QString()}, {QStringLiteral("setting"), QString()}}},
            {QStringLiteral("patient"), QJsonObject{}},
            {QStringLiteral("narrative"), QString()},
            {QStringLiteral("history"), QJsonObject{}},
            {QStringLiteral("programme_fields"), QJsonObject{}},
            {QStringLiteral("labs"), QJsonArray{}},
            {QStringLiteral("question"), QString()}};
}

} // namespace

CaseEditorModel::CaseEditorModel(store::CacheWorker& worker, std::filesystem::path attachmentsDir,
                                 sync::SyncWorker* sync, QObject* parent)
    : QObject(parent)
    , worker_(worker)
    , attachmentsDir_(std::move(attachmentsDir))
    , sync_(sync)
    , form_(cases::SchemaRegistry::builtIn())
{
    if (sync_) {
        connect(sync_, &sync::SyncWorker::caseSubmitted, this, &CaseEditorModel::submitted);
        connect(sync_, &sync::SyncWorker::submitFailed, this, &CaseEditorModel::submitFailed);
    }
    autosave_.setSingleShot(true);
    autosave_.setInterval(kAutosaveDelayMs);
    connect(&autosave_, &QTimer::timeout, this, &CaseEditorModel::saveNow);
    connect(&form_, &FormModel::documentEdited, this, &CaseEditorModel::edited);
    connect(&form_, &FormModel::issuesChanged, this, &CaseEditorModel::stateChanged);
    connect(&findings_, &FindingsModel::countChanged, this, &CaseEditorModel::stateChanged);
}

CaseEditorModel::~CaseEditorModel() = default;

template <class T, class Job, class Done> void CaseEditorModel::post(Job job, Done done)
{
    ++pendingJobs_;
    Q_EMIT stateChanged();
    worker_.run<T>(this, std::move(job), [this, done = std::move(done)](const store::Outcome<T>& outcome) {
        --pendingJobs_;
        done(outcome);
        Q_EMIT stateChanged();
    });
}

QVariantList CaseEditorModel::programmes() const
{
    const auto& registry = cases::SchemaRegistry::builtIn();
    QVariantList list;
    for (const QString& code : registry.programmes())
        list.append(QVariantMap{
            {QStringLiteral("code"), code},
            {QStringLiteral("title"), registry.programmeSchema(code).value(QLatin1String("title")).toString()}});
    return list;
}

QString CaseEditorModel::statusText() const
{
    return caseStatusLabel(status_);
}

bool CaseEditorModel::editable() const
{
    return caseId_ > 0 && !loading_ && !lockedByHub()
           && (status_ == QLatin1String("draft") || status_ == QLatin1String("ready"));
}

// Submitted and not returned: the hub owns the text now, even before the
// local status has caught up (docs/hub-api.md "Client rules").
bool CaseEditorModel::lockedByHub() const
{
    const auto it = hubStates_.constFind(caseId_);
    if (it == hubStates_.constEnd())
        return false;
    using Delivery = sync::CaseSyncState::Delivery;
    if (it->delivery == Delivery::WaitingToSend)
        return true;
    return it->delivery == Delivery::Sent && it->hubStatus != sync::HubCaseStatus::Returned;
}

void CaseEditorModel::setHubStates(const QHash<qint64, sync::CaseSyncState>& states)
{
    const auto before = hubStates_.value(caseId_);
    hubStates_ = states;
    const auto after = hubStates_.value(caseId_);
    Q_EMIT stateChanged();
    // The hub moved this case on (returned it, recommended): reload its status and recommendations.
    if (caseId_ > 0 && !loading_ && (before.hubStatus != after.hubStatus || before.delivery != after.delivery))
        reloadHubFacts();
}

QString CaseEditorModel::hubStatusText() const
{
    const auto it = hubStates_.constFind(caseId_);
    return it == hubStates_.constEnd() ? QString() : HubWording::caseDeliveryLabel(*it);
}

bool CaseEditorModel::hubWaiting() const
{
    const auto it = hubStates_.constFind(caseId_);
    return it != hubStates_.constEnd() && it->delivery == sync::CaseSyncState::Delivery::WaitingToSend;
}

QString CaseEditorModel::hubQuestion() const
{
    const auto it = hubStates_.constFind(caseId_);
    if (it == hubStates_.constEnd() || it->hubStatus != sync::HubCaseStatus::Returned)
        return {};
    return it->question;
}

QString CaseEditorModel::hubRefusal() const
{
    const auto it = hubStates_.constFind(caseId_);
    if (it == hubStates_.constEnd() || it->delivery != sync::CaseSyncState::Delivery::Refused)
        return {};
    return HubWording::describeSyncError(it->deliveryError, sync::SyncWorker::Operation::SubmitCase);
}

QString CaseEditorModel::submitBlockedReason() const
{
    if (caseId_ == 0 || loading_)
        return tr("No case is open.");
    if (lockedByHub())
        return tr("This case is already with the hub.");
    if (status_ != QLatin1String("ready"))
        return tr("Mark the case ready first.");
    if (!sync_ || !sync_->account().signedIn)
        return tr("Sign in to your hub first, in Settings → Hub account.");
    if (dirty() || busy())
        return tr("Checking the latest changes…");
    return {};
}

QString CaseEditorModel::savedText() const
{
    if (caseId_ == 0)
        return {};
    if (dirty())
        return tr("Unsaved changes…");
    if (revision_ == 0)
        return tr("Not saved yet");
    return tr("Saved %1 · revision %2").arg(formatDateTime(savedMs_)).arg(revision_);
}

QString CaseEditorModel::readyBlockedReason() const
{
    if (caseId_ == 0 || loading_)
        return tr("No case is open.");
    if (status_ != QLatin1String("draft"))
        return tr("Only a draft can be marked ready; this case is %1.").arg(statusText().toLower());
    if (findings_.rowCount() > 0)
        return tr("%n possible identifier(s) must be redacted, or overridden with a reason, first.", "",
                  findings_.rowCount());
    if (form_.errorCount() > 0)
        return tr("%n field(s) need attention first: %1.", "", form_.errorCount()).arg(form_.errorMessages().value(0));
    if (dirty() || busy())
        return tr("Checking the latest changes…");
    return {};
}

void CaseEditorModel::setReviewerName(const QString& name)
{
    if (name != reviewerName_) {
        reviewerName_ = name;
        Q_EMIT reviewerNameChanged();
    }
}

void CaseEditorModel::fail(const QString& message)
{
    error_ = message;
    notice_.clear();
    Q_EMIT messageChanged();
}

void CaseEditorModel::setNotice(const QString& message)
{
    notice_ = message;
    error_.clear();
    Q_EMIT messageChanged();
}

void CaseEditorModel::clearMessages()
{
    error_.clear();
    notice_.clear();
    attachmentMessage_.clear();
    Q_EMIT messageChanged();
}

void CaseEditorModel::open(qint64 caseId)
{
    affinity_.assertOwner();
    saveNow();
    const quint64 generation = ++openGeneration_;
    caseId_ = caseId;
    loading_ = true;
    overrides_.clear();
    error_.clear();
    notice_.clear();
    attachmentMessage_.clear();
    Q_EMIT messageChanged();
    Q_EMIT caseChanged();
    post<Snapshot>([caseId](store::Cache& cache) { return snapshotOf(cache, caseId); },
                   [this, generation](const store::Outcome<Snapshot>& outcome) {
                       if (generation != openGeneration_)
                           return;
                       loading_ = false;
                       if (!outcome.ok()) {
                           caseId_ = 0;
                           fail(outcome.error);
                           Q_EMIT caseChanged();
                           return;
                       }
                       const Snapshot& s = *outcome.value;
                       caseCode_ = s.caseCode;
                       title_ = s.title;
                       editGeneration_ = savedGeneration_ = 0;
                       form_.setDocument(s.document);
                       apply(s, 0);
                       Q_EMIT caseChanged();
                   });
}

void CaseEditorModel::apply(const Snapshot& s, quint64 generation)
{
    status_ = s.status;
    revision_ = s.revision;
    savedMs_ = s.savedMs;
    overrides_ = s.overrides;
    recommendations_ = s.recommendations;
    // Spans only fit the text they were found in; a newer edit gets its own check.
    if (generation == editGeneration_)
        applyFindings(s.findings);
    if (!s.refusal.isEmpty())
        fail(s.refusal);
}

void CaseEditorModel::applyFindings(std::vector<cases::Finding> findings)
{
    findings_.replace(
        std::move(findings), [this](const QString& path) { return form_.textAt(path); },
        [this](const QString& path) { return form_.labelAt(path); });
    form_.setFindings(findings_.views());
}

void CaseEditorModel::newCase(const QString& programme)
{
    affinity_.assertOwner();
    if (!cases::SchemaRegistry::builtIn().hasProgramme(programme)) {
        fail(tr("There is no form for the programme \"%1\".").arg(programme));
        return;
    }
    const QString title =
        tr("New %1 case %2")
            .arg(cases::SchemaRegistry::builtIn().programmeSchema(programme).value(QLatin1String("title")).toString(),
                 QStringLiteral("%1"));
    const QJsonObject document = blankCase(programme);
    post<std::int64_t>(
        [document, title](store::Cache& cache) { return createCase(cache, document, title, store::currentTimeMs()); },
        [this](const store::Outcome<std::int64_t>& outcome) {
            if (!outcome.ok())
                return fail(outcome.error);
            Q_EMIT casesChanged();
            open(*outcome.value);
        });
}

void CaseEditorModel::importJson(const QString& file)
{
    affinity_.assertOwner();
    QJsonObject document;
    try {
        document = cases::CaseDocument::fromFile(localPath(file).toStdString()).json();
    } catch (const std::exception& e) {
        return fail(tr("This file cannot be imported: %1").arg(QString::fromUtf8(e.what())));
    }
    const QString programme = document.value(QLatin1String("programme")).toString();
    if (!cases::SchemaRegistry::builtIn().hasProgramme(programme))
        return fail(
            tr("This file cannot be imported: it names the programme \"%1\", which has no form here.").arg(programme));
    post<std::int64_t>(
        [document, title = tr("Imported case %1")](store::Cache& cache) {
            const std::int64_t now = store::currentTimeMs();
            // The same case again (an edited export, a copy from another
            // laptop) becomes its newest revision, not a second case.
            const std::string code = document.value(QLatin1String("case_id")).toString().toStdString();
            if (const auto existing = code.empty() ? std::nullopt : cache.cases().byCode(code)) {
                saveOn(cache, existing->id, document, now);
                return existing->id;
            }
            return createCase(cache, document, title, now);
        },
        [this](const store::Outcome<std::int64_t>& outcome) {
            if (!outcome.ok())
                return fail(tr("This file cannot be imported: %1").arg(outcome.error));
            Q_EMIT casesChanged();
            open(*outcome.value);
            setNotice(tr("Case imported."));
        });
}

void CaseEditorModel::edited()
{
    ++editGeneration_;
    autosave_.start();
    Q_EMIT stateChanged();
}

void CaseEditorModel::setValue(const QString& path, const QVariant& value, const QString& type)
{
    affinity_.assertOwner();
    if (!editable())
        return fail(tr("This case can no longer be changed here."));
    form_.setValue(path, value, type);
}

void CaseEditorModel::addItem(const QString& listPath)
{
    if (editable())
        form_.addItem(listPath);
}

void CaseEditorModel::removeItem(const QString& listPath, int index)
{
    if (editable())
        form_.removeItem(listPath, index);
}

void CaseEditorModel::saveNow()
{
    affinity_.assertOwner();
    autosave_.stop();
    if (caseId_ == 0 || !dirty() || loading_)
        return;
    const quint64 generation = editGeneration_;
    const quint64 opened = openGeneration_;
    const qint64 id = caseId_;
    const QJsonObject document = form_.document();
    post<Snapshot>(
        [id, document](store::Cache& cache) {
            saveOn(cache, id, document, store::currentTimeMs());
            return snapshotOf(cache, id);
        },
        [this, generation, opened](const store::Outcome<Snapshot>& outcome) {
            if (opened != openGeneration_)
                return;
            if (!outcome.ok())
                return fail(outcome.error);
            savedGeneration_ = std::max(savedGeneration_, generation);
            apply(*outcome.value, generation);
            Q_EMIT casesChanged();
        });
}

void CaseEditorModel::redact(int findingIndex)
{
    affinity_.assertOwner();
    const cases::Finding* finding = findings_.at(findingIndex);
    if (!finding || !editable())
        return;
    const QString value = form_.textAt(finding->path);
    const int start = utf16Index(value, finding->start);
    const int end = utf16Index(value, finding->end);
    if (value.mid(start, end - start) != finding->text)
        return fail(tr("That text has changed since it was checked; wait for the new check."));
    const QString replacement = redactionFor(*finding);
    const QString path = finding->path;
    const int deltaUtf16 = static_cast<int>(replacement.size()) - (end - start);
    const int deltaCodePoints =
        cases::codePointIndex(replacement, replacement.size()) - (finding->end - finding->start);
    findings_.removeAfterEdit(findingIndex, deltaCodePoints, deltaUtf16);
    form_.setText(path, value.left(start) + replacement + value.mid(end));
    form_.setFindings(findings_.views());
}

void CaseEditorModel::overrideFinding(int findingIndex, const QString& reason)
{
    affinity_.assertOwner();
    const cases::Finding* found = findings_.at(findingIndex);
    if (!found || caseId_ == 0)
        return;
    saveNow(); // the workflow checks the finding against the stored revision
    const cases::Finding finding = *found;
    const qint64 id = caseId_;
    const quint64 generation = editGeneration_;
    const quint64 opened = openGeneration_;
    post<Snapshot>(
        [id, finding, reason = reason.toStdString(), who = reviewerName_.toStdString()](store::Cache& cache) {
            cases::CaseWorkflow(cache, cases::DeidGate::builtIn())
                .overrideFinding(id, finding, reason, who, store::currentTimeMs());
            return snapshotOf(cache, id);
        },
        [this, generation, opened](const store::Outcome<Snapshot>& outcome) {
            if (opened != openGeneration_)
                return;
            if (!outcome.ok())
                return fail(outcome.error);
            apply(*outcome.value, generation);
            setNotice(tr("Override logged."));
        });
}

void CaseEditorModel::markReady()
{
    affinity_.assertOwner();
    if (caseId_ == 0)
        return;
    if (form_.errorCount() > 0)
        return fail(readyBlockedReason());
    saveNow();
    const qint64 id = caseId_;
    const quint64 generation = editGeneration_;
    const quint64 opened = openGeneration_;
    post<Snapshot>(
        [id](store::Cache& cache) {
            QString refusal;
            try {
                cases::CaseWorkflow(cache, cases::DeidGate::builtIn()).markReady(id, store::currentTimeMs());
            } catch (const cases::CaseError& e) {
                refusal = QString::fromUtf8(e.what());
            }
            Snapshot s = snapshotOf(cache, id);
            s.refusal = refusal;
            return s;
        },
        [this, generation, opened](const store::Outcome<Snapshot>& outcome) {
            if (opened != openGeneration_)
                return;
            if (!outcome.ok())
                return fail(outcome.error);
            apply(*outcome.value, generation);
            if (outcome.value->refusal.isEmpty())
                setNotice(tr("The case is ready to submit."));
            Q_EMIT casesChanged();
        });
}

void CaseEditorModel::submit()
{
    affinity_.assertOwner();
    if (!canSubmit())
        return fail(submitBlockedReason());
    // The SyncWorker runs the gate again on the stored text, then marks and
    // queues the case in one transaction.
    sync_->submitCase(caseId_);
    submitting_ = caseId_;
    Q_EMIT stateChanged();
}

void CaseEditorModel::submitted(qint64 caseId)
{
    if (caseId == submitting_)
        submitting_ = 0;
    Q_EMIT casesChanged();
    if (caseId != caseId_)
        return;
    // Whether it leaves now depends on the network: the status beside the
    // title follows it ("Waiting to send", then "Sent to the hub").
    setNotice(tr("Submitted. The case is in the outbox and goes to the hub with the next sync; it can no longer be "
                 "changed here unless the hub returns it."));
    reloadHubFacts();
}

void CaseEditorModel::submitFailed(const sync::SubmitFailure& failure)
{
    if (failure.localCaseId == submitting_)
        submitting_ = 0;
    if (failure.localCaseId != caseId_)
        return Q_EMIT stateChanged();
    fail(tr("Not submitted: %1").arg(HubWording::describeSubmitFailure(failure)));
    reloadHubFacts();
}

// The status and recommendations of the open case, read again without
// touching the form (the text on screen is the clinician's).
void CaseEditorModel::reloadHubFacts()
{
    const qint64 id = caseId_;
    const quint64 opened = openGeneration_;
    const quint64 generation = editGeneration_;
    post<Snapshot>([id](store::Cache& cache) { return snapshotOf(cache, id); },
                   [this, opened, generation](const store::Outcome<Snapshot>& outcome) {
                       if (opened == openGeneration_ && outcome.ok())
                           apply(*outcome.value, generation);
                   });
}

struct CaseEditorModel::ExportCheck {
    QJsonObject document;
    std::vector<cases::Finding> open;
};

namespace {

// Runs on the cache thread, after any save posted before it: the newest
// revision as stored, checked again here rather than trusting the findings
// the editor last showed, which may belong to older text.
CaseEditorModel::ExportCheck exportCheckOf(store::Cache& cache, std::int64_t caseId)
{
    const auto latest = cache.cases().latestRevision(caseId);
    if (!latest)
        throw std::runtime_error(QObject::tr("This case has not been saved yet.").toStdString());
    CaseEditorModel::ExportCheck check;
    check.document = QJsonDocument::fromJson(QByteArray::fromStdString(latest->bodyJson)).object();
    check.open = cases::CaseWorkflow(cache, cases::DeidGate::builtIn()).unresolvedFindings(caseId);
    return check;
}

} // namespace

void CaseEditorModel::exportJson(const QString& file)
{
    exportAs(ExportFormat::Json, localPath(file));
}

void CaseEditorModel::exportPdf(const QString& file)
{
    exportAs(ExportFormat::Pdf, localPath(file));
}

// A case leaves the laptop only through the gate: the edits on screen are
// saved first, and the export job, queued behind that save on the cache
// thread, checks the text exactly as stored and hands that same text back to
// be written. What is checked is what is exported.
void CaseEditorModel::exportAs(ExportFormat format, const QString& path)
{
    affinity_.assertOwner();
    if (caseId_ == 0)
        return;
    saveNow();
    const qint64 id = caseId_;
    const quint64 generation = editGeneration_;
    const quint64 opened = openGeneration_;
    post<ExportCheck>([id](store::Cache& cache) { return exportCheckOf(cache, id); },
                      [this, format, path, generation, opened](const store::Outcome<ExportCheck>& outcome) {
                          if (opened != openGeneration_)
                              return;
                          bool ok = false;
                          if (!outcome.ok())
                              fail(tr("The case was not exported: %1").arg(outcome.error));
                          else if (savedGeneration_ < generation)
                              fail(tr("The case was not exported: the latest changes could not be saved."));
                          else
                              ok = format == ExportFormat::Json ? writeJson(*outcome.value, path)
                                                                : writePdf(*outcome.value, path);
                          Q_EMIT exportFinished(path, ok);
                      });
}

bool CaseEditorModel::writeJson(const ExportCheck& check, const QString& path)
{
    if (!check.open.empty()) {
        fail(tr("The case file was not written: %n possible identifier(s) must be redacted, or overridden with a "
                "reason, first. A PDF export replaces them by their redaction.",
                "", static_cast<int>(check.open.size())));
        return false;
    }
    QSaveFile out(path);
    const QByteArray bytes = cases::CaseDocument(check.document).toJson();
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        fail(tr("The case could not be written to %1: %2").arg(path, out.errorString()));
        return false;
    }
    setNotice(tr("Case saved to %1.").arg(path));
    return true;
}

bool CaseEditorModel::writePdf(const ExportCheck& check, const QString& path)
{
    // Laid out from the stored text, so the spans of `open` fit it.
    FormModel saved(cases::SchemaRegistry::builtIn());
    saved.setDocument(check.document);
    try {
        CasePdfExporter::write(CasePdfExporter::html(saved, check.open, caseCode_), path, caseCode_);
    } catch (const std::exception& e) {
        fail(QString::fromUtf8(e.what()));
        return false;
    }
    setNotice(check.open.empty() ? tr("PDF saved to %1.").arg(path)
                                 : tr("PDF saved to %1. %n open finding(s) are replaced by their redaction in it.", "",
                                      static_cast<int>(check.open.size()))
                                       .arg(path));
    return true;
}

void CaseEditorModel::addAttachment(const QString& file)
{
    affinity_.assertOwner();
    if (!editable())
        return;
    const std::filesystem::path dir = attachmentsDir_ / caseCode_.toStdString();
    const QString input = localPath(file);
    // The names already in the document: a new photo never takes one of
    // them, even when its file is gone (cases::reservePhoto).
    QStringList taken;
    for (const QJsonValue& item : form_.document().value(QLatin1String("attachments")).toArray())
        taken.append(item.toObject().value(QLatin1String("file_name")).toString());
    const quint64 opened = openGeneration_;
    QPointer<CaseEditorModel> self(this);
    attachmentMessage_ = tr("Cleaning the attachment…");
    Q_EMIT messageChanged();
    // Decoding and re-encoding a photo takes longer than a frame: a pool thread does it.
    QThreadPool::globalInstance()->start([self, dir, input, taken, opened] {
        QString name, problem;
        std::filesystem::path part;
        try {
            // The stored name says nothing about the patient, whatever the original was called.
            const cases::ReservedPhoto reserved = cases::reservePhoto(dir, taken);
            part = reserved.part;
            const auto result = cases::AttachmentCleaner::cleanImage(input.toStdString(), part);
            name = reserved.finalName(result.kind == cases::AttachmentCleaner::Kind::Png ? QStringLiteral("png")
                                                                                         : QStringLiteral("jpg"));
            const QString target = QString::fromStdString((dir / name.toStdString()).string());
            if (!QFile::rename(QString::fromStdString(part.string()), target))
                throw std::runtime_error(QObject::tr("Cannot store the cleaned file in %1.")
                                             .arg(QString::fromStdString(dir.string()))
                                             .toStdString());
        } catch (const std::exception& e) {
            problem = QString::fromUtf8(e.what());
            if (!part.empty())
                QFile::remove(QString::fromStdString(part.string()));
        }
        // Back on the UI thread, where `self` is deleted if it ever is.
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, name, problem, opened] {
            if (self)
                self->attachmentCleaned(name, problem, opened);
        });
    });
}

void CaseEditorModel::attachmentCleaned(const QString& name, const QString& problem, quint64 opened)
{
    if (opened != openGeneration_)
        return;
    if (!problem.isEmpty()) {
        attachmentMessage_ = tr("Not attached: %1").arg(problem);
        Q_EMIT messageChanged();
        return;
    }
    const qsizetype row = form_.document().value(QLatin1String("attachments")).toArray().size();
    const QString path = cases::indexPath(QStringLiteral("attachments"), row);
    if (!editable() || !form_.addItem(QStringLiteral("attachments")))
        return;
    form_.setValue(cases::joinPath(path, QStringLiteral("file_name")), name, QStringLiteral("text"));
    form_.setValue(cases::joinPath(path, QStringLiteral("kind")), QStringLiteral("photo"), QStringLiteral("choice"));
    attachmentMessage_ = tr("Attached %1: cleaned of all metadata (location, time, camera).").arg(name);
    Q_EMIT messageChanged();
}

} // namespace spoke::ui
