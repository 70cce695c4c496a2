import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Settings → Audio & video: which camera, microphone and speaker Spoke uses
// (saved at once, used by calls and recordings), a live preview, a level
// meter, the audio clean-up switches and a five-second "test my audio".
// The devices run only while `shown` is true.
Item {
    id: root
    property bool shown: false

    MediaSettingsModel {
        id: media
        objectName: "mediaSettings"
        view: preview
        active: root.shown
    }

    // dBFS on the meter's scale: -60 dBFS (quiet room) to 0 (clipping).
    function meterFraction(dbfs) {
        return Math.max(0, Math.min(1, (dbfs + 60) / 60))
    }

    component DevicePicker: RowLayout {
        id: picker
        property alias label: pickerLabel.text
        property var devices: []
        property string currentId: ""
        property string noneText: ""
        signal chosen(string id)
        spacing: 8
        Label {
            id: pickerLabel
            color: Theme.text
            Layout.preferredWidth: 100
        }
        ComboBox {
            id: combo
            Layout.fillWidth: true
            enabled: picker.devices.length > 0
            model: picker.devices
            textRole: "name"
            valueRole: "id"
            // Re-read once the combo holds the list (`count`: a saved choice
            // that does not change when the list arrives must still be
            // found); nothing chosen reads as such, not as the first entry.
            readonly property int chosenIndex: count > 0 ? indexOfValue(picker.currentId) : -1
            displayText: chosenIndex < 0 ? picker.noneText : currentText
            currentIndex: chosenIndex
            Accessible.name: picker.label
            Accessible.description: displayText
            onActivated: picker.chosen(currentValue)
        }
    }

    component Notice: Label {
        visible: text !== ""
        color: Theme.danger
        wrapMode: Text.WordWrap
        textFormat: Text.PlainText
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        RowLayout {
            width: scroller.availableWidth
            spacing: Theme.spacing * 2

            // Left: the choices.
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                spacing: 8

                SectionHeader { text: qsTr("Devices") }
                // Two labels, not one whose text changes: the column kept the
                // height of the short one, and the longer French sentence ran
                // into the camera picker.
                Label {
                    visible: !media.devicesReady
                    text: qsTr("Looking for cameras, microphones and speakers…")
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: media.devicesReady
                    text: qsTr("Calls and recordings use these. Test pattern and test tone are built in, for trying Spoke without a camera or microphone.")
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                DevicePicker {
                    objectName: "cameraPicker"
                    label: qsTr("Camera")
                    devices: media.cameras
                    currentId: media.cameraId
                    noneText: media.cameras.length === 0 ? qsTr("No camera found") : qsTr("No camera chosen")
                    onChosen: (id) => media.cameraId = id
                    Layout.fillWidth: true
                }
                DevicePicker {
                    objectName: "microphonePicker"
                    label: qsTr("Microphone")
                    devices: media.microphones
                    currentId: media.microphoneId
                    noneText: media.microphones.length === 0 ? qsTr("No microphone found") : qsTr("No microphone chosen")
                    onChosen: (id) => media.microphoneId = id
                    Layout.fillWidth: true
                }
                DevicePicker {
                    objectName: "speakerPicker"
                    label: qsTr("Speaker")
                    devices: media.speakers
                    currentId: media.speakerId
                    noneText: media.speakers.length === 0 ? qsTr("No speaker found") : qsTr("No speaker chosen")
                    onChosen: (id) => media.speakerId = id
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Look for devices again")
                    Accessible.name: text
                    Accessible.description: qsTr("After plugging in a camera or a headset")
                    onClicked: media.refreshDevices()
                }

                SectionHeader { text: qsTr("Sound clean-up") }
                Label {
                    text: qsTr("Turn these off only if your headset already does the same work.")
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Switch {
                    text: qsTr("Echo cancellation")
                    checked: media.echoCancellation
                    Accessible.name: text
                    onToggled: media.echoCancellation = checked
                }
                Switch {
                    text: qsTr("Noise suppression")
                    checked: media.noiseSuppression
                    Accessible.name: text
                    onToggled: media.noiseSuppression = checked
                }
                Switch {
                    text: qsTr("Automatic gain")
                    checked: media.gainControl
                    Accessible.name: text
                    onToggled: media.gainControl = checked
                }
            }

            // Right: what the devices are doing now.
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                spacing: 8

                SectionHeader { text: qsTr("Camera preview") }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: width * 9 / 16
                    Layout.maximumHeight: 260
                    color: "#0d1b2a"
                    radius: Theme.radius
                    VideoView {
                        id: preview
                        objectName: "cameraPreview"
                        anchors.fill: parent
                        anchors.margins: 2
                        Accessible.role: Accessible.Graphic
                        Accessible.name: qsTr("Camera preview")
                        Accessible.description: media.cameraShowing
                    }
                    Label {
                        anchors.centerIn: parent
                        visible: !preview.hasPicture
                        text: qsTr("Starting the camera…")
                        color: "#e8eef5"
                    }
                }
                Label {
                    visible: media.cameraShowing !== ""
                    text: qsTr("Showing: %1").arg(media.cameraShowing)
                    color: Theme.mutedText
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Notice { text: media.cameraMessage }

                SectionHeader { text: qsTr("Microphone level") }
                Rectangle {
                    id: meter
                    Layout.fillWidth: true
                    Layout.preferredHeight: 18
                    radius: 3
                    color: "#e8eef5"
                    border.color: Theme.border
                    Accessible.role: Accessible.ProgressBar
                    Accessible.name: qsTr("Microphone level")
                    Accessible.description: levelText.text
                    Rectangle {
                        width: (parent.width - 2) * root.meterFraction(media.rmsDbfs)
                        height: parent.height - 2
                        x: 1; y: 1
                        radius: 2
                        color: media.peakDbfs > -1 ? Theme.danger : Theme.ok
                    }
                    Rectangle {
                        visible: media.peakDbfs > -60
                        x: 1 + (parent.width - 4) * root.meterFraction(media.peakDbfs)
                        width: 2
                        height: parent.height
                        color: Theme.text
                    }
                }
                Label {
                    id: levelText
                    text: media.microphoneRunning
                          ? qsTr("Level %1 dBFS, peak %2 dBFS").arg(media.rmsDbfs.toLocaleString(Qt.locale(Language.localeName), "f", 1)).arg(media.peakDbfs.toLocaleString(Qt.locale(Language.localeName), "f", 1))
                          : qsTr("No sound is being picked up.")
                    color: Theme.mutedText
                }
                Notice { text: media.microphoneMessage }

                SectionHeader { text: qsTr("Test my audio") }
                RowLayout {
                    spacing: 10
                    Layout.fillWidth: true
                    CaseEditorButton {
                        objectName: "testAudioButton"
                        text: qsTr("Test my audio")
                        enabled: media.testState !== MediaSettingsModel.Recording && media.testState !== MediaSettingsModel.Playing
                        Accessible.description: media.testStatus
                        onClicked: media.testAudio()
                    }
                    Label {
                        text: media.testStatus
                        color: media.testState === MediaSettingsModel.Done ? Theme.ok : Theme.text
                        font.bold: media.testState === MediaSettingsModel.Recording || media.testState === MediaSettingsModel.Playing
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                }
                Notice { text: media.testError }
            }
        }
    }
}
