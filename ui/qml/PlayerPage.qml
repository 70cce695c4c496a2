import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import Spoke.Ui

// Replay of one recording: the picture (VideoView, drawn on any backend),
// the controls, and beside it the slide page, chapters, bookmarks and
// notes, chat and case form in step with the position. An audio+slides
// recording (no picture of its own) shows the slide page large instead.
// Keys: Space play/pause; Left/Right back/forward 5 s; [ and ] previous/next
// chapter; J back 10 s, K play/pause, L forward 10 s; B adds a bookmark.
Page {
    id: page
    objectName: "playerPage"
    title: App.player.title !== "" ? App.player.title : qsTr("Player")
    background: Rectangle { color: Theme.window }
    focus: true

    readonly property var speeds: [0.5, 0.75, 1.0, 1.25, 1.5, 2.0]

    // The slide page goes into the main picture when the recording has no
    // video (or is not on this laptop), else into the side panel.
    readonly property bool slideIsMain: App.player.hasSlides && (App.player.audioOnly || !App.player.ready)
    readonly property var slideTarget: slideIsMain ? mainSlide : side.slideView
    function attachSlides() {
        App.player.attachSlideView(slideTarget, Math.round(slideTarget.width * Screen.devicePixelRatio))
    }
    onSlideTargetChanged: attachSlides()
    Connections {
        target: page.slideTarget
        function onWidthChanged() { page.attachSlides() }
    }

    Component.onCompleted: {
        App.player.videoView = video
        attachSlides()
        forceActiveFocus()
    }
    // The engine stops (and the position is saved) before the view goes.
    Component.onDestruction: {
        App.player.close()
        App.player.videoView = null
        App.player.attachSlideView(null, 0)
    }
    StackView.onActivated: forceActiveFocus()

    Keys.onPressed: (event) => {
        switch (event.key) {
        case Qt.Key_Space: case Qt.Key_K: App.player.togglePlay(); break
        case Qt.Key_Left: App.player.skip(-5000); break
        case Qt.Key_Right: App.player.skip(5000); break
        case Qt.Key_J: App.player.skip(-10000); break
        case Qt.Key_L: App.player.skip(10000); break
        case Qt.Key_BracketLeft: App.player.previousChapter(); break
        case Qt.Key_BracketRight: App.player.nextChapter(); break
        case Qt.Key_B: App.player.addBookmark(""); break
        default: return
        }
        event.accepted = true
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Takes what the side panel leaves, not the width its row of
            // controls would like.
            Layout.preferredWidth: 600
            spacing: 8

            Label {
                text: App.player.subtitle
                color: Theme.mutedText
                elide: Text.ElideRight
                Layout.fillWidth: true
            }

            // What went wrong, said plainly: a missing file, a file that
            // will not open, or one that is cut short or damaged.
            Rectangle {
                visible: message.text !== ""
                Layout.fillWidth: true
                Layout.preferredHeight: message.implicitHeight + 16
                color: "#fdecea"
                border.color: Theme.danger
                radius: Theme.radius
                Label {
                    id: message
                    objectName: "playerMessage"
                    anchors.fill: parent
                    anchors.margins: 8
                    text: App.player.error !== "" ? App.player.error : App.player.problem
                    color: Theme.danger
                    wrapMode: Text.WordWrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: "black"
                radius: Theme.radius
                VideoView {
                    id: video
                    objectName: "playerVideo"
                    anchors.fill: parent
                    visible: !page.slideIsMain
                    Accessible.role: Accessible.Animation
                    Accessible.name: qsTr("Recording video")
                }
                // Audio and slides: the page on screen at this moment, large.
                Rectangle {
                    visible: page.slideIsMain
                    anchors.fill: parent
                    anchors.margins: 8
                    color: "white"
                    VideoView {
                        id: mainSlide
                        objectName: "mainSlideView"
                        anchors.fill: parent
                        Accessible.role: Accessible.Graphic
                        Accessible.name: App.player.slideText !== "" ? App.player.slideText : qsTr("Slides")
                    }
                }
                Label {
                    objectName: "mainSlideCaption"
                    visible: page.slideIsMain
                    anchors.bottom: parent.bottom
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.bottomMargin: 14
                    padding: 4
                    text: App.player.slideProblem !== "" ? App.player.slideProblem
                          : App.player.audioOnly ? qsTr("Audio and slides: %1").arg(App.player.slideText)
                                                 : App.player.slideText
                    color: "white"
                    background: Rectangle { color: "#b0000000"; radius: 3 }
                    textFormat: Text.PlainText
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                BusyIndicator {
                    anchors.centerIn: parent
                    running: App.player.loading
                    visible: running
                    Accessible.name: qsTr("Loading")
                }
                Label {
                    anchors.centerIn: parent
                    visible: !App.player.loading && !App.player.ready && !page.slideIsMain
                    text: qsTr("Nothing to play")
                    color: "#d0d7de"
                    font.pixelSize: Theme.headingSize
                }
            }

            // The seek bar, with a tick where each chapter starts.
            Slider {
                id: seekBar
                objectName: "seekBar"
                Layout.fillWidth: true
                enabled: App.player.ready
                from: 0
                to: Math.max(1, App.player.durationMs)
                stepSize: 1000
                focusPolicy: Qt.TabFocus
                Accessible.name: qsTr("Position")
                onMoved: App.player.seek(value)
                // Follows playback, except while being dragged.
                Binding on value {
                    value: App.player.positionMs
                    when: !seekBar.pressed
                    restoreMode: Binding.RestoreNone
                }
                Repeater {
                    model: App.player.chapters
                    delegate: Rectangle {
                        required property var modelData
                        x: seekBar.leftPadding + seekBar.availableWidth * modelData.startMs / seekBar.to - 1
                        y: seekBar.topPadding + seekBar.availableHeight / 2 - 9
                        width: 3
                        height: 18
                        color: Theme.rail
                        visible: modelData.startMs > 0
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                Button {
                    text: "|◀"
                    enabled: App.player.ready && App.player.chapters.length > 0
                    focusPolicy: Qt.TabFocus
                    Accessible.name: qsTr("Previous chapter")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Previous chapter ( [ )")
                    onClicked: App.player.previousChapter()
                }
                Button {
                    text: qsTr("−10 s")
                    enabled: App.player.ready
                    focusPolicy: Qt.TabFocus
                    Accessible.name: qsTr("Back 10 seconds")
                    onClicked: App.player.skip(-10000)
                }
                Button {
                    objectName: "playButton"
                    text: App.player.playing ? qsTr("Pause") : qsTr("Play")
                    highlighted: true
                    enabled: App.player.ready
                    focusPolicy: Qt.TabFocus
                    Accessible.name: App.player.playing ? qsTr("Pause") : qsTr("Play")
                    Layout.preferredWidth: 90
                    onClicked: App.player.togglePlay()
                }
                Button {
                    text: qsTr("+10 s")
                    enabled: App.player.ready
                    focusPolicy: Qt.TabFocus
                    Accessible.name: qsTr("Forward 10 seconds")
                    onClicked: App.player.skip(10000)
                }
                Button {
                    text: "▶|"
                    enabled: App.player.ready && App.player.chapters.length > 0
                    focusPolicy: Qt.TabFocus
                    Accessible.name: qsTr("Next chapter")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Next chapter ( ] )")
                    onClicked: App.player.nextChapter()
                }
                Label {
                    objectName: "timeLabel"
                    text: App.player.positionText + " / " + App.player.durationText
                    color: Theme.text
                    font.pixelSize: Theme.headingSize
                    Layout.leftMargin: 4
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("Time %1 of %2").arg(App.player.positionText).arg(App.player.durationText)
                }
                Item { Layout.fillWidth: true }
                ComboBox {
                    id: speedBox
                    objectName: "speedBox"
                    model: page.speeds.map(s => qsTr("%1× speed").arg(s))
                    currentIndex: page.speeds.indexOf(App.player.speed)
                    focusPolicy: Qt.TabFocus
                    Accessible.name: qsTr("Playback speed")
                    Layout.preferredWidth: 120
                    onActivated: (index) => App.player.setSpeed(page.speeds[index])
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("Keys: Space or K play/pause · ←/→ 5 s · J/L 10 s · [ ] chapters · B bookmark")
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallSize
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "soundStatus"
                    text: App.player.soundStatus
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallSize
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
        }

        PlayerSidePanel {
            id: side
            Layout.preferredWidth: 310
            Layout.fillHeight: true
        }
    }
}
