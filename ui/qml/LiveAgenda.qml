import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// The session's agenda as the hub holds it: each item with its planned
// minutes, the running one highlighted with its elapsed time, the finished
// ones with how long they took. The chair (specialist or coordinator) starts
// the next item or ends the session; the hub may refuse (409), and says why.
FocusScope {
    id: agendaView
    objectName: "liveAgenda"

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            text: qsTr("Agenda")
            color: "white"
            font.pixelSize: Theme.headingSize
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            objectName: "agendaStatus"
            visible: App.live.active
            text: App.live.agendaStatus
            textFormat: Text.PlainText
            color: "#c8d3df"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            visible: !App.live.active
            text: qsTr("This call is not linked to a session on your hub, so there is no agenda.")
            color: "#c8d3df"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        ListView {
            id: items
            objectName: "agendaList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: App.live.agenda
            focus: true
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Agenda items")
            delegate: Rectangle {
                id: row
                required property int index
                required property string title
                required property string plannedText
                required property string itemState
                required property string elapsedText
                required property string startedBy
                required property bool overTime
                readonly property bool running: itemState === "running"
                width: ListView.view.width
                height: rowLayout.implicitHeight + 16
                radius: 4
                color: running ? "#24503a" : (ListView.isCurrentItem && items.activeFocus ? "#2b3d52" : "#16212d")
                border.width: running ? 2 : 0
                border.color: "#3ecf6e"
                Accessible.role: Accessible.ListItem
                Accessible.name: title + ", " + plannedText
                                 + (running ? ", " + qsTr("running for %1").arg(elapsedText)
                                            : (itemState === "done" ? ", " + qsTr("took %1").arg(elapsedText)
                                                                : ", " + qsTr("not started")))
                RowLayout {
                    id: rowLayout
                    anchors.fill: parent
                    anchors.margins: 8
                    spacing: 8
                    Label {
                        text: (row.index + 1) + "."
                        color: "#a9b8c8"
                        font.pixelSize: Theme.bodySize
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            text: row.title
                            textFormat: Text.PlainText
                            color: row.itemState === "done" ? "#a9b8c8" : "white"
                            font.pixelSize: Theme.bodySize
                            font.bold: row.running
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: row.startedBy !== ""
                            text: row.running ? qsTr("Started by %1").arg(row.startedBy)
                                              : qsTr("Took %1 (started by %2)").arg(row.elapsedText).arg(row.startedBy)
                            textFormat: Text.PlainText
                            color: "#a9b8c8"
                            font.pixelSize: Theme.smallSize
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        visible: row.running
                        text: row.elapsedText
                        color: row.overTime ? "#ffb4ab" : "#3ecf6e"
                        font.pixelSize: 15
                        font.bold: true
                        font.family: "monospace"
                    }
                    Label {
                        text: row.plannedText
                        color: "#c8d3df"
                        font.pixelSize: Theme.smallSize
                    }
                }
            }
        }

        // The chair's controls: the hub decides, the page only asks.
        ColumnLayout {
            objectName: "chairControls"
            visible: App.live.chair
            Layout.fillWidth: true
            spacing: 6
            Label {
                text: qsTr("Chair")
                color: "#a9b8c8"
                font.pixelSize: Theme.smallSize
                font.bold: true
            }
            Button {
                id: startNext
                objectName: "startNextButton"
                Layout.fillWidth: true
                enabled: App.live.canStartNext
                text: App.live.nextItemTitle !== "" ? qsTr("Start next item: %1").arg(App.live.nextItemTitle)
                                                    : qsTr("Start next item")
                Accessible.name: text
                Accessible.description: qsTr("Ends the running item and starts the next one for everyone")
                onClicked: App.live.startNextItem()
                Keys.onReturnPressed: if (enabled) App.live.startNextItem()
            }
            Button {
                objectName: "endSessionButton"
                Layout.fillWidth: true
                enabled: App.live.canEnd
                text: qsTr("End session")
                Accessible.name: text
                onClicked: endDialog.open()
                Keys.onReturnPressed: if (enabled) endDialog.open()
            }
            BusyIndicator {
                running: App.live.busy
                visible: running
                Layout.preferredHeight: 24
                Layout.preferredWidth: 24
                Accessible.name: qsTr("Waiting for the hub")
            }
        }
        Label {
            objectName: "agendaError"
            visible: App.live.agendaError !== ""
            text: App.live.agendaError
            textFormat: Text.PlainText
            color: "#ffb4ab"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }

    Dialog {
        id: endDialog
        objectName: "endSessionDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("End the session for everyone?")
        Label {
            text: qsTr("The running item ends now and the hub records the session as over.")
            wrapMode: Text.WordWrap
            width: 340
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Keep going")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                Accessible.name: text
            }
            Button {
                id: confirmEnd
                text: qsTr("End session")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                Accessible.name: text
                Keys.onReturnPressed: endDialog.accept()
            }
        }
        onOpened: confirmEnd.forceActiveFocus()
        onAccepted: App.live.endSession()
    }
}
