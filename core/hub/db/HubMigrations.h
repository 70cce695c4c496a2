#pragma once

#include <cstdint>

namespace spoke::hub {

class HubDatabase;

// The hub's schema as numbered migrations (the tables of docs/hub-api.md).
// One SQL text serves both databases; the only dialect difference is the
// auto-assigned id column. Applied versions are recorded in
// `schema_migrations`, each migration in its own transaction, so that
// several hub instances starting against one PostgreSQL apply each step once
// (they queue on an advisory lock) and a crash leaves no half-applied step.
namespace HubMigrations {

// The newest schema version this build knows.
int latestVersion();

// Applies every migration newer than the database's version and returns the
// version it ends at. Throws HubDbError(Query) for a database written by a
// newer spoke-hub, which this build must not touch.
int migrate(HubDatabase& db);

// The database's version; 0 before the first migration.
int currentVersion(HubDatabase& db);

} // namespace HubMigrations
} // namespace spoke::hub
