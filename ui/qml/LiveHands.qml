import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Raised hands: mine to raise and lower (also Ctrl+H anywhere in the call),
// and the queue in the order the hands went up. The chair (specialist or
// coordinator) can lower anyone's.
FocusScope {
    id: handsView
    objectName: "liveHands"

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            text: qsTr("Raised hands")
            color: "white"
            font.pixelSize: Theme.headingSize
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Button {
            objectName: "myHandButton"
            focus: true
            Layout.fillWidth: true
            enabled: App.live.active
            text: App.live.myHandRaised ? qsTr("Lower my hand") : qsTr("Raise my hand")
            Accessible.name: text
            Accessible.description: qsTr("Ctrl+H")
            onClicked: App.live.setMyHand(!App.live.myHandRaised)
            Keys.onReturnPressed: App.live.setMyHand(!App.live.myHandRaised)
        }
        Label {
            visible: App.live.handsError !== ""
            text: App.live.handsError
            textFormat: Text.PlainText
            color: "#ffb4ab"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Label {
            text: queue.count === 0 ? qsTr("No hands are up.")
                                    : qsTr("%n hand(s) up, first raised first:", "", queue.count)
            color: "#c8d3df"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        ListView {
            id: queue
            objectName: "handsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: App.live.hands
            activeFocusOnTab: true
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Raised hands in order")
            delegate: Rectangle {
                id: hand
                required property var accountId
                required property string name
                required property string role
                required property int position
                required property bool mine
                width: ListView.view.width
                height: 44
                radius: 4
                color: position === 1 ? "#3d3417" : "#16212d"
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1. %2").arg(position).arg(name) + (role !== "" ? ", " + role : "")
                RowLayout {
                    anchors.fill: parent
                    anchors.margins: 8
                    spacing: 8
                    Label {
                        text: hand.position + "."
                        color: "#f0b429"
                        font.bold: true
                    }
                    Label {
                        text: hand.mine ? qsTr("%1 (you)").arg(hand.name) : hand.name
                        textFormat: Text.PlainText
                        color: "white"
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: hand.role
                        textFormat: Text.PlainText
                        color: "#a9b8c8"
                        font.pixelSize: Theme.smallSize
                    }
                    Button {
                        objectName: "lowerHand" + hand.position
                        visible: App.live.chair && !hand.mine
                        text: qsTr("Lower")
                        Accessible.name: qsTr("Lower the hand of %1").arg(hand.name)
                        onClicked: App.live.lowerHand(hand.accountId)
                        Keys.onReturnPressed: App.live.lowerHand(hand.accountId)
                    }
                }
            }
        }
    }
}
