#pragma once

#include <QString>
#include <QStringList>

#include <filesystem>

namespace spoke::cases {

// The stored name of a case's next photo: `photo-N.<ext>`, never the
// original file's name (it may name the patient). N is one more than any
// photo number in the case's folder or in its document, so removing photo-1
// never makes the next photo overwrite photo-2, and `photo-N.part` is
// created exclusively, so two photos added at once never share a number.
// Safe from any thread; throws std::runtime_error when the folder cannot be
// written.
struct ReservedPhoto {
    int number = 0;
    std::filesystem::path part; // photo-N.part, created empty: the cleaner writes it
    QString finalName(const QString& extension) const; // photo-N.<extension>
};

ReservedPhoto reservePhoto(const std::filesystem::path& caseDir, const QStringList& namesInDocument);

} // namespace spoke::cases
