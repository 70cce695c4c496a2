import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

Page {
    id: page
    title: qsTr("Settings")
    background: Rectangle { color: Theme.window }

    function showHubAccount() { tabs.currentIndex = 1 }

    // Alt+G, Alt+H and Alt+V switch tabs from anywhere on the page; Tab
    // reaches the tab bar too.
    Shortcut {
        sequence: "Alt+G"
        enabled: page.StackView.status === StackView.Active
        onActivated: tabs.currentIndex = 0
    }
    Shortcut {
        sequence: "Alt+H"
        enabled: page.StackView.status === StackView.Active
        onActivated: tabs.currentIndex = 1
    }
    Shortcut {
        sequence: "Alt+V"
        enabled: page.StackView.status === StackView.Active
        onActivated: tabs.currentIndex = 2
    }

    Shortcut {
        sequence: "Alt+D"
        enabled: page.StackView.status === StackView.Active
        onActivated: tabs.currentIndex = 3
    }

    Shortcut {
        sequence: "Alt+S"
        enabled: page.StackView.status === StackView.Active
        onActivated: tabs.currentIndex = 4
    }

    header: TabBar {
        id: tabs
        objectName: "settingsTabs"
        Accessible.name: qsTr("Settings sections")
        TabButton {
            text: qsTr("General")
            width: implicitWidth + 24
            Accessible.name: text
            Accessible.description: qsTr("Alt+G")
        }
        TabButton {
            objectName: "hubAccountTab"
            text: qsTr("Hub account")
            width: implicitWidth + 24
            Accessible.name: text
            Accessible.description: qsTr("Alt+H")
        }
        TabButton {
            text: qsTr("Audio && video")
            width: implicitWidth + 24
            Accessible.name: qsTr("Audio and video")
            Accessible.description: qsTr("Alt+V")
        }
        TabButton {
            objectName: "downloadsTab"
            text: qsTr("Downloads")
            width: implicitWidth + 24
            Accessible.name: text
            Accessible.description: qsTr("Alt+D")
        }
        TabButton {
            objectName: "securityTab"
            text: qsTr("Security")
            width: implicitWidth + 24
            Accessible.name: text
            Accessible.description: qsTr("Alt+S")
        }
    }

    StackLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        currentIndex: tabs.currentIndex

        ColumnLayout {
            spacing: 6

            SectionHeader { text: qsTr("Language") }
            RowLayout {
                spacing: 8
                Label {
                    text: qsTr("Language of Spoke, and of its dates and numbers")
                    color: Theme.text
                }
                // Each language named in its own language, so whoever reads
                // none of the current one still finds theirs.
                ComboBox {
                    id: languageBox
                    objectName: "languageBox"
                    model: Language.options
                    textRole: "name"
                    valueRole: "code"
                    currentIndex: Language.options.findIndex(option => option.code === Language.choice)
                    Layout.preferredWidth: Math.max(implicitWidth, 220)
                    Accessible.name: qsTr("Language")
                    onActivated: {
                        Language.choice = currentValue
                        App.refresh() // lists hold dates formatted in the old locale
                    }
                }
            }

            SectionHeader { text: qsTr("Offline cache") }
            Label {
                text: qsTr("Sessions, cases, recommendations and recordings are kept on this laptop so you can use them without a connection.")
                wrapMode: Text.WordWrap
                color: Theme.text
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Data folder: %1").arg(App.dataDir)
                color: Theme.mutedText
                textFormat: Text.PlainText
                Accessible.name: text
            }
            SyncStatus {
                Layout.fillWidth: true
                Layout.topMargin: 4
            }
            RowLayout {
                spacing: 8
                Button {
                    text: qsTr("Reload from cache")
                    Accessible.name: text
                    onClicked: App.refresh()
                }
                Button {
                    text: qsTr("Try the demo")
                    Accessible.name: qsTr("Try the demo: add a demo programme to look around in")
                    onClicked: App.tryDemo()
                }
            }
            Label {
                visible: text !== ""
                text: App.demoMessage
                color: Theme.mutedText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.name: text
            }

            SectionHeader { text: qsTr("Live sessions") }
            Label {
                text: qsTr("The hub gives you its session address. It starts with ws:// or wss://.")
                wrapMode: Text.WordWrap
                color: Theme.text
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: 8
                Label {
                    text: qsTr("Session address")
                    color: Theme.text
                }
                TextField {
                    id: serverField
                    objectName: "serverUrlField"
                    text: App.call.serverUrl
                    placeholderText: qsTr("ws://hub.example.org:8188")
                    inputMethodHints: Qt.ImhUrlCharactersOnly
                    Layout.preferredWidth: 420
                    Accessible.name: qsTr("Session address")
                    onEditingFinished: App.call.serverUrl = text
                }
            }

            SectionHeader { text: qsTr("About") }
            Label {
                text: qsTr("Spoke %1 — teleECHO telementoring client").arg(App.version)
                color: Theme.text
            }
            Item { Layout.fillHeight: true }
        }

        HubAccountSettings {}

        // Built when first opened: until then no device is touched.
        Loader {
            active: tabs.currentIndex === 2
            sourceComponent: AudioVideoSettings {
                shown: page.visible && tabs.currentIndex === 2 && page.StackView.status === StackView.Active
            }
        }

        DownloadSettings {}

        SecuritySettings {}
    }
}
