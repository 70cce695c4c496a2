import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Settings → Downloads: when and how fast recordings come down from the hub
// (DownloadSettingsModel). Every change applies at once, also to a download
// already running.
ColumnLayout {
    id: root
    spacing: 6
    readonly property var settings: App.downloadSettings

    SectionHeader { text: qsTr("Download speed") }
    RowLayout {
        spacing: 8
        CheckBox {
            id: capBox
            objectName: "downloadCapBox"
            text: qsTr("Limit the download speed to")
            checked: root.settings.maxKbps > 0
            Accessible.name: qsTr("Limit the download speed")
            onToggled: root.settings.maxKbps = checked ? Math.max(64, capSpin.value) : 0
        }
        SpinBox {
            id: capSpin
            objectName: "downloadCapSpin"
            from: 64
            to: 100000
            stepSize: 64
            editable: true
            enabled: capBox.checked
            value: root.settings.maxKbps > 0 ? root.settings.maxKbps : 512
            Accessible.name: qsTr("Download speed limit in kilobits per second")
            onValueModified: root.settings.maxKbps = value
        }
        Label { text: qsTr("kbit/s"); color: Theme.text }
    }
    Label {
        text: qsTr("Off by default. A limit leaves room on a shared clinic link for calls; 512 kbit/s brings a one-hour light recording (about 120 MB) in about half an hour.")
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        Layout.fillWidth: true
    }

    SectionHeader { text: qsTr("Allowed hours") }
    RowLayout {
        spacing: 8
        CheckBox {
            id: hoursBox
            objectName: "downloadHoursBox"
            text: qsTr("Download only from")
            checked: root.settings.hoursLimited
            Accessible.name: qsTr("Download only during chosen hours")
            onToggled: root.settings.hoursLimited = checked
        }
        SpinBox {
            objectName: "downloadFromHour"
            from: 0; to: 23
            value: root.settings.fromHour
            enabled: hoursBox.checked
            textFromValue: function(v) { return (v < 10 ? "0" : "") + v + ":00" }
            Accessible.name: qsTr("From hour")
            onValueModified: root.settings.fromHour = value
        }
        Label { text: qsTr("to"); color: Theme.text }
        SpinBox {
            objectName: "downloadToHour"
            from: 0; to: 23
            value: root.settings.toHour
            enabled: hoursBox.checked
            textFromValue: function(v) { return (v < 10 ? "0" : "") + v + ":00" }
            Accessible.name: qsTr("To hour")
            onValueModified: root.settings.toHour = value
        }
    }
    Label {
        text: qsTr("Local time. From 22:00 to 06:00 goes past midnight. Outside these hours a download waits and goes on by itself.")
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        Layout.fillWidth: true
    }

    SectionHeader { text: qsTr("Allowed networks") }
    RowLayout {
        spacing: 8
        Label { text: qsTr("Network connections"); color: Theme.text }
        TextField {
            objectName: "downloadNetworksField"
            text: root.settings.allowedNetworks
            placeholderText: qsTr("any network")
            Layout.preferredWidth: 260
            Accessible.name: qsTr("Allowed network connections, separated by commas; empty for any")
            onEditingFinished: root.settings.allowedNetworks = text
        }
    }
    Label {
        text: qsTr("Names of network connections as the system calls them (e.g. eth0, wlan0), separated by commas. Empty: any. This laptop goes out through: %1.")
                  .arg(root.settings.currentNetworks === "" ? qsTr("no network") : root.settings.currentNetworks)
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        Layout.fillWidth: true
        Accessible.name: text
    }
    Label {
        text: qsTr("Spoke tells connections apart by the device they use, not by the Wi-Fi network's name: two Wi-Fi networks on the same card look the same. A phone shared by USB or a mobile modem shows as its own connection.")
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
}
