import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Beside the player: the chapters, the bookmarks and notes (added while
// watching), and the session's chat and case forms, each list following
// the video; clicking an entry jumps to its moment.
Rectangle {
    id: panel
    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6

        TabBar {
            id: tabs
            objectName: "playerTabs"
            Layout.fillWidth: true
            TabButton { text: qsTr("Chapters"); Accessible.name: text }
            TabButton { text: qsTr("Notes (%1)").arg(App.player.bookmarks.length); Accessible.name: qsTr("Bookmarks and notes") }
            TabButton { text: qsTr("Chat, cases"); Accessible.name: qsTr("Chat and case forms") }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            // Chapters
            ListView {
                id: chapterList
                objectName: "chapterList"
                clip: true
                spacing: 4
                model: App.player.chapters
                currentIndex: App.player.currentChapter
                activeFocusOnTab: true
                keyNavigationEnabled: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Chapters")
                ScrollBar.vertical: ScrollBar {}
                delegate: PlayerEntry {
                    required property var modelData
                    required property int index
                    width: chapterList.width
                    time: modelData.timeText
                    heading: modelData.title
                    current: index === App.player.currentChapter
                    onActivated: App.player.seek(modelData.startMs)
                }
                Label {
                    anchors.centerIn: parent
                    visible: chapterList.count === 0
                    text: qsTr("This recording has no chapters.")
                    color: Theme.mutedText
                }
            }

            // Bookmarks and notes
            ColumnLayout {
                spacing: 6
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: noteField
                        objectName: "noteField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Note at %1").arg(App.player.positionText)
                        Accessible.name: qsTr("Note text")
                        enabled: App.player.recordingId >= 0 && !App.player.loading
                        onAccepted: addButton.clicked()
                    }
                    Button {
                        id: addButton
                        text: noteField.text.trim() === "" ? qsTr("Bookmark") : qsTr("Add note")
                        Accessible.name: noteField.text.trim() === "" ? qsTr("Add a bookmark here") : qsTr("Add the note here")
                        enabled: noteField.enabled
                        onClicked: {
                            App.player.addBookmark(noteField.text)
                            noteField.clear()
                        }
                    }
                }
                ListView {
                    id: noteList
                    objectName: "noteList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 4
                    model: App.player.bookmarks
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Bookmarks and notes")
                    ScrollBar.vertical: ScrollBar {}
                    delegate: PlayerEntry {
                        required property var modelData
                        width: noteList.width
                        time: modelData.timeText
                        heading: modelData.note !== "" ? modelData.note : qsTr("Bookmark")
                        removable: true
                        onActivated: App.player.seek(modelData.positionMs)
                        onRemove: App.player.removeBookmark(modelData.bookmarkId)
                    }
                    Label {
                        anchors.centerIn: parent
                        width: parent.width - 20
                        visible: noteList.count === 0
                        text: qsTr("No notes yet. Press B while watching to bookmark a moment.")
                        color: Theme.mutedText
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignHCenter
                    }
                }
            }

            // Chat and case forms, in step with the video
            ListView {
                id: timelineList
                objectName: "timelineList"
                clip: true
                spacing: 4
                model: App.player.timeline
                activeFocusOnTab: true
                keyNavigationEnabled: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Chat and case forms")
                ScrollBar.vertical: ScrollBar {}
                readonly property int playing: App.player.currentTimelineIndex
                onPlayingChanged: if (playing >= 0) positionViewAtIndex(playing, ListView.Contain)
                delegate: PlayerEntry {
                    required property var modelData
                    required property int index
                    width: timelineList.width
                    time: modelData.timeText
                    heading: modelData.title
                    body: modelData.text
                    accent: modelData.kind === "case"
                    current: index === App.player.currentTimelineIndex
                    onActivated: App.player.seek(modelData.positionMs)
                }
                Label {
                    anchors.centerIn: parent
                    width: parent.width - 20
                    visible: timelineList.count === 0
                    text: qsTr("No chat or case forms for this recording.")
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                }
            }
        }
    }
}
