import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// The session's chat. Names and messages are other people's words, so they
// are shown as plain text, never as rich text. Ours shows "Sending…" until
// the hub stored it, and "Not sent" with Retry when it failed (the retry
// goes with the same Idempotency-Key, so the hub keeps one copy).
// Enter sends; Tab reaches the list and each Retry.
FocusScope {
    id: chatView
    objectName: "liveChat"

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            text: qsTr("Chat")
            color: "white"
            font.pixelSize: Theme.headingSize
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            visible: App.live.chatError !== ""
            text: App.live.chatError
            textFormat: Text.PlainText
            color: "#ffb4ab"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        ListView {
            id: messages
            objectName: "chatList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: App.live.chat
            activeFocusOnTab: true
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Chat messages")
            onCountChanged: positionViewAtEnd()
            ScrollBar.vertical: ScrollBar { }
            delegate: Rectangle {
                id: bubble
                required property string key
                required property string author
                required property string role
                required property string text
                required property int delivery
                required property string error
                required property bool mine
                width: ListView.view.width - 12
                height: body.implicitHeight + 12
                radius: 4
                color: mine ? "#22344a" : "#16212d"
                border.width: delivery === LiveChatModel.Failed ? 1 : 0
                border.color: "#e5534b"
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1: %2").arg(author).arg(text)
                                 + (delivery === LiveChatModel.Failed ? ", " + qsTr("not sent") : "")
                ColumnLayout {
                    id: body
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: 6
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 6
                        Label {
                            text: bubble.author
                            textFormat: Text.PlainText
                            color: "white"
                            font.pixelSize: Theme.smallSize
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: bubble.role !== ""
                            text: bubble.role
                            textFormat: Text.PlainText
                            color: "#a9b8c8"
                            font.pixelSize: Theme.smallSize
                        }
                        Label {
                            visible: bubble.delivery !== LiveChatModel.Sent
                            text: bubble.delivery === LiveChatModel.Sending ? qsTr("Sending…") : qsTr("Not sent")
                            color: bubble.delivery === LiveChatModel.Failed ? "#ffb4ab" : "#a9b8c8"
                            font.pixelSize: Theme.smallSize
                        }
                    }
                    Label {
                        text: bubble.text
                        textFormat: Text.PlainText
                        color: "#e8eef5"
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.bodySize
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        visible: bubble.delivery === LiveChatModel.Failed
                        Layout.fillWidth: true
                        Label {
                            text: bubble.error
                            textFormat: Text.PlainText
                            color: "#ffb4ab"
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.smallSize
                            Layout.fillWidth: true
                        }
                        Button {
                            objectName: "retryButton"
                            text: qsTr("Retry")
                            Accessible.name: qsTr("Retry sending: %1").arg(bubble.text)
                            onClicked: App.live.retryChat(bubble.key)
                            Keys.onReturnPressed: App.live.retryChat(bubble.key)
                        }
                    }
                }
            }
        }

        Label {
            visible: messages.count === 0
            text: App.live.active ? qsTr("No messages yet.")
                                  : qsTr("This call is not linked to a session on your hub, so there is no chat.")
            color: "#a9b8c8"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            TextField {
                id: input
                objectName: "chatInput"
                Layout.fillWidth: true
                focus: true
                enabled: App.live.active
                placeholderText: qsTr("Message everyone")
                maximumLength: 2000
                Accessible.name: qsTr("Chat message")
                onAccepted: send()
                function send() {
                    if (App.live.sendChat(text))
                        text = ""
                }
            }
            Button {
                objectName: "chatSend"
                text: qsTr("Send")
                enabled: App.live.active && input.text.trim() !== ""
                Accessible.name: qsTr("Send message")
                onClicked: input.send()
            }
        }
    }
}
