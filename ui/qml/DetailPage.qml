import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// A session, case or recording: title, one line of context, a description and
// its sections. Items that point elsewhere (a case, a session, a recording)
// open it; the item at the focus position (from a search hit) is highlighted.
Page {
    id: page
    signal openTarget(string kind, int id)
    signal editCase(int id)
    signal playRecording(int id)
    title: App.detail.title
    background: Rectangle { color: Theme.window }

    ScrollView {
        id: scroller
        anchors.fill: parent
        anchors.margins: Theme.spacing
        contentWidth: availableWidth

        ColumnLayout {
            width: scroller.availableWidth
            spacing: 6

            BusyIndicator {
                running: App.detail.loading
                visible: running
                Accessible.name: qsTr("Loading")
            }
            Label {
                visible: App.detail.error !== ""
                text: App.detail.error
                color: Theme.danger
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                text: App.detail.title
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Button {
                objectName: "joinSessionButton"
                visible: App.detail.kind === "session" && !App.detail.loading && App.detail.error === ""
                         && (App.hub.signedIn || App.call.serverUrl !== "")
                text: qsTr("Join the live session")
                Accessible.name: text
                onClicked: App.joinSession(App.detail.itemId, App.detail.title)
            }
            Button {
                objectName: "playRecordingButton"
                visible: App.detail.kind === "recording" && !App.detail.loading && App.detail.error === ""
                text: qsTr("Open in the player")
                Accessible.name: text
                onClicked: page.playRecording(App.detail.itemId)
            }
            Button {
                visible: App.detail.kind === "case" && !App.detail.loading && App.detail.error === ""
                text: qsTr("Open in the case editor")
                Accessible.name: text
                onClicked: page.editCase(App.detail.itemId)
            }
            Label {
                text: App.detail.subtitle
                color: Theme.mutedText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                visible: text !== ""
                text: App.detail.description
                color: Theme.text
                font.pixelSize: 14
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
                Layout.topMargin: 6
            }

            Repeater {
                model: App.detail.sections
                delegate: ColumnLayout {
                    id: sectionBlock
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 6
                    SectionHeader { text: sectionBlock.modelData.heading }
                    Repeater {
                        model: sectionBlock.modelData.items
                        delegate: ItemDelegate {
                            id: entry
                            required property var modelData
                            readonly property bool linked: modelData.targetKind !== ""
                            readonly property bool focused: App.detail.focusPositionMs >= 0
                                                            && modelData.positionMs === App.detail.focusPositionMs
                            Layout.fillWidth: true
                            implicitHeight: entryLayout.implicitHeight + 16
                            enabled: true
                            focusPolicy: linked ? Qt.StrongFocus : Qt.NoFocus
                            Accessible.role: linked ? Accessible.Link : Accessible.StaticText
                            Accessible.name: modelData.title + ". " + modelData.text
                            onClicked: if (linked) page.openTarget(modelData.targetKind, modelData.targetId)
                            Keys.onReturnPressed: if (linked) page.openTarget(modelData.targetKind, modelData.targetId)
                            background: Rectangle {
                                color: entry.focused ? Theme.highlight
                                     : (entry.linked && (entry.hovered || entry.visualFocus) ? "#e8f1fb" : Theme.surface)
                                border.color: entry.visualFocus ? Theme.accent : Theme.border
                                radius: Theme.radius
                            }
                            contentItem: RowLayout {
                                id: entryLayout
                                spacing: Theme.spacing
                                Label {
                                    visible: entry.modelData.meta !== ""
                                    text: entry.modelData.meta
                                    color: Theme.mutedText
                                    font.pixelSize: Theme.smallSize
                                    Layout.alignment: Qt.AlignTop
                                    Layout.preferredWidth: 150
                                    wrapMode: Text.WordWrap
                                }
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    spacing: 2
                                    Label {
                                        text: entry.modelData.title
                                        font.bold: true
                                        color: entry.linked ? Theme.accent : Theme.text
                                        wrapMode: Text.WordWrap
                                        textFormat: Text.PlainText
                                        Layout.fillWidth: true
                                    }
                                    Label {
                                        visible: text !== ""
                                        text: entry.modelData.text
                                        color: Theme.text
                                        wrapMode: Text.WordWrap
                                        textFormat: Text.PlainText
                                        Layout.fillWidth: true
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
