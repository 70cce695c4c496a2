import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import QtQuick.Window
import Spoke.Ui

// A PDF deck, one page at a time, drawn off the UI thread by core/slides.
// The presenter shares a PDF through the hub (uploaded once; each turn is a
// few bytes); everyone else downloads it once and follows the turns, or
// pages alone and follows again. Page Up / Page Down (or ← / →) turn pages.
FocusScope {
    id: slidesView
    objectName: "liveSlides"

    Keys.onPressed: event => {
        if (event.key === Qt.Key_PageDown || event.key === Qt.Key_Right) { App.slides.next(); event.accepted = true }
        else if (event.key === Qt.Key_PageUp || event.key === Qt.Key_Left) { App.slides.previous(); event.accepted = true }
    }

    FileDialog {
        id: openDialog
        // true: share with everyone through the hub; false: this laptop only.
        property bool share: true
        title: share ? qsTr("Share slides with everyone (PDF)") : qsTr("Open slides on this laptop only (PDF)")
        nameFilters: [qsTr("PDF documents (*.pdf)")]
        onAccepted: share ? App.slides.shareFile(selectedFile) : App.slides.openLocalFile(selectedFile)
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
                objectName: "shareSlides"
                visible: App.slides.canShare || App.slides.transferring
                enabled: App.slides.canShare
                text: App.slides.source === LiveSlidesModel.Shared ? qsTr("Share another…") : qsTr("Share a PDF…")
                focus: !App.slides.hasDeck
                Accessible.name: qsTr("Share a PDF with everyone")
                onClicked: { openDialog.share = true; openDialog.open() }
            }
            Button {
                objectName: "openSlides"
                text: App.slides.canShare ? qsTr("Open here only…")
                                          : (App.slides.hasDeck ? qsTr("Open another…") : qsTr("Open a PDF…"))
                Accessible.name: qsTr("Open a PDF on this laptop only")
                onClicked: { openDialog.share = false; openDialog.open() }
            }
        }
        RowLayout {
            objectName: "slidesTransfer"
            visible: App.slides.transferText !== ""
            Layout.fillWidth: true
            BusyIndicator {
                running: App.slides.transferring
                visible: running
                implicitWidth: 24
                implicitHeight: 24
                Accessible.name: qsTr("Transferring the slides")
            }
            Label {
                text: App.slides.transferText
                textFormat: Text.PlainText
                color: "#c8d3df"
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallSize
                Layout.fillWidth: true
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
        Label {
            objectName: "slidesSource"
            text: App.slides.sourceText
            // It can carry the presenter's account name.
            textFormat: Text.PlainText
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
                text: App.slides.canShare
                      ? qsTr("Share the deck you present: everyone downloads it once and follows your pages. When someone else presents, their slides appear here.")
                      : qsTr("Open the deck you present to page through it here.")
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
                objectName: "followPresenter"
                visible: App.slides.source === LiveSlidesModel.Hub && !App.slides.following
                text: qsTr("Follow the presenter")
                Accessible.name: text
                onClicked: App.slides.follow()
            }
        }
    }
}
