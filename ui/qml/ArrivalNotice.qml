import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Shown above every page when the hub's recommendations arrive for a case
// of this laptop: non-modal, with a button to open the case.
Rectangle {
    id: notice
    signal openCase(int caseId)

    visible: App.arrivalText !== ""
    implicitHeight: visible ? row.implicitHeight + 16 : 0
    color: "#e3f4e8"
    border.color: Theme.ok

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: 8
        spacing: 8
        Label {
            objectName: "arrivalText"
            text: App.arrivalText
            color: Theme.text
            font.bold: true
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Button {
            text: qsTr("Open the case")
            highlighted: true
            Accessible.name: qsTr("Open the case with the new recommendations")
            onClicked: {
                const id = App.arrivalCaseId
                App.dismissArrival()
                notice.openCase(id)
            }
        }
        ToolButton {
            text: "×"
            Accessible.name: qsTr("Dismiss the notice")
            onClicked: App.dismissArrival()
        }
    }
}
