import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// A live session, over the whole window: who is there (one tile each,
// ourselves first), how the connection is, and mute / camera / leave.
// Keyboard: Ctrl+D or M mutes, Ctrl+E or V switches the camera, Ctrl+H
// raises or lowers my hand, Ctrl+Shift+A audio only, Ctrl+Shift+R stops
// receiving video, Alt+1…6 open the side panel's tabs (LivePanel), Esc asks
// before leaving; after the call Esc or Enter goes back to the app.
FocusScope {
    id: page
    objectName: "callPage"

    readonly property color background: "#101820"
    readonly property color qualityColor: [ "#8a99a8", "#3ecf6e", "#f0b429", "#e5534b" ][App.call.quality]

    function requestLeave() {
        if (App.call.inCall)
            leaveDialog.open()
    }

    Shortcut { sequences: ["Ctrl+D", "M"]; enabled: App.call.inCall; onActivated: App.call.toggleMute() }
    Shortcut { sequences: ["Ctrl+E", "V"]; enabled: App.call.inCall; onActivated: App.call.toggleCamera() }
    Shortcut { sequence: "Ctrl+H"; enabled: App.call.inCall && App.live.active; onActivated: App.live.setMyHand(!App.live.myHandRaised) }
    Shortcut { sequence: "Ctrl+Shift+A"; enabled: App.call.inCall; onActivated: App.call.setAudioOnly(!App.call.audioOnly) }
    Shortcut { sequence: "Ctrl+Shift+R"; enabled: App.call.inCall; onActivated: App.call.setReceiveVideo(!App.call.receiveVideo) }
    Shortcut { sequence: "Esc"; enabled: App.call.inCall && !leaveDialog.visible; onActivated: page.requestLeave() }
    Shortcut { sequence: "Esc"; enabled: !App.call.inCall; onActivated: App.call.dismiss() }

    Rectangle {
        anchors.fill: parent
        color: page.background
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        // Header: what this is, where it stands, and how the link is.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: App.call.title
                color: "white"
                font.pixelSize: 20
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Rectangle {
                Layout.preferredHeight: 30
                Layout.preferredWidth: statusRow.implicitWidth + 24
                radius: 15
                color: App.call.state === CallModel.InSession ? "#173d27"
                     : App.call.state === CallModel.Error ? "#4a1b1b" : "#3d3417"
                RowLayout {
                    id: statusRow
                    anchors.centerIn: parent
                    spacing: 8
                    BusyIndicator {
                        running: App.call.state === CallModel.Connecting || App.call.state === CallModel.Reconnecting
                        visible: running
                        Layout.preferredWidth: 18
                        Layout.preferredHeight: 18
                    }
                    Label {
                        objectName: "callStatus"
                        text: App.call.statusText
                        color: "white"
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        Accessible.role: Accessible.StaticText
                        Accessible.name: qsTr("Call status: %1").arg(text)
                    }
                }
            }
            // Connection quality: the verdict here, the numbers on hover,
            // on focus, or in the panel a click opens.
            Button {
                id: qualityButton
                objectName: "qualityButton"
                visible: App.call.inCall
                checkable: true
                implicitHeight: 30
                text: qsTr("Connection: %1").arg(App.call.qualityText)
                Accessible.name: text
                Accessible.description: App.call.qualityDetails
                ToolTip.visible: (hovered || visualFocus) && !checked
                ToolTip.delay: 300
                ToolTip.text: App.call.qualityReason !== "" ? App.call.qualityReason + "\n" + App.call.qualityDetails
                                                            : App.call.qualityDetails
                background: Rectangle {
                    radius: 15
                    color: qualityButton.checked ? "#2b3d52" : "#1d2a38"
                    border.color: qualityButton.visualFocus ? "white" : "#33475b"
                }
                contentItem: RowLayout {
                    spacing: 8
                    Rectangle {
                        Layout.preferredWidth: 12
                        Layout.preferredHeight: 12
                        radius: 6
                        color: page.qualityColor
                    }
                    Label {
                        text: qualityButton.text
                        color: "white"
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                    }
                }
            }
        }

        // A chosen camera or microphone that could not be used: the call goes
        // on with a stand-in, and the person should know what the hub sees.
        Label {
            objectName: "mediaNotice"
            visible: App.call.inCall && App.call.mediaNotice !== ""
            text: App.call.mediaNotice
            color: "#ffd58a"
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
            font.pixelSize: Theme.bodySize
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        // The chair's mute (and its lifting), said plainly: Janus holds our
        // audio, so Unmute cannot get past it.
        Label {
            objectName: "chairNotice"
            visible: App.call.inCall && App.call.chairNotice !== ""
            text: App.call.chairNotice
            color: App.call.mutedByChair ? "#ffb4ab" : "#b9e6c9"
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
            font.pixelSize: Theme.bodySize
            font.bold: true
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            // The grid: columns and tile size follow the number of people,
            // each tile 16:9 and as large as the space allows.
            Item {
                id: gridArea
                Layout.fillWidth: true
                Layout.fillHeight: true
                readonly property int count: App.call.participants.count
                readonly property int columns: count <= 1 ? 1 : (count <= 4 ? 2 : 3)
                readonly property int rows: Math.max(1, Math.ceil(count / columns))
                readonly property real gap: 10
                readonly property real tileWidth: Math.min((width - gap * (columns - 1)) / columns,
                                                           ((height - gap * (rows - 1)) / rows) * 16 / 9)
                readonly property real tileHeight: tileWidth * 9 / 16

                Grid {
                    anchors.centerIn: parent
                    columns: gridArea.columns
                    spacing: gridArea.gap
                    visible: App.call.inCall
                    Repeater {
                        model: App.call.participants
                        delegate: CallTile {
                            width: gridArea.tileWidth
                            height: gridArea.tileHeight
                        }
                    }
                }

                // Connecting, Left and Error say so in the middle of the page.
                ColumnLayout {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 40, 560)
                    visible: !App.call.inCall || App.call.participants.count === 0
                    spacing: Theme.spacing
                    BusyIndicator {
                        running: App.call.state === CallModel.Connecting
                        visible: running
                        Layout.alignment: Qt.AlignHCenter
                        Accessible.name: qsTr("Connecting")
                    }
                    Label {
                        text: App.call.state === CallModel.Connecting ? qsTr("Connecting to the session…")
                                                                         : App.call.statusText
                        color: "white"
                        font.pixelSize: 18
                        font.bold: true
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "callError"
                        visible: App.call.state === CallModel.Error
                        text: App.call.errorText
                        color: "#ffb4ab"
                        font.pixelSize: 14
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: text
                    }
                    RowLayout {
                        visible: !App.call.inCall
                        Layout.alignment: Qt.AlignHCenter
                        spacing: Theme.spacing
                        Button {
                            text: App.call.state === CallModel.Left ? qsTr("Join again") : qsTr("Try again")
                            Accessible.name: text
                            onClicked: App.call.join(App.call.title)
                        }
                        Button {
                            id: backButton
                            text: qsTr("Back to Spoke")
                            Accessible.name: text
                            focus: !App.call.inCall
                            onClicked: App.call.dismiss()
                            Keys.onReturnPressed: App.call.dismiss()
                        }
                    }
                }
            }

            // The session's agenda, chat, hands, people, slides and case.
            LivePanel {
                id: livePanel
                visible: App.call.inCall && !qualityButton.checked
                Layout.preferredWidth: Math.max(currentIndex >= 4 ? Math.min(560, page.width * 0.42) : 400,
                                                minimumTabsWidth)
                Layout.fillHeight: true
            }

            // The numbers behind the verdict, for whoever asks.
            Rectangle {
                visible: qualityButton.checked && App.call.inCall
                Layout.preferredWidth: 300
                Layout.fillHeight: true
                color: "#1d2a38"
                radius: Theme.radius
                border.color: "#33475b"
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 8
                    Label {
                        text: qsTr("Connection details")
                        color: "white"
                        font.pixelSize: Theme.headingSize
                        font.bold: true
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    RowLayout {
                        spacing: 8
                        Rectangle { width: 12; height: 12; radius: 6; color: page.qualityColor }
                        Label {
                            text: App.call.qualityText
                            color: "white"
                            font.bold: true
                        }
                    }
                    Label {
                        visible: text !== ""
                        text: App.call.qualityReason
                        color: "#c8d3df"
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "qualityDetails"
                        text: App.call.qualityDetails
                        color: "#c8d3df"
                        wrapMode: Text.WordWrap
                        lineHeight: 1.3
                        Layout.fillWidth: true
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    Item { Layout.fillHeight: true }
                }
            }
        }

        CallControls {
            Layout.alignment: Qt.AlignHCenter
            visible: App.call.inCall
            onLeaveRequested: page.requestLeave()
        }
    }

    Dialog {
        id: leaveDialog
        objectName: "leaveDialog"
        anchors.centerIn: parent
        modal: true
        title: qsTr("Leave the session?")
        Label {
            text: qsTr("The others will see that you left. You can join again while the session runs.")
            wrapMode: Text.WordWrap
            width: 360
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Stay")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                Accessible.name: text
            }
            Button {
                id: confirmLeave
                text: qsTr("Leave")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                Accessible.name: text
                Keys.onReturnPressed: leaveDialog.accept()
                Keys.onEnterPressed: leaveDialog.accept()
            }
        }
        onOpened: confirmLeave.forceActiveFocus()
        onAccepted: App.call.leave()
    }
}
