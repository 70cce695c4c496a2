#include "store/Migrations.h"

#include "store/Database.h"
#include "store/StoreError.h"

#include <array>
#include <string>

namespace spoke::store {

namespace {

// Times are UTC milliseconds since the Unix epoch (`*_ms`); offsets into a
// session or recording are milliseconds from its start (`*_offset_ms`).
constexpr std::string_view kCoreTables = R"sql(
CREATE TABLE programmes (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    hub         TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sessions (
    id                 INTEGER PRIMARY KEY,
    programme_id       INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    hub                TEXT NOT NULL,
    janus_url          TEXT NOT NULL DEFAULT '',
    room               INTEGER,
    status             TEXT NOT NULL DEFAULT 'scheduled'
                       CHECK (status IN ('scheduled', 'held', 'cancelled')),
    scheduled_start_ms INTEGER NOT NULL,
    duration_min       INTEGER NOT NULL DEFAULT 90 CHECK (duration_min > 0),
    held_start_ms      INTEGER,
    held_end_ms        INTEGER
);
CREATE INDEX sessions_by_start ON sessions(scheduled_start_ms);

CREATE TABLE participants (
    id           INTEGER PRIMARY KEY,
    display_name TEXT NOT NULL,
    cadre        TEXT NOT NULL DEFAULT '',
    site         TEXT NOT NULL DEFAULT '',
    country      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE attendance (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('hub_specialist', 'facilitator', 'coordinator',
                                                 'presenter', 'spoke', 'trainee', 'it_support')),
    joined_ms      INTEGER,
    left_ms        INTEGER,
    CHECK (left_ms IS NULL OR joined_ms IS NULL OR left_ms >= joined_ms)
);
CREATE INDEX attendance_by_session ON attendance(session_id);

CREATE TABLE cases (
    id               INTEGER PRIMARY KEY,
    case_code        TEXT NOT NULL UNIQUE,
    programme_id     INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    session_id       INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    title            TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'ready', 'submitted', 'presented',
                                       'recommendations_received')),
    current_revision INTEGER NOT NULL DEFAULT 0,
    created_ms       INTEGER NOT NULL,
    updated_ms       INTEGER NOT NULL
);
CREATE INDEX cases_by_session ON cases(session_id);

-- Every save is a new revision; the case row points at the newest.
CREATE TABLE case_revisions (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL,
    body_json  TEXT NOT NULL,
    plain_text TEXT NOT NULL DEFAULT '',
    saved_ms   INTEGER NOT NULL,
    UNIQUE (case_id, revision)
);

CREATE TABLE recommendations (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    author     TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);
CREATE INDEX recommendations_by_case ON recommendations(case_id);

CREATE TABLE recordings (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    title       TEXT NOT NULL,
    file_path   TEXT NOT NULL,
    duration_ms INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0),
    size_bytes  INTEGER NOT NULL DEFAULT 0,
    sha256      TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL CHECK (source IN ('local', 'hub', 'imported')),
    created_ms  INTEGER NOT NULL
);
CREATE INDEX recordings_by_session ON recordings(session_id);

CREATE TABLE chapters (
    id           INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
    start_ms     INTEGER NOT NULL CHECK (start_ms >= 0),
    end_ms       INTEGER,
    title        TEXT NOT NULL,
    case_id      INTEGER REFERENCES cases(id) ON DELETE SET NULL
);
CREATE INDEX chapters_by_recording ON chapters(recording_id, start_ms);

CREATE TABLE bookmarks (
    id           INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
    position_ms  INTEGER NOT NULL CHECK (position_ms >= 0),
    note         TEXT NOT NULL DEFAULT '',
    created_ms   INTEGER NOT NULL
);
CREATE INDEX bookmarks_by_recording ON bookmarks(recording_id, position_ms);

CREATE TABLE chat_messages (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    author     TEXT NOT NULL,
    offset_ms  INTEGER NOT NULL CHECK (offset_ms >= 0),
    body       TEXT NOT NULL
);
CREATE INDEX chat_by_session ON chat_messages(session_id, offset_ms);

-- Changes waiting for the network. The key makes a retried send harmless.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    payload_json    TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_try_ms     INTEGER NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    created_ms      INTEGER NOT NULL,
    sent_ms         INTEGER
);
CREATE INDEX outbox_due ON outbox(next_try_ms) WHERE sent_ms IS NULL;
)sql";

// One full-text index over everything a person may look for. Triggers keep it
// in step with the source rows, so no code path can forget to index. Each
// index row's rowid is derived from its source (id * 8 + kind code: session 1,
// case 2, recommendation 3, chat 4, chapter 5, note 6), so every trigger
// finds its row by rowid instead of scanning the index.
constexpr std::string_view kSearchIndex = R"sql(
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, ref_id UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER sessions_ai AFTER INSERT ON sessions BEGIN
    INSERT INTO search_index(rowid, kind, ref_id, title, body)
    VALUES (new.id * 8 + 1, 'session', new.id, new.title, new.description);
END;
CREATE TRIGGER sessions_au AFTER UPDATE OF title, description ON sessions BEGIN
    UPDATE search_index SET title = new.title, body = new.description WHERE rowid = new.id * 8 + 1;
END;
CREATE TRIGGER sessions_ad AFTER DELETE ON sessions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER cases_ai AFTER INSERT ON cases BEGIN
    INSERT INTO search_index(rowid, kind, ref_id, title, body) VALUES (new.id * 8 + 2, 'case', new.id, new.title, '');
END;
CREATE TRIGGER cases_au_title AFTER UPDATE OF title ON cases BEGIN
    UPDATE search_index SET title = new.title WHERE rowid = new.id * 8 + 2;
END;
CREATE TRIGGER cases_ad AFTER DELETE ON cases BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;
-- Only the newest revision of a case is searchable.
CREATE TRIGGER case_revisions_ai AFTER INSERT ON case_revisions BEGIN
    UPDATE search_index SET body = new.plain_text WHERE rowid = new.case_id * 8 + 2;
END;

CREATE TRIGGER recommendations_ai AFTER INSERT ON recommendations BEGIN
    INSERT INTO search_index(rowid, kind, ref_id, title, body)
    VALUES (new.id * 8 + 3, 'recommendation', new.id,
            (SELECT 'Recommendation: ' || title FROM cases WHERE id = new.case_id), new.body);
END;
CREATE TRIGGER recommendations_au AFTER UPDATE OF body ON recommendations BEGIN
    UPDATE search_index SET body = new.body WHERE rowid = new.id * 8 + 3;
END;
CREATE TRIGGER recommendations_ad AFTER DELETE ON recommendations BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER chat_ai AFTER INSERT ON chat_messages BEGIN
    INSERT INTO search_index(rowid, kind, ref_id, title, body)
    VALUES (new.id * 8 + 4, 'chat', new.id, new.author, new.body);
END;
CREATE TRIGGER chat_ad AFTER DELETE ON chat_messages BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;

CREATE TRIGGER chapters_ai AFTER INSERT ON chapters BEGIN
    INSERT INTO search_index(rowid, kind, ref_id, title, body) VALUES (new.id * 8 + 5, 'chapter', new.id, new.title, '');
END;
CREATE TRIGGER chapters_au AFTER UPDATE OF title ON chapters BEGIN
    UPDATE search_index SET title = new.title WHERE rowid = new.id * 8 + 5;
END;
CREATE TRIGGER chapters_ad AFTER DELETE ON chapters BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;

CREATE TRIGGER bookmarks_ai AFTER INSERT ON bookmarks BEGIN
    INSERT INTO search_index(rowid, kind, ref_id, title, body) VALUES (new.id * 8 + 6, 'note', new.id, '', new.note);
END;
CREATE TRIGGER bookmarks_au AFTER UPDATE OF note ON bookmarks BEGIN
    UPDATE search_index SET body = new.note WHERE rowid = new.id * 8 + 6;
END;
CREATE TRIGGER bookmarks_ad AFTER DELETE ON bookmarks BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
END;

-- Index what a version-1 file already holds.
INSERT INTO search_index(rowid, kind, ref_id, title, body)
    SELECT id * 8 + 1, 'session', id, title, description FROM sessions;
INSERT INTO search_index(rowid, kind, ref_id, title, body)
    SELECT c.id * 8 + 2, 'case', c.id, c.title,
           COALESCE((SELECT plain_text FROM case_revisions r
                      WHERE r.case_id = c.id ORDER BY revision DESC LIMIT 1), '')
      FROM cases c;
INSERT INTO search_index(rowid, kind, ref_id, title, body)
    SELECT r.id * 8 + 3, 'recommendation', r.id, 'Recommendation: ' || c.title, r.body
      FROM recommendations r JOIN cases c ON c.id = r.case_id;
INSERT INTO search_index(rowid, kind, ref_id, title, body)
    SELECT id * 8 + 4, 'chat', id, author, body FROM chat_messages;
INSERT INTO search_index(rowid, kind, ref_id, title, body)
    SELECT id * 8 + 5, 'chapter', id, title, '' FROM chapters;
INSERT INTO search_index(rowid, kind, ref_id, title, body)
    SELECT id * 8 + 6, 'note', id, '', note FROM bookmarks;
)sql";

// Overrides of de-identification findings a person judged to be false
// positives. The flagged text itself is never stored, only a salted SHA-256
// (core/cases), so the log cannot leak the identifier it is about.
constexpr std::string_view kDeidOverrides = R"sql(
CREATE TABLE deid_overrides (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL,
    field_path  TEXT NOT NULL,
    start_char  INTEGER NOT NULL CHECK (start_char >= 0),
    end_char    INTEGER NOT NULL CHECK (end_char > start_char),
    category    TEXT NOT NULL CHECK (length(category) = 1 AND category BETWEEN 'A' AND 'R'),
    text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    who         TEXT NOT NULL CHECK (length(trim(who)) > 0),
    created_ms  INTEGER NOT NULL
);
CREATE INDEX deid_overrides_by_case ON deid_overrides(case_id);
)sql";

// Where each recording was left off, so replay resumes there (core/recording).
constexpr std::string_view kPlaybackPositions = R"sql(
CREATE TABLE playback_positions (
    recording_id INTEGER PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
    position_ms  INTEGER NOT NULL CHECK (position_ms >= 0),
    updated_ms   INTEGER NOT NULL
);
)sql";

// What this laptop knows of the hub it is signed in to (docs/hub-api.md).
// Side tables keyed by the hub's ids point at ordinary rows, so programmes,
// sessions, cases and recommendations from the hub appear in the normal
// lists and search without changing what the core tables mean.
constexpr std::string_view kHubTables = R"sql(
CREATE TABLE hub_accounts (
    url          TEXT PRIMARY KEY,
    email        TEXT NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    account_id   INTEGER NOT NULL DEFAULT 0,
    cursor       INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
    active       INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    last_sync_ms INTEGER,
    last_error   TEXT NOT NULL DEFAULT '',
    last_detail  TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX hub_accounts_one_active ON hub_accounts(active) WHERE active = 1;

CREATE TABLE hub_programmes (
    hub_url      TEXT NOT NULL,
    hub_id       INTEGER NOT NULL,
    programme_id INTEGER NOT NULL UNIQUE REFERENCES programmes(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (hub_url, hub_id)
);

CREATE TABLE hub_sessions (
    hub_url    TEXT NOT NULL,
    hub_id     INTEGER NOT NULL,
    session_id INTEGER NOT NULL UNIQUE REFERENCES sessions(id) ON DELETE CASCADE,
    PRIMARY KEY (hub_url, hub_id)
);

-- Every case the hub let this account see, as last pulled; local_case_id
-- links the ones submitted from this laptop.
CREATE TABLE hub_cases (
    hub_url           TEXT NOT NULL,
    hub_id            INTEGER NOT NULL,
    programme_hub_id  INTEGER NOT NULL,
    case_code         TEXT NOT NULL,
    title             TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL CHECK (status IN ('submitted', 'scheduled', 'presented',
                                                      'recommendations_sent', 'returned')),
    session_hub_id    INTEGER,
    question          TEXT NOT NULL DEFAULT '',
    submitted_ms      INTEGER NOT NULL DEFAULT 0,
    updated_ms        INTEGER NOT NULL DEFAULT 0,
    mine              INTEGER NOT NULL DEFAULT 0,
    local_case_id     INTEGER UNIQUE REFERENCES cases(id) ON DELETE SET NULL,
    PRIMARY KEY (hub_url, hub_id)
);

-- Where each local case stands in its journey to the hub.
CREATE TABLE case_delivery (
    case_id      INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    hub_url      TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('waiting', 'sent', 'refused')),
    outbox_key   TEXT NOT NULL,
    error_status INTEGER NOT NULL DEFAULT 0,
    error_code   TEXT NOT NULL DEFAULT '',
    error_detail TEXT NOT NULL DEFAULT '',
    findings     TEXT NOT NULL DEFAULT '[]',
    updated_ms   INTEGER NOT NULL
);

CREATE TABLE hub_recommendations (
    hub_url           TEXT NOT NULL,
    hub_id            INTEGER NOT NULL,
    case_hub_id       INTEGER NOT NULL,
    recommendation_id INTEGER UNIQUE REFERENCES recommendations(id) ON DELETE SET NULL,
    author_name       TEXT NOT NULL DEFAULT '',
    items_json        TEXT NOT NULL DEFAULT '[]',
    text              TEXT NOT NULL DEFAULT '',
    created_ms        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hub_url, hub_id)
);

CREATE TABLE hub_attendance (
    hub_url        TEXT NOT NULL,
    session_hub_id INTEGER NOT NULL,
    account_id     INTEGER NOT NULL,
    registered_ms  INTEGER NOT NULL,
    joined_ms      INTEGER,
    left_ms        INTEGER,
    PRIMARY KEY (hub_url, session_hub_id, account_id)
);

-- An entry the hub refused (4xx) stops retrying until the user acts.
ALTER TABLE outbox ADD COLUMN stopped_ms INTEGER;
ALTER TABLE outbox ADD COLUMN error_status INTEGER NOT NULL DEFAULT 0;
)sql";

// A recording's timeline beyond its chapters (docs/hub-api.md, GET
// /api/v1/recordings/{id}/timeline): its own chat, the slide pages shown and
// the hands raised, at offsets from the recording's start, and the decks it
// showed with where core/slides' DeckCache keeps each file. Chat here belongs
// to a recording, not a session: a hub recording may start after its
// session, and its offsets are the recording's own. Deck page text is kept
// once per deck (by SHA-256) so search finds a recording by what its slides
// said. Search rowids continue the scheme of migration 2: recording chat is
// kind code 7, a deck page code 0 (ids start at 1, so id * 8 never collides).
constexpr std::string_view kRecordingTimelines = R"sql(
CREATE TABLE recording_chat (
    id           INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
    hub_id       INTEGER,
    author       TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT '',
    offset_ms    INTEGER NOT NULL CHECK (offset_ms >= 0),
    body         TEXT NOT NULL
);
CREATE INDEX recording_chat_by_recording ON recording_chat(recording_id, offset_ms);

CREATE TABLE recording_slides (
    id           INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
    deck_sha256  TEXT NOT NULL CHECK (length(deck_sha256) = 64),
    page         INTEGER NOT NULL CHECK (page >= 0),
    offset_ms    INTEGER NOT NULL CHECK (offset_ms >= 0)
);
CREATE INDEX recording_slides_by_recording ON recording_slides(recording_id, offset_ms);

CREATE TABLE recording_hands (
    id           INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    raised       INTEGER NOT NULL CHECK (raised IN (0, 1)),
    offset_ms    INTEGER NOT NULL CHECK (offset_ms >= 0)
);
CREATE INDEX recording_hands_by_recording ON recording_hands(recording_id, offset_ms);

CREATE TABLE recording_decks (
    recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    title        TEXT NOT NULL DEFAULT '',
    pages        INTEGER NOT NULL DEFAULT 0 CHECK (pages >= 0),
    size_bytes   INTEGER NOT NULL DEFAULT 0,
    file_path    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (recording_id, sha256)
);

CREATE TABLE deck_pages (
    id          INTEGER PRIMARY KEY,
    deck_sha256 TEXT NOT NULL CHECK (length(deck_sha256) = 64),
    page        INTEGER NOT NULL CHECK (page >= 0),
    text        TEXT NOT NULL,
    UNIQUE (deck_sha256, page)
);

CREATE TRIGGER recording_chat_ai AFTER INSERT ON recording_chat BEGIN
    INSERT INTO search_index(rowid, kind, ref_id, title, body)
    VALUES (new.id * 8 + 7, 'recording_chat', new.id, new.author, new.body);
END;
CREATE TRIGGER recording_chat_ad AFTER DELETE ON recording_chat BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 7;
END;

CREATE TRIGGER deck_pages_ai AFTER INSERT ON deck_pages BEGIN
    INSERT INTO search_index(rowid, kind, ref_id, title, body) VALUES (new.id * 8, 'slide', new.id, '', new.text);
END;
CREATE TRIGGER deck_pages_au AFTER UPDATE OF text ON deck_pages BEGIN
    UPDATE search_index SET body = new.text WHERE rowid = new.id * 8;
END;
CREATE TRIGGER deck_pages_ad AFTER DELETE ON deck_pages BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8;
END;
)sql";

// The case panel's part of a recording's timeline (docs/hub-api.md, GET
// /api/v1/recordings/{id}/timeline `cases` and `case_documents`): the form
// section the presenter showed from each offset, and the de-identified
// document of each case shown, as the hub's JSON, so replay shows the case
// form in step with the video, offline. Case ids are the hub's: a trainee's
// cache need not hold the case itself.
constexpr std::string_view kRecordingCases = R"sql(
CREATE TABLE recording_case_views (
    id           INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
    hub_case_id  INTEGER NOT NULL CHECK (hub_case_id > 0),
    section      TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 64),
    offset_ms    INTEGER NOT NULL CHECK (offset_ms >= 0)
);
CREATE INDEX recording_case_views_by_recording ON recording_case_views(recording_id, offset_ms);

CREATE TABLE recording_case_documents (
    recording_id  INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
    hub_case_id   INTEGER NOT NULL CHECK (hub_case_id > 0),
    case_code     TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    document_json TEXT NOT NULL,
    PRIMARY KEY (recording_id, hub_case_id)
);
)sql";

constexpr std::array kMigrations{
    Migration{1, "core tables", kCoreTables},
    Migration{2, "full-text search index", kSearchIndex},
    Migration{3, "de-identification override log", kDeidOverrides},
    Migration{4, "playback resume positions", kPlaybackPositions},
    Migration{5, "hub accounts and mappings", kHubTables},
    Migration{6, "recording timelines: chat, slides, hands and decks", kRecordingTimelines},
    Migration{7, "recording timelines: case sections and documents", kRecordingCases},
};

} // namespace

std::span<const Migration> allMigrations()
{
    return kMigrations;
}

int latestSchemaVersion()
{
    return kMigrations.back().version;
}

void migrate(Database& db, int target)
{
    const auto current = db.queryInt("PRAGMA user_version");
    for (const Migration& step : kMigrations) {
        if (step.version <= current || step.version > target)
            continue;
        Transaction tx(db);
        // Another connection (the app's sync thread, a spoke-cli run) may have
        // applied this step while we waited for the write lock.
        if (db.queryInt("PRAGMA user_version") >= step.version)
            continue;
        try {
            db.exec(step.sql);
        } catch (const StoreError& error) {
            throw StoreError(error.kind(),
                             "Schema migration to version " + std::to_string(step.version) + " ("
                                 + std::string(step.name) + ") failed: " + error.what(),
                             error.sqliteCode());
        }
        db.exec("PRAGMA user_version = " + std::to_string(step.version));
        tx.commit();
    }
}

} // namespace spoke::store
