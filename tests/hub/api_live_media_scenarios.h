#pragma once

// Slides as documents and the call's media state (docs/hub-api.md, Live
// session): deck upload, download and listing, page turns and their events,
// mute and camera state, the case panel's sections. Written once and run on SQLite and on PostgreSQL
// (api_live_test.cpp); each scenario builds its own programmes.

#include "api_test_support.h"

namespace spoke::test::live {

// Needs the hub's router to have a deck directory.
void slides(ApiHub& hub);
void media(ApiHub& hub);
// The case panel's sections (api_case_view_scenarios.cpp).
void caseViews(ApiHub& hub);

} // namespace spoke::test::live
