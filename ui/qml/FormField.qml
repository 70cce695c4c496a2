import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// One field of the generated case form. The control follows the schema type:
// free text, a number, a day offset from the presentation, a choice (age
// band, sex, region, country), yes/no; codes are shown, never typed.
// Validation and findings appear right under the field they concern.
ColumnLayout {
    id: field

    // The form row (FormModel roles): path, label, type, value, choices, issue, findings, ...
    required property var row
    readonly property bool editable: App.editor.editable && !row.readOnly
    // Numbers in the chosen locale ("58,5" in French); what is typed is read
    // in it too (FormModel::setValue).
    readonly property string valueText: row.value === undefined || row.value === null ? ""
                                        : typeof row.value === "number" ? (Language.localeName, Language.editableNumber(row.value))
                                        : String(row.value)
    readonly property bool numeric: ["number", "integer", "day_rel", "number_or_text"].indexOf(row.type) >= 0
    readonly property bool choice: ["choice", "region", "country"].indexOf(row.type) >= 0

    spacing: 3

    Label {
        text: field.row.label + (field.row.required ? " *" : "")
        color: Theme.text
        font.bold: true
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Label {
        visible: field.row.readOnly
        text: field.valueText === "" ? "—" : field.valueText
        color: Theme.mutedText
        textFormat: Text.PlainText
        Accessible.name: field.row.label + ": " + text
    }

    TextArea {
        id: area
        visible: !field.row.readOnly && field.row.type === "text" && field.row.multiline
        text: field.valueText
        enabled: field.editable
        wrapMode: TextEdit.Wrap
        selectByMouse: true
        Layout.fillWidth: true
        Layout.minimumHeight: 70
        Accessible.name: field.row.label
        Accessible.description: field.row.issue
        KeyNavigation.priority: KeyNavigation.BeforeItem
        // Tab moves on to the next control; a clinician writes paragraphs, not tables.
        Keys.onTabPressed: (event) => { nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason); event.accepted = true }
        Keys.onBacktabPressed: (event) => { nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason); event.accepted = true }
        onTextChanged: if (activeFocus) App.editor.setValue(field.row.path, text, field.row.type)
        background: Rectangle {
            color: area.enabled ? Theme.surface : Theme.window
            border.color: field.row.issue !== "" ? Theme.danger : (area.activeFocus ? Theme.accent : Theme.border)
            border.width: area.activeFocus ? 2 : 1
            radius: 4
        }
        FindingOverlay { target: area; findings: area.visible ? field.row.findings : [] }
    }

    RowLayout {
        visible: !field.row.readOnly && (field.row.type === "text" && !field.row.multiline || field.numeric)
        Layout.fillWidth: true
        spacing: 6
        TextField {
            id: line
            text: field.valueText
            enabled: field.editable
            selectByMouse: true
            Layout.fillWidth: !field.numeric
            Layout.preferredWidth: field.numeric ? 140 : -1
            inputMethodHints: field.numeric ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
            Accessible.name: field.row.label
            Accessible.description: field.row.issue
            onTextEdited: App.editor.setValue(field.row.path, text, field.row.type)
            background: Rectangle {
                color: line.enabled ? Theme.surface : Theme.window
                border.color: field.row.issue !== "" ? Theme.danger : (line.activeFocus ? Theme.accent : Theme.border)
                border.width: line.activeFocus ? 2 : 1
                radius: 4
            }
            FindingOverlay { target: line; findings: line.visible ? field.row.findings : [] }
        }
        Label {
            visible: field.row.type === "day_rel"
            text: qsTr("days from the presentation (0 = presentation, negative = before)")
            color: Theme.mutedText
            font.pixelSize: Theme.smallSize
        }
    }

    ComboBox {
        id: combo
        visible: !field.row.readOnly && field.choice
        readonly property var options: field.row.choices
        model: options.length === 0 ? [qsTr("Choose the country first")] : options
        currentIndex: options.indexOf(field.valueText)
        displayText: currentIndex < 0 ? qsTr("Choose…") : (currentText === "" ? qsTr("(none)") : currentText)
        enabled: field.editable && options.length > 0
        Layout.preferredWidth: 320
        Accessible.name: field.row.label
        Accessible.description: field.row.issue
        onActivated: (index) => App.editor.setValue(field.row.path, options[index], field.row.type)
    }

    ComboBox {
        id: yesNo
        visible: !field.row.readOnly && field.row.type === "boolean"
        model: [qsTr("Not recorded"), qsTr("Yes"), qsTr("No")]
        currentIndex: field.row.value === true ? 1 : (field.row.value === false ? 2 : 0)
        enabled: field.editable
        Layout.preferredWidth: 200
        Accessible.name: field.row.label
        onActivated: (index) => App.editor.setValue(field.row.path, index === 0 ? null : index === 1, "boolean")
    }

    Label {
        visible: field.row.issue !== ""
        text: field.row.issue
        color: Theme.danger
        font.pixelSize: Theme.smallSize
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }

    FormFindings {
        findings: field.row.findings
        Layout.fillWidth: true
    }
}
