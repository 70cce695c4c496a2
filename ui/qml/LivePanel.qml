import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// The call page's side panel: the hub's side of the session (agenda, chat,
// hands, people) and what is presented (slides, case), one tab at a time.
// Alt+1…6 open a tab; every tab is reachable with Tab as well.
Rectangle {
    id: panel
    objectName: "livePanel"
    property alias currentIndex: tabs.currentIndex
    // Every tab whole (the French and Portuguese names are longer): CallPage
    // widens the panel to this.
    readonly property real minimumTabsWidth: tabs.contentWidth + 2
    readonly property var names: [qsTr("Agenda"), qsTr("Chat"), qsTr("Hands"), qsTr("People"), qsTr("Slides"),
                                  qsTr("Case")]

    function show(index) {
        tabs.currentIndex = index
        stack.children[index].forceActiveFocus()
    }

    color: "#1d2a38"
    radius: Theme.radius
    border.color: "#33475b"

    Repeater {
        model: 6
        Item {
            required property int index
            Shortcut {
                sequence: "Alt+" + (index + 1)
                enabled: App.call.inCall
                onActivated: panel.show(index)
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        TabBar {
            id: tabs
            objectName: "liveTabs"
            Layout.fillWidth: true
            background: Rectangle { color: "#16212d"; radius: Theme.radius }
            Repeater {
                model: panel.names
                TabButton {
                    required property string modelData
                    required property int index
                    objectName: "liveTab" + index
                    text: modelData
                    width: Math.max(56, implicitWidth)
                    leftPadding: 8
                    rightPadding: 8
                    font.pixelSize: Theme.bodySize
                    font.bold: tabs.currentIndex === index
                    Accessible.name: qsTr("%1 (Alt+%2)").arg(modelData).arg(index + 1)
                    contentItem: Label {
                        text: parent.text
                        font: parent.font
                        color: tabs.currentIndex === parent.index ? "white" : "#a9b8c8"
                        horizontalAlignment: Text.AlignHCenter
                        elide: Text.ElideRight
                    }
                    background: Rectangle {
                        color: tabs.currentIndex === parent.index ? "#2b3d52" : "transparent"
                        border.width: parent.visualFocus ? 2 : 0
                        border.color: "white"
                    }
                }
            }
        }

        StackLayout {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing
            currentIndex: tabs.currentIndex
            LiveAgenda { }
            LiveChat { }
            LiveHands { }
            LiveParticipants { }
            LiveSlides { }
            LiveCase { }
        }
    }
}
