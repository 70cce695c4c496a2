#pragma once

#include "cases/Finding.h"

#include <QString>

#include <vector>

namespace spoke::ui {

class FormModel;

// A printable copy of a case for a hub that takes paper or PDF. It holds only
// what the form shows (keys the form does not know are left out) and every
// finding still open is replaced by its suggested redaction, so the file is
// never less de-identified than the gate allows. QtGui does the layout
// (QTextDocument) and writing (QPdfWriter); that is why this lives in ui/.
// Stateless.
class CasePdfExporter {
public:
    // The case as simple HTML: sections, label/value rows, tables.
    static QString html(const FormModel& form, const std::vector<cases::Finding>& open, const QString& caseCode);
    // The same without the title and the export note: sections, rows and
    // tables, for showing a case read-only (the review page).
    static QString bodyHtml(const FormModel& form, const std::vector<cases::Finding>& open);
    // Lays out `html` on A4 pages and writes the PDF. Throws
    // std::runtime_error with a message for the user if the file cannot be written.
    static void write(const QString& html, const QString& file, const QString& caseCode);
};

} // namespace spoke::ui
