import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Spoke.Ui

// The case editor: the programme's form generated from its schema on the
// left, the identifier check on the right. Edits save themselves (Ctrl+S
// saves at once); "Mark ready" says why it is not available yet.
Page {
    id: page

    title: App.editor.caseCode === "" ? qsTr("Case") : App.editor.caseCode
    background: Rectangle { color: Theme.window }

    // Leaving the page never loses the last keystrokes.
    StackView.onDeactivating: App.editor.saveNow()
    Component.onDestruction: App.editor.saveNow()

    Shortcut {
        sequences: [StandardKey.Save]
        enabled: page.StackView.status === StackView.Active
        onActivated: App.editor.saveNow()
    }

    FileDialog {
        id: pdfDialog
        title: qsTr("Export the de-identified case as PDF")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        nameFilters: [qsTr("PDF files (*.pdf)")]
        onAccepted: App.editor.exportPdf(selectedFile.toString())
    }
    FileDialog {
        id: jsonDialog
        title: qsTr("Export the case as an echo-case/1.0 file")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Case files (*.json)")]
        onAccepted: App.editor.exportJson(selectedFile.toString())
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: toolbar.implicitHeight + 16
            color: Theme.surface
            border.color: Theme.border

            RowLayout {
                id: toolbar
                anchors.fill: parent
                anchors.margins: 8
                spacing: 8

                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    RowLayout {
                        spacing: 8
                        Label {
                            text: App.editor.title
                            font.pixelSize: Theme.headingSize
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                            Layout.maximumWidth: 360
                        }
                        Rectangle {
                            // Where the case stands with the hub once submitted, its local status before.
                            readonly property string shown: App.editor.hubStatusText !== "" ? App.editor.hubStatusText
                                                                                            : App.editor.statusText
                            readonly property bool plain: App.editor.hubStatusText === "" ? App.editor.status === "draft"
                                                                                          : App.editor.hubWaiting || App.editor.hubQuestion !== "" || App.editor.hubRefusal !== ""
                            visible: shown !== ""
                            radius: 10
                            color: plain ? "#e8eef5" : "#e3f4e8"
                            implicitWidth: statusLabel.implicitWidth + 16
                            implicitHeight: statusLabel.implicitHeight + 6
                            Label {
                                id: statusLabel
                                objectName: "caseStatusChip"
                                anchors.centerIn: parent
                                text: parent.shown
                                color: parent.plain ? Theme.text : Theme.ok
                                font.pixelSize: Theme.smallSize
                                font.bold: true
                                Accessible.name: qsTr("Status: %1").arg(text)
                            }
                        }
                    }
                    Label {
                        text: App.editor.savedText
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallSize
                        Accessible.name: text
                    }
                }
                CaseEditorButton {
                    text: qsTr("Save now")
                    enabled: App.editor.dirty
                    Accessible.name: qsTr("Save now (Ctrl+S)")
                    onClicked: App.editor.saveNow()
                }
                CaseEditorButton {
                    text: qsTr("Export PDF…")
                    enabled: App.editor.caseId > 0
                    Accessible.name: qsTr("Export the de-identified case as PDF")
                    onClicked: pdfDialog.open()
                }
                CaseEditorButton {
                    text: qsTr("Export file…")
                    enabled: App.editor.caseId > 0
                    Accessible.name: qsTr("Export the case as an echo-case/1.0 JSON file")
                    onClicked: jsonDialog.open()
                }
                CaseEditorButton {
                    id: readyButton
                    visible: App.editor.status === "draft"
                    text: qsTr("Mark ready")
                    highlighted: App.editor.canMarkReady
                    // Kept focusable when blocked, so a keyboard or screen-reader
                    // user reaches the explanation instead of a dead control.
                    Accessible.name: qsTr("Mark ready")
                    Accessible.description: App.editor.canMarkReady ? qsTr("The case passed the identifier check") : App.editor.readyBlockedReason
                    ToolTip.visible: (hovered || visualFocus) && !App.editor.canMarkReady
                    ToolTip.text: App.editor.readyBlockedReason
                    onClicked: App.editor.markReady()
                    opacity: App.editor.canMarkReady ? 1 : 0.6
                }
                CaseEditorButton {
                    objectName: "submitButton"
                    visible: App.editor.status === "ready"
                    text: qsTr("Submit")
                    highlighted: App.editor.canSubmit
                    // Focusable when blocked, like Mark ready, so the reason can be read.
                    Accessible.name: qsTr("Submit to the hub")
                    Accessible.description: App.editor.canSubmit ? qsTr("Sends the case now, or as soon as the hub can be reached")
                                                                 : App.editor.submitBlockedReason
                    ToolTip.visible: (hovered || visualFocus) && !App.editor.canSubmit
                    ToolTip.text: App.editor.submitBlockedReason
                    onClicked: App.editor.submit()
                    opacity: App.editor.canSubmit ? 1 : 0.6
                }
            }
        }

        // Why the case cannot be marked ready yet, errors and confirmations.
        Rectangle {
            readonly property string message: App.editor.error !== "" ? App.editor.error
                                            : (App.editor.notice !== "" ? App.editor.notice
                                            : (App.editor.status === "draft" && !App.editor.canMarkReady && !App.editor.loading
                                               ? qsTr("Not ready yet: %1").arg(App.editor.readyBlockedReason) : ""))
            visible: message !== ""
            Layout.fillWidth: true
            implicitHeight: banner.implicitHeight + 12
            color: App.editor.error !== "" ? "#fdecea" : (App.editor.notice !== "" ? "#e3f4e8" : Theme.highlight)
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: 6
                Label {
                    id: banner
                    text: parent.parent.message
                    color: App.editor.error !== "" ? Theme.danger : Theme.text
                    wrapMode: Text.WordWrap
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
                ToolButton {
                    visible: App.editor.error !== "" || App.editor.notice !== ""
                    text: "×"
                    Accessible.name: qsTr("Dismiss the message")
                    onClicked: App.editor.clearMessages()
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ScrollView {
                id: formScroll
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: availableWidth
                clip: true

                ColumnLayout {
                    width: formScroll.availableWidth - 2 * Theme.spacing
                    x: Theme.spacing
                    spacing: 8

                    BusyIndicator {
                        running: App.editor.loading
                        visible: running
                        Accessible.name: qsTr("Loading the case")
                    }

                    CaseHubPanel {
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacing
                    }

                    Repeater {
                        model: App.editor.form
                        delegate: Loader {
                            id: formRow
                            required property var model
                            required property int index
                            Layout.fillWidth: true
                            Layout.leftMargin: model.depth > 1 ? (model.depth - 1) * 16 : 0
                            sourceComponent: model.kind === "section" ? sectionRow
                                           : model.kind === "group" ? groupRow
                                           : model.kind === "table" ? tableRow
                                           : model.kind === "list" ? listRow : fieldRow
                            Component {
                                id: sectionRow
                                SectionHeader { text: formRow.model.label }
                            }
                            Component {
                                id: groupRow
                                Label {
                                    text: formRow.model.label
                                    font.bold: true
                                    color: Theme.accent
                                    topPadding: 6
                                    Accessible.role: Accessible.Heading
                                    Accessible.name: text
                                }
                            }
                            Component {
                                id: fieldRow
                                FormField { row: formRow.model }
                            }
                            Component {
                                id: tableRow
                                FormTable {
                                    row: formRow.model
                                    availableWidth: formScroll.availableWidth - 2 * Theme.spacing - formRow.Layout.leftMargin
                                }
                            }
                            Component {
                                id: listRow
                                FormTextList { row: formRow.model }
                            }
                        }
                    }
                    Item { implicitHeight: Theme.spacing }
                }
            }

            CaseEditorFindings {
                Layout.preferredWidth: 340
                Layout.fillHeight: true
            }
        }
    }
}
