// `spoke-cli devices test-audio` run as a user runs it, headless, on the
// synthetic devices: the marked tone as microphone, the silent speaker.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <catch2/catch.hpp>

namespace {

struct Run {
    int exitCode = -1;
    QList<QByteArray> lines;
    QByteArray err;
};

Run cli(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(SPOKE_CLI_PATH), args);
    REQUIRE(process.waitForFinished(60'000));
    CHECK(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), process.readAllStandardOutput().trimmed().split('\n'), process.readAllStandardError()};
}

QStringList testAudio(const QString& microphone, const QString& seconds, bool json = true)
{
    QStringList args{
        QStringLiteral("devices"),   QStringLiteral("test-audio"),        QStringLiteral("--microphone"), microphone,
        QStringLiteral("--speaker"), QStringLiteral("synthetic:speaker"), QStringLiteral("--seconds"),    seconds};
    if (json)
        args << QStringLiteral("--json");
    return args;
}

} // namespace

TEST_CASE("devices test-audio: the tone is metered, recorded through the processing, and the speaker plays",
          "[media][cli]")
{
    const Run run = cli(testAudio(QStringLiteral("synthetic:tone"), QStringLiteral("2")));
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0);
    REQUIRE(run.lines.size() >= 2);

    int levels = 0;
    int lastAtMs = -1;
    for (qsizetype i = 0; i + 1 < run.lines.size(); ++i) {
        const QJsonObject level =
            QJsonDocument::fromJson(run.lines[i]).object().value(QLatin1String("level")).toObject();
        REQUIRE_FALSE(level.isEmpty());
        ++levels;
        // Two tones at a quarter of full scale each: about -12.6 dBFS RMS.
        CHECK(level.value(QLatin1String("rms_dbfs")).toDouble() == Approx(-12.6).margin(1.0));
        CHECK(level.value(QLatin1String("peak_dbfs")).toDouble() <= 0.0);
        const int atMs = level.value(QLatin1String("at_ms")).toInt();
        CHECK(atMs >= lastAtMs);
        lastAtMs = atMs;
    }
    // A reading every 4 frames (80 ms) of the 2 s recorded.
    CHECK(levels >= 18);
    CHECK(levels <= 26);

    const QJsonObject summary =
        QJsonDocument::fromJson(run.lines.back()).object().value(QLatin1String("summary")).toObject();
    REQUIRE_FALSE(summary.isEmpty());
    CHECK(summary.value(QLatin1String("ok")).toBool());
    CHECK(summary.value(QLatin1String("microphone")).toString() == QLatin1String("synthetic:tone"));
    CHECK(summary.value(QLatin1String("speaker")).toString() == QLatin1String("synthetic:speaker"));
    CHECK(summary.value(QLatin1String("level_reports")).toInt() == levels);
    CHECK(summary.value(QLatin1String("recorded_ms")).toInt() == 2000);
    CHECK(summary.value(QLatin1String("played_ms")).toInt() == 2000);
    CHECK(summary.value(QLatin1String("max_rms_dbfs")).toDouble() == Approx(-12.6).margin(1.0));
    CHECK(summary.value(QLatin1String("processed_rms_dbfs")).toDouble() > -30.0);
    CHECK(summary.value(QLatin1String("processing")).toObject().value(QLatin1String("echo_cancellation")).toBool());
    CHECK(summary.value(QLatin1String("microphone_event")).toString() == QLatin1String("running"));
    CHECK(summary.value(QLatin1String("speaker_outcome")).toString() == QLatin1String("played"));
    CHECK(run.err.isEmpty());
}

TEST_CASE("devices test-audio: a microphone that is not there fails with its typed event, not a hang", "[media][cli]")
{
    const Run run = cli(testAudio(QStringLiteral("synthetic:no-such-mic"), QStringLiteral("1")));
    CHECK(run.exitCode == 1);
    const QJsonObject summary =
        QJsonDocument::fromJson(run.lines.back()).object().value(QLatin1String("summary")).toObject();
    REQUIRE_FALSE(summary.isEmpty());
    CHECK_FALSE(summary.value(QLatin1String("ok")).toBool());
    CHECK(summary.value(QLatin1String("microphone_event")).toString() == QLatin1String("device-missing"));
    CHECK(summary.value(QLatin1String("microphone_error")).toString().contains(QLatin1String("no-such-mic")));
    CHECK(summary.value(QLatin1String("recorded_ms")).toInt() == 0);
    CHECK(run.err.contains("no-such-mic"));
}

TEST_CASE("devices test-audio: text output and usage errors", "[media][cli]")
{
    const Run text = cli(testAudio(QStringLiteral("synthetic:tone"), QStringLiteral("1"), false));
    CHECK(text.exitCode == 0);
    REQUIRE(text.lines.size() >= 4);
    CHECK(text.lines.front().contains("dBFS"));
    CHECK(text.lines.back() == "ok");
    CHECK(text.lines[text.lines.size() - 2].contains("played 1000 ms"));

    CHECK(
        cli({QStringLiteral("devices"), QStringLiteral("test-audio"), QStringLiteral("--seconds"), QStringLiteral("0")})
            .exitCode
        == 2);
    const Run listed = cli({QStringLiteral("devices")});
    CHECK(listed.exitCode == 0);
    CHECK(std::any_of(listed.lines.begin(), listed.lines.end(),
                      [](const QByteArray& line) { return line.contains("synthetic:speaker"); }));
}
