import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// The outbox label: what waits to leave this laptop, when it last reached
// the hub, and the last failure, worded by App from core/sync's typed state.
// "Sync now" runs a pass at once (only when signed in: without an account
// nothing can leave).
ColumnLayout {
    id: status
    property bool onDark: false
    readonly property color mainColor: onDark ? "#e8eef5" : Theme.text
    readonly property color mutedColor: onDark ? "#9fb3c8" : Theme.mutedText
    readonly property color errorColor: onDark ? "#ffb4a8" : Theme.danger
    spacing: 2

    Label {
        objectName: "syncSummary"
        text: App.syncSummary
        color: status.mainColor
        font.pixelSize: status.onDark ? Theme.smallSize : Theme.bodySize
        font.bold: !status.onDark
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    Label {
        visible: text !== ""
        text: App.syncDetail
        color: status.mutedColor
        font.pixelSize: Theme.smallSize
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Accessible.name: text
    }
    Label {
        visible: text !== ""
        text: App.syncError
        color: status.errorColor
        font.pixelSize: Theme.smallSize
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    Button {
        visible: App.hub.signedIn
        enabled: !App.syncing
        text: App.syncing ? qsTr("Syncing…") : qsTr("Sync now")
        Layout.topMargin: 4
        Accessible.name: qsTr("Sync with the hub now")
        onClicked: App.syncNow()
    }
}
