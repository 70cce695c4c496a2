import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// The open findings of one field (or one table), under it: the matched text
// highlighted in its context, why it was flagged, and a one-click redaction.
ColumnLayout {
    id: list

    property var findings: []
    property bool editable: App.editor.editable

    spacing: 4
    visible: findings.length > 0

    Repeater {
        model: list.findings.length
        delegate: Rectangle {
            id: entry
            required property int index
            readonly property var finding: list.findings[index]
            Layout.fillWidth: true
            implicitHeight: entryRow.implicitHeight + 12
            color: "#fdecea"
            border.color: "#c62828"
            radius: Theme.radius

            RowLayout {
                id: entryRow
                anchors.fill: parent
                anchors.margins: 6
                spacing: 8
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        text: entry.finding.contextHtml
                        textFormat: Text.RichText
                        wrapMode: Text.WordWrap
                        color: Theme.text
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Possible identifier: %1").arg(entry.finding.text)
                    }
                    Label {
                        text: entry.finding.categoryName + " — " + entry.finding.reason
                        color: "#7a0000"
                        font.pixelSize: Theme.smallSize
                        wrapMode: Text.WordWrap
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                    }
                }
                CaseEditorButton {
                    text: qsTr("Redact as %1").arg(entry.finding.redaction)
                    enabled: list.editable
                    Accessible.name: qsTr("Replace %1 by %2").arg(entry.finding.text).arg(entry.finding.redaction)
                    Accessible.description: entry.finding.reason
                    onClicked: App.editor.redact(entry.finding.index)
                }
            }
        }
    }
}
