import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// The search field in the top bar and its drop-down of ranked hits. Enter
// opens the highlighted hit; arrows move; Escape closes.
Item {
    id: root
    signal openHit(var hit)

    implicitHeight: field.implicitHeight
    function focusField() { field.forceActiveFocus(); field.selectAll() }

    TextField {
        id: field
        anchors.fill: parent
        placeholderText: qsTr("Search sessions, cases, recommendations, notes and chat  (Ctrl+F)")
        Accessible.role: Accessible.EditableText
        Accessible.name: qsTr("Search")
        text: App.search.query
        onTextEdited: { App.search.query = text; results.currentIndex = 0; popup.open() }
        Keys.onDownPressed: { popup.open(); results.incrementCurrentIndex() }
        Keys.onUpPressed: results.decrementCurrentIndex()
        Keys.onEscapePressed: popup.close()
        Keys.onReturnPressed: if (results.count > 0) root.choose(results.currentIndex)
    }

    function choose(index) {
        const hit = App.search.get(index)
        popup.close()
        root.openHit(hit)
    }

    Popup {
        id: popup
        y: field.height + 4
        width: field.width
        height: Math.min(results.contentHeight + 16, 460)
        padding: 8
        visible: opened && field.text.trim() !== ""
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutsideParent
        background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

        ListView {
            id: results
            anchors.fill: parent
            model: App.search
            clip: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Search results")
            ScrollBar.vertical: ScrollBar {}
            footer: Label {
                visible: results.count === 0
                text: App.search.busy ? qsTr("Searching…") : qsTr("Nothing found in this laptop's cache.")
                color: Theme.mutedText
                padding: 8
            }
            delegate: ItemDelegate {
                id: hit
                required property var model
                required property int index
                width: results.width
                implicitHeight: hitLayout.implicitHeight + 14
                highlighted: ListView.isCurrentItem
                Accessible.role: Accessible.ListItem
                Accessible.name: model.kindLabel + ": " + model.title
                onClicked: root.choose(index)
                background: Rectangle { color: hit.highlighted ? "#e8f1fb" : (hit.hovered ? "#f0f4f8" : "transparent"); radius: 4 }
                contentItem: ColumnLayout {
                    id: hitLayout
                    spacing: 2
                    RowLayout {
                        Label {
                            text: hit.model.kindLabel
                            color: "white"
                            font.pixelSize: Theme.smallSize
                            leftPadding: 6; rightPadding: 6; topPadding: 1; bottomPadding: 1
                            background: Rectangle { color: Theme.accent; radius: 3 }
                        }
                        Label {
                            text: hit.model.title
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: hit.model.positionText !== ""
                            text: hit.model.positionText
                            color: Theme.mutedText
                            font.pixelSize: Theme.smallSize
                        }
                    }
                    Label {
                        text: hit.model.snippetHtml
                        textFormat: Text.StyledText
                        color: Theme.mutedText
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
