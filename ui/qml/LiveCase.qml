import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import Spoke.Ui

// The case being presented, read-only and de-identified as the hub holds it,
// in the form's section order. "Detach" moves it into a window of its own
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
        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            activeFocusOnTab: true
            Accessible.name: qsTr("The case, read-only")
            // Rich text built by CasePdfExporter::bodyHtml, every value
            // escaped there; on paper-white, as the form prints.
            Rectangle {
                implicitWidth: scroll.availableWidth
                implicitHeight: caseText.implicitHeight + 24
                color: "white"
                radius: 4
                Label {
                    id: caseText
                    objectName: "liveCaseBody"
                    x: 12
                    y: 12
                    width: parent.width - 24
                    text: App.liveCase.caseHtml
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
                onActivated: App.liveCase.show(currentValue)
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
