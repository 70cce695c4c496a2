import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Above the form of a submitted case: where it stands with the hub, the
// question it was returned with, why the hub refused it, and the hub's
// recommendations (numbered items and text, who wrote them and when).
ColumnLayout {
    id: panel
    spacing: 8
    visible: App.editor.hubQuestion !== "" || App.editor.hubRefusal !== "" || App.editor.recommendations.length > 0

    Rectangle {
        visible: App.editor.hubQuestion !== ""
        Layout.fillWidth: true
        implicitHeight: questionColumn.implicitHeight + 16
        color: Theme.highlight
        border.color: "#c9a400"
        radius: Theme.radius
        ColumnLayout {
            id: questionColumn
            anchors.fill: parent
            anchors.margins: 8
            spacing: 2
            Label {
                text: qsTr("Returned by the hub with a question")
                font.bold: true
                color: Theme.text
            }
            Label {
                objectName: "hubQuestion"
                text: App.editor.hubQuestion
                color: Theme.text
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
                Accessible.name: qsTr("The hub asks: %1").arg(text)
            }
            Label {
                text: qsTr("Answer it in the case, mark it ready again and submit it.")
                color: Theme.mutedText
                font.pixelSize: Theme.smallSize
            }
        }
    }

    Label {
        visible: App.editor.hubRefusal !== ""
        text: qsTr("The hub refused this case: %1").arg(App.editor.hubRefusal)
        color: Theme.danger
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }

    SectionHeader {
        visible: App.editor.recommendations.length > 0
        text: qsTr("Recommendations from the hub")
    }
    Repeater {
        model: App.editor.recommendations
        delegate: Rectangle {
            id: card
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: cardColumn.implicitHeight + 16
            color: "#eef6ff"
            border.color: Theme.accent
            radius: Theme.radius
            ColumnLayout {
                id: cardColumn
                anchors.fill: parent
                anchors.margins: 8
                spacing: 4
                Label {
                    text: qsTr("%1 · %2").arg(card.modelData.author).arg(card.modelData.when)
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallSize
                    textFormat: Text.PlainText
                }
                Label {
                    objectName: "recommendationText"
                    text: card.modelData.text
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Recommendation by %1: %2").arg(card.modelData.author).arg(text)
                }
            }
        }
    }
}
