#pragma once

// A live session's routes (docs/hub-api.md, Live session): agenda, chat,
// raised hands and attendance, written once and run on SQLite and on
// PostgreSQL (api_live_test.cpp). Each scenario builds its own programmes.

#include "api_test_support.h"

namespace spoke::test::live {

void agenda(ApiHub& hub);
void chat(ApiHub& hub);
void hands(ApiHub& hub);
void attendance(ApiHub& hub);

inline void all(ApiHub& hub)
{
    agenda(hub);
    chat(hub);
    hands(hub);
    attendance(hub);
}

} // namespace spoke::test::live
