#pragma once

#include "viewmodels/RowModel.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace spoke::sync {
class SyncWorker;
struct HubCaseView;
} // namespace spoke::sync

namespace spoke::ui {

// The case panel: the case being presented, read-only and de-identified as
// the hub holds it, laid out in the form's section order (the same layout as
// the Review page and the PDF export). The session's cases are listed for
// the chair (the hub's review queue, filtered to this session); anyone can
// show a case by its hub id.
//
// The panel follows the presenter (docs/hub-api.md, `case_view`): whoever
// presents a case (its submitter, or the chair who picked it) sends the
// section they scroll to, debounced (kPostDelayMs) and as a section key,
// never scroll pixels; everyone else's panel shows that case and that
// section until they scroll away, and follows again with follow(). Lives on
// the UI thread.
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
    // The case's sections in form order: key, title, html (one section's
    // rich text, every value escaped by CasePdfExporter).
    Q_PROPERTY(spoke::ui::RowModel* sections READ sections CONSTANT)
    Q_PROPERTY(bool presenting READ presenting NOTIFY followChanged)
    Q_PROPERTY(bool following READ following NOTIFY followChanged)
    Q_PROPERTY(bool hasPresenter READ hasPresenter NOTIFY followChanged)
    // The section the panel should show now (the presenter's while following).
    Q_PROPERTY(int followIndex READ followIndex NOTIFY followChanged)
    Q_PROPERTY(QString followText READ followText NOTIFY followChanged)
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
    RowModel* sections() { return &sections_; }
    bool presenting() const { return presenting_; }
    bool following() const { return following_; }
    bool hasPresenter() const { return presenterCaseId_ > 0; }
    int followIndex() const;
    QString followText() const;

    // How long the presenter's scrolling must rest before its section is sent.
    static constexpr int kPostDelayMs = 500;

    // The session whose cases to list (0: none).
    void setSession(qint64 hubSessionId);
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void show(qint64 hubCaseId);
    // The chair picks a case to present (the picker): it is shown, and the
    // sections they scroll to are sent to everyone.
    Q_INVOKABLE void present(qint64 hubCaseId);
    // The viewer scrolled so that section `key` is on top. The presenter's
    // panel sends it; anyone else's stops following if it is not the
    // presenter's section.
    Q_INVOKABLE void scrolledTo(const QString& key);
    // Follow the presenter again: their case and section.
    Q_INVOKABLE void follow();
    // A `case_view` event (public so that tests can feed one).
    void applyCaseView(const sync::HubCaseView& view);

Q_SIGNALS:
    void caseChanged();
    void casesChanged();
    void followChanged();

private:
    void load(qint64 hubCaseId);
    void setSections(const QString& html, const QStringList& keys, const QStringList& titles);
    void postSection();
    int indexOf(const QString& key) const;

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
    RowModel sections_;
    bool presenting_ = false;
    bool following_ = true;
    qint64 presenterCaseId_ = 0;
    QString presenterSection_;
    QString presenterName_;
    QString postedSection_;
    QString pendingSection_;
    QSet<qint64> postedViewIds_; // our own views, echoed by the event socket
    QTimer postTimer_;
};

} // namespace spoke::ui
