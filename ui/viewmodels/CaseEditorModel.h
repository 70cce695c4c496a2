#pragma once

#include "util/ThreadAffinity.h"
#include "viewmodels/FindingsModel.h"
#include "viewmodels/FormModel.h"

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
// positive is overridden with a reason and a name, and logged.
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
    Q_PROPERTY(QString error READ error NOTIFY messageChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY messageChanged)
    Q_PROPERTY(QString attachmentMessage READ attachmentMessage NOTIFY messageChanged)
    Q_PROPERTY(QString reviewerName READ reviewerName WRITE setReviewerName NOTIFY reviewerNameChanged)
public:
    static constexpr int kAutosaveDelayMs = 800;
    // The case as the cache thread last saw it (defined in the .cpp).
    struct Snapshot;

    CaseEditorModel(store::CacheWorker& worker, std::filesystem::path attachmentsDir, QObject* parent = nullptr);
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
    bool busy() const { return pendingJobs_ > 0; }
    int revision() const { return revision_; }
    QString savedText() const;
    bool canMarkReady() const { return readyBlockedReason().isEmpty(); }
    QString readyBlockedReason() const;
    QVariantList overrides() const { return overrides_; }
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
    Q_INVOKABLE bool exportJson(const QString& file);
    Q_INVOKABLE bool exportPdf(const QString& file);
    Q_INVOKABLE void addAttachment(const QString& file);

    Q_INVOKABLE void setValue(const QString& path, const QVariant& value, const QString& type);
    Q_INVOKABLE void addItem(const QString& listPath);
    Q_INVOKABLE void removeItem(const QString& listPath, int index);
    // Replaces the finding's span by its suggested redaction.
    Q_INVOKABLE void redact(int findingIndex);
    Q_INVOKABLE void overrideFinding(int findingIndex, const QString& reason);
    Q_INVOKABLE void markReady();
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

private:
    void edited();
    void apply(const Snapshot& snapshot, quint64 generation);
    void applyFindings(std::vector<cases::Finding> findings);
    void attachmentCleaned(const QString& name, const QString& problem, quint64 opened);
    void fail(const QString& message);
    void setNotice(const QString& message);
    template <class T, class Job, class Done> void post(Job job, Done done);

    store::CacheWorker& worker_;
    std::filesystem::path attachmentsDir_;
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
