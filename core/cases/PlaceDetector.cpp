#include "cases/PlaceDetector.h"

#include "cases/Regions.h"

namespace spoke::cases {

namespace {

const QString kTokC = QStringLiteral(R"(\p{Lu}[\p{L}\p{M}'’\-]*)");
const QString kNum = QStringLiteral(R"(\d+[A-Za-z]?(?:/\d+)?)");
const QString kConn = QStringLiteral(R"((?:de|da|do|dos|das|del|la|las|los|y|e|of|on|na|no))");

// Cues that open an address: the street word or house-number label comes first.
const QStringList kStreetFirst{
    QStringLiteral("calle"), QStringLiteral("avenida"), QStringLiteral("av."), QStringLiteral("avda."),
    QStringLiteral("rua"), QStringLiteral("travessa"), QStringLiteral("estrada"), QStringLiteral("alameda"),
    QStringLiteral("pasaje"), QStringLiteral("camino"), QStringLiteral("carrera"), QStringLiteral("bulevar"),
    QStringLiteral("ruta"), QStringLiteral("h. no."), QStringLiteral("h.no."), QStringLiteral("house no."),
    QStringLiteral("house no"), QStringLiteral("house number"), QStringLiteral("flat no."), QStringLiteral("gali no."),
    QStringLiteral("gali"), QStringLiteral("erf"), QStringLiteral("stand no."), QStringLiteral("plot no."),
    QStringLiteral("p.o. box"), QStringLiteral("po box"), QStringLiteral("caixa postal"), QStringLiteral("casilla"),
    QStringLiteral("manzana"), QStringLiteral("lote"), QStringLiteral("quinta"), QStringLiteral("chacra"),
    QStringLiteral("casa nº"), QStringLiteral("casa n.º"), QStringLiteral("street no."), QStringLiteral("sector"),
    QStringLiteral("colonia"), QStringLiteral("bairro"), QStringLiteral("barrio")};

} // namespace

PlaceDetector::PlaceDetector(const Lexicon& lexicon) : lexicon_(lexicon), placeCueIndex_(lexicon.placeCuesBefore)
{
    town_ = scan::compile(QStringLiteral(R"((?<![\p{L}\-])(?:%1)(?![\p{L}\-]))").arg(alternation(lexicon.allTowns)));
    const QString addressRun = QStringLiteral(R"((?:%1|%2)(?:[ \t]+(?:%3[ \t]+)?(?:%1|%2|No\.|Nº|n\.º)){0,5})").arg(kTokC, kNum, kConn);
    streetFirst_ = scan::compile(QStringLiteral(R"((?<![\p{L}])(?i:%1)[ \t]*(?:%3[ \t]+)?(%2))").arg(alternation(kStreetFirst), addressRun, kConn));
    streetSuffix_ = scan::compile(QStringLiteral(
        R"((?<![\p{L}\d])(?:\d+[A-Za-z]?,?[ \t]+)?(?:%1[ \t]+){1,3}(?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Lane|Drive|Close|Crescent|Highway|Boulevard|Calle|Avenida)(?![\p{L}]))").arg(kTokC));
    chain_ = scan::compile(QStringLiteral(R"(\G,[ \t]*((?:%1|%2|No\.|Nº)(?:[ \t]+(?:%3[ \t]+)?(?:%1|%2|No\.|Nº|n\.º)){0,5}))").arg(kTokC, kNum, kConn));
    cueBefore_ = scan::compile(QStringLiteral(R"((?<![\p{L}])(%1)[ \t]*:?[ \t]+((?:%2|%3)(?:[ \t]+(?:%4[ \t]+)?(?:%2|%3)){0,4}))")
                                   .arg(alternation(lexicon.placeCuesBefore), kTokC, kNum, kConn),
                               true);
    cueAfter_ = scan::compile(QStringLiteral(R"((?<![\p{L}])((?:%1)(?:[ \t]+%1){0,3})[ \t]+(?i:%2)(?![\p{L}]))")
                                  .arg(kTokC, alternation(lexicon.placeCuesAfter)));
    school_ = scan::compile(QStringLiteral(R"((?<![\p{L}])((?:%1)(?:[ \t]+(?:%2[ \t]+)?%1){0,4})[ \t]+(?:%3)(?![\p{L}]))")
                                .arg(kTokC, kConn, alternation(lexicon.schoolWords)));
    schoolFirst_ = scan::compile(QStringLiteral(
        R"((?<![\p{L}])(?:Escola|Escuela|Colegio|Liceo|Instituto)(?:[ \t]+(?:Primária|Secundária|Primaria|Secundaria|Básica|Basica|Técnica|N[º°o]\.?[ \t]*\d+))*[ \t]+(?:%2[ \t]+)?%1(?:[ \t]+(?:%2[ \t]+)?%1){0,4})").arg(kTokC, kConn));
    facility_ = scan::compile(QStringLiteral(R"((?<![\p{L}])((?:%1[ \t]+){0,3})(?:%2)(?:[ \t]+(?:of[ \t]+|de[ \t]+)?((?:%1)(?:[ \t]+%1){0,2}))?)")
                                  .arg(kTokC, alternation(lexicon.facilityWords)));
    zip_ = scan::compile(QStringLiteral(
        R"((?<![\p{L}])(?:zip(?:\s*code)?|zip3|zip-3|3-digit\s+zip|postal\s+code|post\s*code|c[óo]digo\s+postal|CEP|PIN(?:\s*code)?|pincode)(?:\s+(?:area|prefix|region|code|starting\s+with|beginning|begins\s+with))?\s*[:#]?\s*(\d{3}(?:\d{2})?(?:-\d{3,4})?|\d{6})(?!\d))"),
        true);
    usCityState_ = scan::compile(QStringLiteral(R"((?<![\p{L}])((?:%1)(?:[ \t]+%1){0,2}),?[ \t]+(%2)(?:[ \t]+(\d{5}(?:-\d{4})?))?(?![\p{L}\d]))")
                                     .arg(kTokC, lexicon.usStates.join(QLatin1Char('|'))));
    gps_ = scan::compile(QStringLiteral(
        R"((?<![\d.])-?\d{1,2}\.(\d{2,})\s*°?\s*[NS]?\s*[,;/ ]\s*-?\d{1,3}\.\d{2,}\s*°?\s*[EW]?(?!\d|\.\d)|\d{1,3}°\s?\d{1,2}['’]\s?\d{1,2}(?:\.\d+)?(?:["”]|'')?\s?[NSEW])"));
    gpsCue_ = scan::compile(QStringLiteral(R"(\b(?:gps|lat|lon|long|latitude|longitude|coordinates|coords|geotag|geotagged|location|exif|coordenadas|ubicaci[óo]n|localiza[çc][ãa]o)\b)"), true);
    ward_ = scan::compile(QStringLiteral(R"((?<![\p{L}])(?:ward|sala|enfermaria|pabell[óo]n|unit)\s+(?:no\.?\s*)?[A-Za-z0-9\-]*\d[A-Za-z0-9\-]*)"), true);
    bed_ = scan::compile(QStringLiteral(R"((?<![\p{L}])(?:bed|cama|leito|cubicle|room|cuarto|quarto)\s+(?:no\.?\s*)?\d+[A-Za-z]?)"), true);
    unique_ = scan::compile(QStringLiteral(
        R"((?<![\p{L}])(?:the\s+only|only\s+(?:one|person|woman|man|patient)|the\s+first|la\s+[úu]nica|el\s+[úu]nico|a\s+[úu]nica|o\s+[úu]nico|la\s+primera|el\s+primero|a\s+primeira|o\s+primeiro)\b[^.;:!?\n]{0,70}?\b(?:in|from|at|of|en|de|del|na|no|em|da|do)\s+(?:the\s+|our\s+|this\s+|her\s+|his\s+|el\s+|la\s+|este\s+|esta\s+|nuestro\s+|nuestra\s+|a\s+|o\s+|esta\s+|nossa\s+|nosso\s+)?(?:village|district|town|community|area|county|region|island|school|church|mosque|workplace|mine|farm|family|valley|settlement|province|ward|block|taluk|pueblo|aldea|barrio|departamento|comunidad|zona|localidad|ciudad|aldeia|bairro|vila|comunidade|distrito|cidade|localidade|prov[ií]ncia)\b)"),
        true);
    uniqueCue_ = scan::compile(QStringLiteral(R"((?<![\p{L}])(?:%1)\b[^.;:!?\n]{0,50})").arg(alternation(
                                   lexicon.uniqueCues.filter(QRegularExpression(QStringLiteral("^(?!the |la |el |a |o |only )"))))),
                               true);
    regionSuffix_ = scan::compile(QStringLiteral(R"(^\s+(?:Region|Province|County|Governorate|State|Department|Departamento|Provincia|Província))"));
}

bool PlaceDetector::isProperPlace(const QString& words, const QString& country) const
{
    const QStringList tokens = words.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (tokens.isEmpty() || lexicon_.notNameWords.contains(tokens.first()) || lexicon_.eponyms.contains(tokens.first()))
        return false;
    if (Regions::builtIn().isFirstLevel(country, words) || Regions::builtIn().isAnyFirstLevel(words))
        return false;
    // At least one word must read as a proper name (capital, then lower
    // case): "AV block" and "TB Unit" are no places.
    for (const QString& t : tokens)
        if (!lexicon_.genericFacilityWords.contains(t) && lexicon_.couldBeName(t))
            return true;
    return false;
}

qsizetype PlaceDetector::chainAddress(const QString& text, qsizetype end) const
{
    for (;;) {
        const auto m = chain_.match(text, end, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return end;
        const QString first = m.captured(1).section(QLatin1Char(' '), 0, 0);
        if (lexicon_.notNameWords.contains(first))
            return end;
        end = m.capturedEnd();
    }
}

void PlaceDetector::scan(const ScanInput& in, std::vector<Hit>& hits) const
{
    const QString& text = in.text;
    const Regions& regions = Regions::builtIn();
    auto add = [&](qsizetype s, qsizetype e, char cat, const QString& reason, int strength) {
        while (e > s && QStringLiteral(" \t.,;:").contains(text.at(e - 1)))
            --e;
        if (e > s)
            hits.push_back({s, e, cat, reason, {}, strength});
    };

    for (auto it = town_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (regions.isFirstLevel(in.country, m.captured()) || regions.isAnyFirstLevel(m.captured())
            || regionSuffix_.match(QStringView(text).mid(m.capturedEnd(), 16)).hasMatch())
            continue;
        add(m.capturedStart(), m.capturedEnd(), 'B', QStringLiteral("town or locality below the first-level region (gazetteer)"), 70);
    }
    for (auto it = streetFirst_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), chainAddress(text, m.capturedEnd()), 'B', QStringLiteral("street address"), 85);
    }
    for (auto it = streetSuffix_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString first = m.captured().section(QLatin1Char(' '), 0, 0);
        if (lexicon_.notNameWords.contains(first))
            continue;
        add(m.capturedStart(), chainAddress(text, m.capturedEnd()), 'B', QStringLiteral("street address"), 85);
    }
    for (const auto& m : placeCueIndex_.matches(text, cueBefore_)) {
        const QString cue = m.captured(1);
        const QString place = m.captured(2);
        const bool startsWithNumber = place.at(0).isDigit();
        const bool strongCue = cue.at(0).isUpper()
                               || QStringList{QStringLiteral("bairro"), QStringLiteral("barrio"), QStringLiteral("aldea"),
                                              QStringLiteral("village"), QStringLiteral("vila"), QStringLiteral("povoado"),
                                              QStringLiteral("colonia"), QStringLiteral("erf"), QStringLiteral("mohalla")}
                                      .contains(cue.toLower());
        if (startsWithNumber ? !strongCue : !isProperPlace(place.section(QLatin1Char(' '), 0, 0), in.country))
            continue;
        if (!startsWithNumber && !cue.at(0).isUpper() && !strongCue && !isProperPlace(place, in.country))
            continue;
        add(m.capturedStart(), chainAddress(text, m.capturedEnd()), 'B',
            QStringLiteral("place below the first-level region (named after \"%1\")").arg(cue.toLower()), 75);
    }
    for (auto it = cueAfter_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // Drop leading words that cannot start a place name ("The", "Our").
        QStringList words = m.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        qsizetype start = m.capturedStart(1);
        while (!words.isEmpty() && (lexicon_.notNameWords.contains(words.first()) || lexicon_.genericFacilityWords.contains(words.first()))) {
            start = text.indexOf(words.size() > 1 ? words.at(1) : QString(), start + words.first().size());
            words.removeFirst();
        }
        if (words.isEmpty() || start < 0 || !isProperPlace(words.join(QLatin1Char(' ')), in.country))
            continue;
        add(start, m.capturedEnd(), 'B', QStringLiteral("named place below the first-level region"), 75);
    }
    for (auto it = school_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!isProperPlace(m.captured(1), in.country))
            continue;
        add(m.capturedStart(), m.capturedEnd(), 'B', QStringLiteral("named school (identifies a place and a community)"), 75);
    }
    for (auto it = schoolFirst_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedEnd(), 'B', QStringLiteral("named school (identifies a place and a community)"), 75);
    }
    for (auto it = facility_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString named = (m.captured(1) + QLatin1Char(' ') + m.captured(2)).simplified();
        if (named.isEmpty() || !isProperPlace(named, in.country))
            continue;
        const qsizetype s = m.capturedLength(1) > 0 ? m.capturedStart(1) : m.capturedStart();
        add(s, m.capturedEnd(), 'B', QStringLiteral("named health facility (a place below the first-level region)"), 60);
    }
    for (auto it = zip_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool restricted = lexicon_.restrictedZip3.contains(m.captured(1).left(3));
        add(m.capturedStart(1), m.capturedEnd(1), 'B',
            restricted ? QStringLiteral("postal code in a restricted ZIP3 area (population under 20,000: must be 000)")
                       : QStringLiteral("postal code"),
            85);
    }
    for (auto it = usCityState_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // Abbreviations that are also common words or labels (ID, IN, OR, MD,
        // PA …) only count as a state next to a ZIP code.
        static const QStringList ambiguous{QStringLiteral("ID"), QStringLiteral("IN"), QStringLiteral("OR"),
                                           QStringLiteral("ME"), QStringLiteral("OK"), QStringLiteral("PA"),
                                           QStringLiteral("MD"), QStringLiteral("DE"), QStringLiteral("CO"),
                                           QStringLiteral("HI"), QStringLiteral("LA"), QStringLiteral("MA"),
                                           QStringLiteral("MI"), QStringLiteral("MO"), QStringLiteral("NE"),
                                           QStringLiteral("SC"), QStringLiteral("UT"), QStringLiteral("DC"),
                                           QStringLiteral("PR"), QStringLiteral("AL"), QStringLiteral("GA")};
        if (m.capturedLength(3) == 0
            && (in.country.toUpper() != QLatin1String("US") || ambiguous.contains(m.captured(2))))
            continue;
        if (!isProperPlace(m.captured(1), in.country))
            continue;
        add(m.capturedStart(), m.capturedEnd(), 'B', QStringLiteral("US city and state"), 75);
    }
    for (auto it = gps_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // Two or three decimals read as coordinates only when the text says so.
        if (m.capturedLength(1) > 0 && m.capturedLength(1) < 4 && !scan::cueBefore(text, m.capturedStart(), gpsCue_, 40))
            continue;
        add(m.capturedStart(), m.capturedEnd(), 'B', QStringLiteral("GPS coordinates"), 85);
    }
    scanQuasi(in, hits);
}

void PlaceDetector::scanQuasi(const ScanInput& in, std::vector<Hit>& hits) const
{
    const QString& text = in.text;
    // Facility + ward + bed (+ date) single a patient out in a small hospital
    // even when each part alone is harmless.
    for (auto it = ward_.globalMatch(text); it.hasNext();) {
        const auto w = it.next();
        const auto bedMatch = bed_.match(text, std::max<qsizetype>(0, w.capturedStart() - 40));
        if (!bedMatch.hasMatch() || bedMatch.capturedStart() > w.capturedEnd() + 40)
            continue;
        qsizetype s = std::min(w.capturedStart(), bedMatch.capturedStart());
        qsizetype e = std::max(w.capturedEnd(), bedMatch.capturedEnd());
        // Extend over "of/at/in <Named Facility>" right after.
        const auto f = facility_.match(text, e);
        if (f.hasMatch() && f.capturedStart() <= e + 8) {
            const QString named = (f.captured(1) + QLatin1Char(' ') + f.captured(2)).simplified();
            if (!named.isEmpty())
                e = f.capturedEnd();
        }
        hits.push_back({s, e, 'R', QStringLiteral("facility, ward and bed together identify one admission"),
                        QStringLiteral("\"admitted to a district hospital\" (drop ward, bed and facility name)"), 80});
    }
    for (auto it = unique_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        hits.push_back({m.capturedStart(), m.capturedEnd(), 'R',
                        QStringLiteral("unique characteristic: it singles the patient out in a small community"), {}, 60});
    }
    for (auto it = uniqueCue_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        qsizetype e = m.capturedEnd();
        while (e > m.capturedStart() && text.at(e - 1).isSpace())
            --e;
        hits.push_back({m.capturedStart(), e, 'R',
                        QStringLiteral("distinctive role or fame that can identify the patient"), {}, 55});
    }
}

} // namespace spoke::cases
