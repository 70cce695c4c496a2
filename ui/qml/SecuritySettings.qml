import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Settings → Security: the app lock of this profile (LockModel). Setting the
// first PIN needs nothing more; changing or removing it, and changing the
// idle minutes, need the current one, so that someone at an unlocked window
// cannot turn the lock off for the next time its owner walks away. Every
// PIN field is cleared once it is sent.
ColumnLayout {
    id: root
    spacing: 6
    readonly property var lock: App.lock

    function clearPins() {
        currentField.text = ""
        newField.text = ""
        repeatField.text = ""
    }

    component PinField: TextField {
        echoMode: TextInput.Password
        maximumLength: 12
        validator: RegularExpressionValidator { regularExpression: /[0-9]*/ }
        inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        Layout.preferredWidth: 200
    }

    SectionHeader { text: qsTr("App lock") }
    Label {
        objectName: "securityStatus"
        text: root.lock.pinSet
              ? qsTr("A PIN locks this profile: when Spoke starts, after the idle time below, and with Lock now (Ctrl+L).")
              : qsTr("No PIN is set. Anyone using this computer account can open this profile's cases in Spoke.")
        color: Theme.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Accessible.name: text
    }
    Label {
        text: qsTr("The PIN belongs to this profile (its data folder): a clinician sharing this computer account with others keeps a profile of their own with --data-dir. The PIN is 4 to 12 digits; easy ones like 0000 or 1234 are refused. Only a slow salted hash of it is kept.")
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    GridLayout {
        columns: 2
        columnSpacing: 8
        rowSpacing: 6
        Layout.topMargin: 4

        Label {
            visible: root.lock.pinSet
            text: qsTr("Current PIN")
            color: Theme.text
        }
        PinField {
            id: currentField
            objectName: "currentPinField"
            visible: root.lock.pinSet
            Accessible.name: qsTr("Current PIN")
        }
        Label { text: root.lock.pinSet ? qsTr("New PIN") : qsTr("PIN"); color: Theme.text }
        PinField {
            id: newField
            objectName: "newPinField"
            Accessible.name: root.lock.pinSet ? qsTr("New PIN") : qsTr("PIN")
        }
        Label { text: qsTr("Repeat it"); color: Theme.text }
        PinField {
            id: repeatField
            objectName: "repeatPinField"
            Accessible.name: qsTr("Repeat the new PIN")
            onAccepted: setButton.clicked()
        }
    }
    RowLayout {
        spacing: 8
        Button {
            id: setButton
            objectName: "setPinButton"
            text: root.lock.pinSet ? qsTr("Change PIN") : qsTr("Set PIN")
            enabled: !root.lock.busy && newField.text !== "" && (!root.lock.pinSet || currentField.text !== "")
            Accessible.name: text
            onClicked: {
                root.lock.setPin(currentField.text, newField.text, repeatField.text)
                root.clearPins()
            }
        }
        Button {
            objectName: "removePinButton"
            visible: root.lock.pinSet
            text: qsTr("Remove PIN")
            enabled: !root.lock.busy && currentField.text !== ""
            Accessible.name: qsTr("Remove the PIN: Spoke no longer locks")
            onClicked: {
                root.lock.removePin(currentField.text)
                root.clearPins()
            }
        }
        Button {
            objectName: "lockNowButton"
            visible: root.lock.pinSet
            text: qsTr("Lock now")
            enabled: !root.lock.busy
            Accessible.name: qsTr("Lock now")
            Accessible.description: qsTr("Ctrl+L")
            onClicked: root.lock.lockNow()
        }
    }

    SectionHeader { text: qsTr("Lock when idle") }
    RowLayout {
        spacing: 8
        Label { text: qsTr("Lock after"); color: Theme.text }
        ComboBox {
            id: idleBox
            objectName: "idleMinutesBox"
            enabled: root.lock.pinSet && !root.lock.busy
            model: root.lock.idleChoices
            displayText: root.lock.idleChoiceText(currentValue === undefined ? 0 : currentValue)
            currentIndex: Math.max(0, root.lock.idleChoices.indexOf(root.lock.lockAfterMinutes))
            delegate: ItemDelegate {
                required property var modelData
                width: idleBox.width
                text: root.lock.idleChoiceText(modelData)
                Accessible.name: text
            }
            Layout.preferredWidth: 160
            Accessible.name: qsTr("Lock after this many idle minutes")
        }
        Button {
            objectName: "saveIdleButton"
            text: qsTr("Save")
            enabled: root.lock.pinSet && !root.lock.busy && currentField.text !== ""
                     && root.lock.idleChoices[idleBox.currentIndex] !== root.lock.lockAfterMinutes
            Accessible.name: qsTr("Save the idle time")
            onClicked: {
                root.lock.setLockAfterMinutes(root.lock.idleChoices[idleBox.currentIndex], currentField.text)
                root.clearPins()
            }
        }
    }
    Label {
        text: root.lock.pinSet
              ? qsTr("Enter the current PIN above to change it. No key, click or mouse movement in Spoke for that long locks it; a live session goes on under the lock.")
              : qsTr("Set a PIN first.")
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Label {
        objectName: "securityMessage"
        visible: text !== ""
        text: root.lock.settingsMessage
        color: root.lock.settingsFailed ? Theme.danger : Theme.ok
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.topMargin: 6
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    Label {
        visible: root.lock.busy
        text: qsTr("Checking the PIN…")
        color: Theme.mutedText
    }
    Label {
        text: qsTr("The lock keeps this window from whoever walks up to the laptop. It does not encrypt the data folder: anyone who can read its files as this computer account can read the cache, and can remove the lock by deleting app-lock.json there (which is also how to start again after a forgotten PIN).")
        color: Theme.mutedText
        font.pixelSize: Theme.smallSize
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.topMargin: 12
    }
    Item { Layout.fillHeight: true }
}
