#include "cases/Checksums.h"

#include <QString>

#include <catch2/catch.hpp>

using namespace spoke::cases;

TEST_CASE("Luhn accepts valid numbers and rejects a changed digit", "[cases][checksum]")
{
    CHECK(luhnValid(u"79927398713"));   // the textbook Luhn example
    CHECK(luhnValid(u"8001015009087")); // a South African ID number of the published example form
    CHECK_FALSE(luhnValid(u"8001015009088"));
    CHECK_FALSE(luhnValid(u"80010150090a7"));
    CHECK_FALSE(luhnValid(u""));
}

TEST_CASE("Verhoeff catches single-digit errors and transpositions", "[cases][checksum]")
{
    CHECK(verhoeffValid(u"2363")); // the textbook Verhoeff example: 236 with check digit 3
    CHECK_FALSE(verhoeffValid(u"2364"));
    CHECK_FALSE(verhoeffValid(u"3263")); // transposed
    CHECK_FALSE(verhoeffValid(u"23a3"));
}

TEST_CASE("Uruguayan cédula check digit", "[cases][checksum]")
{
    // 1*2 + 2*9 + 3*8 + 4*7 + 5*6 + 6*3 + 7*4 = 148 -> (10 - 8) % 10 = 2
    CHECK(uruguayCedulaValid(u"12345672"));
    CHECK_FALSE(uruguayCedulaValid(u"12345673"));
    CHECK(uruguayCedulaValid(digitsOnly(u"1.234.567-2")));
    CHECK_FALSE(uruguayCedulaValid(u"123456789012"));
}
