import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Spoke.Ui

// Every case in the cache, most recently changed first.
Page {
    id: page
    signal openCase(int caseId)
    signal newCase(string programme)
    signal importCase(string file)
    title: qsTr("Cases")
    background: Rectangle { color: Theme.window }

    Shortcut {
        sequences: [StandardKey.Open]
        enabled: page.StackView.status === StackView.Active
        onActivated: importDialog.open()
    }
    FileDialog {
        id: importDialog
        title: qsTr("Import an echo-case/1.0 file")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Case files (*.json)"), qsTr("All files (*)")]
        onAccepted: page.importCase(selectedFile.toString())
    }

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 8
        model: App.cases
        clip: true
        keyNavigationEnabled: true
        activeFocusOnTab: true
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Cases")
        ScrollBar.vertical: ScrollBar {}

        header: ColumnLayout {
            width: list.width
            spacing: 6
            RowLayout {
                spacing: 8
                ComboBox {
                    id: programmeChoice
                    model: App.editor.programmes
                    textRole: "title"
                    valueRole: "code"
                    Layout.preferredWidth: 280
                    Accessible.name: qsTr("Programme of the new case")
                }
                Button {
                    text: qsTr("New case")
                    highlighted: true
                    Accessible.name: qsTr("New case (Ctrl+N)")
                    onClicked: page.newCase(programmeChoice.currentValue)
                }
                Button {
                    text: qsTr("Import case file…")
                    Accessible.name: qsTr("Import an echo-case/1.0 file (Ctrl+O)")
                    onClicked: importDialog.open()
                }
                Shortcut {
                    sequences: [StandardKey.New]
                    enabled: page.StackView.status === StackView.Active
                    onActivated: page.newCase(programmeChoice.currentValue)
                }
            }
            Label {
                text: qsTr("Cases are checked for patient identifiers on this laptop before they are submitted.")
                color: Theme.mutedText
                bottomPadding: Theme.spacing
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
        delegate: ItemDelegate {
            id: row
            required property var model
            required property int index
            width: list.width
            implicitHeight: rowLayout.implicitHeight + 20
            highlighted: ListView.isCurrentItem
            Accessible.role: Accessible.ListItem
            Accessible.name: model.title + ", " + model.status + (model.question ? ", " + qsTr("the hub asks: %1").arg(model.question) : "")
            onClicked: page.openCase(model.caseId)
            Keys.onReturnPressed: page.openCase(model.caseId)
            background: Rectangle {
                color: row.highlighted && list.activeFocus ? "#e8f1fb" : (row.hovered ? "#f0f4f8" : Theme.surface)
                border.color: Theme.border
                radius: Theme.radius
            }
            contentItem: RowLayout {
                id: rowLayout
                spacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label { text: row.model.title; font.pixelSize: 15; font.bold: true; color: Theme.text; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label { text: row.model.code + "  ·  " + qsTr("updated %1").arg(row.model.updated); color: Theme.mutedText; font.pixelSize: Theme.smallSize }
                    Label {
                        visible: row.model.question !== undefined && row.model.question !== ""
                        text: qsTr("The hub asks: %1").arg(row.model.question)
                        color: Theme.text
                        font.pixelSize: Theme.smallSize
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                Label {
                    text: row.model.status
                    color: Theme.accent
                    font.pixelSize: Theme.bodySize
                }
            }
        }
    }
}
