#pragma once

#include "sync/SyncWorker.h"
#include "viewmodels/RowModel.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace spoke::ui {

// The Review page of specialists and coordinators: the hub's review queue,
// the selected de-identified case read-only, the recommendations written so
// far, and an editor for a new one (numbered items plus free text) or for
// returning the case with a question. The queue and cases come straight from
// the hub; what is written goes through the outbox like every change, so it
// survives being offline. Lives on the UI thread.
class ReviewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(spoke::ui::RowModel* queue READ queue CONSTANT)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY stateChanged)
    Q_PROPERTY(qint64 caseId READ caseId NOTIFY caseChanged)
    Q_PROPERTY(QString caseCode READ caseCode NOTIFY caseChanged)
    Q_PROPERTY(QString caseTitle READ caseTitle NOTIFY caseChanged)
    Q_PROPERTY(QString caseStatus READ caseStatus NOTIFY caseChanged)
    Q_PROPERTY(QString caseQuestion READ caseQuestion NOTIFY caseChanged)
    Q_PROPERTY(QString caseHtml READ caseHtml NOTIFY caseChanged)
    Q_PROPERTY(bool caseLoading READ caseLoading NOTIFY caseChanged)
    Q_PROPERTY(QVariantList recommendations READ recommendations NOTIFY caseChanged)
    Q_PROPERTY(QStringList items READ items NOTIFY draftChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY draftChanged)
    Q_PROPERTY(bool canSend READ canSend NOTIFY draftChanged)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
public:
    explicit ReviewModel(sync::SyncWorker& sync, QObject* parent = nullptr);

    RowModel* queue() { return &queue_; }
    bool loading() const { return loading_; }
    QString error() const { return error_; }
    QString notice() const { return notice_; }
    qint64 caseId() const { return caseId_; }
    QString caseCode() const { return detail_.summary.caseCode; }
    QString caseTitle() const { return detail_.summary.title; }
    QString caseStatus() const;
    QString caseQuestion() const { return detail_.summary.question; }
    QString caseHtml() const { return caseHtml_; }
    bool caseLoading() const { return caseLoading_; }
    QVariantList recommendations() const;
    QStringList items() const { return items_; }
    QString text() const { return text_; }
    void setText(const QString& text);
    // At least one non-empty item or some text (docs/hub-api.md).
    bool canSend() const;
    // The page is on screen: the queue follows each sync pass while it is.
    bool active() const { return active_; }
    void setActive(bool active);

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void select(qint64 hubCaseId);
    Q_INVOKABLE void addItem();
    Q_INVOKABLE void removeItem(int index);
    Q_INVOKABLE void setItem(int index, const QString& text);
    Q_INVOKABLE void send();
    Q_INVOKABLE void returnWithQuestion(const QString& question);
    Q_INVOKABLE void clearMessages();

Q_SIGNALS:
    void stateChanged();
    void caseChanged();
    void draftChanged();
    void activeChanged();

private:
    void queueLoaded(const QList<sync::HubCase>& cases);
    void caseLoaded(const sync::HubCaseDetail& detail);
    void actionQueued(sync::SyncWorker::Operation operation, qint64 id);
    void failed(sync::SyncWorker::Operation operation, const sync::SyncError& error);
    void syncStateChanged(const sync::SyncState& state);
    void setNotice(const QString& notice);
    QString programmeName(std::int64_t hubProgrammeId) const;

    sync::SyncWorker& sync_;
    RowModel queue_;
    bool loading_ = false;
    bool active_ = false;
    bool wasSyncing_ = false;
    QString error_;
    QString notice_;
    qint64 caseId_ = 0;
    bool caseLoading_ = false;
    sync::HubCaseDetail detail_;
    QString caseHtml_;
    QStringList items_{QString()};
    QString text_;
};

} // namespace spoke::ui
