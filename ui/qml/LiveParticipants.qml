import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Everyone in the call: role, hand, microphone, camera and connection.
// A remote microphone or camera reads "unknown" until the hub says (silence
// is not a mute); ours is what our own switches say. The chair (a specialist
// or coordinator) gets "Mute" / "Allow to speak" and "Remove from session"
// (confirmed first) on everyone else; the hub's answer is said under the
// list. Below, a clinic laptop names the people in the room with it, for
// the CME attendance record.
FocusScope {
    id: peopleView
    objectName: "liveParticipants"

    component Chip: Rectangle {
        property alias text: chipLabel.text
        property bool known: true
        property color tint: "#2b3d52"
        width: chipLabel.implicitWidth + 10
        height: chipLabel.implicitHeight + 4
        radius: 3
        color: known ? tint : "transparent"
        border.width: known ? 0 : 1
        border.color: "#52606d"
        Label {
            id: chipLabel
            anchors.centerIn: parent
            color: parent.known ? "white" : "#a9b8c8"
            font.pixelSize: Theme.smallSize
        }
    }

    function audioText(audio) {
        switch (audio) {
        case LiveParticipantsModel.On: return qsTr("Mic on")
        case LiveParticipantsModel.Muted: return qsTr("Muted")
        case LiveParticipantsModel.MutedByChair: return qsTr("Muted by the chair")
        default: return qsTr("Mic unknown")
        }
    }
    function videoText(video) {
        switch (video) {
        case LiveParticipantsModel.On: return qsTr("Camera on")
        case LiveParticipantsModel.Off: return qsTr("Camera off")
        case LiveParticipantsModel.AudioOnly: return qsTr("Audio only")
        default: return qsTr("Camera unknown")
        }
    }

    function confirmRemoval(accountId, name) {
        removeDialog.accountId = accountId
        removeDialog.personName = name
        removeDialog.open()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            text: qsTr("People in the call (%1)").arg(list.count)
            color: "white"
            font.pixelSize: Theme.headingSize
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        ListView {
            id: list
            objectName: "peopleList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            focus: true
            keyNavigationEnabled: true
            model: App.live.people
            Accessible.role: Accessible.List
            Accessible.name: qsTr("People in the call")
            ScrollBar.vertical: ScrollBar { }
            delegate: Rectangle {
                id: person
                required property string name
                required property bool isSelf
                required property string roleLabel
                required property int handPosition
                required property int audio
                required property int video
                required property string qualityText
                required property real accountId
                readonly property bool chairControls: App.live.chair && !isSelf && accountId > 0
                readonly property bool heldByChair: audio === LiveParticipantsModel.MutedByChair
                width: ListView.view.width - 8
                height: column.implicitHeight + 12
                radius: 4
                color: ListView.isCurrentItem && list.activeFocus ? "#2b3d52" : "#16212d"
                Accessible.role: Accessible.ListItem
                Accessible.name: [isSelf ? qsTr("%1 (you)").arg(name) : name,
                                  roleLabel !== "" ? roleLabel : qsTr("role unknown"),
                                  handPosition > 0 ? qsTr("hand raised, number %1").arg(handPosition) : "",
                                  peopleView.audioText(audio), peopleView.videoText(video),
                                  qualityText !== "" ? qsTr("connection %1").arg(qualityText) : ""]
                                 .filter(s => s !== "").join(", ")
                ColumnLayout {
                    id: column
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: 6
                    spacing: 3
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 6
                        Label {
                            text: person.isSelf ? qsTr("%1 (you)").arg(person.name) : person.name
                            textFormat: Text.PlainText
                            color: "white"
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Rectangle {
                            visible: person.handPosition > 0
                            Layout.preferredWidth: handLabel.implicitWidth + 10
                            Layout.preferredHeight: handLabel.implicitHeight + 4
                            radius: 3
                            color: "#f0b429"
                            Label {
                                id: handLabel
                                anchors.centerIn: parent
                                text: qsTr("Hand %1").arg(person.handPosition)
                                color: "#1b2631"
                                font.pixelSize: Theme.smallSize
                                font.bold: true
                            }
                        }
                    }
                    Label {
                        text: person.roleLabel !== "" ? person.roleLabel : qsTr("Role not known")
                        textFormat: Text.PlainText
                        color: "#a9b8c8"
                        font.pixelSize: Theme.smallSize
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 6
                        Chip {
                            text: peopleView.audioText(person.audio)
                            known: person.audio !== LiveParticipantsModel.Unknown
                            tint: person.audio === LiveParticipantsModel.On ? "#1e5a36" : "#7a2620"
                        }
                        Chip {
                            text: peopleView.videoText(person.video)
                            known: person.video !== LiveParticipantsModel.Unknown
                            tint: person.video === LiveParticipantsModel.On ? "#1e5a36" : "#4a4a5a"
                        }
                        Chip {
                            text: person.qualityText !== "" ? qsTr("Connection: %1").arg(person.qualityText)
                                                            : qsTr("Connection: measuring")
                            known: person.qualityText !== ""
                        }
                    }
                    // The chair's controls (docs/hub-api.md "Media").
                    RowLayout {
                        visible: person.chairControls
                        Layout.fillWidth: true
                        spacing: 6
                        Button {
                            objectName: "chairMuteButton"
                            text: person.heldByChair ? qsTr("Allow to speak") : qsTr("Mute")
                            enabled: !App.live.moderationBusy
                            font.pixelSize: Theme.smallSize
                            Accessible.name: person.heldByChair ? qsTr("Allow %1 to speak").arg(person.name)
                                                                : qsTr("Mute %1 for everyone").arg(person.name)
                            onClicked: App.live.setMutedByChair(person.accountId, !person.heldByChair)
                            Keys.onReturnPressed: clicked()
                        }
                        Button {
                            objectName: "chairRemoveButton"
                            text: qsTr("Remove from session")
                            enabled: !App.live.moderationBusy
                            font.pixelSize: Theme.smallSize
                            Accessible.name: qsTr("Remove %1 from the session").arg(person.name)
                            onClicked: peopleView.confirmRemoval(person.accountId, person.name)
                            Keys.onReturnPressed: clicked()
                        }
                    }
                }
            }
        }
        Label {
            objectName: "moderationNotice"
            visible: App.live.moderationNotice !== ""
            text: App.live.moderationNotice
            textFormat: Text.PlainText
            color: App.live.moderationFailed ? "#ffb4ab" : "#b9e6c9"
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.smallSize
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        // CME attendance: people in the room with this laptop (docs/hub-api.md "Attendance").
        Label {
            visible: App.live.active
            text: qsTr("People in the room with me")
            color: "#c8d3df"
            font.pixelSize: Theme.smallSize
            font.bold: true
        }
        RowLayout {
            visible: App.live.active
            Layout.fillWidth: true
            spacing: 6
            TextField {
                id: present
                objectName: "attestInput"
                Layout.fillWidth: true
                placeholderText: qsTr("Names, separated by commas")
                Accessible.name: qsTr("Names of the people in the room with me")
                onAccepted: attestButton.clicked()
            }
            Button {
                id: attestButton
                objectName: "attestButton"
                text: qsTr("Record")
                enabled: present.text.trim() !== ""
                Accessible.name: qsTr("Record them as present")
                onClicked: {
                    App.live.attest(present.text)
                    present.text = ""
                }
            }
        }
        Label {
            visible: App.live.attestNotice !== ""
            text: App.live.attestNotice
            textFormat: Text.PlainText
            color: "#c8d3df"
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.smallSize
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }

    Dialog {
        id: removeDialog
        objectName: "removeParticipantDialog"
        property real accountId: 0
        property string personName: ""
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Remove from the session?")
        Label {
            // The name is the member's own text: plain, never markup.
            text: qsTr("%1 leaves the call now and cannot join this session again.").arg(removeDialog.personName)
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            width: 340
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Keep them")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                Accessible.name: text
            }
            Button {
                id: confirmRemove
                text: qsTr("Remove")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                Accessible.name: qsTr("Remove %1 from the session").arg(removeDialog.personName)
                Keys.onReturnPressed: removeDialog.accept()
                Keys.onEnterPressed: removeDialog.accept()
            }
        }
        onOpened: confirmRemove.forceActiveFocus()
        onAccepted: App.live.removeParticipant(accountId)
    }
}
