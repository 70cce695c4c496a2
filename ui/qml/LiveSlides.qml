import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import QtQuick.Window
import Spoke.Ui

// A PDF deck, one page at a time, drawn off the UI thread by core/slides.
// Today the presenter opens a file on this laptop and nothing is sent, which
// the panel says in so many words. Page Up / Page Down (or ← / →) turn pages.
FocusScope {
    id: slidesView
    objectName: "liveSlides"

    Keys.onPressed: event => {
        if (event.key === Qt.Key_PageDown || event.key === Qt.Key_Right) { App.slides.next(); event.accepted = true }
        else if (event.key === Qt.Key_PageUp || event.key === Qt.Key_Left) { App.slides.previous(); event.accepted = true }
    }

    FileDialog {
        id: openDialog
        title: qsTr("Open slides (PDF)")
        nameFilters: [qsTr("PDF documents (*.pdf)")]
        onAccepted: App.slides.openLocalFile(selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: App.slides.hasDeck ? App.slides.deckName : qsTr("Slides")
                textFormat: Text.PlainText
                color: "white"
                font.pixelSize: Theme.headingSize
                font.bold: true
                elide: Text.ElideMiddle
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Button {
                objectName: "openSlides"
                text: App.slides.hasDeck ? qsTr("Open another…") : qsTr("Open a PDF…")
                focus: !App.slides.hasDeck
                Accessible.name: text
                onClicked: openDialog.open()
            }
        }
        Label {
            objectName: "slidesSource"
            text: App.slides.sourceText
            color: App.slides.source === LiveSlidesModel.LocalFile ? "#ffd58a" : "#c8d3df"
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.smallSize
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            visible: App.slides.error !== ""
            text: App.slides.error
            textFormat: Text.PlainText
            color: "#ffb4ab"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "#0d1520"
            radius: 4
            VideoView {
                id: page
                objectName: "slideView"
                anchors.fill: parent
                anchors.margins: 4
                visible: App.slides.hasDeck
                Accessible.role: Accessible.Graphic
                Accessible.name: App.slides.pageText
                onWidthChanged: attachTimer.restart()
                Component.onCompleted: attachTimer.restart()
            }
            // Draw again once a resize has settled, not at every pixel.
            Timer {
                id: attachTimer
                interval: 200
                onTriggered: if (page.width > 0) App.slides.attachView(page, Math.round(page.width * Screen.devicePixelRatio))
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: App.slides.rendering
                visible: running
                Accessible.name: qsTr("Drawing the page")
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 40
                visible: !App.slides.hasDeck && !App.slides.rendering
                text: qsTr("Open the deck you present to page through it here.")
                color: "#a9b8c8"
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }

        RowLayout {
            visible: App.slides.hasDeck
            Layout.fillWidth: true
            spacing: 6
            Button {
                objectName: "previousSlide"
                text: qsTr("Previous")
                enabled: App.slides.page > 0
                Accessible.name: qsTr("Previous page (Page Up)")
                onClicked: App.slides.previous()
            }
            Label {
                objectName: "slidesPage"
                text: App.slides.pageText
                color: "white"
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Button {
                objectName: "nextSlide"
                text: qsTr("Next")
                enabled: App.slides.page + 1 < App.slides.pageCount
                Accessible.name: qsTr("Next page (Page Down)")
                onClicked: App.slides.next()
            }
            Button {
                visible: App.slides.source === LiveSlidesModel.Hub && !App.slides.following
                text: qsTr("Follow the presenter")
                Accessible.name: text
                onClicked: App.slides.follow()
            }
        }
    }
}
