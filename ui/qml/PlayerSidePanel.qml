import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Beside the player: the slide page on screen at this moment (when the
// recording has a picture of its own; an audio+slides recording shows it
// large instead), the chapters, the bookmarks and notes (added while
// watching), the chat said so far and the case form of the current chapter,
// each following the position; clicking an entry jumps to its moment.
Rectangle {
    id: panel
    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    // Where the page draws the slide when it is not the main picture.
    readonly property alias slideView: slideView
    readonly property bool showsSlide: App.player.hasSlides && !App.player.audioOnly

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6

        Rectangle {
            objectName: "sideSlide"
            visible: panel.showsSlide
            Layout.fillWidth: true
            Layout.preferredHeight: width * 9 / 16
            color: "white"
            border.color: Theme.border
            VideoView {
                id: slideView
                objectName: "sideSlideView"
                anchors.fill: parent
                anchors.margins: 1
                Accessible.role: Accessible.Graphic
                Accessible.name: App.player.slideText !== "" ? App.player.slideText : qsTr("Slides")
            }
        }
        Label {
            visible: panel.showsSlide
            text: App.player.slideProblem !== "" ? App.player.slideProblem : App.player.slideText
            color: App.player.slideProblem !== "" ? Theme.danger : Theme.mutedText
            font.pixelSize: Theme.smallSize
            textFormat: Text.PlainText
            elide: Text.ElideRight
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            objectName: "handsLabel"
            visible: text !== ""
            text: App.player.handsText
            color: Theme.accent
            font.pixelSize: Theme.smallSize
            textFormat: Text.PlainText
            elide: Text.ElideRight
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        TabBar {
            id: tabs
            objectName: "playerTabs"
            Layout.fillWidth: true
            // Narrow padding, and each tab as wide as its name: "Discussion (12)"
            // fits beside "Chapitres" in the panel's 300 px.
            TabButton { text: qsTr("Chapters"); Accessible.name: text; leftPadding: 6; rightPadding: 6; width: implicitWidth }
            TabButton { text: qsTr("Notes (%1)").arg(App.player.bookmarks.length); Accessible.name: qsTr("Bookmarks and notes"); leftPadding: 6; rightPadding: 6; width: implicitWidth }
            TabButton { text: qsTr("Chat (%1)").arg(App.player.chatSoFar.length); Accessible.name: qsTr("Chat so far"); leftPadding: 6; rightPadding: 6; width: implicitWidth }
            TabButton { text: qsTr("Case"); Accessible.name: qsTr("Case form of this chapter"); leftPadding: 6; rightPadding: 6; width: implicitWidth }
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

            // The chat said up to this moment, newest at the bottom.
            ListView {
                id: chatList
                objectName: "chatList"
                clip: true
                spacing: 4
                model: App.player.chatSoFar
                activeFocusOnTab: true
                keyNavigationEnabled: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Chat so far")
                ScrollBar.vertical: ScrollBar {}
                onCountChanged: positionViewAtEnd()
                delegate: PlayerEntry {
                    required property var modelData
                    required property int index
                    width: chatList.width
                    time: modelData.timeText
                    heading: modelData.title
                    body: modelData.text
                    current: index === chatList.count - 1
                    onActivated: App.player.seek(modelData.positionMs)
                }
                Label {
                    anchors.centerIn: parent
                    width: parent.width - 20
                    visible: chatList.count === 0
                    text: App.player.timeline.length === 0 ? qsTr("No chat for this recording.")
                                                           : qsTr("Nothing said in the chat yet at this point.")
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                }
            }

            // The case form presented in the current chapter.
            ScrollView {
                id: caseView
                objectName: "caseView"
                clip: true
                contentWidth: availableWidth
                ColumnLayout {
                    width: caseView.availableWidth
                    spacing: 6
                    Label {
                        objectName: "caseTitle"
                        text: App.player.caseTitle !== "" ? App.player.caseTitle
                                                          : qsTr("No case is presented in this chapter.")
                        color: App.player.caseTitle !== "" ? Theme.accent : Theme.mutedText
                        font.bold: App.player.caseTitle !== ""
                        wrapMode: Text.WordWrap
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Label {
                        objectName: "caseSection"
                        visible: text !== ""
                        text: App.player.caseSection
                        color: Theme.mutedText
                        wrapMode: Text.WordWrap
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        Accessible.role: Accessible.StaticText
                        Accessible.name: qsTr("Section shown: %1").arg(text)
                    }
                    Label {
                        objectName: "caseText"
                        visible: text !== ""
                        text: App.player.caseText
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                }
            }
        }
    }
}
