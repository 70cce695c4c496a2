#pragma once

#include "sync/SyncWorker.h"
#include "util/ThreadAffinity.h"
#include "viewmodels/FindingsModel.h"
#include "viewmodels/FormModel.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <filesystem>

namespace spoke::store {
class CacheWorker;
}

namespace spoke::ui {

// The case editor: one case at a time, its generated form, its open
// de-identification findings and its place in the workflow. Every edit is
// saved to the cache as a new revision after a short pause in typing (and at
// once on Ctrl+S or when the page closes), and each save runs the gate on the
// cache thread, so the UI thread never checks or writes. A case becomes ready
// only through CaseWorkflow, which refuses while findings are open; a false
// positive is overridden with a reason and a name, and logged. A ready case
// is submitted to the hub through the SyncWorker; once submitted it is
// read-only until the hub returns it (docs/hub-api.md "Client rules"), and
// the hub's status, question and recommendations show here.
// Lives on the UI thread.
class CaseEditorModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(spoke::ui::FormModel* form READ form CONSTANT)
    Q_PROPERTY(spoke::ui::FindingsModel* findings READ findings CONSTANT)
    Q_PROPERTY(QVariantList programmes READ programmes CONSTANT)
    Q_PROPERTY(qint64 caseId READ caseId NOTIFY caseChanged)
    Q_PROPERTY(QString caseCode READ caseCode NOTIFY caseChanged)
    Q_PROPERTY(QString title READ title NOTIFY caseChanged)
    Q_PROPERTY(QString status READ status NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)
    Q_PROPERTY(bool editable READ editable NOTIFY stateChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(int revision READ revision NOTIFY stateChanged)
    Q_PROPERTY(QString savedText READ savedText NOTIFY stateChanged)
    Q_PROPERTY(bool canMarkReady READ canMarkReady NOTIFY stateChanged)
    Q_PROPERTY(QString readyBlockedReason READ readyBlockedReason NOTIFY stateChanged)
    Q_PROPERTY(QVariantList overrides READ overrides NOTIFY stateChanged)
    Q_PROPERTY(QString hubStatusText READ hubStatusText NOTIFY stateChanged)
    Q_PROPERTY(bool hubWaiting READ hubWaiting NOTIFY stateChanged)
    Q_PROPERTY(QString hubQuestion READ hubQuestion NOTIFY stateChanged)
    Q_PROPERTY(QString hubRefusal READ hubRefusal NOTIFY stateChanged)
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY stateChanged)
    Q_PROPERTY(QString submitBlockedReason READ submitBlockedReason NOTIFY stateChanged)
    Q_PROPERTY(QVariantList recommendations READ recommendations NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY messageChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY messageChanged)
    Q_PROPERTY(QString attachmentMessage READ attachmentMessage NOTIFY messageChanged)
    Q_PROPERTY(QString reviewerName READ reviewerName WRITE setReviewerName NOTIFY reviewerNameChanged)
public:
    static constexpr int kAutosaveDelayMs = 800;
    // The case as the cache thread last saw it (defined in the .cpp).
    struct Snapshot;
    // The saved current text of a case and the gate's answer on it.
    struct ExportCheck;

    // Without `sync` (nullptr) cases cannot be submitted from this model.
    CaseEditorModel(store::CacheWorker& worker, std::filesystem::path attachmentsDir, sync::SyncWorker* sync,
                    QObject* parent = nullptr);
    ~CaseEditorModel() override;

    FormModel* form() { return &form_; }
    FindingsModel* findings() { return &findings_; }
    QVariantList programmes() const;
    qint64 caseId() const { return caseId_; }
    QString caseCode() const { return caseCode_; }
    QString title() const { return title_; }
    QString status() const { return status_; }
    QString statusText() const;
    bool editable() const;
    bool loading() const { return loading_; }
    bool dirty() const { return editGeneration_ != savedGeneration_; }
    bool busy() const { return pendingJobs_ > 0 || (submitting_ != 0 && submitting_ == caseId_); }
    int revision() const { return revision_; }
    QString savedText() const;
    bool canMarkReady() const { return readyBlockedReason().isEmpty(); }
    QString readyBlockedReason() const;
    QVariantList overrides() const { return overrides_; }
    // "Waiting to send", "Sent to the hub", "Returned with a question", ...;
    // empty for a case never submitted.
    QString hubStatusText() const;
    // Submitted here and still in the outbox.
    bool hubWaiting() const;
    QString hubQuestion() const;
    // Why the hub refused the submission, as a sentence; empty otherwise.
    QString hubRefusal() const;
    bool canSubmit() const { return submitBlockedReason().isEmpty(); }
    QString submitBlockedReason() const;
    // [{author, when, text}] from the hub, newest last.
    QVariantList recommendations() const { return recommendations_; }
    // Where every submitted case stands with the hub (AppController passes them on).
    void setHubStates(const QHash<qint64, sync::CaseSyncState>& states);
    QString error() const { return error_; }
    QString notice() const { return notice_; }
    QString attachmentMessage() const { return attachmentMessage_; }
    QString reviewerName() const { return reviewerName_; }
    void setReviewerName(const QString& name);

    Q_INVOKABLE void open(qint64 caseId);
    // A new draft for a programme code ("hiv"), opened when it is stored.
    Q_INVOKABLE void newCase(const QString& programme);
    // Reads an echo-case/1.0 file (a path or file: URL) into the cache, as a
    // new case or a new revision of the case with its code, and opens it.
    Q_INVOKABLE void importJson(const QString& file);
    // Exports save pending edits, then check and write the saved text; the
    // answer comes as exportFinished. JSON is refused while findings are
    // open; a PDF replaces them by their redaction.
    Q_INVOKABLE void exportJson(const QString& file);
    Q_INVOKABLE void exportPdf(const QString& file);
    Q_INVOKABLE void addAttachment(const QString& file);

    Q_INVOKABLE void setValue(const QString& path, const QVariant& value, const QString& type);
    Q_INVOKABLE void addItem(const QString& listPath);
    Q_INVOKABLE void removeItem(const QString& listPath, int index);
    // Replaces the finding's span by its suggested redaction.
    Q_INVOKABLE void redact(int findingIndex);
    Q_INVOKABLE void overrideFinding(int findingIndex, const QString& reason);
    Q_INVOKABLE void markReady();
    // Queues the ready case for the hub; offline it waits in the outbox.
    Q_INVOKABLE void submit();
    // Saves pending edits now (Ctrl+S, leaving the page, closing the app).
    Q_INVOKABLE void saveNow();
    Q_INVOKABLE void clearMessages();

Q_SIGNALS:
    void caseChanged();
    void stateChanged();
    void messageChanged();
    void reviewerNameChanged();
    // A case was created, saved or changed status: lists elsewhere are stale.
    void casesChanged();
    void exportFinished(const QString& file, bool ok);

private:
    enum class ExportFormat { Json, Pdf };
    void exportAs(ExportFormat format, const QString& path);
    bool writeJson(const ExportCheck& check, const QString& path);
    bool writePdf(const ExportCheck& check, const QString& path);
    void edited();
    void apply(const Snapshot& snapshot, quint64 generation);
    void applyFindings(std::vector<cases::Finding> findings);
    void attachmentCleaned(const QString& name, const QString& problem, quint64 opened);
    void fail(const QString& message);
    void submitted(qint64 caseId);
    void submitFailed(const sync::SubmitFailure& failure);
    bool lockedByHub() const;
    void reloadHubFacts();
    void setNotice(const QString& message);
    template <class T, class Job, class Done> void post(Job job, Done done);

    store::CacheWorker& worker_;
    std::filesystem::path attachmentsDir_;
    sync::SyncWorker* sync_;
    QHash<qint64, sync::CaseSyncState> hubStates_;
    QVariantList recommendations_;
    FormModel form_;
    FindingsModel findings_;
    QTimer autosave_;

    qint64 caseId_ = 0;
    QString caseCode_;
    QString title_;
    QString status_;
    int revision_ = 0;
    qint64 savedMs_ = 0;
    bool loading_ = false;
    int pendingJobs_ = 0;
    qint64 submitting_ = 0; // the case whose submission awaits the SyncWorker's answer
    quint64 openGeneration_ = 0;
    quint64 editGeneration_ = 0;
    quint64 savedGeneration_ = 0;
    QVariantList overrides_;
    QString error_;
    QString notice_;
    QString attachmentMessage_;
    QString reviewerName_;
    ThreadAffinity affinity_;
};

} // namespace spoke::ui
