#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>

namespace spoke::test {

// scripts/test (and so CI) installs everything the suite needs and sets
// SPOKE_TESTS_REQUIRE_ALL=1: there, a part that cannot run (PostgreSQL,
// Janus, network namespaces) is a failure, never a skip, so a broken
// machine cannot make the suite pass by running less of it. A developer's
// `ctest` without the variable still skips loudly.
inline bool skipsForbidden()
{
    const char* value = std::getenv("SPOKE_TESTS_REQUIRE_ALL");
    return value != nullptr && std::strcmp(value, "1") == 0;
}

} // namespace spoke::test

// Use as the body of "this part cannot run here", then return.
#define SPOKE_SKIP_OR_FAIL(reason)                                                                                     \
    do {                                                                                                               \
        if (::spoke::test::skipsForbidden())                                                                           \
            FAIL("unavailable, and SPOKE_TESTS_REQUIRE_ALL=1 forbids skipping: " << (reason));                         \
        WARN("SKIPPED: " << (reason));                                                                                 \
    } while (false)
