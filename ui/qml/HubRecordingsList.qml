import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Library → From the hub: each recording of the member's programmes with its
// renditions, their sizes and downloads (HubRecordingsModel). A finished
// download appears under Recordings and opens in the player from there.
ListView {
    id: list
    objectName: "hubRecordingsList"
    readonly property var hubModel: App.hubRecordings
    model: hubModel
    spacing: 4
    clip: true
    keyNavigationEnabled: true
    activeFocusOnTab: true
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Recordings on the hub")
    ScrollBar.vertical: ScrollBar {}

    header: ColumnLayout {
        width: list.width
        spacing: 6
        RowLayout {
            spacing: 8
            Button {
                objectName: "hubRecordingsRefresh"
                text: qsTr("Refresh")
                enabled: !list.hubModel.loading
                Accessible.name: qsTr("Refresh the list of recordings on the hub")
                onClicked: list.hubModel.refresh()
            }
            BusyIndicator {
                running: list.hubModel.loading
                visible: running
                Layout.preferredHeight: 28
                Layout.preferredWidth: 28
                Accessible.name: qsTr("Loading")
            }
            Label {
                text: list.hubModel.message
                color: list.hubModel.failed ? Theme.danger : Theme.mutedText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
        Label {
            text: qsTr("Light is enough to follow a session on a small screen; audio + slides is the smallest. Downloads go on after a lost connection or a restart, one at a time.")
            color: Theme.mutedText
            bottomPadding: 4
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }

    delegate: FocusScope {
        id: row
        required property var model
        required property int index
        width: list.width
        implicitHeight: column.implicitHeight + column.anchors.topMargin + 4
        activeFocusOnTab: false
        Accessible.role: Accessible.ListItem
        Accessible.name: row.model.title + ", " + row.model.renditionLabel + ", " + row.model.sizeText
                         + (row.model.stateText !== "" ? ", " + row.model.stateText : "")

        ColumnLayout {
            id: column
            anchors { left: parent.left; right: parent.right; top: parent.top; topMargin: row.model.firstOfRecording ? 8 : 0 }
            spacing: 2

            // The recording's title, date and duration above its first rendition.
            ColumnLayout {
                visible: row.model.firstOfRecording
                spacing: 0
                Layout.fillWidth: true
                Label {
                    text: row.model.title
                    textFormat: Text.PlainText
                    font.pixelSize: 15
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: [row.model.programme, row.model.details].filter(s => s !== "").join("  ·  ")
                    textFormat: Text.PlainText
                    color: Theme.mutedText
                    font.pixelSize: Theme.bodySize
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: renditionRow.implicitHeight + 12
                color: list.currentIndex === row.index && list.activeFocus ? "#e8f1fb" : Theme.surface
                border.color: Theme.border
                radius: Theme.radius

                RowLayout {
                    id: renditionRow
                    anchors { fill: parent; leftMargin: 10; rightMargin: 8; topMargin: 6; bottomMargin: 6 }
                    spacing: Theme.spacing
                    ColumnLayout {
                        spacing: 2
                        Layout.preferredWidth: 170
                        Label { text: row.model.renditionLabel; color: Theme.text; font.bold: true }
                        Label { text: row.model.sizeText; color: Theme.mutedText; font.pixelSize: Theme.smallSize }
                    }
                    ColumnLayout {
                        spacing: 2
                        Layout.fillWidth: true
                        ProgressBar {
                            objectName: "downloadProgress"
                            visible: row.model.state !== "none" && row.model.state !== "done" && row.model.state !== "cancelled"
                            from: 0; to: 1
                            value: row.model.progress
                            indeterminate: row.model.state === "checking" && row.model.progress === 0
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Download progress")
                        }
                        RowLayout {
                            spacing: 8
                            Label {
                                text: row.model.stateText
                                color: row.model.state === "failed" ? Theme.danger
                                     : row.model.state === "done" ? Theme.ok : Theme.mutedText
                                wrapMode: Text.WordWrap
                                font.pixelSize: Theme.smallSize
                                Layout.fillWidth: true
                                Accessible.role: Accessible.StaticText
                                Accessible.name: text
                            }
                            Label {
                                visible: text !== ""
                                text: row.model.rateText
                                color: Theme.text
                                font.pixelSize: Theme.smallSize
                            }
                        }
                    }
                    Button {
                        visible: row.model.canDownload
                        text: qsTr("Download")
                        highlighted: true
                        Accessible.name: qsTr("Download %1, %2").arg(row.model.renditionLabel).arg(row.model.sizeText)
                        onClicked: list.hubModel.download(row.index)
                    }
                    Button {
                        visible: row.model.canPause
                        text: qsTr("Pause")
                        Accessible.name: qsTr("Pause the download of %1").arg(row.model.renditionLabel)
                        onClicked: list.hubModel.pause(row.index)
                    }
                    Button {
                        visible: row.model.canResume
                        text: row.model.state === "failed" ? qsTr("Try again") : qsTr("Resume")
                        highlighted: true
                        Accessible.name: text + " " + row.model.renditionLabel
                        onClicked: list.hubModel.resume(row.index)
                    }
                    Button {
                        visible: row.model.canCancel
                        text: qsTr("Cancel")
                        Accessible.name: qsTr("Cancel the download of %1 and delete what came down").arg(row.model.renditionLabel)
                        onClicked: list.hubModel.cancel(row.index)
                    }
                }
            }
        }
    }
}
