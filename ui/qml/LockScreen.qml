import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// The app lock's screen (LockModel, issue 15). A modal popup in the window's
// overlay, above the pages, the call and any dialog, opaque, so nothing under
// it shows; Main.qml also hides the pages and the call while locked, so they
// are neither drawn nor reachable by Tab or a screen reader, and LockModel
// swallows every shortcut. The PIN is cleared from the field as soon as it
// is sent.
Popup {
    id: lockScreen
    objectName: "lockScreen"
    parent: Overlay.overlay
    x: 0
    y: 0
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    z: 1000
    modal: true
    dim: false
    focus: true
    padding: 0
    closePolicy: Popup.NoAutoClose
    visible: App.lock.locked

    readonly property bool canTry: pinField.text.length > 0 && App.lock.waitSeconds === 0 && !App.lock.busy
                                   && App.lock.problem === ""

    function submit() {
        if (!canTry)
            return
        App.lock.unlock(pinField.text)
        pinField.text = ""
    }

    onOpened: { pinField.text = ""; pinField.forceActiveFocus() }
    Connections {
        target: App.lock
        // After a wrong PIN the field keeps the focus for the next try.
        function onStateChanged() { if (lockScreen.opened && !App.lock.busy) pinField.forceActiveFocus() }
    }

    background: Rectangle { color: Theme.rail }

    contentItem: FocusScope {
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Spoke is locked")

        // Clicks and the wheel stop here, whatever is open under the lock.
        MouseArea {
            anchors.fill: parent
            acceptedButtons: Qt.AllButtons
            hoverEnabled: true
            onWheel: (wheel) => wheel.accepted = true
        }

        ColumnLayout {
            anchors.centerIn: parent
            width: Math.min(460, parent.width - 2 * Theme.spacing)
            spacing: 10

            Label {
                text: qsTr("Spoke is locked")
                color: "white"
                font.pixelSize: 28
                font.bold: true
                Layout.alignment: Qt.AlignHCenter
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                text: qsTr("Enter the PIN of this profile to go on.")
                color: Theme.railText
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: 8
                Layout.fillWidth: true
                Layout.topMargin: 8
                TextField {
                    id: pinField
                    objectName: "lockPinField"
                    focus: true
                    echoMode: TextInput.Password
                    maximumLength: 12
                    validator: RegularExpressionValidator { regularExpression: /[0-9]*/ }
                    inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    placeholderText: qsTr("PIN")
                    enabled: App.lock.problem === ""
                    font.pixelSize: 18
                    Layout.fillWidth: true
                    Accessible.name: qsTr("PIN")
                    Accessible.passwordEdit: true
                    onAccepted: lockScreen.submit()
                }
                Button {
                    objectName: "unlockButton"
                    text: App.lock.busy ? qsTr("Checking…") : qsTr("Unlock")
                    enabled: lockScreen.canTry
                    Accessible.name: qsTr("Unlock")
                    onClicked: lockScreen.submit()
                }
            }
            Label {
                objectName: "lockMessage"
                visible: text !== ""
                text: App.lock.unlockMessage
                color: "#ffd2cc"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Label {
                objectName: "lockWait"
                visible: text !== ""
                text: App.lock.waitText
                color: "white"
                font.bold: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Label {
                visible: App.lock.problem !== ""
                text: App.lock.problem
                textFormat: Text.PlainText
                color: "#ffd2cc"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Label {
                objectName: "lockCallNote"
                visible: App.call.inCall
                text: qsTr("Your live session goes on while Spoke is locked: you still hear it, and your microphone and camera stay as they were.")
                color: Theme.railText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.topMargin: 8
                Accessible.name: text
            }
            Label {
                text: qsTr("Forgot the PIN? Ask whoever looks after this laptop.")
                color: "#9fb3c8"
                font.pixelSize: Theme.smallSize
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
                Layout.topMargin: 16
            }
        }
    }
}
