#pragma once

#include <QStringView>

namespace spoke::cases {

// Check-digit algorithms of the national ID formats the gate knows. Each takes
// the digits only (callers strip separators) and returns false for anything
// that is not all digits. A failed checksum does not clear a number: typed
// IDs are often mistyped, so structure and context still count.

// Luhn (mod 10), used by the South African ID number.
bool luhnValid(QStringView digits);
// Verhoeff (dihedral group D5), used by India's Aadhaar.
bool verhoeffValid(QStringView digits);
// Uruguayan cédula: weights 2 9 8 7 6 3 4 over the first seven digits
// (left-padded), check digit (10 - sum mod 10) mod 10.
bool uruguayCedulaValid(QStringView digits);

QString digitsOnly(QStringView text);

} // namespace spoke::cases
