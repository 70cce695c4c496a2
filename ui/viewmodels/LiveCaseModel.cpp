#include "viewmodels/LiveCaseModel.h"

#include "cases/SchemaRegistry.h"
#include "sync/LiveSessionClient.h"
#include "sync/SyncWorker.h"
#include "viewmodels/CasePdfExporter.h"
#include "viewmodels/FormModel.h"
#include "viewmodels/HubWording.h"

#include <QPointer>

namespace spoke::ui {

LiveCaseModel::LiveCaseModel(sync::SyncWorker& sync, QObject* parent)
    : QObject(parent)
    , sync_(sync)
    , cases_({QStringLiteral("caseId"), QStringLiteral("caseCode"), QStringLiteral("title")})
{
    // A call may start before the hub's worker has signed in; read again once the hub answers.
    connect(&sync_, &sync::SyncWorker::liveSocketChanged, this, [this](bool open) {
        if (open && sessionId_ > 0 && cases_.rowCount() == 0)
            refresh();
    });
}

void LiveCaseModel::setSession(qint64 hubSessionId)
{
    if (hubSessionId == sessionId_)
        return;
    sessionId_ = hubSessionId;
    cases_.replace({});
    caseId_ = 0;
    caseCode_.clear();
    caseTitle_.clear();
    caseHtml_.clear();
    error_.clear();
    listNotice_.clear();
    Q_EMIT caseChanged();
    Q_EMIT casesChanged();
    refresh();
}

void LiveCaseModel::refresh()
{
    if (sessionId_ <= 0)
        return;
    QPointer<LiveCaseModel> self(this);
    const qint64 session = sessionId_;
    sync_.live(session, [self, session](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        auto cases =
            client
                ? client->fetchSessionCases()
                : sync::HubExpected<QList<sync::HubCase>>(sync::SyncError{sync::SyncErrorKind::NotSignedIn, 0, {}, {}});
        return [self, session, cases] {
            if (!self || self->sessionId_ != session)
                return;
            std::vector<QVariantMap> rows;
            if (cases) {
                for (const sync::HubCase& c : *cases)
                    rows.push_back({{QStringLiteral("caseId"), QVariant::fromValue(static_cast<qint64>(c.id))},
                                    {QStringLiteral("caseCode"), c.caseCode},
                                    {QStringLiteral("title"), c.title}});
                self->listNotice_ = rows.empty() ? tr("No case is scheduled for this session.") : QString();
            } else {
                self->listNotice_ =
                    cases.error().kind == sync::SyncErrorKind::Forbidden
                        ? tr("The presenter's case appears here when the chair shows it.")
                        : HubWording::describeSyncError(cases.error(), sync::SyncWorker::Operation::LoadHubCase);
            }
            const bool first = self->caseId_ == 0 && !rows.empty();
            const qint64 firstId = first ? rows.front().value(QStringLiteral("caseId")).toLongLong() : 0;
            self->cases_.replace(std::move(rows));
            Q_EMIT self->casesChanged();
            if (first)
                self->show(firstId);
        };
    });
}

void LiveCaseModel::show(qint64 hubCaseId)
{
    if (hubCaseId <= 0 || sessionId_ <= 0)
        return;
    caseId_ = hubCaseId;
    loading_ = true;
    error_.clear();
    Q_EMIT caseChanged();
    QPointer<LiveCaseModel> self(this);
    const qint64 session = sessionId_;
    sync_.live(session, [self, hubCaseId](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        auto detail =
            client
                ? client->fetchCase(hubCaseId)
                : sync::HubExpected<sync::HubCaseDetail>(sync::SyncError{sync::SyncErrorKind::NotSignedIn, 0, {}, {}});
        return [self, hubCaseId, detail] {
            if (!self || self->caseId_ != hubCaseId)
                return;
            self->loading_ = false;
            if (!detail) {
                self->error_ = HubWording::describeSyncError(detail.error(), sync::SyncWorker::Operation::LoadHubCase);
                Q_EMIT self->caseChanged();
                return;
            }
            self->caseCode_ = detail->summary.caseCode;
            self->caseTitle_ = detail->summary.title;
            // As the Review page lays it out: the hub has checked the document for
            // identifiers already, so nothing is masked, and every value is escaped.
            FormModel form(cases::SchemaRegistry::builtIn());
            form.setDocument(detail->document);
            self->caseHtml_ = CasePdfExporter::bodyHtml(form, {});
            Q_EMIT self->caseChanged();
        };
    });
}

} // namespace spoke::ui
