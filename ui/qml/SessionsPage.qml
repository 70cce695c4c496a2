import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Upcoming sessions first (soonest at the top), then the ones already held.
Page {
    id: page
    signal openSession(int sessionId)
    title: qsTr("Sessions")
    background: Rectangle { color: Theme.window }

    ScrollView {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 8

            SectionHeader { text: qsTr("Upcoming") }
            Label {
                visible: App.upcomingSessions.count === 0
                text: qsTr("No sessions scheduled. Your hub's schedule appears here once it has been synced.")
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
