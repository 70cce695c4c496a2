import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// One participant in the call grid: their picture (or their initials when
// the camera is off), their name, and whether they speak or are muted. A
// shared screen is a tile of its own, marked "Screen", with no sound state.
Rectangle {
    id: tile
    required property string feedId
    required property string name
    required property bool isSelf
    required property bool speaking
    required property bool muted
    required property bool cameraOn
    required property bool screenShare

    readonly property string shownName: isSelf ? qsTr("%1 (you)").arg(name)
                                               : (screenShare ? qsTr("%1's screen").arg(name) : name)
    // Audio only (or no video received): no picture is coming, so the tile
    // shows the name large rather than a black frame.
    readonly property bool videoOff: App.call.audioOnly || (!isSelf && !App.call.receiveVideo)
    readonly property alias video: video

    color: "#1d2a38"
    radius: Theme.radius
    border.width: speaking ? 3 : 1
    border.color: speaking ? "#3ecf6e" : "#33475b"
    clip: true

    Accessible.role: Accessible.Graphic
    Accessible.name: screenShare ? shownName
                   : shownName
                     + (muted ? ", " + qsTr("muted") : (speaking ? ", " + qsTr("speaking") : ""))
                     + (cameraOn ? "" : ", " + qsTr("camera off"))

    VideoView {
        id: video
        objectName: "video-" + tile.feedId
        anchors.fill: parent
        anchors.margins: tile.border.width
        visible: tile.cameraOn && !tile.videoOff
        Component.onCompleted: App.call.attachView(tile.feedId, video)
        // At exit the controller may already be gone; QML then sees null here.
        Component.onDestruction: if (App && App.call) App.call.detachView(tile.feedId, video)
    }
    Connections {
        target: tile
        function onCameraOnChanged() { if (!tile.cameraOn) video.clear() }
        function onVideoOffChanged() { if (tile.videoOff) video.clear() }
    }

    // Camera off, or no picture yet: initials, as in any meeting app.
    Column {
        anchors.centerIn: parent
        spacing: 8
        visible: !tile.cameraOn || tile.videoOff || !video.hasPicture
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(tile.width, tile.height) * 0.32
            height: width
            radius: width / 2
            color: tile.isSelf ? "#2b5a8a" : "#5b4a8a"
            Label {
                anchors.centerIn: parent
                text: tile.name.split(" ").filter(w => w.length > 0 && w[0] !== "(").slice(0, 2).map(w => w[0].toUpperCase()).join("")
                textFormat: Text.PlainText
                color: "white"
                font.pixelSize: parent.width * 0.38
                font.bold: true
            }
        }
        Label {
            anchors.horizontalCenter: parent.horizontalCenter
            visible: tile.videoOff
            text: tile.shownName
            // A display name is anyone's input: never rich text (an <img src=...> in a name).
            textFormat: Text.PlainText
            color: "white"
            font.pixelSize: Theme.headingSize
            font.bold: true
        }
        Label {
            anchors.horizontalCenter: parent.horizontalCenter
            // Our own tile sends none; another's may still send, we just do not take it.
            text: tile.videoOff ? (tile.isSelf ? qsTr("Audio only") : qsTr("Video not received"))
                                : (tile.cameraOn ? qsTr("Waiting for video…")
                                                 : (tile.screenShare ? qsTr("No new picture") : qsTr("Camera off")))
            color: "#c8d3df"
            font.pixelSize: Theme.bodySize
        }
    }

    // Name plate, bottom left, readable on any picture.
    Rectangle {
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: 8
        width: plate.implicitWidth + 16
        height: plate.implicitHeight + 8
        radius: 4
        color: "#cc0d1520"
        RowLayout {
            id: plate
            anchors.centerIn: parent
            spacing: 6
            Rectangle {
                objectName: "screenBadge"
                visible: tile.screenShare
                Layout.preferredWidth: screenLabel.implicitWidth + 10
                Layout.preferredHeight: screenLabel.implicitHeight + 2
                radius: 3
                color: "#1f6fb2"
                Label {
                    id: screenLabel
                    anchors.centerIn: parent
                    text: qsTr("Screen")
                    color: "white"
                    font.pixelSize: Theme.smallSize
                    font.bold: true
                }
            }
            Rectangle {
                visible: tile.muted && !tile.screenShare
                Layout.preferredWidth: mutedLabel.implicitWidth + 10
                Layout.preferredHeight: mutedLabel.implicitHeight + 2
                radius: 3
                color: "#c0392b"
                Label {
                    id: mutedLabel
                    anchors.centerIn: parent
                    text: qsTr("Muted")
                    color: "white"
                    font.pixelSize: Theme.smallSize
                    font.bold: true
                }
            }
            Rectangle {
                visible: tile.speaking && !tile.muted && !tile.screenShare
                Layout.preferredWidth: 10
                Layout.preferredHeight: 10
                radius: 5
                color: "#3ecf6e"
            }
            Label {
                text: tile.shownName
                textFormat: Text.PlainText
                color: "white"
                font.pixelSize: Theme.bodySize
                font.bold: true
                elide: Text.ElideRight
                Layout.maximumWidth: tile.width - 90
            }
        }
    }
}
