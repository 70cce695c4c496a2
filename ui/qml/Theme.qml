pragma Singleton
import QtQuick

// Colours and sizes in one place. Contrast of text on background stays above
// WCAG AA so the app reads on a dim clinic laptop screen.
QtObject {
    readonly property color window: "#f4f6f8"
    readonly property color surface: "#ffffff"
    readonly property color rail: "#16324f"
    readonly property color railText: "#e8eef5"
    readonly property color railActive: "#2b5a8a"
    readonly property color text: "#1b2631"
    readonly property color mutedText: "#52606d"
    readonly property color accent: "#1f6fb2"
    readonly property color border: "#d5dce3"
    readonly property color highlight: "#fff4c2"
    readonly property color danger: "#a61b1b"
    readonly property color ok: "#1e7a3c"
    readonly property int spacing: 12
    readonly property int radius: 6
    readonly property int titleSize: 22
    readonly property int headingSize: 16
    readonly property int bodySize: 13
    readonly property int smallSize: 11
}
