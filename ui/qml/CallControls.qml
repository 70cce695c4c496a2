import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// The bar under the call grid: mute, camera, leave. Each says what pressing
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
        text: App.call.muted ? qsTr("Unmute") : qsTr("Mute")
        hint: qsTr("Ctrl+D or M")
        tint: App.call.muted ? "#c0392b" : "#2b3d52"
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
        objectName: "leaveButton"
        text: qsTr("Leave")
        hint: qsTr("Esc")
        tint: "#a61b1b"
        enabled: App.call.inCall
        onClicked: controls.leaveRequested()
    }
}
