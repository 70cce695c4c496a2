#include "cases/CaseDocument.h"
#include "cases/DeidGate.h"
#include "cases/Lexicon.h"

#include <catch2/catch.hpp>

using namespace spoke::cases;

namespace {

const DeidGate& gate()
{
    static const DeidGate instance(Lexicon::builtIn(), DeidGate::Options{2024});
    return instance;
}

std::vector<Finding> scanText(const char* text, const char* country = "")
{
    return gate().checkText(QStringLiteral("narrative"), QString::fromUtf8(text), QString::fromLatin1(country));
}

// The finding whose span covers `needle`, of `category`.
bool flags(const std::vector<Finding>& findings, const char* text, const char* needle, char category)
{
    const QString value = QString::fromUtf8(text);
    const qsizetype at = value.indexOf(QString::fromUtf8(needle));
    REQUIRE(at >= 0);
    const QString before = value.left(at);
    const int start = static_cast<int>(before.toUcs4().size());
    const int end = start + static_cast<int>(QString::fromUtf8(needle).toUcs4().size());
    for (const auto& f : findings)
        if (f.category == category && f.start <= start && f.end >= end)
            return true;
    return false;
}

#define CHECK_FLAGS(text, needle, category, country)                                                                  \
    do {                                                                                                               \
        const auto findings_ = scanText(text, country);                                                                    \
        INFO(text);                                                                                                    \
        CHECK(flags(findings_, text, needle, category));                                                               \
    } while (false)

CaseDocument load(const char* name)
{
    return CaseDocument::fromFile(std::string(CASES_FIXTURES "/") + name);
}

} // namespace

TEST_CASE("Names: titles, relations, labels, DICOM, initials, employers and name lists", "[cases][gate]")
{
    CHECK_FLAGS("I am presenting Mrs Hilma Nghipondoka, a teacher.", "Hilma Nghipondoka", 'A', "NA");
    CHECK_FLAGS("Presento a la Sra. María José Gómez, de 41 años.", "María José Gómez", 'A', "UY");
    CHECK_FLAGS("Shri Balwinder came with his grandson Jaspreet.", "Balwinder", 'A', "IN");
    CHECK_FLAGS("Shri Balwinder came with his grandson Jaspreet.", "Jaspreet", 'A', "IN");
    CHECK_FLAGS("A filha, Joana, cuida dela.", "Joana", 'A', "MZ");
    CHECK_FLAGS("Patient name: Thandeka Dlamini; referred by the clinic.", "Thandeka Dlamini", 'A', "ZA");
    CHECK_FLAGS("(0010,0010) PatientName=NGCOBO^SIPHO; (0010,0020) PatientID=X", "NGCOBO^SIPHO", 'A', "ZA");
    CHECK_FLAGS("The patient (T.B.) says the pills are too big.", "T.B.", 'A', "KE");
    CHECK_FLAGS("She works at Shoprite Oshakati as a cashier.", "Shoprite Oshakati", 'A', "NA");
    CHECK_FLAGS("Seen with Wanjiru Kamau at the market.", "Wanjiru Kamau", 'A', "KE");
}

TEST_CASE("Eponyms, scales, drugs and disease abbreviations are not names", "[cases][gate]")
{
    for (const char* text : {
             "Biopsy-proven Kaposi sarcoma; previous Hodgkin lymphoma; Addison disease and Parkinson disease.",
             "Stevens-Johnson syndrome after nevirapine; Guillain-Barré excluded; Pap smear normal.",
             "Ziehl-Neelsen smear 2+, Löwenstein-Jensen culture pending; Lugol staining; Nabothian cysts.",
             "Glasgow Coma Scale 14, Edmonton Symptom Assessment System pain 7, Karnofsky 40, Child-Pugh A6.",
             "Gilbert syndrome; Cheyne-Stokes breathing; Pneumocystis jirovecii pneumonia treated.",
             "TB screening negative, TLD continued, MTB/RIF Ultra positive, EAC x3 done.",
         }) {
        INFO(text);
        CHECK(scanText(text, "KE").empty());
    }
}

TEST_CASE("Dates in many forms, and what only looks like a date", "[cases][gate]")
{
    CHECK_FLAGS("DOB 14/03/1990, admitted 2023-11-02.", "14/03/1990", 'C', "NA");
    CHECK_FLAGS("DOB 14/03/1990, admitted 2023-11-02.", "2023-11-02", 'C', "NA");
    CHECK_FLAGS("Discharged on 3rd June 2023 after transfusion.", "3rd June 2023", 'C', "IN");
    CHECK_FLAGS("Operated on March 5, 2022 at the regional hospital.", "March 5, 2022", 'C', "US");
    CHECK_FLAGS("Ingresó el 12 de enero de 2024 por fiebre.", "12 de enero de 2024", 'C', "UY");
    CHECK_FLAGS("Internada em 7 de março de 2023.", "7 de março de 2023", 'C', "MZ");
    CHECK_FLAGS("scan_20231127_abdomen.png", "20231127", 'C', "");
    CHECK_FLAGS("Seen in Jan 2024 at outreach.", "Jan 2024", 'C', "KE");

    for (const char* text : {
             "BP 152/94 mmHg, refills on a 30/60/90-day cycle, week 24/48, 400/100 mg, club 12/12.",
             "By day 14 the lesions were flatter; month 4 of treatment; Day 90 review.",
             "Per EASL 2020, FIGO 2018 and Bethesda 2014; algorithm version 2.1.",
             "Insulin at 07:00 and 19:00; lesion at 3 o'clock; ratio 3.4 mg/mmol; 1,850 copies/mL.",
             "Scored 3 out of 10 for pain, may 2 doses be given?",
         }) {
        INFO(text);
        CHECK(scanText(text, "ZA").empty());
    }
}

TEST_CASE("Ages over 89 and the birth years that imply them", "[cases][gate]")
{
    CHECK_FLAGS("A 93-year-old man with prostate cancer.", "93-year-old", 'C', "US");
    CHECK_FLAGS("Paciente de 91 años con demencia.", "91 años", 'C', "HN");
    CHECK_FLAGS("Born in 1931, lives alone.", "1931", 'C', "US");
    CHECK(scanText("Age 89, band 85-89, SpO2 91%, 90 mg daily, day 90.", "US").empty());
    CHECK(scanText("Born in 1990 in a rural area.", "NA").empty());
}

TEST_CASE("Phones and fax in local and international formats", "[cases][gate]")
{
    CHECK_FLAGS("Call her on 081 245 7788 after 5.", "081 245 7788", 'D', "NA");
    CHECK_FLAGS("Son reachable at 0712 345 678.", "0712 345 678", 'D', "KE");
    CHECK_FLAGS("Llamar al 098 765 432.", "098 765 432", 'D', "UY");
    CHECK_FLAGS("Contact +260 97 7123456 for results.", "+260 97 7123456", 'D', "NA");
    CHECK_FLAGS("Mobile 98765 12034.", "98765 12034", 'D', "IN");
    CHECK_FLAGS("Fax: +27 31 260 4000", "+27 31 260 4000", 'E', "ZA");
    CHECK(scanText("CD4 350 cells/mm3, VL 1,200 copies/mL, platelets 118 x10^9/L, weight 58 kg.", "NA").empty());
}

TEST_CASE("Email, URL and IP addresses", "[cases][gate]")
{
    CHECK_FLAGS("Write to mama.clinic@example.org please.", "mama.clinic@example.org", 'F', "");
    CHECK_FLAGS("Images at http://pacs.example.net/study/88 today.", "http://pacs.example.net/study/88", 'N', "");
    CHECK_FLAGS("See www.example.com/p?id=7.", "www.example.com/p?id=7", 'N', "");
    CHECK_FLAGS("Logged from 192.0.2.14 at night.", "192.0.2.14", 'O', "");
    CHECK_FLAGS("Device 2001:db8::8a2e:370:7334 seen.", "2001:db8::8a2e:370:7334", 'O', "");
    CHECK(scanText("Genotype 1b, assay v2.0.1, GenoType MTBDRsl v2.0.", "").empty());
}

TEST_CASE("National IDs by structure, checksum and context", "[cases][gate]")
{
    CHECK_FLAGS("Aadhaar 2345 6789 0124 on file.", "2345 6789 0124", 'G', "IN");
    CHECK_FLAGS("ID number 8001015009087 on the card.", "8001015009087", 'G', "ZA");
    CHECK_FLAGS("Her ID 85071200345 was noted.", "85071200345", 'G', "NA");
    CHECK_FLAGS("C.I. 1.234.567-2", "1.234.567-2", 'G', "UY");
    CHECK_FLAGS("DNI 0801-1990-12345.", "0801-1990-12345", 'G', "HN");
    CHECK_FLAGS("SSN 123-45-6789.", "123-45-6789", 'G', "US");
    CHECK_FLAGS("NRC 123456/78/1 seen.", "123456/78/1", 'G', "ZM");
}

TEST_CASE("Record, plan, account, licence, vehicle and device numbers", "[cases][gate]")
{
    CHECK_FLAGS("Ni-kshay ID 10234567 registered.", "10234567", 'H', "IN");
    CHECK_FLAGS("MRN: 00451298", "00451298", 'H', "US");
    CHECK_FLAGS("Número de expediente 2023-00481.", "2023-00481", 'H', "HN");
    CHECK_FLAGS("PM-JAY ID PMJ7781234 used for admission.", "PMJ7781234", 'I', "IN");
    CHECK_FLAGS("Paid from A/c 123456789012.", "123456789012", 'J', "IN");
    CHECK_FLAGS("ABHA 91-2345-6789-0123 linked.", "91-2345-6789-0123", 'R', "IN");
    CHECK_FLAGS("Driving licence DL-0420110012345 found.", "DL-0420110012345", 'K', "IN");
    CHECK_FLAGS("His taxi KA 01 AB 1234 was parked.", "KA 01 AB 1234", 'L', "IN");
    CHECK_FLAGS("Concentrator serial number OX-5521873 broke.", "OX-5521873", 'M', "KE");
    CHECK(scanText("Regimen 2HRZE/4HR then BPaLM; ICD-10 B20, C46.0, K74.6; rpoB S450L; MGIT 960.", "IN").empty());
}

TEST_CASE("Addresses, places below the region, schools and postal codes", "[cases][gate]")
{
    CHECK_FLAGS("Vive en Calle Rivera 2210, Paso de los Toros.", "Calle Rivera 2210, Paso de los Toros", 'B', "UY");
    CHECK_FLAGS("Mora na Rua da Resistência 45, Matola.", "Rua da Resistência 45, Matola", 'B', "MZ");
    CHECK_FLAGS("Lives at 14 Church Street, Eshowe.", "14 Church Street, Eshowe", 'B', "ZA");
    CHECK_FLAGS("From the village of Okongo near the border.", "Okongo", 'B', "NA");
    CHECK_FLAGS("Comes from Nyalenda location in the city.", "Nyalenda", 'B', "KE");
    CHECK_FLAGS("Lives in Eenhana district.", "Eenhana", 'B', "NA");
    CHECK_FLAGS("Her son attends Ongwediva Primary School.", "Ongwediva Primary School", 'B', "NA");
    CHECK_FLAGS("Moved from Chhapra block to the city.", "Chhapra block", 'B', "IN");
    CHECK_FLAGS("ZIP code 87801 on the form.", "87801", 'B', "US");
    CHECK_FLAGS("Photo geotag -17.7883, 15.7045.", "-17.7883, 15.7045", 'B', "NA");
    CHECK(scanText("Lives in Ohangwena Region; district hospital ART clinic; AV block on ECG.", "NA").empty());
}

TEST_CASE("Photo metadata pasted as text: GPS, EXIF dates, camera serials, restricted ZIP3", "[cases][gate]")
{
    CHECK_FLAGS("EXIF GPS -22.56, 17.08 in the photo.", "-22.56, 17.08", 'B', "NA");
    CHECK_FLAGS("GPSLatitude 22°34'12\" S recorded.", "22°34'12\" S", 'B', "NA");
    CHECK_FLAGS("DateTimeOriginal 2024:03:01 10:22:11", "2024:03:01", 'C', "");
    CHECK_FLAGS("BodySerialNumber 4021188 of the phone.", "4021188", 'M', "");
    CHECK_FLAGS("Lives in ZIP3 area 878.", "878", 'B', "US");
    CHECK_FLAGS("She works as a cashier at Shoprite Oshakati.", "Shoprite Oshakati", 'A', "NA");
    CHECK(scanText("INR 1.25, 1.30 and 1.45 over three visits.", "NA").empty());
}

TEST_CASE("Quasi-identifiers: facility, ward and bed; unique characteristics", "[cases][gate]")
{
    CHECK_FLAGS("Admitted to ward 7, bed 22 of Oshakati Intermediate Hospital.",
                "ward 7, bed 22 of Oshakati Intermediate Hospital", 'R', "NA");
    CHECK_FLAGS("She is the only female bus driver in the district.", "the only female bus driver in the district", 'R', "KE");
    CHECK(scanText("TLD is the only option in the formulary.", "KE").empty());
}

TEST_CASE("Findings carry code-point spans, the category, a reason and a suggestion", "[cases][gate]")
{
    const char* text = "Presentó a la Sra. Inés Núñez — teléfono 099 123 456.";
    const auto findings = scanText(text, "UY");
    REQUIRE(findings.size() == 2);
    for (const auto& f : findings) {
        const QString value = QString::fromUtf8(text);
        const QList<uint> codePoints = value.toUcs4();
        CHECK(QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData() + f.start), f.end - f.start) == f.text);
        CHECK(!f.reason.isEmpty());
        CHECK(!f.suggestion.isEmpty());
        CHECK(f.path == QLatin1String("narrative"));
    }
}

TEST_CASE("Whole cases: clean fixture has no findings, PHI fixtures flag structured fields too", "[cases][gate]")
{
    CHECK(gate().check(load("clean_tb_kenya.json")).empty());

    const auto findings = gate().check(load("phi_us_palliative.json"));
    auto has = [&](const char* path, char category) {
        for (const auto& f : findings)
            if (f.path == QLatin1String(path) && f.category == category)
                return true;
        return false;
    };
    CHECK(has("patient.age_band", 'C'));
    CHECK(has("attachments[0].file_name", 'Q'));
    CHECK(has("attachments[1].file_name", 'P'));
    CHECK(has("history.social_history", 'G'));
    CHECK(has("history.social_history", 'I'));
    CHECK(has("history.social_history", 'E'));
    CHECK(has("history.social_history", 'M'));
    CHECK(has("programme_fields.psychosocial_spiritual", 'N'));
    CHECK(has("labs[0].comment", 'O'));
    CHECK(has("narrative", 'R'));

    QJsonObject json = load("clean_tb_kenya.json").json();
    QJsonObject presenter = json.value(QLatin1String("presenter")).toObject();
    presenter.insert(QStringLiteral("region_level1"), QStringLiteral("Bondo"));
    json.insert(QStringLiteral("presenter"), presenter);
    const auto regionFindings = gate().check(CaseDocument(json));
    REQUIRE(regionFindings.size() == 1);
    CHECK(regionFindings[0].path == QLatin1String("presenter.region_level1"));
    CHECK(regionFindings[0].category == 'B');
}

TEST_CASE("Huge and binary-looking text is checked without crashing", "[cases][gate]")
{
    QString junk;
    for (int i = 0; i < 20000; ++i)
        junk.append(QChar(static_cast<char16_t>((i * 7919) % 0xD7FF + 1)));
    CHECK_NOTHROW(gate().checkText(QStringLiteral("x"), junk, QStringLiteral("IN")));
    QString digits(CaseDocument::kMaxFieldChars, QLatin1Char('9'));
    CHECK_NOTHROW(gate().checkText(QStringLiteral("x"), digits, QStringLiteral("NA")));
}
