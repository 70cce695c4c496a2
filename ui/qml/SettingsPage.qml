import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

Page {
    id: page
    title: qsTr("Settings")
    background: Rectangle { color: Theme.window }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 6

        SectionHeader { text: qsTr("Offline cache") }
        Label {
            text: qsTr("Sessions, cases, recommendations and recordings are kept on this laptop so you can use them without a connection.")
            wrapMode: Text.WordWrap
            color: Theme.text
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Data folder: %1").arg(App.dataDir)
            color: Theme.mutedText
            textFormat: Text.PlainText
            Accessible.name: text
        }
        Label {
            text: App.pendingOutbox === 0 ? qsTr("Everything has been sent to the hub.")
                                               : qsTr("%n change(s) waiting for the network.", "", App.pendingOutbox)
            color: App.pendingOutbox === 0 ? Theme.ok : Theme.text
        }
        Button {
            text: qsTr("Reload from cache")
            Accessible.name: text
            onClicked: App.refresh()
        }

        SectionHeader { text: qsTr("About") }
        Label {
            text: qsTr("Spoke %1 — teleECHO telementoring client").arg(App.version)
            color: Theme.text
        }
        Item { Layout.fillHeight: true }
    }
}
