import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Spoke.Ui

// Recordings of past sessions: what can be replayed here, what is still
// only on the hub, and importing a recording made elsewhere. Opening one
// opens the player.
Page {
    id: page
    signal openRecording(int recordingId)
    title: qsTr("Library")
    background: Rectangle { color: Theme.window }

    Shortcut {
        sequences: [StandardKey.Open]
        enabled: page.StackView.status === StackView.Active
        onActivated: importDialog.open()
    }
    FileDialog {
        id: importDialog
        title: qsTr("Import a recording")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Recordings (*.webm *.mkv *.mp4)"), qsTr("All files (*)")]
        onAccepted: App.library.importFile(selectedFile)
    }
    StackView.onActivated: (tabs.currentIndex === 0 ? list : hubList).forceActiveFocus()

    function showHub() { tabs.currentIndex = 1 }
    Shortcut {
        sequence: "Alt+R"
        enabled: page.StackView.status === StackView.Active
        onActivated: { tabs.currentIndex = 0; list.forceActiveFocus() }
    }
    Shortcut {
        sequence: "Alt+F"
        enabled: page.StackView.status === StackView.Active
        onActivated: { tabs.currentIndex = 1; hubList.forceActiveFocus() }
    }
    header: TabBar {
        id: tabs
        objectName: "libraryTabs"
        Accessible.name: qsTr("Library sections")
        // The catalogue is asked for when the tab is first opened (by a click
        // or Alt+F), then on Refresh.
        onCurrentIndexChanged: if (currentIndex === 1 && App.hubRecordings.rowCount() === 0) App.hubRecordings.refresh()
        TabButton {
            text: qsTr("On this laptop")
            width: implicitWidth + 24
            Accessible.name: text
            Accessible.description: qsTr("Alt+R")
        }
        TabButton {
            objectName: "fromHubTab"
            text: qsTr("From the hub")
            width: implicitWidth + 24
            Accessible.name: text
            Accessible.description: qsTr("Alt+F")
        }
    }
    Connections {
        target: App.library
        function onImported(recordingId) { page.openRecording(recordingId) }
    }

    StackLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        currentIndex: tabs.currentIndex
        ListView {
            id: list
            objectName: "libraryList"
            spacing: 8
            model: App.library.rows
            clip: true
            keyNavigationEnabled: true
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Recordings")
            ScrollBar.vertical: ScrollBar {}

            header: ColumnLayout {
                width: list.width
                spacing: 6
                RowLayout {
                    spacing: 8
                    Button {
                        text: qsTr("Import recording…")
                        highlighted: true
                        enabled: !App.library.busy
                        Accessible.name: qsTr("Import a recording (Ctrl+O)")
                        onClicked: importDialog.open()
                    }
                    BusyIndicator {
                        running: App.library.busy
                        visible: running
                        Layout.preferredHeight: 28
                        Layout.preferredWidth: 28
                        Accessible.name: qsTr("Importing")
                    }
                    Label {
                        text: App.library.message
                        color: App.library.failed ? Theme.danger : Theme.mutedText
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                }
                Label {
                    text: qsTr("WebM, MKV or MP4 recordings, e.g. a hub's edited recording, are copied into the library with their chapters.")
                    color: Theme.mutedText
                    bottomPadding: Theme.spacing
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }

            delegate: ItemDelegate {
                id: row
                required property var model
                width: list.width
                implicitHeight: rowLayout.implicitHeight + 20
                highlighted: ListView.isCurrentItem
                Accessible.role: Accessible.ListItem
                Accessible.name: model.title + ", " + model.programme + ", " + model.created + ", " + model.duration
                                 + (model.onDisk ? "" : ", " + qsTr("not downloaded"))
                onClicked: page.openRecording(model.recordingId)
                Keys.onReturnPressed: page.openRecording(model.recordingId)
                background: Rectangle {
                    color: row.highlighted && list.activeFocus ? "#e8f1fb" : (row.hovered ? "#f0f4f8" : Theme.surface)
                    border.color: Theme.border
                    radius: Theme.radius
                }
                contentItem: RowLayout {
                    id: rowLayout
                    spacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label { text: row.model.title; font.pixelSize: 15; font.bold: true; color: Theme.text; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label {
                            text: [row.model.programme, row.model.created, row.model.duration].filter(s => s !== "").join("  ·  ")
                            color: Theme.mutedText
                            font.pixelSize: Theme.bodySize
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: row.model.cases !== ""
                            text: qsTr("Cases: %1").arg(row.model.cases)
                            color: Theme.text
                            font.pixelSize: Theme.smallSize
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        text: row.model.onDisk ? qsTr("On this laptop") : qsTr("Not downloaded")
                        color: row.model.onDisk ? Theme.ok : Theme.mutedText
                        font.pixelSize: Theme.bodySize
                    }
                    Label {
                        visible: row.model.onDisk
                        text: qsTr("▶ Play")
                        color: Theme.accent
                        font.bold: true
                    }
                }
            }
        }
        HubRecordingsList {
            id: hubList
        }
    }
}
