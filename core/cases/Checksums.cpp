#include "cases/Checksums.h"

#include <QString>

#include <array>

namespace spoke::cases {

namespace {

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

} // namespace

QString digitsOnly(QStringView text)
{
    QString out;
    for (const QChar c : text)
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            out.append(c);
    return out;
}

bool luhnValid(QStringView digits)
{
    if (!allDigits(digits) || digits.size() < 2)
        return false;
    int sum = 0;
    bool doubleIt = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).digitValue();
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

bool verhoeffValid(QStringView digits)
{
    static constexpr std::array<std::array<int, 10>, 10> d{{
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
    }};
    static constexpr std::array<std::array<int, 10>, 8> p{{
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
    }};
    if (!allDigits(digits))
        return false;
    int c = 0;
    const qsizetype n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {
        const int digit = digits.at(n - 1 - i).digitValue();
        c = d[static_cast<std::size_t>(c)][static_cast<std::size_t>(p[static_cast<std::size_t>(i % 8)][static_cast<std::size_t>(digit)])];
    }
    return c == 0;
}

bool uruguayCedulaValid(QStringView digits)
{
    if (!allDigits(digits) || digits.size() < 2 || digits.size() > 8)
        return false;
    const QString body = digits.first(digits.size() - 1).toString().rightJustified(7, QLatin1Char('0'));
    static constexpr std::array<int, 7> weights{2, 9, 8, 7, 6, 3, 4};
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i)
        sum += body.at(static_cast<qsizetype>(i)).digitValue() * weights[i];
    return (10 - sum % 10) % 10 == digits.last().digitValue();
}

} // namespace spoke::cases
