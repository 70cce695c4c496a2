import QtQuick

// Marks the spans of open findings over a TextArea or TextField: translucent
// red boxes laid over the characters the gate matched, recomputed when the
// text or the width changes, so a clinician sees exactly what to fix.
Item {
    id: overlay

    required property Item target
    property var findings: []

    anchors.fill: parent

    function spanRects(start, end) {
        var rects = []
        if (end > target.length || start >= end)
            return rects
        var a = target.positionToRectangle(start)
        var b = target.positionToRectangle(end)
        var left = target.leftPadding
        var right = target.width - target.rightPadding
        if (Math.abs(a.y - b.y) < 1) {
            rects.push({ x: a.x, y: a.y, w: Math.max(2, b.x - a.x), h: a.height })
            return rects
        }
        rects.push({ x: a.x, y: a.y, w: Math.max(2, right - a.x), h: a.height })
        for (var y = a.y + a.height; y < b.y - 1; y += a.height)
            rects.push({ x: left, y: y, w: right - left, h: a.height })
        rects.push({ x: left, y: b.y, w: Math.max(2, b.x - left), h: b.height })
        return rects
    }

    Repeater {
        model: overlay.findings.length
        delegate: Item {
            id: span
            required property int index
            readonly property var finding: overlay.findings[index]
            // Reading text and width makes the binding follow edits and resizes.
            readonly property var rects: overlay.target.text.length >= 0 && overlay.target.width > 0
                                         ? overlay.spanRects(finding.startUtf16, finding.endUtf16) : []
            Repeater {
                model: span.rects
                delegate: Rectangle {
                    required property var modelData
                    x: modelData.x
                    y: modelData.y
                    width: modelData.w
                    height: modelData.h
                    color: "#55e53935"
                    border.color: "#c62828"
                    radius: 2
                }
            }
        }
    }
}
