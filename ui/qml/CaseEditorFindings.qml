import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// The identifier check beside the form: every open finding with the matched
// text highlighted, a one-click redaction, and an explicit, logged override
// for a false positive (a reason and a name are required). Below, the log of
// overrides already made for this case.
Rectangle {
    id: panel

    color: Theme.surface
    border.color: Theme.border

    ScrollView {
        id: scroller
        anchors.fill: parent
        anchors.margins: 10
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroller.availableWidth
            spacing: 8

            Label {
                text: qsTr("Identifier check")
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                text: App.editor.findings.count === 0
                      ? (App.editor.busy ? qsTr("Checking…") : qsTr("No possible identifiers found."))
                      : qsTr("%n possible identifier(s) to resolve before the case can be marked ready.", "", App.editor.findings.count)
                color: App.editor.findings.count === 0 ? Theme.ok : "#7a0000"
                font.bold: true
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            Repeater {
                model: App.editor.findings
                delegate: Rectangle {
                    id: card
                    required property var model
                    required property int index
                    property bool overriding: false
                    Layout.fillWidth: true
                    implicitHeight: cardLayout.implicitHeight + 16
                    color: "#fdecea"
                    border.color: "#c62828"
                    radius: Theme.radius

                    ColumnLayout {
                        id: cardLayout
                        anchors.fill: parent
                        anchors.margins: 8
                        spacing: 4
                        Label {
                            text: card.model.fieldLabel
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: card.model.contextHtml
                            textFormat: Text.RichText
                            wrapMode: Text.WordWrap
                            color: Theme.text
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Possible identifier: %1").arg(card.model.text)
                        }
                        Label {
                            text: card.model.categoryName + " — " + card.model.reason
                                  + (card.model.suggestion !== card.model.redaction ? "\n" + qsTr("Suggestion: %1").arg(card.model.suggestion) : "")
                            color: "#7a0000"
                            font.pixelSize: Theme.smallSize
                            wrapMode: Text.WordWrap
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 6
                            CaseEditorButton {
                                text: qsTr("Redact as %1").arg(card.model.redaction)
                                enabled: App.editor.editable
                                Accessible.name: qsTr("Replace %1 by %2").arg(card.model.text).arg(card.model.redaction)
                                onClicked: App.editor.redact(card.index)
                            }
                            CaseEditorButton {
                                text: card.overriding ? qsTr("Cancel") : qsTr("Not an identifier…")
                                enabled: App.editor.editable
                                Accessible.name: card.overriding ? qsTr("Cancel the override")
                                                                 : qsTr("Mark %1 as not an identifier").arg(card.model.text)
                                onClicked: card.overriding = !card.overriding
                            }
                        }
                        ColumnLayout {
                            visible: card.overriding
                            Layout.fillWidth: true
                            spacing: 4
                            TextField {
                                id: reason
                                placeholderText: qsTr("Why is this not an identifier?")
                                Layout.fillWidth: true
                                Accessible.name: qsTr("Reason for the override")
                            }
                            TextField {
                                id: who
                                text: App.editor.reviewerName
                                placeholderText: qsTr("Your name")
                                Layout.fillWidth: true
                                Accessible.name: qsTr("Your name, logged with the override")
                                onTextEdited: App.editor.reviewerName = text
                            }
                            CaseEditorButton {
                                text: qsTr("Log override")
                                enabled: reason.text.trim() !== "" && who.text.trim() !== ""
                                Accessible.name: qsTr("Log the override with this reason")
                                onClicked: {
                                    App.editor.overrideFinding(card.index, reason.text)
                                    card.overriding = false
                                }
                            }
                        }
                    }
                }
            }

            SectionHeader {
                visible: App.editor.overrides.length > 0
                text: qsTr("Overrides logged")
            }
            Repeater {
                model: App.editor.overrides
                delegate: Label {
                    required property var modelData
                    text: qsTr("%1 in %2: “%3” — %4, %5").arg(modelData.categoryName).arg(modelData.path)
                              .arg(modelData.reason).arg(modelData.who).arg(modelData.when)
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.WordWrap
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                }
            }
        }
    }
}
