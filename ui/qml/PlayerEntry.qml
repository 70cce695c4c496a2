import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// One line of the player's side lists: a time, a heading, optional text.
// The entry playing now is highlighted; activating it jumps there.
ItemDelegate {
    id: entry
    property string time
    property string heading
    property string body
    property bool current: false
    property bool accent: false
    property bool removable: false
    signal activated()
    signal remove()

    implicitHeight: layout.implicitHeight + 14
    Accessible.role: Accessible.ListItem
    Accessible.name: time + ", " + heading + (body !== "" ? ". " + body : "")
    onClicked: entry.activated()
    Keys.onReturnPressed: entry.activated()

    background: Rectangle {
        color: entry.current ? Theme.highlight : (entry.hovered || entry.visualFocus ? "#e8f1fb" : Theme.surface)
        border.color: entry.visualFocus ? Theme.accent : (entry.current ? "#e0c860" : Theme.border)
        radius: Theme.radius
    }
    contentItem: RowLayout {
        id: layout
        spacing: 8
        Label {
            text: entry.time
            color: Theme.accent
            font.pixelSize: Theme.bodySize
            font.bold: true
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 58
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                text: entry.heading
                color: entry.accent ? Theme.accent : Theme.text
                font.bold: true
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }
            Label {
                visible: text !== ""
                text: entry.body
                color: Theme.text
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                maximumLineCount: 6
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        ToolButton {
            visible: entry.removable
            text: "✕"
            Accessible.name: qsTr("Remove")
            onClicked: entry.remove()
        }
    }
}
