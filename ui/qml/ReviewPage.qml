import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Specialists and coordinators: the hub's review queue (oldest first), the
// selected case as the hub holds it (de-identified, read-only), what has been
// recommended so far, and the editor for a new recommendation.
Page {
    id: page
    title: qsTr("Review")
    background: Rectangle { color: Theme.window }

    Component.onCompleted: App.review.active = true
    Component.onDestruction: App.review.active = false

    Shortcut {
        sequences: [StandardKey.Refresh]
        enabled: page.StackView.status === StackView.Active
        onActivated: App.review.refresh()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Errors and confirmations.
        Rectangle {
            visible: App.review.error !== "" || App.review.notice !== ""
            Layout.fillWidth: true
            implicitHeight: reviewMessage.implicitHeight + 12
            color: App.review.error !== "" ? "#fdecea" : "#e3f4e8"
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: 6
                Label {
                    id: reviewMessage
                    objectName: "reviewMessage"
                    text: App.review.error !== "" ? App.review.error : App.review.notice
                    color: App.review.error !== "" ? Theme.danger : Theme.text
                    wrapMode: Text.WordWrap
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
                ToolButton {
                    text: "×"
                    Accessible.name: qsTr("Dismiss the message")
                    onClicked: App.review.clearMessages()
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing
            spacing: Theme.spacing

            // The queue.
            ColumnLayout {
                Layout.preferredWidth: 280
                Layout.maximumWidth: 280
                Layout.fillWidth: false
                Layout.fillHeight: true
                spacing: 6
                RowLayout {
                    Label {
                        text: qsTr("Waiting for review (%1)").arg(queueList.count)
                        font.pixelSize: Theme.headingSize
                        font.bold: true
                        color: Theme.text
                        Layout.fillWidth: true
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    ToolButton {
                        text: "⟳"
                        enabled: !App.review.loading
                        Accessible.name: qsTr("Reload the queue (F5)")
                        onClicked: App.review.refresh()
                    }
                }
                Label {
                    visible: queueList.count === 0
                    text: App.review.loading ? qsTr("Loading the queue…") : qsTr("No case is waiting for review.")
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                ListView {
                    id: queueList
                    objectName: "reviewQueue"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: App.review.queue
                    spacing: 6
                    clip: true
                    keyNavigationEnabled: true
                    activeFocusOnTab: true
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Review queue")
                    ScrollBar.vertical: ScrollBar {}
                    delegate: ItemDelegate {
                        id: entry
                        required property var model
                        required property int index
                        width: queueList.width
                        implicitHeight: entryColumn.implicitHeight + 16
                        highlighted: App.review.caseId === model.hubCaseId
                        Accessible.role: Accessible.ListItem
                        Accessible.name: model.code + ", " + model.title + ", " + model.status
                        onClicked: { queueList.currentIndex = index; App.review.select(model.hubCaseId) }
                        Keys.onReturnPressed: App.review.select(model.hubCaseId)
                        Keys.onEnterPressed: App.review.select(model.hubCaseId)
                        background: Rectangle {
                            color: entry.highlighted ? "#e8f1fb" : (entry.hovered || entry.visualFocus ? "#f0f4f8" : Theme.surface)
                            border.color: entry.highlighted ? Theme.accent : Theme.border
                            radius: Theme.radius
                        }
                        contentItem: ColumnLayout {
                            id: entryColumn
                            spacing: 2
                            Label { text: entry.model.code; font.bold: true; color: Theme.text }
                            Label {
                                text: entry.model.title
                                color: Theme.text
                                wrapMode: Text.WordWrap
                                maximumLineCount: 2
                                elide: Text.ElideRight
                                textFormat: Text.PlainText
                                Layout.fillWidth: true
                            }
                            Label {
                                text: entry.model.status + " · " + entry.model.submitted
                                color: Theme.mutedText
                                font.pixelSize: Theme.smallSize
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }

            // The selected case, read-only.
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius

                Label {
                    visible: App.review.caseId === 0
                    anchors.centerIn: parent
                    width: parent.width - 40
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("Choose a case from the queue to read it.")
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                }
                BusyIndicator {
                    anchors.centerIn: parent
                    running: App.review.caseLoading
                    visible: running
                    Accessible.name: qsTr("Loading the case")
                }
                ScrollView {
                    id: caseScroll
                    visible: App.review.caseId > 0 && !App.review.caseLoading
                    anchors.fill: parent
                    anchors.margins: 10
                    contentWidth: availableWidth
                    clip: true
                    ColumnLayout {
                        width: caseScroll.availableWidth
                        spacing: 6
                        Label {
                            text: App.review.caseCode + " · " + App.review.caseStatus
                            font.pixelSize: Theme.headingSize
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            Layout.preferredWidth: caseScroll.availableWidth
                            Accessible.role: Accessible.Heading
                            Accessible.name: text
                        }
                        Label {
                            visible: App.review.caseQuestion !== ""
                            text: qsTr("Returned with the question: %1").arg(App.review.caseQuestion)
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            textFormat: Text.PlainText
                            Layout.preferredWidth: caseScroll.availableWidth
                        }
                        Repeater {
                            model: App.review.recommendations
                            delegate: Label {
                                required property var modelData
                                text: qsTr("Recommended by %1, %2:").arg(modelData.author).arg(modelData.when) + "\n"
                                      + modelData.items.map((item, i) => (i + 1) + ". " + item).join("\n")
                                      + (modelData.text !== "" ? "\n" + modelData.text : "")
                                color: Theme.text
                                wrapMode: Text.WordWrap
                                textFormat: Text.PlainText
                                Layout.preferredWidth: caseScroll.availableWidth
                                Accessible.name: text
                            }
                        }
                        Label {
                            objectName: "reviewCaseBody"
                            text: App.review.caseHtml
                            textFormat: Text.RichText
                            wrapMode: Text.WordWrap
                            color: Theme.text
                            Layout.preferredWidth: caseScroll.availableWidth
                            Accessible.name: qsTr("The case as submitted, de-identified")
                        }
                    }
                }
            }

            ReviewEditor {
                Layout.preferredWidth: 360
                Layout.maximumWidth: 360
                Layout.fillWidth: false
                Layout.fillHeight: true
            }
        }
    }
}
