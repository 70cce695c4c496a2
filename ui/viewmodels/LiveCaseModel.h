#pragma once

#include "viewmodels/RowModel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace spoke::sync {
class SyncWorker;
}

namespace spoke::ui {

// The case panel: the case being presented, read-only and de-identified as
// the hub holds it, laid out in the form's section order (the same layout as
// the Review page and the PDF export). The session's cases are listed for
// the chair (the hub's review queue, filtered to this session); anyone can
// show a case by its hub id. Lives on the UI thread.
class LiveCaseModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The case panel comes from AppController")
    Q_PROPERTY(spoke::ui::RowModel* cases READ cases CONSTANT)
    Q_PROPERTY(qint64 caseId READ caseId NOTIFY caseChanged)
    Q_PROPERTY(QString caseCode READ caseCode NOTIFY caseChanged)
    Q_PROPERTY(QString caseTitle READ caseTitle NOTIFY caseChanged)
    Q_PROPERTY(QString caseHtml READ caseHtml NOTIFY caseChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY caseChanged)
    Q_PROPERTY(QString error READ error NOTIFY caseChanged)
    Q_PROPERTY(QString listNotice READ listNotice NOTIFY casesChanged)
public:
    explicit LiveCaseModel(sync::SyncWorker& sync, QObject* parent = nullptr);

    RowModel* cases() { return &cases_; }
    qint64 caseId() const { return caseId_; }
    QString caseCode() const { return caseCode_; }
    QString caseTitle() const { return caseTitle_; }
    QString caseHtml() const { return caseHtml_; }
    bool loading() const { return loading_; }
    QString error() const { return error_; }
    QString listNotice() const { return listNotice_; }

    // The session whose cases to list (0: none).
    void setSession(qint64 hubSessionId);
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void show(qint64 hubCaseId);

Q_SIGNALS:
    void caseChanged();
    void casesChanged();

private:
    sync::SyncWorker& sync_;
    qint64 sessionId_ = 0;
    RowModel cases_;
    qint64 caseId_ = 0;
    QString caseCode_;
    QString caseTitle_;
    QString caseHtml_;
    bool loading_ = false;
    QString error_;
    QString listNotice_;
};

} // namespace spoke::ui
