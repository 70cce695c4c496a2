// Issue 15, "the gate, on cases it was not tuned to": long digit runs that are
// not measured values, birth years and ages over 89 in every language, and
// unique identifying characteristics. Each category is asserted found, and
// its clinical counterpart asserted clean, in en, es, fr, pt and sw.

#include "cases/DeidGate.h"
#include "cases/Lexicon.h"
#include "cases/UniqueDetector.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace spoke::cases;

namespace {

const DeidGate& gate()
{
    static const DeidGate instance(Lexicon::builtIn(), DeidGate::Options{2024});
    return instance;
}

std::vector<Finding> scanText(const char* text)
{
    return gate().checkText(QStringLiteral("narrative"), QString::fromUtf8(text), QString());
}

// Whether one finding of `category` ('*': any) covers `needle` (spans are in
// code points).
bool covers(const char* text, const char* needle, char category)
{
    const QString value = QString::fromUtf8(text);
    const qsizetype at = value.indexOf(QString::fromUtf8(needle));
    REQUIRE(at >= 0);
    const int start = static_cast<int>(value.left(at).toUcs4().size());
    const int end = start + static_cast<int>(QString::fromUtf8(needle).toUcs4().size());
    const auto findings = scanText(text);
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
        return (category == '*' || f.category == category) && f.start <= start && f.end >= end;
    });
}

bool clean(const char* text)
{
    return scanText(text).empty();
}

// UniqueDetector alone: the gate's older cue list flags any "le seul" by
// itself, so the gate as a whole cannot show this detector's restraint.
bool uniqueClean(const char* text)
{
    static const UniqueDetector detector;
    const QString value = QString::fromUtf8(text);
    const QString none;
    std::vector<Hit> hits;
    detector.scan(ScanInput{value, none, none, 2024}, hits);
    return hits.empty();
}

} // namespace

TEST_CASE("Long digit runs: grouped ID and card numbers are flagged in every language", "[cases][gate][numbers]")
{
    CHECK(covers("Her health card is 7001 2345 6789 and she lives alone.", "7001 2345 6789", 'R'));
    CHECK(covers("Tarjeta sanitaria 898 0012 3456 7890, sin alergias.", "898 0012 3456 7890", 'R'));
    // Labelled, so a record-cue reading (its letter depends on the label) wins over R.
    CHECK(covers("Cartão CNS 7001 2345 6789 0123 apresentado na consulta.", "7001 2345 6789 0123", '*'));
    CHECK(covers("Numéro d'assuré 1 84 12 75 123 456, suivi au CTA.", "1 84 12 75 123 456", 'R'));
    CHECK(covers("Kadi ya bima 101.234.567.89 ilionyeshwa kliniki.", "101.234.567.89", 'R'));
    CHECK(covers("Documento 123.456.789-09 registrado.", "123.456.789-09", 'G'));
}

TEST_CASE("Long digit runs: record numbers with letters and separators", "[cases][gate][numbers]")
{
    CHECK(covers("Admitted under HN-2023-004512 on the medical ward.", "HN-2023-004512", 'R'));
    CHECK(covers("Dossier IP/4471/22 transféré au district.", "IP/4471/22", 'R'));
    CHECK(covers("Faili TB/2021/00873 lilipotea.", "TB/2021/00873", 'R'));
}

TEST_CASE("Long digit runs: measured values dates and doses stay clean", "[cases][gate][numbers]")
{
    CHECK(clean("CD4 350 cells/mm3 and viral load 125000 copies/mL at month 6."));
    CHECK(clean("VL 1,250,000 copies; weight 54 kg; BP 120/80; Hb 9.8 g/dL."));
    CHECK(clean("Charge virale 12 500 000 copies/mL, poids 54 kg, efavirenz 600 mg."));
    CHECK(clean("Carga viral 1.250.000 cópias/mL, peso 54 kg."));
    CHECK(clean("Wingi wa virusi 250000 nakala/mL; uzito 54 kg; dawa kwa siku 180."));
    CHECK(clean("Started TDF/3TC/DTG in 2019 and switched in 2021 after 24 weeks."));
    CHECK(clean("Case ECHO-TB-SW01, session 12 of cycle 3."));
}

TEST_CASE("Ages over 89 and the birth years that imply one in five languages", "[cases][gate][age]")
{
    CHECK(covers("A man born 1931 presents with cough.", "1931", 'C'));
    CHECK(covers("Paciente nacido en 1930, agricultor.", "1930", 'C'));
    CHECK(covers("Patiente née en 1929 à domicile.", "1929", 'C'));
    CHECK(covers("Doente nascida em 1928, viúva.", "1928", 'C'));
    CHECK(covers("Mzee huyu alizaliwa mwaka 1932 na anaishi peke yake.", "1932", 'C'));
    CHECK(covers("DOB 1930; lives with her son.", "1930", 'C'));
    CHECK(covers("She was born in a rural district in 1931.", "1931", 'C'));
    CHECK(covers("Patient de 92 ans, hypertendu.", "92 ans", 'C'));
    CHECK(covers("Bibi mwenye umri wa miaka 92 analetwa na mjukuu.", "miaka 92", 'C'));
    CHECK(covers("Paciente de 92 años.", "92 años", 'C'));
    CHECK(covers("A 92-year-old woman.", "92-year-old", 'C'));
}

TEST_CASE("Ages and birth years of 89 or under stay clean", "[cases][gate][age]")
{
    CHECK(clean("A man born 1950 presents with cough."));
    CHECK(clean("Patiente née en 1960, traitée depuis 10 ans."));
    CHECK(clean("Mgonjwa alizaliwa mwaka 1980; umri wa miaka 44."));
    CHECK(clean("Paciente de 62 años, nacida en 1962."));
}

TEST_CASE("Unique characteristics: marks with a place or design", "[cases][gate][unique]")
{
    CHECK(covers("He has a tattoo of an eagle on the left forearm.", "tattoo of an eagle on the left forearm", 'R'));
    CHECK(covers("Tiene un tatuaje de una rosa en el cuello.", "tatuaje de una rosa en el cuello", 'R'));
    CHECK(covers("Elle porte une cicatrice sur la joue gauche.", "cicatrice sur la joue gauche", 'R'));
    CHECK(covers("Tem uma marca de nascença no rosto.", "marca de nascença no rosto", 'R'));
    CHECK(covers("Ana kovu kubwa kwenye shavu la kushoto.", "kovu kubwa kwenye shavu la kushoto", 'R'));
}

TEST_CASE("Unique characteristics: clinical scars stay clean", "[cases][gate][unique]")
{
    CHECK(clean("Scar from previous caesarean section, healed."));
    CHECK(clean("BCG scar present on the left deltoid."));
    CHECK(clean("Surgical scar on the abdomen from a laparotomy."));
    CHECK(clean("Cicatriz de cesárea anterior."));
    CHECK(clean("Cicatrice de césarienne ancienne."));
    CHECK(clean("Kovu la upasuaji wa uzazi."));
}

TEST_CASE("Unique characteristics: the only one in a community and unique roles", "[cases][gate][unique]")
{
    CHECK(covers("She is the only albino child in the village.", "the only albino child in the village", 'R'));
    CHECK(covers("Es la única partera de la comunidad.", "única partera de la comunidad", 'R'));
    CHECK(covers("Il est le seul pêcheur du village.", "le seul pêcheur du village", 'R'));
    CHECK(covers("É o único pastor da aldeia.", "único pastor da aldeia", 'R'));
    CHECK(covers("Ndiye mtoto pekee mwenye ualbino kijijini.", "pekee mwenye ualbino kijijini", 'R'));
    CHECK(covers("Her husband is the village chief.", "village chief", 'R'));
    CHECK(covers("He is the headmaster of the primary school.", "headmaster of", 'R'));
    CHECK(covers("Su padre es el director de la escuela.", "director de la escuela", 'R'));
    CHECK(covers("Son père est le chef du village.", "chef du village", 'R'));
    CHECK(covers("O marido é o chefe da aldeia.", "chefe da aldeia", 'R'));
    CHECK(covers("Baba yake ni mwenyekiti wa kijiji.", "mwenyekiti wa kijiji", 'R'));
}

TEST_CASE("Unique characteristics: public incidents", "[cases][gate][unique]")
{
    CHECK(covers("He was on the TV news after the bus crash.", "on the TV news", 'R'));
    CHECK(covers("Salió en las noticias tras el accidente.", "en las noticias", 'R'));
    CHECK(covers("Elle est passée au journal télévisé.", "au journal télévisé", 'R'));
    CHECK(covers("A história dela saiu nos jornais.", "nos jornais", 'R'));
    CHECK(covers("Habari zake zilitoka gazetini.", "gazetini", 'R'));
}

TEST_CASE("Unique characteristics: clinical uses of only stay clean", "[cases][gate][unique]")
{
    CHECK(uniqueClean("Dolutegravir is the only option left after failure."));
    CHECK(uniqueClean("El único síntoma es tos seca."));
    CHECK(uniqueClean("Le seul traitement disponible est la rifampicine."));
    CHECK(uniqueClean("O único exame feito foi a baciloscopia."));
    CHECK(uniqueClean("Dawa pekee iliyopo ni rifampicin."));
    CHECK(uniqueClean("It is the only GeneXpert machine in the district."));
    CHECK(uniqueClean("She is the only nurse on the ward at night."));
    CHECK(uniqueClean("She read about the diet on social media."));
}
