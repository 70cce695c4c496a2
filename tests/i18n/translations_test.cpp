// The fr/es/pt translations are complete and consistent (issue 16): every
// message the sources hold is in each .ts file and finished, nothing is
// obsolete, and each translation keeps its source's placeholders and its
// keyboard shortcut marker, so a translated label can neither lose a number
// nor steal another control's Alt key.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <algorithm>

namespace {

struct TsMessage {
    QString context;
    QString source;
    QString type; // "", "unfinished", "obsolete" or "vanished"
    QStringList forms; // one translation, or the numerus forms
};

QList<TsMessage> readTs(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name"))
            context = xml.readElementText();
        else if (name == QLatin1String("message"))
            message = TsMessage{context, {}, {}, {}};
        else if (name == QLatin1String("source"))
            message.source = xml.readElementText();
        else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            // A numerus translation holds <numerusform> children; a plain one holds text.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    message.forms << xml.readElementText();
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (message.forms.isEmpty())
                message.forms << text;
            messages << message;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

// %1..%99, %L1 and %n, sorted: the same multiset must survive translation.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%(L?[1-9][0-9]?|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    std::sort(found.begin(), found.end());
    return found;
}

// A shortcut marker is a single '&' before a letter or digit ("&&" is a literal ampersand).
int shortcutMarkers(const QString& text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (i + 1 < text.size() && text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (i + 1 < text.size() && text[i + 1].isLetterOrNumber())
            ++count;
    }
    return count;
}

const QStringList kLanguages{QStringLiteral("fr"), QStringLiteral("es"), QStringLiteral("pt")};

QString tsPath(const QString& language)
{
    return QStringLiteral(SPOKE_TRANSLATIONS_DIR "/spoke_%1.ts").arg(language);
}

QString describe(const TsMessage& message)
{
    return message.context + QStringLiteral(": \"") + message.source + QLatin1Char('"');
}

} // namespace

TEST_CASE("translations: every message in fr es and pt is finished and none is obsolete")
{
    for (const QString& language : kLanguages) {
        QString error;
        const auto messages = readTs(tsPath(language), &error);
        INFO(language.toStdString() << " " << error.toStdString());
        REQUIRE(error.isEmpty());
        REQUIRE(messages.size() > 500);
        QStringList bad;
        for (const TsMessage& message : messages) {
            const bool empty = std::any_of(message.forms.begin(), message.forms.end(),
                                           [](const QString& form) { return form.trimmed().isEmpty(); });
            if (!message.type.isEmpty() || empty)
                bad << (message.type.isEmpty() ? QStringLiteral("empty") : message.type) + QStringLiteral(" ")
                           + describe(message);
        }
        INFO(bad.mid(0, 20).join(QLatin1Char('\n')).toStdString());
        CHECK(bad.size() == 0);
    }
}

TEST_CASE("translations: placeholders and shortcut markers are the source's in every language")
{
    for (const QString& language : kLanguages) {
        QString error;
        const auto messages = readTs(tsPath(language), &error);
        REQUIRE(error.isEmpty());
        QStringList bad;
        for (const TsMessage& message : messages) {
            for (const QString& form : message.forms) {
                if (form.isEmpty())
                    continue;
                if (placeholders(form) != placeholders(message.source))
                    bad << QStringLiteral("placeholders: ") + describe(message) + QStringLiteral(" -> ") + form;
                if (shortcutMarkers(form) != shortcutMarkers(message.source))
                    bad << QStringLiteral("shortcut: ") + describe(message) + QStringLiteral(" -> ") + form;
            }
        }
        INFO(language.toStdString() << "\n" << bad.mid(0, 20).join(QLatin1Char('\n')).toStdString());
        CHECK(bad.size() == 0);
    }
}

// lupdate over the app's own translatable sources (the project file CMake
// writes for qt_add_translations), into copies: a string added to the UI
// without a translation shows up there as a new unfinished message.
TEST_CASE("translations: no message of the sources is missing from the .ts files")
{
    const QString project = QStringLiteral(SPOKE_LUPDATE_PROJECT);
    REQUIRE(QFile::exists(project));
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QStringList copies;
    for (const QString& language : kLanguages) {
        const QString copy = dir.filePath(QStringLiteral("spoke_%1.ts").arg(language));
        REQUIRE(QFile::copy(tsPath(language), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        copies << copy;
    }
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(SPOKE_LUPDATE_PATH),
                  QStringList{QStringLiteral("-project"), project, QStringLiteral("-no-obsolete"),
                              QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts")}
                      + copies);
    REQUIRE(lupdate.waitForFinished(120000));
    INFO(lupdate.readAll().toStdString());
    REQUIRE(lupdate.exitCode() == 0);
    for (qsizetype i = 0; i < copies.size(); ++i) {
        const QString& copy = copies[i];
        QString error;
        const auto messages = readTs(copy, &error);
        REQUIRE(error.isEmpty());
        // -no-obsolete dropped any message the sources no longer hold.
        CHECK(messages.size() == readTs(tsPath(kLanguages[i]), &error).size());
        QStringList missing;
        for (const TsMessage& message : messages)
            if (message.type == QLatin1String("unfinished"))
                missing << describe(message);
        INFO(copy.toStdString() << "\n" << missing.mid(0, 20).join(QLatin1Char('\n')).toStdString());
        CHECK(missing.size() == 0);
    }
}
