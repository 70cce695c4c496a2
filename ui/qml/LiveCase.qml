import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import Spoke.Ui

// The case being presented, read-only and de-identified as the hub holds it,
// in the form's section order. It follows the presenter's section (a
// `case_view` event) until the viewer scrolls away; "Follow the presenter"
// brings it back, as on the slides panel. The presenter's scrolling is sent. "Detach" moves it into a window of its own
// (a second screen, or beside the call); closing that window brings it back.
FocusScope {
    id: caseView
    objectName: "liveCase"
    property bool detached: false

    component CaseBody: ColumnLayout {
        spacing: 8
        Label {
            text: App.liveCase.caseCode !== "" ? qsTr("Case %1").arg(App.liveCase.caseCode) : qsTr("Case")
            textFormat: Text.PlainText
            color: "white"
            font.pixelSize: Theme.headingSize
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            visible: App.liveCase.caseTitle !== ""
            text: App.liveCase.caseTitle
            textFormat: Text.PlainText
            color: "#c8d3df"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            visible: App.liveCase.error !== ""
            text: App.liveCase.error
            textFormat: Text.PlainText
            color: "#ffb4ab"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        BusyIndicator {
            running: App.liveCase.loading
            visible: running
            Accessible.name: qsTr("Loading the case")
        }
        // One delegate per form section, so the panel can scroll to the
        // presenter's section and say which section is on top (a key,
        // never pixels: each screen lays the form out at its own width).
        ListView {
            id: sectionList
            objectName: "liveCaseSections"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 0
            activeFocusOnTab: true
            model: App.liveCase.sections
            Accessible.name: qsTr("The case, read-only")
            ScrollBar.vertical: ScrollBar { }
            property bool jumping: false

            function showFollowed() {
                const index = App.liveCase.followIndex
                if (index < 0 || index >= count)
                    return
                jumping = true
                positionViewAtIndex(index, ListView.Beginning)
                jumping = false
            }
            Connections {
                target: App.liveCase
                function onFollowChanged() { sectionList.showFollowed() }
            }
            onCountChanged: showFollowed()
            onContentYChanged: {
                if (jumping || count === 0)
                    return
                const item = itemAt(width / 2, contentY + 1)
                if (item)
                    App.liveCase.scrolledTo(item.sectionKey)
            }
            // Rich text built by CasePdfExporter::bodyHtml, every value
            // escaped there; on paper-white, as the form prints.
            delegate: Rectangle {
                required property string key
                required property string title
                required property string html
                readonly property string sectionKey: key
                width: sectionList.width
                implicitHeight: sectionText.implicitHeight + 12
                color: "white"
                Accessible.role: Accessible.Section
                Accessible.name: title
                Label {
                    id: sectionText
                    objectName: "liveCaseBody"
                    x: 12
                    y: 6
                    width: parent.width - 24
                    text: html
                    textFormat: Text.RichText
                    wrapMode: Text.WordWrap
                    color: Theme.text
                    Accessible.name: qsTr("The case as submitted, de-identified")
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            ComboBox {
                id: picker
                objectName: "casePicker"
                Layout.fillWidth: true
                visible: App.liveCase.cases.count > 0
                model: App.liveCase.cases
                textRole: "caseCode"
                valueRole: "caseId"
                displayText: App.liveCase.caseCode !== "" ? App.liveCase.caseCode : qsTr("Choose a case")
                Accessible.name: qsTr("Case to show")
                onActivated: App.liveCase.present(currentValue)
            }
            Switch {
                objectName: "detachCase"
                text: qsTr("Detach")
                checked: caseView.detached
                focus: true
                Accessible.name: qsTr("Show the case in its own window")
                onToggled: caseView.detached = checked
                contentItem: Label {
                    text: parent.text
                    color: "white"
                    leftPadding: parent.indicator.width + parent.spacing
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            visible: App.liveCase.followText !== ""
            Label {
                objectName: "caseFollowText"
                Layout.fillWidth: true
                text: App.liveCase.followText
                textFormat: Text.PlainText
                color: "#c8d3df"
                wrapMode: Text.WordWrap
                Accessible.name: text
            }
            Button {
                objectName: "followCasePresenter"
                visible: App.liveCase.hasPresenter && !App.liveCase.following && !App.liveCase.presenting
                text: qsTr("Follow the presenter")
                Accessible.name: qsTr("Follow the presenter's case and section again")
                onClicked: App.liveCase.follow()
            }
        }
        Label {
            visible: App.liveCase.listNotice !== "" && App.liveCase.caseId === 0
            text: App.liveCase.listNotice
            textFormat: Text.PlainText
            color: "#a9b8c8"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            visible: caseView.detached
            text: qsTr("The case is in its own window. Turn Detach off to bring it back.")
            color: "#a9b8c8"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            active: !caseView.detached && App.liveCase.caseId !== 0
            sourceComponent: CaseBody { }
        }
    }

    Window {
        id: window
        title: qsTr("Case %1 (read-only)").arg(App.liveCase.caseCode)
        visible: caseView.detached
        width: 640
        height: 720
        color: "#1d2a38"
        onClosing: caseView.detached = false
        Loader {
            anchors.fill: parent
            anchors.margins: Theme.spacing
            active: caseView.detached
            sourceComponent: CaseBody { }
        }
    }
}
