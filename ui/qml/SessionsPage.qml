import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Upcoming sessions first (soonest at the top), then the ones already held.
Page {
    id: page
    signal openSession(int sessionId)
    signal openHubAccount()
    title: qsTr("Sessions")
    background: Rectangle { color: Theme.window }

    ScrollView {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 8

            // A laptop with nothing on it yet: the hub's schedule, or the demo.
            Rectangle {
                objectName: "emptyWelcome"
                visible: App.loaded && App.upcomingSessions.count === 0 && App.pastSessions.count === 0
                Layout.fillWidth: true
                implicitHeight: welcome.implicitHeight + 2 * Theme.spacing
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius
                ColumnLayout {
                    id: welcome
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 8
                    Label {
                        text: qsTr("No sessions on this laptop yet")
                        font.pixelSize: Theme.headingSize
                        font.bold: true
                        color: Theme.text
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Label {
                        text: App.hub.signedIn
                              ? qsTr("Your hub has not scheduled a session yet, or it has not been synced. It appears here once it has.")
                              : qsTr("Sign in to your programme's hub to get its schedule, or try the demo programme to look around first. The demo stays on this laptop.")
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        spacing: 8
                        Button {
                            objectName: "tryDemoButton"
                            text: qsTr("Try the demo")
                            highlighted: !App.hub.signedIn
                            Accessible.name: qsTr("Try the demo: add a demo programme to look around in")
                            onClicked: App.tryDemo()
                        }
                        Button {
                            visible: !App.hub.signedIn
                            text: qsTr("Hub account…")
                            Accessible.name: qsTr("Open Settings, Hub account, to sign in")
                            onClicked: page.openHubAccount()
                        }
                    }
                }
            }

            SectionHeader { text: qsTr("Upcoming") }
            Label {
                visible: App.upcomingSessions.count === 0
                text: App.hub.signedIn ? qsTr("No sessions scheduled by your hub.")
                                       : qsTr("No sessions scheduled. Your hub's schedule appears here once you are signed in and it has been synced.")
                color: Theme.mutedText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Repeater {
                model: App.upcomingSessions
                delegate: SessionCard {
                    Layout.fillWidth: true
                    onOpenRequested: (id) => page.openSession(id)
                }
            }

            SectionHeader { text: qsTr("Past sessions") }
            Label {
                visible: App.pastSessions.count === 0
                text: qsTr("Sessions you have attended will be listed here.")
                color: Theme.mutedText
            }
            Repeater {
                model: App.pastSessions
                delegate: SessionCard {
                    Layout.fillWidth: true
                    onOpenRequested: (id) => page.openSession(id)
                }
            }
        }
    }
}
