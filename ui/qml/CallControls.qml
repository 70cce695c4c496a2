import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// The bar under the call grid: mute, camera, hand, share screen, leave. Each says what pressing
// it does and which key does the same.
RowLayout {
    id: controls
    signal leaveRequested()
    spacing: Theme.spacing

    component CallButton: Button {
        id: button
        property string hint
        property color tint: "#2b3d52"
        implicitHeight: 46
        implicitWidth: Math.max(150, contentItem.implicitWidth + 32)
        font.pixelSize: 14
        font.bold: true
        Accessible.name: text
        Accessible.description: hint
        ToolTip.visible: hovered || visualFocus
        ToolTip.delay: 400
        ToolTip.text: hint
        background: Rectangle {
            radius: 23
            color: button.down ? Qt.darker(button.tint, 1.3) : (button.hovered ? Qt.lighter(button.tint, 1.2) : button.tint)
            border.width: button.visualFocus ? 2 : 0
            border.color: "white"
        }
        contentItem: Label {
            text: button.text
            color: "white"
            font: button.font
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }

    CallButton {
        objectName: "muteButton"
        // While the chair holds our microphone the button says so; pressing
        // it explains instead of pretending to unmute.
        text: App.call.mutedByChair ? qsTr("Muted by the chair") : App.call.muted ? qsTr("Unmute") : qsTr("Mute")
        hint: App.call.mutedByChair ? qsTr("The chair has muted you; raise your hand to ask to speak")
                                    : qsTr("Ctrl+D or M")
        tint: App.call.muted || App.call.mutedByChair ? "#c0392b" : "#2b3d52"
        enabled: App.call.inCall
        onClicked: App.call.toggleMute()
    }
    CallButton {
        objectName: "cameraButton"
        text: App.call.cameraOn ? qsTr("Stop camera") : qsTr("Start camera")
        hint: qsTr("Ctrl+E or V")
        tint: App.call.cameraOn ? "#2b3d52" : "#c0392b"
        enabled: App.call.inCall
        onClicked: App.call.toggleCamera()
    }
    CallButton {
        objectName: "handButton"
        visible: App.live.active
        text: App.live.myHandRaised ? qsTr("Lower hand") : qsTr("Raise hand")
        hint: qsTr("Ctrl+H")
        tint: App.live.myHandRaised ? "#8a6d1a" : "#2b3d52"
        enabled: App.call.inCall
        onClicked: App.live.setMyHand(!App.live.myHandRaised)
    }
    CallButton {
        id: shareScreenButton
        objectName: "shareScreenButton"
        text: App.screenShare.sharing || App.screenShare.starting ? qsTr("Stop sharing") : qsTr("Share screen")
        hint: App.screenShare.statusText !== "" ? App.screenShare.statusText
                                                 : qsTr("Show your screen or one window to everyone (Ctrl+Shift+S)")
        tint: App.screenShare.sharing ? "#1f6fb2" : "#2b3d52"
        enabled: App.call.inCall
        onClicked: App.screenShare.sharing || App.screenShare.starting ? App.screenShare.stop() : screenChooser.open()
        ScreenShareChooser { id: screenChooser }
        Shortcut {
            sequence: "Ctrl+Shift+S"
            enabled: App.call.inCall
            onActivated: shareScreenButton.clicked()
        }
        // A share that failed or ended by itself says why where the eye is.
        Connections {
            target: App.screenShare
            function onStateChanged() {
                if (App.screenShare.statusText !== "" && !App.screenShare.sharing && !App.screenShare.starting)
                    shareScreenButton.ToolTip.show(App.screenShare.statusText, 8000)
            }
        }
    }
    CallButton {
        objectName: "leaveButton"
        text: qsTr("Leave")
        hint: qsTr("Esc")
        tint: "#a61b1b"
        enabled: App.call.inCall
        onClicked: controls.leaveRequested()
    }

    // Low bandwidth for a clinic on a metered or weak link, and what the
    // call has cost so far.
    component CallSwitch: Switch {
        id: sw
        property string hint
        font.pixelSize: Theme.bodySize
        Accessible.name: text
        Accessible.description: hint
        ToolTip.visible: hovered || visualFocus
        ToolTip.delay: 400
        ToolTip.text: hint
        contentItem: Label {
            text: sw.text
            font: sw.font
            color: "white"
            leftPadding: sw.indicator.width + sw.spacing
            verticalAlignment: Text.AlignVCenter
        }
    }
    ColumnLayout {
        spacing: 0
        CallSwitch {
            objectName: "audioOnlySwitch"
            text: qsTr("Audio only")
            hint: qsTr("Send and receive no video (Ctrl+Shift+A)")
            checked: App.call.audioOnly
            onToggled: App.call.setAudioOnly(checked)
        }
        CallSwitch {
            objectName: "receiveVideoSwitch"
            text: qsTr("Don't receive video")
            hint: qsTr("The others' video stays on the server; yours is sent as the camera says (Ctrl+Shift+R)")
            checked: !App.call.receiveVideo || App.call.audioOnly
            enabled: !App.call.audioOnly
            onToggled: App.call.setReceiveVideo(!checked)
        }
    }
    ColumnLayout {
        objectName: "dataMeter"
        spacing: 2
        Accessible.role: Accessible.StaticText
        Accessible.name: App.call.dataUsedText + ", " + App.call.dataRateText
        Label {
            text: App.call.dataUsedText
            color: "white"
            font.pixelSize: Theme.bodySize
            font.bold: true
        }
        Label {
            text: App.call.dataRateText
            color: "#c8d3df"
            font.pixelSize: Theme.smallSize
        }
    }
}
