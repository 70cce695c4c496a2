#pragma once

// The router's behaviour, written once and run on SQLite and on PostgreSQL
// (api_router_test.cpp). Each scenario builds its own programmes and
// accounts, so several can share one database.

#include "api_test_support.h"

namespace spoke::test::scenarios {

void statusCodes(ApiHub& hub);
void tokens(ApiHub& hub);
void gateRefusesIdentifiers(ApiHub& hub);
void idempotentSubmission(ApiHub& hub);
void visibility(ApiHub& hub);
void lifecycle(ApiHub& hub);
void syncCursor(ApiHub& hub);
// A member synced past a programme's rows joins it: the next pull brings it whole.
void joinSecondProgramme(ApiHub& hub);

inline void all(ApiHub& hub)
{
    statusCodes(hub);
    tokens(hub);
    gateRefusesIdentifiers(hub);
    idempotentSubmission(hub);
    visibility(hub);
    lifecycle(hub);
    syncCursor(hub);
    joinSecondProgramme(hub);
}

} // namespace spoke::test::scenarios
