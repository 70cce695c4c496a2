import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Spoke.Ui

// A list of records as a table with a header (lab results with value, unit
// and day offset; medications; imaging). Rows are added and removed here;
// cells that carry a finding or a validation problem are outlined in red.
// Attachments add a file instead of an empty row: the file is cleaned first.
ColumnLayout {
    id: table

    required property var row
    readonly property var items: row.value || []
    readonly property var columns: row.columns
    readonly property bool editable: App.editor.editable
    readonly property bool attachments: row.path === "attachments"
    // Set by the page from the scroll view, not from this layout's own width,
    // which the cells would otherwise feed back into.
    property real availableWidth: 600
    readonly property real cellWidth: Math.max(90, (availableWidth - 90) / Math.max(1, columns.length) - 4)

    spacing: 4

    function cellText(rowIndex, key) {
        var item = items[rowIndex]
        var v = item ? item[key] : undefined
        return v === undefined || v === null ? "" : String(v)
    }

    Label {
        visible: table.row.depth > 0
        text: table.row.label
        font.bold: true
        color: Theme.text
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
    }
    Label {
        visible: table.row.itemCount === 0
        text: table.attachments ? qsTr("No attachments.") : qsTr("No rows yet.")
        color: Theme.mutedText
    }
    RowLayout {
        visible: table.row.itemCount > 0
        spacing: 4
        Repeater {
            model: table.columns.length
            delegate: Label {
                required property int index
                text: table.columns[index].label + (table.columns[index].required ? " *" : "")
                font.pixelSize: Theme.smallSize
                font.bold: true
                color: Theme.mutedText
                elide: Text.ElideRight
                Layout.preferredWidth: table.cellWidth
                ToolTip.visible: hoverArea.hovered
                ToolTip.text: table.columns[index].label
                HoverHandler { id: hoverArea }
            }
        }
    }
    Repeater {
        // A count, not the values, so typing in a cell never rebuilds the rows.
        model: table.row.itemCount
        delegate: RowLayout {
            id: record
            required property int index
            spacing: 4
            Repeater {
                model: table.columns.length
                delegate: Loader {
                    id: cell
                    required property int index
                    readonly property var column: table.columns[index]
                    readonly property string path: table.row.path + "[" + record.index + "]." + column.key
                    readonly property bool flagged: table.row.findings.some((f) => f.path === cell.path)
                    readonly property string issue: table.row.issues[path] !== undefined ? table.row.issues[path] : ""
                    readonly property string accessibleName: qsTr("%1, row %2: %3").arg(table.row.label).arg(record.index + 1).arg(column.label)
                    Layout.preferredWidth: table.cellWidth
                    sourceComponent: column.type === "choice" ? choiceCell : textCell
                    Component {
                        id: textCell
                        TextField {
                            id: input
                            text: table.cellText(record.index, cell.column.key)
                            enabled: table.editable
                            selectByMouse: true
                            placeholderText: cell.column.type === "day_rel" ? qsTr("day, e.g. -14") : ""
                            inputMethodHints: ["number", "integer", "day_rel"].indexOf(cell.column.type) >= 0 ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
                            Accessible.name: cell.accessibleName
                            Accessible.description: cell.issue
                            ToolTip.visible: cell.issue !== "" && (hovered || activeFocus)
                            ToolTip.text: cell.column.label + " " + cell.issue
                            onTextEdited: App.editor.setValue(cell.path, text, cell.column.type)
                            // Show the start of a long value, not its end.
                            Component.onCompleted: cursorPosition = 0
                            background: Rectangle {
                                color: cell.flagged ? "#fdecea" : (input.enabled ? Theme.surface : Theme.window)
                                border.color: cell.flagged || cell.issue !== "" ? Theme.danger : (input.activeFocus ? Theme.accent : Theme.border)
                                border.width: input.activeFocus || cell.flagged ? 2 : 1
                                radius: 4
                            }
                            FindingOverlay {
                                target: input
                                findings: table.row.findings.filter((f) => f.path === cell.path)
                            }
                        }
                    }
                    Component {
                        id: choiceCell
                        ComboBox {
                            model: cell.column.choices
                            currentIndex: cell.column.choices.indexOf(table.cellText(record.index, cell.column.key))
                            displayText: currentIndex < 0 ? qsTr("Choose…") : (currentText === "" ? qsTr("(none)") : currentText)
                            enabled: table.editable
                            Accessible.name: cell.accessibleName
                            onActivated: (i) => App.editor.setValue(cell.path, cell.column.choices[i], "choice")
                        }
                    }
                }
            }
            CaseEditorButton {
                text: qsTr("Remove")
                enabled: table.editable
                Layout.preferredWidth: 80
                Accessible.name: qsTr("Remove row %1 of %2").arg(record.index + 1).arg(table.row.label)
                onClicked: App.editor.removeItem(table.row.path, record.index)
            }
        }
    }
    Repeater {
        model: Object.keys(table.row.issues)
        delegate: Label {
            required property var modelData
            text: qsTr("Row %1: %2").arg(Number(modelData.replace(/^.*\[(\d+)\].*$/, "$1")) + 1)
                                     .arg(modelData.replace(/^.*\]\./, "") + " " + table.row.issues[modelData])
            color: Theme.danger
            font.pixelSize: Theme.smallSize
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
    RowLayout {
        spacing: Theme.spacing
        CaseEditorButton {
            visible: !table.attachments
            text: qsTr("Add row")
            enabled: table.editable
            Accessible.name: qsTr("Add a row to %1").arg(table.row.label)
            onClicked: App.editor.addItem(table.row.path)
        }
        CaseEditorButton {
            visible: table.attachments
            text: qsTr("Add photo…")
            enabled: table.editable
            Accessible.name: qsTr("Add a photo; its metadata is removed before it is attached")
            onClicked: attachDialog.open()
        }
        Label {
            visible: table.attachments && App.editor.attachmentMessage !== ""
            text: App.editor.attachmentMessage
            color: App.editor.attachmentMessage.startsWith(qsTr("Not attached")) ? Theme.danger : Theme.ok
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
    FormFindings {
        findings: table.row.findings
        Layout.fillWidth: true
    }
    FileDialog {
        id: attachDialog
        title: qsTr("Add a photo to the case")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Photos (*.png *.jpg *.jpeg)"), qsTr("All files (*)")]
        onAccepted: App.editor.addAttachment(selectedFile.toString())
    }
}
