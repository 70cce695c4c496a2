#include "cases/DeidGate.h"

#include "cases/ContactDetector.h"
#include "cases/DateDetector.h"
#include "cases/NameDetector.h"
#include "cases/NumberDetector.h"
#include "cases/PlaceDetector.h"
#include "cases/Regions.h"
#include "cases/UniqueDetector.h"

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace spoke::cases {

namespace {

bool numberFamily(char c)
{
    return std::string_view("DEGHIJKLMR").find(c) != std::string_view::npos;
}

bool overlaps(const Hit& a, const Hit& b)
{
    return a.start < b.end && b.start < a.end;
}

bool inside(const Hit& inner, const Hit& outer)
{
    return inner.start >= outer.start && inner.end <= outer.end;
}

// Fields that are codes or enumerations by construction. case_id is the
// hub's re-identification code, which Safe Harbor permits (164.514(c)).
bool isStructuralPath(const QString& path)
{
    static const QRegularExpression structural(QStringLiteral(
        R"(^(?:schema_version|case_id|programme|language|presenter\.country|patient\.sex|patient\.age_band|presenter\.region_level1|labs\[\d+\]\.flag|attachments\[\d+\]\.kind)$)"));
    return structural.match(path).hasMatch();
}

// A key as words: "patient_id" reads like the label "patient id".
QString readableKey(const QString& key)
{
    QString out = key;
    for (QChar& c : out)
        if (c == QLatin1Char('_') || c == QLatin1Char('-'))
            c = QLatin1Char(' ');
    return out;
}

Finding toFinding(const QString& path, const QString& text, const Hit& hit)
{
    Finding f;
    f.path = path;
    f.start = codePointIndex(text, hit.start);
    f.end = codePointIndex(text, hit.end);
    f.text = text.mid(hit.start, hit.end - hit.start);
    f.category = hit.category;
    f.reason = hit.reason;
    f.suggestion = hit.suggestion.isEmpty() ? defaultSuggestion(hit.category) : hit.suggestion;
    return f;
}

Finding wholeField(const QString& path, const QString& value, char category, const QString& reason,
                   const QString& suggestion = {})
{
    return toFinding(path, value, Hit{0, value.size(), category, reason, suggestion, 100});
}

} // namespace

std::vector<Hit> resolveOverlaps(std::vector<Hit> hits)
{
    std::vector<bool> dropped(hits.size(), false);
    for (std::size_t i = 0; i < hits.size(); ++i) {
        for (std::size_t j = 0; j < hits.size(); ++j) {
            if (i == j || dropped[i] || dropped[j])
                continue;
            const Hit& a = hits[i];
            const Hit& b = hits[j];
            // An identifier inside a URL or email address is part of it.
            if ((b.category == 'N' || b.category == 'F') && a.category != 'C' && a.category != b.category
                && inside(a, b)) {
                dropped[i] = true;
                continue;
            }
            // Eight digits that parse as a date are a date, not a phone.
            if ((a.category == 'D' || a.category == 'E') && b.category == 'C' && inside(a, b)) {
                dropped[i] = true;
                continue;
            }
            if (numberFamily(a.category) && numberFamily(b.category) && a.category != b.category && overlaps(a, b)) {
                const bool aWeaker =
                    a.strength < b.strength || (a.strength == b.strength && (a.end - a.start) < (b.end - b.start));
                dropped[aWeaker ? i : j] = true;
            }
        }
    }
    std::vector<Hit> kept;
    for (std::size_t i = 0; i < hits.size(); ++i)
        if (!dropped[i])
            kept.push_back(std::move(hits[i]));
    std::sort(kept.begin(), kept.end(),
              [](const Hit& a, const Hit& b) { return a.start != b.start ? a.start < b.start : a.end > b.end; });
    std::vector<Hit> merged;
    for (Hit& h : kept) {
        auto same = std::find_if(merged.begin(), merged.end(),
                                 [&](const Hit& m) { return m.category == h.category && overlaps(m, h); });
        if (same == merged.end()) {
            merged.push_back(std::move(h));
            continue;
        }
        if (h.strength > same->strength) {
            same->reason = h.reason;
            same->suggestion = h.suggestion;
            same->strength = h.strength;
        }
        same->start = std::min(same->start, h.start);
        same->end = std::max(same->end, h.end);
    }
    return merged;
}

const DeidGate& DeidGate::builtIn()
{
    static const DeidGate instance(Lexicon::builtIn(), Options{});
    return instance;
}

DeidGate::DeidGate(const Lexicon& lexicon, Options options)
    : referenceYear_(options.referenceYear > 0 ? options.referenceYear : QDate::currentDate().year())
{
    detectors_.push_back(std::make_unique<ContactDetector>());
    detectors_.push_back(std::make_unique<NumberDetector>(lexicon));
    detectors_.push_back(std::make_unique<DateDetector>());
    detectors_.push_back(std::make_unique<NameDetector>(lexicon));
    detectors_.push_back(std::make_unique<PlaceDetector>(lexicon));
    detectors_.push_back(std::make_unique<UniqueDetector>());
}

DeidGate::~DeidGate() = default;

std::vector<Hit> DeidGate::hitsIn(const QString& path, const QString& text, const QString& country) const
{
    std::vector<Hit> hits;
    if (text.size() < 2)
        return hits;
    const ScanInput input{text, path, country, referenceYear_};
    for (const auto& detector : detectors_)
        detector->scan(input, hits);
    return resolveOverlaps(std::move(hits));
}

void DeidGate::scanField(const QString& path, const QString& text, const QString& country,
                         std::vector<Finding>& out) const
{
    for (const Hit& hit : hitsIn(path, text, country))
        out.push_back(toFinding(path, text, hit));
}

std::vector<Finding> DeidGate::checkText(const QString& path, const QString& text, const QString& country) const
{
    std::vector<Finding> out;
    scanField(path, text, country, out);
    return out;
}

std::vector<Finding> DeidGate::check(const CaseDocument& document) const
{
    std::vector<Finding> out;
    const QString country = document.country();
    const QString caseId = document.caseId();
    for (const TextField& field : document.textFields()) {
        if (isStructuralPath(field.path))
            continue;
        // A reference to an earlier presentation is the hub's own code.
        if (field.path == QLatin1String("submission.follow_up_of") && field.value.startsWith(QLatin1String("ECHO-")))
            continue;
        scanField(field.path, field.value, country, out);
    }
    checkScalarsAndKeys(document, out);
    checkStructured(document, out);
    return out;
}

void DeidGate::scanLabelled(const QString& path, const QString& label, const QString& value, const QString& country,
                            std::vector<Finding>& out) const
{
    // The detectors read a number through the words before it ("MRN 4821…",
    // "phone 0811…"), so the value is scanned behind its key as a label and
    // only hits on the value itself are kept; the key is scanned on its own.
    const QString context = readableKey(label) + QStringLiteral(": ");
    for (Hit hit : hitsIn(path, context + value, country)) {
        if (hit.end <= context.size())
            continue;
        hit.start = std::max(hit.start, context.size()) - context.size();
        hit.end -= context.size();
        out.push_back(toFinding(path, value, hit));
    }
}

void DeidGate::checkScalarsAndKeys(const CaseDocument& document, std::vector<Finding>& out) const
{
    const QString country = document.country();
    for (const ScalarField& field : document.scalarFields()) {
        // The age band is read by checkStructured (bands, 90+).
        if (isStructuralPath(field.path))
            continue;
        scanLabelled(field.path, field.label, field.value, country, out);
    }
    for (const KeyField& field : document.keyFields()) {
        // "Maria_Shikongo" reads as the name it is; the length is unchanged,
        // so spans still index the key as written.
        const QString path = keyPath(field.path);
        for (const Hit& hit : hitsIn(path, readableKey(field.key), country))
            out.push_back(toFinding(path, field.key, hit));
    }
}

std::vector<Finding> DeidGate::checkUnknownFields(const CaseDocument& document, const QStringList& unknownPaths) const
{
    std::vector<Finding> out;
    if (unknownPaths.isEmpty())
        return out;
    auto unknown = [&](const QString& path) {
        return std::any_of(unknownPaths.begin(), unknownPaths.end(),
                           [&](const QString& p) { return isAtOrBelow(path, p); });
    };
    static const QRegularExpression digitRun(QStringLiteral("(?<!\\d)\\d{5,}(?!\\d)"));
    auto flagDigitRuns = [&](const QString& path, const QString& value) {
        for (auto it = digitRun.globalMatch(value); it.hasNext();) {
            const auto m = it.next();
            Hit hit{m.capturedStart(),
                    m.capturedEnd(),
                    'R',
                    QStringLiteral("a %1-digit number in a field the case form does not define; it may be a record, "
                                   "phone or ID number")
                        .arg(m.capturedLength()),
                    {},
                    30};
            out.push_back(toFinding(path, value, hit));
        }
    };
    for (const ScalarField& field : document.scalarFields())
        if (unknown(field.path))
            flagDigitRuns(field.path, field.value);
    for (const TextField& field : document.textFields())
        if (unknown(field.path))
            flagDigitRuns(field.path, field.value);
    return out;
}

void DeidGate::checkStructured(const CaseDocument& document, std::vector<Finding>& out) const
{
    const QJsonObject& json = document.json();
    const QString country = document.country();

    // Age: five-year bands with 90+ on top; any other value over 89 is an
    // identifier in itself.
    const QJsonValue ageValue = json.value(QLatin1String("patient")).toObject().value(QLatin1String("age_band"));
    const QString age = ageValue.isDouble() ? QString::number(ageValue.toDouble()) : ageValue.toString();
    static const QRegularExpression firstNumber(QStringLiteral("(\\d{2,3})"));
    const auto ageNumber = firstNumber.match(age);
    if (age != QLatin1String("90+") && ageNumber.hasMatch() && ageNumber.captured(1).toInt() > 89)
        out.push_back(wholeField(QStringLiteral("patient.age_band"), age, 'C',
                                 QStringLiteral("age over 89 must be recorded as the single band 90+"),
                                 QStringLiteral("90+")));

    // Region: only first-level units. An unknown country cannot be checked
    // against a list, so its region is read as free text instead.
    const QString region =
        json.value(QLatin1String("presenter")).toObject().value(QLatin1String("region_level1")).toString();
    const Regions& regions = Regions::builtIn();
    if (!region.isEmpty()) {
        if (regions.knowsCountry(country)) {
            if (!regions.isFirstLevel(country, region))
                out.push_back(wholeField(
                    QStringLiteral("presenter.region_level1"), region, 'B',
                    QStringLiteral("not a first-level region of %1; anything smaller identifies a place").arg(country),
                    QStringLiteral("the first-level region (state or province)")));
        } else {
            scanField(QStringLiteral("presenter.region_level1"), region, country, out);
        }
    }

    // Attachments: a voice is biometric; a face photo is Q.
    static const QRegularExpression audioOrVideo(
        QStringLiteral(R"(\.(?:opus|ogg|oga|mp3|m4a|aac|amr|wav|flac|wma|3gp|mp4|mov|m4v|webm|mkv|avi)$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression face(
        QStringLiteral(
            R"(\b(?:full[- ]?face|face|facial|faces|portrait|selfie|headshot|recogni[sz]able|identifiable|full[- ]body|whole[- ]body|rosto|cara|rostro|retrato|reconhec[íi]vel|reconocible)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    const QJsonArray attachments = json.value(QLatin1String("attachments")).toArray();
    for (qsizetype i = 0; i < attachments.size(); ++i) {
        const QJsonObject a = attachments.at(i).toObject();
        const QString base = indexPath(QStringLiteral("attachments"), i);
        const QString fileName = a.value(QLatin1String("file_name")).toString();
        const QString kind = a.value(QLatin1String("kind")).toString();
        const QString description = a.value(QLatin1String("description")).toString();
        if (fileName.isEmpty())
            continue;
        if (kind == QLatin1String("audio") || audioOrVideo.match(fileName).hasMatch()) {
            out.push_back(wholeField(base + QStringLiteral(".file_name"), fileName, 'P',
                                     QStringLiteral("recording of a person's voice (a voice print is biometric)")));
        } else if ((kind == QLatin1String("photo") || kind == QLatin1String("images"))
                   && (face.match(fileName).hasMatch() || face.match(description).hasMatch())) {
            out.push_back(wholeField(base + QStringLiteral(".file_name"), fileName, 'Q',
                                     QStringLiteral("photograph that shows the patient's face")));
            const auto m = face.match(description);
            if (m.hasMatch()) {
                Hit hit{m.capturedStart(),
                        m.capturedEnd(),
                        'Q',
                        QStringLiteral("describes a photograph of the face"),
                        {},
                        80};
                out.push_back(toFinding(base + QStringLiteral(".description"), description, hit));
            }
        }
    }
}

} // namespace spoke::cases
