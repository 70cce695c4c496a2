import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// The specialist's answer to the selected case: numbered items (add, remove)
// and free text, sent as one recommendation; or the case returned to its
// presenter with a question. Both go through the outbox, so they wait safely
// when the hub cannot be reached.
ScrollView {
    id: root
    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        width: root.availableWidth
        spacing: 6

        SectionHeader { text: qsTr("Your recommendation") }
        Repeater {
            // By count, so typing in an item does not rebuild the fields.
            model: App.review.items.length
            delegate: RowLayout {
                id: itemRow
                required property int index
                Layout.fillWidth: true
                spacing: 4
                Label {
                    text: (itemRow.index + 1) + "."
                    color: Theme.text
                    font.bold: true
                    Layout.preferredWidth: 22
                }
                TextField {
                    objectName: "recommendationItem" + itemRow.index
                    text: App.review.items[itemRow.index] ?? ""
                    placeholderText: qsTr("Recommendation %1").arg(itemRow.index + 1)
                    Layout.fillWidth: true
                    enabled: App.review.caseId > 0
                    Accessible.name: qsTr("Recommendation item %1").arg(itemRow.index + 1)
                    onTextEdited: App.review.setItem(itemRow.index, text)
                    onAccepted: App.review.addItem()
                }
                ToolButton {
                    text: "−"
                    enabled: App.review.caseId > 0
                    Accessible.name: qsTr("Remove item %1").arg(itemRow.index + 1)
                    onClicked: App.review.removeItem(itemRow.index)
                }
            }
        }
        Button {
            text: qsTr("Add an item")
            enabled: App.review.caseId > 0
            Accessible.name: qsTr("Add a numbered recommendation item")
            onClicked: App.review.addItem()
        }
        TextArea {
            id: prose
            objectName: "recommendationText"
            text: App.review.text
            placeholderText: qsTr("Further advice, in your own words")
            wrapMode: TextEdit.Wrap
            enabled: App.review.caseId > 0
            Layout.fillWidth: true
            Layout.minimumHeight: 90
            Accessible.name: qsTr("Recommendation text")
            Keys.onTabPressed: (event) => { nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason); event.accepted = true }
            Keys.onBacktabPressed: (event) => { nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason); event.accepted = true }
            onTextChanged: if (activeFocus) App.review.text = text
            background: Rectangle {
                color: prose.enabled ? Theme.surface : Theme.window
                border.color: prose.activeFocus ? Theme.accent : Theme.border
                border.width: prose.activeFocus ? 2 : 1
                radius: 4
            }
        }
        Button {
            objectName: "sendRecommendation"
            text: qsTr("Send recommendation")
            highlighted: true
            enabled: App.review.canSend
            Accessible.name: qsTr("Send the recommendation to the presenter")
            onClicked: App.review.send()
        }

        SectionHeader { text: qsTr("Return with a question") }
        Label {
            text: qsTr("When the case cannot be answered as it stands, ask its presenter.")
            color: Theme.mutedText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        TextArea {
            id: question
            placeholderText: qsTr("What should the presenter add or clarify?")
            wrapMode: TextEdit.Wrap
            enabled: App.review.caseId > 0
            Layout.fillWidth: true
            Layout.minimumHeight: 60
            Accessible.name: qsTr("Question for the presenter")
            background: Rectangle {
                color: question.enabled ? Theme.surface : Theme.window
                border.color: question.activeFocus ? Theme.accent : Theme.border
                border.width: question.activeFocus ? 2 : 1
                radius: 4
            }
            Keys.onTabPressed: (event) => { nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason); event.accepted = true }
            Keys.onBacktabPressed: (event) => { nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason); event.accepted = true }
        }
        Button {
            text: qsTr("Return with this question")
            enabled: App.review.caseId > 0 && question.text.trim() !== ""
            Accessible.name: qsTr("Return the case to its presenter with this question")
            onClicked: {
                App.review.returnWithQuestion(question.text)
                question.clear()
            }
        }
    }
}
