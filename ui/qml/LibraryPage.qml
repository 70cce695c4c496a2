import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Recordings of past sessions: what can be replayed, and what is still only
// on the hub.
Page {
    id: page
    signal openRecording(int recordingId)
    title: qsTr("Library")
    background: Rectangle { color: Theme.window }

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 8
        model: App.recordings
        clip: true
        keyNavigationEnabled: true
        activeFocusOnTab: true
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Recordings")
        ScrollBar.vertical: ScrollBar {}

        delegate: ItemDelegate {
            id: row
            required property var model
            width: list.width
            implicitHeight: rowLayout.implicitHeight + 20
            highlighted: ListView.isCurrentItem
            Accessible.role: Accessible.ListItem
            Accessible.name: model.title + ", " + model.duration
            onClicked: page.openRecording(model.recordingId)
            Keys.onReturnPressed: page.openRecording(model.recordingId)
            background: Rectangle {
                color: row.highlighted && list.activeFocus ? "#e8f1fb" : (row.hovered ? "#f0f4f8" : Theme.surface)
                border.color: Theme.border
                radius: Theme.radius
            }
            contentItem: RowLayout {
                id: rowLayout
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label { text: row.model.title; font.pixelSize: 15; font.bold: true; color: Theme.text; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label { text: row.model.created + "  ·  " + row.model.duration; color: Theme.mutedText; font.pixelSize: Theme.smallSize }
                }
                Label {
                    text: row.model.onDisk ? qsTr("On this laptop") : qsTr("Not downloaded")
                    color: row.model.onDisk ? Theme.ok : Theme.mutedText
                    font.pixelSize: Theme.bodySize
                }
            }
        }
    }
}
