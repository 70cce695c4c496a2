import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// "Share screen": the whole screen or one window, listed from X11 when the
// chooser opens (App.screenShare). ↑/↓ choose, Enter shares, Esc closes.
// Under Wayland or without an X display it says why nothing can be shared.
Popup {
    id: chooser
    objectName: "screenShareChooser"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(560, parent ? parent.width - 80 : 560)
    height: Math.min(480, parent ? parent.height - 80 : 480)
    modal: true
    focus: true
    padding: 20
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onOpened: { App.screenShare.refresh(); list.forceActiveFocus() }

    background: Rectangle { color: "#1d2a38"; radius: Theme.radius; border.color: "#33475b" }

    function shareCurrent() {
        const row = App.screenShare.sources[list.currentIndex]
        if (!row)
            return
        App.screenShare.start(row.deviceId, row.title)
        chooser.close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12
        Label {
            text: qsTr("Share your screen")
            color: "white"
            font.pixelSize: Theme.headingSize
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            text: qsTr("Everyone sees it as a tile of its own, sent at about 150 kbit/s (some 22 MB in 20 minutes). For slides, sharing the PDF costs far less.")
            color: "#c8d3df"
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.smallSize
            Layout.fillWidth: true
        }
        Label {
            objectName: "screenShareUnavailable"
            visible: App.screenShare.unavailableReason !== ""
            text: App.screenShare.unavailableReason
            textFormat: Text.PlainText
            color: "#ffd58a"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        BusyIndicator {
            running: App.screenShare.listing
            visible: running
            Layout.alignment: Qt.AlignHCenter
            Accessible.name: qsTr("Looking for screens and windows")
        }
        ListView {
            id: list
            objectName: "screenSources"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: App.screenShare.sources
            keyNavigationEnabled: true
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Screens and windows")
            Keys.onReturnPressed: chooser.shareCurrent()
            Keys.onEnterPressed: chooser.shareCurrent()
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: row
                required property var modelData
                required property int index
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                Accessible.role: Accessible.ListItem
                Accessible.name: modelData.title + ", " + modelData.detail
                onClicked: list.currentIndex = index
                onDoubleClicked: chooser.shareCurrent()
                background: Rectangle {
                    radius: 4
                    color: row.highlighted ? "#2b5a8a" : (row.hovered ? "#26374a" : "transparent")
                    border.width: row.highlighted && list.activeFocus ? 2 : 0
                    border.color: "white"
                }
                contentItem: RowLayout {
                    spacing: 12
                    Rectangle {
                        Layout.preferredWidth: 44
                        Layout.preferredHeight: 30
                        radius: 3
                        color: row.modelData.isScreen ? "#1f6fb2" : "#5b4a8a"
                        Label {
                            anchors.centerIn: parent
                            text: row.modelData.isScreen ? qsTr("Screen") : qsTr("Window")
                            color: "white"
                            font.pixelSize: 10
                            font.bold: true
                        }
                    }
                    ColumnLayout {
                        spacing: 0
                        Layout.fillWidth: true
                        Label {
                            // A window's title is another program's text.
                            text: row.modelData.title
                            textFormat: Text.PlainText
                            color: "white"
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            text: row.modelData.detail
                            color: "#a9b8c8"
                            font.pixelSize: Theme.smallSize
                        }
                    }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Cancel")
                Accessible.name: text
                onClicked: chooser.close()
            }
            Button {
                objectName: "startScreenShare"
                text: qsTr("Share")
                highlighted: true
                enabled: list.currentIndex >= 0 && App.screenShare.sources.length > 0
                Accessible.name: qsTr("Share the chosen screen or window")
                onClicked: chooser.shareCurrent()
            }
        }
    }
}
