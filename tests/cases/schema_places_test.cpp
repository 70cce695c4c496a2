#include "cases/Regions.h"

#include <catch2/catch.hpp>

using spoke::cases::Regions;

// Tanzania's regions are first level (Safe Harbor allows them); its districts are not.
TEST_CASE("Tanzanian regions are first level and its districts are not", "[cases][schema]")
{
    const auto& regions = Regions::builtIn();
    CHECK(regions.knowsCountry(QStringLiteral("TZ")));
    CHECK(regions.isFirstLevel(QStringLiteral("TZ"), QStringLiteral("Dar es Salaam Region")));
    CHECK(regions.isFirstLevel(QStringLiteral("TZ"), QStringLiteral("kilimanjaro")));
    CHECK(regions.isFirstLevel(QStringLiteral("TZ"), QStringLiteral("Mwanza")));
    CHECK_FALSE(regions.isFirstLevel(QStringLiteral("TZ"), QStringLiteral("Moshi")));
    CHECK_FALSE(regions.isFirstLevel(QStringLiteral("TZ"), QStringLiteral("Bagamoyo")));
}
