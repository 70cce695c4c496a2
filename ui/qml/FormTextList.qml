import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// A list of short texts (past medical history, other diagnoses): one line
// each, with add and remove.
ColumnLayout {
    id: list

    required property var row
    readonly property var items: row.value || []
    readonly property bool editable: App.editor.editable

    spacing: 4

    Label {
        text: list.row.label
        font.bold: true
        color: Theme.text
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
    }
    Repeater {
        // A count, not the values, so typing in an item never rebuilds the rows.
        model: list.row.itemCount
        delegate: RowLayout {
            id: item
            required property int index
            readonly property string path: list.row.path + "[" + index + "]"
            Layout.fillWidth: true
            TextField {
                id: input
                text: list.items[item.index] === undefined || list.items[item.index] === null ? "" : String(list.items[item.index])
                enabled: list.editable
                selectByMouse: true
                Layout.fillWidth: true
                Accessible.name: qsTr("%1, item %2").arg(list.row.label).arg(item.index + 1)
                onTextEdited: App.editor.setValue(item.path, text, list.row.type)
                background: Rectangle {
                    color: input.enabled ? Theme.surface : Theme.window
                    border.color: list.row.issues[item.path] !== undefined ? Theme.danger : (input.activeFocus ? Theme.accent : Theme.border)
                    border.width: input.activeFocus ? 2 : 1
                    radius: 4
                }
                FindingOverlay {
                    target: input
                    findings: list.row.findings.filter((f) => f.path === item.path)
                }
            }
            CaseEditorButton {
                text: qsTr("Remove")
                enabled: list.editable
                Accessible.name: qsTr("Remove item %1 of %2").arg(item.index + 1).arg(list.row.label)
                onClicked: App.editor.removeItem(list.row.path, item.index)
            }
        }
    }
    CaseEditorButton {
        text: qsTr("Add item")
        enabled: list.editable
        Accessible.name: qsTr("Add an item to %1").arg(list.row.label)
        onClicked: App.editor.addItem(list.row.path)
    }
    FormFindings {
        findings: list.row.findings
        Layout.fillWidth: true
    }
}
