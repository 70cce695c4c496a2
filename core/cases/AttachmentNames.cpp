#include "cases/AttachmentNames.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <stdexcept>
#include <system_error>

namespace spoke::cases {

namespace {

// "photo-12.jpg", "photo-12.part" → 12; anything else → 0.
int photoNumber(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^photo-(\d{1,9})\.[A-Za-z]+$)"));
    const QRegularExpressionMatch match = pattern.match(name);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

QString ReservedPhoto::finalName(const QString& extension) const
{
    return QStringLiteral("photo-%1.%2").arg(number).arg(extension);
}

ReservedPhoto reservePhoto(const std::filesystem::path& caseDir, const QStringList& namesInDocument)
{
    std::error_code error;
    std::filesystem::create_directories(caseDir, error);
    if (error)
        throw std::runtime_error("Cannot create the folder " + caseDir.string() + ": " + error.message());
    int highest = 0;
    for (const QString& name : namesInDocument)
        highest = std::max(highest, photoNumber(name));
    for (const auto& entry : std::filesystem::directory_iterator(caseDir, error))
        highest = std::max(highest, photoNumber(QString::fromStdString(entry.path().filename().string())));
    if (error)
        throw std::runtime_error("Cannot read the folder " + caseDir.string() + ": " + error.message());
    // Another photo added at the same moment may take a number first: the
    // exclusive create tells, and the next number is tried.
    for (int number = highest + 1; number < highest + 1000; ++number) {
        ReservedPhoto reserved{number, caseDir / ("photo-" + std::to_string(number) + ".part")};
        QFile part(QString::fromStdString(reserved.part.string()));
        if (part.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return reserved;
        if (!part.exists())
            throw std::runtime_error("Cannot write in the folder " + caseDir.string() + ": "
                                     + part.errorString().toStdString());
    }
    throw std::runtime_error("No free photo name in " + caseDir.string());
}

} // namespace spoke::cases
