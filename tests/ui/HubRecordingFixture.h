#pragma once

// A hub recording with a timeline, for the app's download tests and the
// screenshots of Library → From the hub: a real spoke-hub (HubProcess) with
// a programme, a session whose specialist shows a 3-page deck, chats and
// starts both agenda items through the HTTP API (HttpMember), and a short
// real WebM of the project's synthetic camera and microphone (the VP8 and
// Opus encoders into core/recording's WebmWriter) imported as that session's
// recording with `spoke-hub admin recording import --session`, which makes
// the light and audio-slides renditions. Header-only, test thread only.

#include "HttpMember.h"
#include "HubProcess.h"
#include "UiWait.h"
#include "media/AudioFrame.h"
#include "media/audio/OpusVoiceEncoder.h"
#include "media/audio/ToneMarker.h"
#include "media/video/TestPatternSource.h"
#include "media/video/VpxEncoder.h"
#include "recording/WebmWriter.h"
#include "slides/TestPdf.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>

#include <filesystem>

namespace spoke::test {

// `seconds` of the stamped test pattern (width x height, 10 fps) and the
// tone marker, written as fast as the encoders go (not in real time).
inline std::filesystem::path writeSessionWebm(const std::filesystem::path& file, int seconds, int width = 320,
                                              int height = 180, int videoBps = 500'000)
{
    constexpr int kFps = 10;
    constexpr int kFrameMs = 1000 / kFps;
    constexpr int kOpusFrameMs = 20;
    recording::WebmWriterConfig config;
    config.file = file;
    config.width = width;
    config.height = height;
    config.fps = kFps;
    recording::WebmWriter writer(config);
    media::TestPatternSource camera(media::TestPatternSource::Config{width, height, kFps, false});
    media::VpxEncoderConfig vpx;
    vpx.width = width;
    vpx.height = height;
    vpx.fps = kFps;
    vpx.bitrateBps = videoBps;
    vpx.allowFrameDrop = false;
    vpx.maxKeyframeIntervalFrames = 1; // every frame a keyframe: a file big enough to watch it download
    media::VpxEncoder video(vpx);
    media::OpusVoiceEncoder audio({48'000, 0, false, false, 10});
    for (int frame = 0; frame < seconds * kFps; ++frame) {
        for (const auto& encoded : video.encode(camera.render(frame, std::int64_t(frame) * kFrameMs * 1000)))
            writer.writeVideo(encoded.data, frame * kFrameMs, encoded.keyframe);
        for (int block = 0; block < kFrameMs / kOpusFrameMs; ++block) {
            media::AudioFrame sound = media::AudioFrame::allocate(960);
            media::ToneMarker::synthesize(frame * (kFrameMs / kOpusFrameMs) + block, sound.mutableSamples());
            writer.writeAudio(audio.encode(sound), frame * kFrameMs + block * kOpusFrameMs, 960);
        }
    }
    writer.finish();
    return file;
}

inline QString sha256OfFile(const std::filesystem::path& file)
{
    QFile in(QString::fromStdString(file.string()));
    REQUIRE(in.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    REQUIRE(hash.addData(&in));
    return QString::fromLatin1(hash.result().toHex());
}

// What the session's timeline holds, as sent (texts in order).
inline const QStringList kSessionChat{QStringLiteral("Welcome: today is DR-TB monitoring."),
                                      QStringLiteral("Is the QT interval checked monthly?"),
                                      QStringLiteral("Case 1: a 34-year-old on bedaquiline.")};
inline const QStringList kSessionChapters{QStringLiteral("Didactic"), QStringLiteral("Case presentation")};

struct RecordedSession {
    HubProcess hub{QStringLiteral(SPOKE_HUB_PATH)};
    qint64 programme = 0;
    qint64 session = 0;
    qint64 recording = 0;
    QString deckSha256;

    // The hub started, the session held, and a `seconds`-long recording of
    // it (width x height, at videoBps) in the catalogue. `gapMs` is the time between the
    // session's three steps (each a page, a chat line, the second a chapter).
    explicit RecordedSession(int seconds = 12, int width = 320, int height = 180, int videoBps = 500'000,
                             int gapMs = 1'500)
    {
        hub.start();
        programme = hub.addProgramme(QStringLiteral("Namibia DR-TB ECHO"), QStringLiteral("tb"));
        session = hub.admin({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--programme"),
                             QString::number(programme), QStringLiteral("--title"), QStringLiteral("DR-TB monitoring"),
                             QStringLiteral("--starts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
                             QStringLiteral("--agenda"),
                             QStringLiteral("%1:20,%2:20").arg(kSessionChapters[0], kSessionChapters[1])})
                      .value(QStringLiteral("id"))
                      .toInteger();
        REQUIRE(session > 0);
        holdSession(gapMs);
        const auto file = writeSessionWebm(dataDir() / "import.webm", seconds, width, height, videoBps);
        recording = hub.admin({QStringLiteral("recording"), QStringLiteral("import"),
                               QString::fromStdString(file.string()), QStringLiteral("--programme"),
                               QString::number(programme), QStringLiteral("--session"), QString::number(session),
                               QStringLiteral("--title"), QStringLiteral("DR-TB monitoring, week 12")})
                        .value(QStringLiteral("id"))
                        .toInteger();
        REQUIRE(recording > 0);
    }

    // The hub's own copy of a rendition's first part (docs/hub-api.md, Recordings).
    std::filesystem::path hubFile(const QString& rendition) const
    {
        return dataDir() / "recordings" / std::to_string(recording) / (rendition.toStdString() + "-0.webm");
    }

    std::filesystem::path dataDir() const { return std::filesystem::path(hub.dataDir().toStdString()); }

private:
    void holdSession(int gapMs)
    {
        HttpMember chair{hub.url()};
        chair.redeem(hub.invite(programme, QStringLiteral("specialist")), QStringLiteral("dr.kamati@hub.example"),
                     QStringLiteral("Dr Kamati"));
        const QString path = QStringLiteral("/api/v1/sessions/%1/").arg(session);
        const std::vector<char> pdf = slides::test::makePdf(3);
        int status = 0;
        deckSha256 = QJsonDocument::fromJson(chair.send("POST", path + QStringLiteral("decks?title=DR-TB%20monitoring"),
                                                        QByteArray(pdf.data(), static_cast<qsizetype>(pdf.size())),
                                                        "application/pdf", &status))
                         .object()
                         .value(QStringLiteral("deck"))
                         .toObject()
                         .value(QStringLiteral("sha256"))
                         .toString();
        REQUIRE(status == 201);
        QJsonArray items;
        for (const auto& s : chair.call("GET", QStringLiteral("/api/v1/sessions")).value("sessions").toArray())
            if (s.toObject().value("id").toInteger() == session)
                items = s.toObject().value("agenda").toArray();
        REQUIRE(items.size() == 2);
        // Step 0 at the first item's start (the recording's time zero),
        // steps 1 and 2 `gapMs` apart; the second agenda item starts at step 2.
        for (int step = 0; step < 3; ++step) {
            if (step != 1) {
                chair.call("POST", path + QStringLiteral("agenda/advance"),
                           {{QStringLiteral("item_id"), items.at(step / 2).toObject().value("id")}}, &status);
                REQUIRE(status == 200);
            }
            chair.call("POST", path + QStringLiteral("slides"),
                       {{QStringLiteral("deck"), deckSha256}, {QStringLiteral("page"), step}}, &status);
            REQUIRE(status == 201);
            chair.call("POST", path + QStringLiteral("chat"), {{QStringLiteral("text"), kSessionChat.at(step)}},
                       &status);
            REQUIRE(status == 201);
            if (step < 2)
                waitUntil([] { return false; }, gapMs);
        }
        chair.call("POST", path + QStringLiteral("agenda/advance"), {{QStringLiteral("end"), true}}, &status);
        REQUIRE(status == 200);
    }
};

} // namespace spoke::test
