#include "viewmodels/DetailModel.h"

#include "store/CacheWorker.h"
#include "viewmodels/Formatting.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace spoke::ui {

namespace {

using Content = DetailModel::Content;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QVariantMap item(const QString& title, const QString& text, const QString& meta = {}, const QString& targetKind = {},
                 qint64 targetId = -1, qint64 positionMs = -1)
{
    return {{QStringLiteral("title"), title},       {QStringLiteral("text"), text},
            {QStringLiteral("meta"), meta},         {QStringLiteral("targetKind"), targetKind},
            {QStringLiteral("targetId"), targetId}, {QStringLiteral("positionMs"), positionMs}};
}

QVariantMap section(const QString& heading, const QVariantList& items)
{
    return {{QStringLiteral("heading"), heading}, {QStringLiteral("items"), items}};
}

QString roleLabel(store::AttendanceRole role)
{
    switch (role) {
    case store::AttendanceRole::HubSpecialist: return QObject::tr("Hub specialist");
    case store::AttendanceRole::Facilitator: return QObject::tr("Facilitator");
    case store::AttendanceRole::Coordinator: return QObject::tr("Coordinator");
    case store::AttendanceRole::Presenter: return QObject::tr("Presenter");
    case store::AttendanceRole::Spoke: return QObject::tr("Spoke participant");
    case store::AttendanceRole::Trainee: return QObject::tr("Trainee");
    case store::AttendanceRole::ItSupport: return QObject::tr("IT support");
    }
    return {};
}

QVariantList recommendationItems(store::Cache& cache, std::int64_t caseId)
{
    QVariantList items;
    for (const auto& r : cache.cases().recommendations(caseId))
        items.append(item(qs(r.author), qs(r.body), formatDateTime(r.createdMs)));
    return items;
}

Content loadSession(store::Cache& cache, std::int64_t id)
{
    const auto session = cache.sessions().session(id);
    if (!session)
        throw std::runtime_error(QObject::tr("This session is no longer in the cache.").toStdString());
    Content c;
    c.title = qs(session->title);
    c.subtitle = formatDateTime(session->scheduledStartMs) + QStringLiteral(" · ") + qs(session->hub)
                 + QStringLiteral(" · ") + formatDuration(session->durationMin * 60'000LL);
    c.description = qs(session->description);

    QVariantList cases, recommendations;
    for (const auto& record : cache.cases().list(id)) {
        cases.append(item(qs(record.title), caseStatusLabel(record.status), qs(record.caseCode), QStringLiteral("case"),
                          record.id));
        for (const auto& r : recommendationItems(cache, record.id))
            recommendations.append(r);
    }
    QVariantList recordings;
    for (const auto& r : cache.recordings().forSession(id))
        recordings.append(item(qs(r.title), formatDuration(r.durationMs), {}, QStringLiteral("recording"), r.id));
    QVariantList chat;
    for (const auto& m : cache.sessions().chat(id))
        chat.append(item(qs(m.author), qs(m.body), formatPosition(m.offsetMs), {}, -1, m.offsetMs));
    QVariantList attendance;
    for (const auto& [a, p] : cache.sessions().attendance(id)) {
        QString meta;
        if (a.joinedMs && a.leftMs)
            meta = QObject::tr("%1 in the session").arg(formatDuration(*a.leftMs - *a.joinedMs));
        attendance.append(item(qs(p.displayName), roleLabel(a.role) + QStringLiteral(" · ") + qs(p.cadre), meta));
    }

    const auto add = [&](const QString& heading, const QVariantList& items) {
        if (!items.isEmpty())
            c.sections.append(section(heading, items));
    };
    add(QObject::tr("Cases"), cases);
    add(QObject::tr("Written recommendations"), recommendations);
    add(QObject::tr("Recordings"), recordings);
    add(QObject::tr("Chat"), chat);
    add(QObject::tr("Attendance"), attendance);
    return c;
}

Content loadCase(store::Cache& cache, std::int64_t id)
{
    const auto record = cache.cases().byId(id);
    if (!record)
        throw std::runtime_error(QObject::tr("This case is no longer in the cache.").toStdString());
    Content c;
    c.title = qs(record->title);
    c.subtitle = qs(record->caseCode) + QStringLiteral(" · ") + caseStatusLabel(record->status);

    const auto revision = cache.cases().latestRevision(id);
    const QJsonObject body =
        revision ? QJsonDocument::fromJson(QByteArray::fromStdString(revision->bodyJson)).object() : QJsonObject();
    const auto text = [&](const char* key) { return body.value(QLatin1String(key)).toString(); };
    c.description = text("narrative");

    QVariantList summary;
    if (!text("question").isEmpty())
        summary.append(item(QObject::tr("Question for the hub"), text("question")));
    const QJsonObject patient = body.value(QLatin1String("patient")).toObject();
    if (!patient.isEmpty())
        summary.append(item(QObject::tr("Patient"), QObject::tr("Age band %1, sex %2")
                                                        .arg(patient.value(QLatin1String("age_band")).toString(),
                                                             patient.value(QLatin1String("sex")).toString())));
    const QJsonObject history = body.value(QLatin1String("history")).toObject();
    if (history.contains(QLatin1String("presenting_problem")))
        summary.append(
            item(QObject::tr("Presenting problem"), history.value(QLatin1String("presenting_problem")).toString()));
    if (!summary.isEmpty())
        c.sections.append(section(QObject::tr("Summary"), summary));

    const QVariantList recommendations = recommendationItems(cache, id);
    if (!recommendations.isEmpty())
        c.sections.append(section(QObject::tr("Written recommendations"), recommendations));

    QVariantList revisions;
    for (const auto& r : cache.cases().revisions(id))
        revisions.append(item(QObject::tr("Revision %1").arg(r.revision), formatDateTime(r.savedMs)));
    if (record->sessionId)
        revisions.append(item(QObject::tr("Session"), QObject::tr("Open the session this case belongs to"), {},
                              QStringLiteral("session"), *record->sessionId));
    c.sections.append(section(QObject::tr("History"), revisions));
    return c;
}

Content loadRecording(store::Cache& cache, std::int64_t id)
{
    const auto recording = cache.recordings().byId(id);
    if (!recording)
        throw std::runtime_error(QObject::tr("This recording is no longer in the cache.").toStdString());
    Content c;
    c.title = qs(recording->title);
    c.subtitle = formatDuration(recording->durationMs);
    const bool onDisk = !recording->filePath.empty() && QFileInfo::exists(qs(recording->filePath));
    c.description = onDisk
                        ? QObject::tr("Saved on this laptop: %1").arg(qs(recording->filePath))
                        : QObject::tr("Not downloaded to this laptop yet. Chapters and notes are available offline.");

    QVariantList chapters;
    for (const auto& ch : cache.recordings().chapters(id))
        chapters.append(item(qs(ch.title), {}, formatPosition(ch.startMs),
                             ch.caseId ? QStringLiteral("case") : QString(), ch.caseId.value_or(-1), ch.startMs));
    QVariantList notes;
    for (const auto& b : cache.recordings().bookmarks(id))
        notes.append(item(qs(b.note), {}, formatPosition(b.positionMs), {}, -1, b.positionMs));
    if (!chapters.isEmpty())
        c.sections.append(section(QObject::tr("Chapters"), chapters));
    if (!notes.isEmpty())
        c.sections.append(section(QObject::tr("Bookmarks and notes"), notes));
    if (recording->sessionId) {
        QVariantList chat;
        for (const auto& m : cache.sessions().chat(*recording->sessionId))
            chat.append(item(qs(m.author), qs(m.body), formatPosition(m.offsetMs), {}, -1, m.offsetMs));
        if (!chat.isEmpty())
            c.sections.append(section(QObject::tr("Chat"), chat));
    }
    return c;
}

} // namespace

DetailModel::DetailModel(store::CacheWorker& worker, QObject* parent) : QObject(parent), worker_(worker) { }

void DetailModel::open(const QString& kind, qint64 id, qint64 focusPositionMs)
{
    kind_ = kind;
    id_ = id;
    focusPositionMs_ = focusPositionMs;
    loading_ = true;
    error_.clear();
    const quint64 generation = ++generation_;
    Q_EMIT changed();
    worker_.run<Content>(
        this,
        [kind, id](store::Cache& cache) {
            if (kind == QLatin1String("session"))
                return loadSession(cache, id);
            if (kind == QLatin1String("case"))
                return loadCase(cache, id);
            return loadRecording(cache, id);
        },
        [this, generation](const store::Outcome<Content>& outcome) {
            if (generation != generation_)
                return;
            loading_ = false;
            if (outcome.ok())
                content_ = *outcome.value;
            else
                error_ = outcome.error;
            Q_EMIT changed();
        });
}

} // namespace spoke::ui
