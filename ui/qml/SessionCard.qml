import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// A session in a list: when, what, which programme, and what it holds.
ItemDelegate {
    id: card
    required property var model
    signal openRequested(int sessionId)

    implicitHeight: layout.implicitHeight + 20
    Accessible.role: Accessible.ListItem
    Accessible.name: model.title + ", " + model.when
    Accessible.description: model.programme
    onClicked: openRequested(model.sessionId)
    Keys.onReturnPressed: openRequested(model.sessionId)

    background: Rectangle {
        color: card.visualFocus ? "#e8f1fb" : (card.hovered ? "#f0f4f8" : Theme.surface)
        border.color: card.visualFocus ? Theme.accent : Theme.border
        border.width: card.visualFocus ? 2 : 1
        radius: Theme.radius
    }
    contentItem: ColumnLayout {
        id: layout
        spacing: 2
        Label {
            text: card.model.when + "  ·  " + card.model.duration
            color: Theme.mutedText
            font.pixelSize: Theme.smallSize
        }
        Label {
            text: card.model.title
            font.pixelSize: 15
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            text: card.model.programme + "  ·  " + card.model.hub
            color: Theme.mutedText
            font.pixelSize: Theme.bodySize
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            visible: card.model.cases > 0 || card.model.recordings > 0
            text: (card.model.cases === 1 ? qsTr("1 case") : card.model.cases > 1 ? qsTr("%1 cases").arg(card.model.cases) : "")
                  + (card.model.cases > 0 && card.model.recordings > 0 ? "  ·  " : "")
                  + (card.model.recordings > 0 ? qsTr("Recording available") : "")
            color: Theme.accent
            font.pixelSize: Theme.smallSize
        }
        // An upcoming session can be joined from the list: through the hub
        // (its join info) when signed in, or the server kept in Settings.
        Button {
            visible: !card.model.held && (App.hub.signedIn || App.call.serverUrl !== "")
            text: qsTr("Join live session")
            Accessible.name: qsTr("Join live session: %1").arg(card.model.title)
            onClicked: App.joinSession(card.model.sessionId, card.model.title)
        }
    }
}
