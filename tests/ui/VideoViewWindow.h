#pragma once

// What the UI tests that look at pictures share: a window holding one
// VideoView, and the test pattern's stamp read back out of drawn pixels, so
// a test checks what a person would see, not just that a frame arrived.

#include "media/video/FrameStamp.h"
#include "viewmodels/VideoView.h"

#include <catch2/catch.hpp>

#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include <optional>

namespace spoke::test {

inline std::optional<media::FrameStampValue> stampIn(const QImage& image)
{
    if (image.isNull())
        return std::nullopt;
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    return media::FrameStamp::read(gray.constBits(), static_cast<int>(gray.bytesPerLine()), gray.width(), gray.height())
        .value;
}

struct VideoViewWindow {
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;
    ui::VideoView* view = nullptr;

    VideoViewWindow(int width, int height)
    {
        engine.loadData(QStringLiteral(R"(
            import QtQuick
            import Spoke.Ui
            Window {
                width: %1; height: %2; visible: true
                property alias view: view
                VideoView { id: view; anchors.fill: parent }
            })")
                            .arg(width)
                            .arg(height)
                            .toUtf8());
        REQUIRE(engine.rootObjects().size() == 1);
        window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        REQUIRE(window);
        view = window->property("view").value<ui::VideoView*>();
        REQUIRE(view);
    }
};

} // namespace spoke::test
