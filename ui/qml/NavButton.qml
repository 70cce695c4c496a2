import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One entry of the left navigation rail.
ItemDelegate {
    id: root
    property bool current: false
    property string shortcutText: ""

    Layout.fillWidth: true
    implicitHeight: 44
    highlighted: current
    Accessible.role: Accessible.PageTab
    Accessible.name: text
    Accessible.description: shortcutText

    background: Rectangle {
        color: root.current ? Theme.railActive : (root.hovered || root.visualFocus ? "#214669" : "transparent")
        radius: Theme.radius
        Rectangle {
            visible: root.current
            width: 4; height: parent.height - 12
            anchors.left: parent.left; anchors.verticalCenter: parent.verticalCenter
            color: "#8fc3ff"; radius: 2
        }
    }
    contentItem: RowLayout {
        spacing: 8
        Label {
            text: root.text
            color: Theme.railText
            font.pixelSize: 15
            font.bold: root.current
            Layout.fillWidth: true
            leftPadding: 8
        }
        Label {
            text: root.shortcutText
            color: "#9fb3c8"
            font.pixelSize: Theme.smallSize
        }
    }
}
