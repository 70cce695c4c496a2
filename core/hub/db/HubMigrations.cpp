#include "hub/db/HubMigrations.h"

#include "hub/db/HubDatabase.h"

#include <QDateTime>
#include <QStringList>

#include <vector>

namespace spoke::hub::HubMigrations {
namespace {

struct Migration {
    int version;
    const char* name;
    const char* sql; // statements separated by ';'; {ID} is the auto id column
};

// The tables of docs/hub-api.md. Never edit a shipped migration; add one.
// Times are BIGINT milliseconds; JSON is TEXT (the hub reads it whole, and
// TEXT is the same on both databases). The CHECKs repeat the rules the code
// enforces, so a bug cannot store a status or a role the API cannot name.
constexpr const char* kInitialSchema = R"SQL(
CREATE TABLE programmes (
  id {ID},
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind TEXT NOT NULL CHECK (kind IN ('hiv', 'hcv', 'tb', 'cervical', 'palliative', 'generic')),
  created_ms BIGINT NOT NULL
);
CREATE TABLE accounts (
  id {ID},
  email TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash TEXT NOT NULL,
  created_ms BIGINT NOT NULL
);
CREATE TABLE invites (
  id {ID},
  code_hash TEXT NOT NULL UNIQUE CHECK (length(code_hash) = 64),
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  role TEXT NOT NULL CHECK (role IN ('coordinator', 'specialist', 'clinician', 'trainee')),
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL CHECK (expires_ms > created_ms),
  redeemed_by BIGINT REFERENCES accounts (id),
  redeemed_ms BIGINT,
  CHECK ((redeemed_by IS NULL) = (redeemed_ms IS NULL))
);
CREATE INDEX invites_programme ON invites (programme_id);
CREATE TABLE memberships (
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  role TEXT NOT NULL CHECK (role IN ('coordinator', 'specialist', 'clinician', 'trainee')),
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (account_id, programme_id)
);
CREATE INDEX memberships_programme ON memberships (programme_id);
CREATE TABLE tokens (
  id {ID},
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL CHECK (expires_ms > created_ms),
  revoked_ms BIGINT
);
CREATE INDEX tokens_account ON tokens (account_id);
CREATE TABLE sessions (
  id {ID},
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_ms BIGINT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  room BIGINT UNIQUE,
  seq BIGINT NOT NULL,
  created_ms BIGINT NOT NULL
);
CREATE INDEX sessions_programme_starts ON sessions (programme_id, starts_ms);
CREATE INDEX sessions_seq ON sessions (seq);
CREATE TABLE attendance (
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  registered_ms BIGINT NOT NULL,
  joined_ms BIGINT,
  left_ms BIGINT,
  seq BIGINT NOT NULL,
  PRIMARY KEY (session_id, account_id)
);
CREATE INDEX attendance_account ON attendance (account_id);
CREATE INDEX attendance_seq ON attendance (seq);
CREATE TABLE cases (
  id {ID},
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  submitter_id BIGINT NOT NULL REFERENCES accounts (id),
  case_code TEXT NOT NULL CHECK (length(case_code) BETWEEN 1 AND 200),
  title TEXT NOT NULL,
  body_json TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('submitted', 'scheduled', 'presented', 'recommendations_sent', 'returned')),
  session_id BIGINT REFERENCES sessions (id),
  question TEXT,
  submitted_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  UNIQUE (programme_id, submitter_id, case_code)
);
CREATE INDEX cases_programme_status ON cases (programme_id, status, submitted_ms);
CREATE INDEX cases_submitter ON cases (submitter_id);
CREATE INDEX cases_session ON cases (session_id);
CREATE INDEX cases_seq ON cases (seq);
CREATE TABLE recommendations (
  id {ID},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  author_id BIGINT NOT NULL REFERENCES accounts (id),
  items_json TEXT NOT NULL,
  text TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  seq BIGINT NOT NULL
);
CREATE INDEX recommendations_case ON recommendations (case_id);
CREATE INDEX recommendations_seq ON recommendations (seq);
CREATE TABLE idempotency (
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  status INTEGER NOT NULL CHECK (status BETWEEN 100 AND 599),
  body TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (account_id, key)
);
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('change_seq', 0)
)SQL";

// A membership carries the change seq of the transaction that created it or
// changed its role, so that a pull whose cursor is past a programme's rows
// still learns that the caller newly sees that programme and receives its
// whole visible state (docs/hub-api.md, GET /sync). Existing memberships get
// one fresh seq (a fresh database keeps its cursor at 0): every client's next pull resends its programmes once, which
// also repairs a join a client missed before this migration.
constexpr const char* kMembershipSeq = R"SQL(
ALTER TABLE memberships ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
UPDATE counters SET value = value + 1 WHERE name = 'change_seq' AND EXISTS (SELECT 1 FROM memberships);
UPDATE memberships SET seq = (SELECT value FROM counters WHERE name = 'change_seq');
CREATE INDEX memberships_account_seq ON memberships (account_id, seq)
)SQL";

// A live session's agenda (docs/hub-api.md, Agenda): the items planned
// when the session was scheduled, and when each one was started and by whom.
// Each item starts once, in position order, so the start times are the
// chair's whole advance history and the items are the chapters of the
// session record; a session ends once (session_ends). Both are tables of
// their own rather than columns of sessions, so that nothing here changes an
// existing table.
constexpr const char* kAgenda = R"SQL(
CREATE TABLE agenda_items (
  id {ID},
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 20),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  planned_minutes INTEGER NOT NULL CHECK (planned_minutes BETWEEN 1 AND 240),
  started_ms BIGINT,
  started_by BIGINT REFERENCES accounts (id),
  CHECK ((started_ms IS NULL) = (started_by IS NULL)),
  UNIQUE (session_id, position)
);
CREATE TABLE session_ends (
  session_id BIGINT PRIMARY KEY REFERENCES sessions (id),
  ended_ms BIGINT NOT NULL,
  ended_by BIGINT NOT NULL REFERENCES accounts (id)
)
)SQL";

// A live session's chat and raised hands (docs/hub-api.md, Live session),
// kept with the session so that a recording can replay them. A message keeps
// the role its author had when sending it. Hands are a log of raises and
// lowers; the hands up now are each account's latest row when it is a raise,
// in the order of those rows.
constexpr const char* kChatAndHands = R"SQL(
CREATE TABLE chat_messages (
  id {ID},
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  role TEXT NOT NULL CHECK (role IN ('coordinator', 'specialist', 'clinician', 'trainee')),
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  sent_ms BIGINT NOT NULL
);
CREATE INDEX chat_messages_session ON chat_messages (session_id, id);
CREATE TABLE hand_events (
  id {ID},
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  raised INTEGER NOT NULL CHECK (raised IN (0, 1)),
  changed_by BIGINT NOT NULL REFERENCES accounts (id),
  at_ms BIGINT NOT NULL
);
CREATE INDEX hand_events_session_account ON hand_events (session_id, account_id, id)
)SQL";

// Attendance as the client reports it (docs/hub-api.md, Attendance): each
// join and leave with the device, the time the client gave, the hub's own
// receive time, and the time used (the client's, or the hub's when the
// client's clock was more than 5 minutes off: clamped = 1). A clinic device
// attests the people in the room with it by name.
constexpr const char* kAttendanceEvents = R"SQL(
CREATE TABLE attendance_events (
  id {ID},
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL CHECK (kind IN ('join', 'leave')),
  device_id TEXT NOT NULL CHECK (length(device_id) BETWEEN 1 AND 200),
  client_ms BIGINT NOT NULL,
  received_ms BIGINT NOT NULL,
  at_ms BIGINT NOT NULL,
  clamped INTEGER NOT NULL CHECK (clamped IN (0, 1))
);
CREATE INDEX attendance_events_session ON attendance_events (session_id, account_id, at_ms);
CREATE TABLE attested_presence (
  id {ID},
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  attested_by BIGINT NOT NULL REFERENCES accounts (id),
  attested_ms BIGINT NOT NULL,
  UNIQUE (session_id, attested_by, name)
)
)SQL";

// Each session's Janus room (docs/hub-api.md, Media): the instance it is
// pinned to, its pin and secret (the secret never leaves the hub), one
// token per account and device in the room's `allowed` list (kept so that a
// room lost in a Janus restart is created again with the same tokens), the
// device's slot that fixes its feed ids, and the accounts the chair removed.
constexpr const char* kSessionRooms = R"SQL(
CREATE TABLE session_rooms (
  session_id BIGINT PRIMARY KEY REFERENCES sessions (id),
  janus_instance TEXT NOT NULL CHECK (length(janus_instance) BETWEEN 1 AND 64),
  janus_room BIGINT NOT NULL UNIQUE,
  pin TEXT NOT NULL CHECK (length(pin) BETWEEN 8 AND 64),
  secret TEXT NOT NULL CHECK (length(secret) BETWEEN 16 AND 128),
  created_ms BIGINT NOT NULL,
  destroyed_ms BIGINT
);
CREATE INDEX session_rooms_instance ON session_rooms (janus_instance, destroyed_ms);
CREATE TABLE room_tokens (
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  device_id TEXT NOT NULL CHECK (length(device_id) BETWEEN 1 AND 64),
  slot INTEGER NOT NULL CHECK (slot BETWEEN 0 AND 499),
  token TEXT NOT NULL UNIQUE CHECK (length(token) BETWEEN 16 AND 128),
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (session_id, account_id, device_id),
  UNIQUE (session_id, account_id, slot)
);
CREATE TABLE room_removals (
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  removed_by BIGINT NOT NULL REFERENCES accounts (id),
  removed_ms BIGINT NOT NULL,
  PRIMARY KEY (session_id, account_id)
)
)SQL";

// Slides and call media state (docs/hub-api.md, Live session). A deck is
// stored once by SHA-256 in the hub's data dir (decks/<sha256>.pdf) and
// shown in sessions through session_decks; each page turn is kept, so a
// recording can replay the slides against its timeline and a late joiner
// reads the current page from the latest row. Mute and camera state is a
// log per account; the latest row is that account's state now.
constexpr const char* kSlidesAndMedia = R"SQL(
CREATE TABLE decks (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  pages INTEGER NOT NULL CHECK (pages >= 1),
  bytes BIGINT NOT NULL CHECK (bytes >= 1),
  title TEXT NOT NULL CHECK (length(title) <= 200),
  uploaded_by BIGINT NOT NULL REFERENCES accounts (id),
  uploaded_ms BIGINT NOT NULL
);
CREATE TABLE session_decks (
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  deck_sha256 TEXT NOT NULL REFERENCES decks (sha256),
  added_by BIGINT NOT NULL REFERENCES accounts (id),
  added_ms BIGINT NOT NULL,
  PRIMARY KEY (session_id, deck_sha256)
);
CREATE INDEX session_decks_deck ON session_decks (deck_sha256);
CREATE TABLE slide_turns (
  id {ID},
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  deck_sha256 TEXT NOT NULL REFERENCES decks (sha256),
  page INTEGER NOT NULL CHECK (page >= 0),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  at_ms BIGINT NOT NULL
);
CREATE INDEX slide_turns_session ON slide_turns (session_id, id);
CREATE TABLE media_states (
  id {ID},
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  audio_muted INTEGER NOT NULL CHECK (audio_muted IN (0, 1)),
  video_off INTEGER NOT NULL CHECK (video_off IN (0, 1)),
  audio_only INTEGER NOT NULL CHECK (audio_only IN (0, 1)),
  at_ms BIGINT NOT NULL
);
CREATE INDEX media_states_session_account ON media_states (session_id, account_id, id)
)SQL";

// Janus' own view of attendance (docs/hub-api.md, Attendance check): the
// VideoRoom's joins and leaves of the feeds the hub issued, as Janus' event
// handler posts them (core/hub/janus/JanusEventStore). The session, account
// and instance come from session_rooms and the fixed feed ids; janus_ms is
// Janus' wall clock, received_ms the hub's. A retransmitted event is one
// row (the UNIQUE). Screen feeds are kept too; the check reads cameras only.
constexpr const char* kJanusAttendance = R"SQL(
CREATE TABLE janus_attendance_events (
  id {ID},
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  janus_instance TEXT NOT NULL CHECK (length(janus_instance) BETWEEN 1 AND 64),
  janus_room BIGINT NOT NULL,
  feed_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('joined', 'left')),
  janus_ms BIGINT NOT NULL,
  received_ms BIGINT NOT NULL,
  UNIQUE (session_id, feed_id, kind, janus_ms)
);
CREATE INDEX janus_attendance_events_session ON janus_attendance_events (session_id, account_id, janus_ms)
)SQL";

// Recordings for trainees (docs/hub-api.md, Recordings): one row per
// recording of a programme (from its live session or imported by an
// operator), its files per rendition and part (DATA_DIR/recordings/<id>/
// <rendition>-<part>.webm, the path stored relative to DATA_DIR/recordings
// so a data dir can move), each with its size and SHA-256 for downloads that
// resume and verify, and each programme's retention (no row: kept for ever).
// seq is the change seq of the transaction that added the recording.
constexpr const char* kRecordings = R"SQL(
CREATE TABLE recordings (
  id {ID},
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  session_id BIGINT REFERENCES sessions (id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  recorded_ms BIGINT NOT NULL,
  duration_ms BIGINT NOT NULL CHECK (duration_ms >= 0),
  source TEXT NOT NULL CHECK (source IN ('live', 'import')),
  created_ms BIGINT NOT NULL,
  seq BIGINT NOT NULL
);
CREATE INDEX recordings_programme_recorded ON recordings (programme_id, recorded_ms);
CREATE INDEX recordings_session ON recordings (session_id);
CREATE INDEX recordings_seq ON recordings (seq);
CREATE TABLE recording_files (
  recording_id BIGINT NOT NULL REFERENCES recordings (id),
  rendition TEXT NOT NULL CHECK (rendition IN ('full', 'light', 'audio-slides')),
  part INTEGER NOT NULL CHECK (part >= 0),
  file TEXT NOT NULL CHECK (length(file) BETWEEN 1 AND 300),
  bytes BIGINT NOT NULL CHECK (bytes >= 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  duration_ms BIGINT NOT NULL CHECK (duration_ms >= 0),
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (recording_id, rendition, part)
);
CREATE TABLE recording_retention (
  programme_id BIGINT PRIMARY KEY REFERENCES programmes (id),
  keep_days INTEGER NOT NULL CHECK (keep_days BETWEEN 1 AND 36500),
  set_by BIGINT REFERENCES accounts (id),
  set_ms BIGINT NOT NULL
)
)SQL";

// The hub's own recordings of sessions (docs/hub-api.md, Recording): whether
// the chair has recording on (one row per session, switched on and off),
// and each part the recorder child wrote. A recorder that dies is started
// again for a new part, so a session's recording is one or more parts,
// files relative to DATA_DIR/recordings/. exit_status: 'stopped' (a clean
// finish), 'crashed' (the child died; the file plays up to its last synced
// second), 'failed' (it could not start or join); NULL while it runs.
// recording_id: the catalogue's recording the part was handed over to
// (RecordingHandOver), NULL until then (and again once retention deleted it,
// when the part's file has gone with it).
constexpr const char* kSessionRecordings = R"SQL(
CREATE TABLE session_recording_state (
  session_id BIGINT PRIMARY KEY REFERENCES sessions (id),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  started_ms BIGINT NOT NULL,
  started_by BIGINT NOT NULL REFERENCES accounts (id),
  stopped_ms BIGINT
);
CREATE TABLE session_recordings (
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  part INTEGER NOT NULL CHECK (part >= 1),
  file TEXT NOT NULL CHECK (length(file) BETWEEN 1 AND 200),
  started_ms BIGINT NOT NULL,
  ended_ms BIGINT,
  exit_status TEXT CHECK (exit_status IN ('stopped', 'crashed', 'failed')),
  recording_id BIGINT REFERENCES recordings (id) ON DELETE SET NULL,
  PRIMARY KEY (session_id, part)
)
)SQL";

// The case panel's sections (docs/hub-api.md, Live session): each section
// of a submitted case the chair or its presenter showed, and when, so that
// followers scroll with them and a recording's timeline replays the case
// form in step with the video. The section is a form section's key.
constexpr const char* kCaseViews = R"SQL(
CREATE TABLE case_views (
  id {ID},
  session_id BIGINT NOT NULL REFERENCES sessions (id),
  case_id BIGINT NOT NULL REFERENCES cases (id),
  section TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 64),
  by_account BIGINT NOT NULL REFERENCES accounts (id),
  at_ms BIGINT NOT NULL
);
CREATE INDEX case_views_session ON case_views (session_id, at_ms, id)
)SQL";

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all{
        {1, "initial schema", kInitialSchema},
        {2, "memberships.seq", kMembershipSeq},
        {3, "agenda", kAgenda},
        {4, "chat and hands", kChatAndHands},
        {5, "attendance events", kAttendanceEvents},
        {6, "session rooms", kSessionRooms},
        {7, "slides and media state", kSlidesAndMedia},
        {8, "janus attendance events", kJanusAttendance},
        {9, "recordings", kRecordings},
        {10, "session recordings", kSessionRecordings},
        {11, "case views", kCaseViews},
    };
    return all;
}

QStringList statementsFor(const Migration& migration, Dialect dialect)
{
    // AUTOINCREMENT keeps SQLite from reusing the id of a deleted last row:
    // ids travel to clients, which must never see one id name two things.
    const QString autoId = dialect == Dialect::Sqlite
                               ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                               : QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    QString sql = QString::fromUtf8(migration.sql);
    sql.replace(QStringLiteral("{ID}"), autoId);
    QStringList statements;
    for (const QString& statement : sql.split(QLatin1Char(';'))) {
        if (!statement.trimmed().isEmpty())
            statements.append(statement.trimmed());
    }
    return statements;
}

void createBookkeeping(HubDatabase& db)
{
    db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                           "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)"));
}

// Serialises migrators on PostgreSQL (the lock ends with the transaction);
// SQLite's BEGIN IMMEDIATE already does.
void lockAgainstOtherMigrators(HubDatabase& db)
{
    if (db.dialect() == Dialect::Postgresql)
        db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(4711001)"));
}

int versionInside(HubDatabase& db)
{
    const std::optional<HubRow> row = db.queryOne(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    return row ? static_cast<int>(row->optionalInteger(0).value_or(0)) : 0;
}

} // namespace

int latestVersion()
{
    return migrations().back().version;
}

int currentVersion(HubDatabase& db)
{
    const bool present =
        db.dialect() == Dialect::Sqlite
            ? db.queryOne(
                    QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"))
                  .has_value()
            : db.queryOne(QStringLiteral("SELECT 1 FROM information_schema.tables "
                                         "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"))
                  .has_value();
    return present ? versionInside(db) : 0;
}

int migrate(HubDatabase& db)
{
    db.transaction([&] {
        lockAgainstOtherMigrators(db);
        createBookkeeping(db);
    });
    for (const Migration& migration : migrations()) {
        db.transaction([&] {
            lockAgainstOtherMigrators(db);
            const int version = versionInside(db);
            if (version > latestVersion())
                throw HubDbError(
                    HubDbErrorCode::Query,
                    QStringLiteral("The hub database is at schema version %1, newer than this spoke-hub knows (%2); "
                                   "run the newer spoke-hub.")
                        .arg(version)
                        .arg(latestVersion()));
            if (version >= migration.version)
                return;
            for (const QString& statement : statementsFor(migration, db.dialect()))
                db.exec(statement);
            db.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)"),
                    {migration.version, QString::fromUtf8(migration.name), QDateTime::currentMSecsSinceEpoch()});
        });
    }
    return currentVersion(db);
}

} // namespace spoke::hub::HubMigrations
