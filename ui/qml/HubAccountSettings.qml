import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

// Settings → Hub account: the hub this laptop sends cases to and gets its
// schedule and recommendations from. Signed in, it says who, where and with
// which roles; otherwise it offers sign-in and joining with an invite code.
ScrollView {
    id: root
    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        width: root.availableWidth
        spacing: 8

        SectionHeader { text: qsTr("Hub account") }
        Label {
            text: qsTr("Your programme's hub holds its schedule, receives your cases and sends back recommendations. Without an account everything stays on this laptop.")
            wrapMode: Text.WordWrap
            color: Theme.text
            Layout.fillWidth: true
        }

        // Messages: a plain sentence for each failure, a confirmation otherwise.
        Label {
            objectName: "hubAccountMessage"
            visible: text !== ""
            text: App.hub.error !== "" ? App.hub.error : App.hub.notice
            color: App.hub.error !== "" ? Theme.danger : Theme.ok
            font.bold: true
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        BusyIndicator {
            running: App.hub.busy
            visible: running
            Accessible.name: qsTr("Talking to the hub")
        }

        // Signed in.
        ColumnLayout {
            visible: App.hub.signedIn
            spacing: 6
            Layout.fillWidth: true
            Label {
                text: qsTr("Signed in as %1 (%2)").arg(App.hub.name).arg(App.hub.email)
                font.pixelSize: Theme.headingSize
                color: Theme.text
                textFormat: Text.PlainText
                Accessible.name: text
            }
            Label {
                text: qsTr("Hub: %1").arg(App.hub.hubUrl)
                color: Theme.mutedText
                textFormat: Text.PlainText
                Accessible.name: text
            }
            Label {
                text: App.hub.memberships.length === 0 ? qsTr("No programme membership yet.") : qsTr("Your roles:")
                color: Theme.text
                font.bold: true
            }
            Repeater {
                model: App.hub.memberships
                delegate: Label {
                    required property var modelData
                    text: qsTr("%1 — %2").arg(modelData.programme).arg(modelData.role)
                    color: Theme.text
                    textFormat: Text.PlainText
                    leftPadding: 12
                    Accessible.name: text
                }
            }
            Button {
                text: qsTr("Sign out")
                enabled: !App.hub.busy
                Accessible.name: qsTr("Sign out of the hub")
                Accessible.description: qsTr("Cases and sessions stay on this laptop")
                onClicked: App.hub.signOut()
            }
        }

        // Not signed in: where, then sign in or join.
        ColumnLayout {
            visible: !App.hub.signedIn
            spacing: 6
            Layout.fillWidth: true
            RowLayout {
                spacing: 8
                Label { text: qsTr("Hub address"); color: Theme.text }
                TextField {
                    id: hubUrl
                    objectName: "hubUrlField"
                    text: App.hub.hubUrl
                    placeholderText: qsTr("https://hub.example.org")
                    inputMethodHints: Qt.ImhUrlCharactersOnly
                    Layout.preferredWidth: 420
                    Accessible.name: qsTr("Hub address")
                }
            }
            RowLayout {
                spacing: 2 * Theme.spacing
                Layout.fillWidth: true

                GroupBox {
                    title: qsTr("Sign in")
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 360
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 6
                        TextField {
                            id: signInEmail
                            objectName: "signInEmail"
                            text: App.hub.email
                            placeholderText: qsTr("Email")
                            inputMethodHints: Qt.ImhEmailCharactersOnly
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Email for signing in")
                        }
                        TextField {
                            id: signInPassword
                            objectName: "signInPassword"
                            placeholderText: qsTr("Password")
                            echoMode: TextInput.Password
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Password for signing in")
                            onAccepted: signInButton.clicked()
                        }
                        Button {
                            id: signInButton
                            text: qsTr("Sign in")
                            highlighted: true
                            enabled: !App.hub.busy
                            Accessible.name: qsTr("Sign in to the hub")
                            onClicked: {
                                App.hub.signIn(hubUrl.text, signInEmail.text, signInPassword.text)
                                signInPassword.clear()
                            }
                        }
                    }
                }

                GroupBox {
                    title: qsTr("Join with an invite")
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 420
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 6
                        Label {
                            text: qsTr("Your coordinator sends you an invite code once.")
                            color: Theme.mutedText
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        TextField {
                            id: inviteCode
                            objectName: "inviteCode"
                            placeholderText: qsTr("Invite code")
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Invite code")
                        }
                        TextField {
                            id: inviteEmail
                            placeholderText: qsTr("Email")
                            inputMethodHints: Qt.ImhEmailCharactersOnly
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Your email")
                        }
                        TextField {
                            id: inviteName
                            placeholderText: qsTr("Your name, as colleagues see it")
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Your name, as colleagues see it")
                        }
                        TextField {
                            id: invitePassword
                            placeholderText: qsTr("Password (at least 10 characters)")
                            echoMode: TextInput.Password
                            Layout.fillWidth: true
                            Accessible.name: qsTr("New password, at least 10 characters")
                        }
                        TextField {
                            id: inviteRepeat
                            placeholderText: qsTr("Password again")
                            echoMode: TextInput.Password
                            Layout.fillWidth: true
                            Accessible.name: qsTr("New password again")
                            onAccepted: joinButton.clicked()
                        }
                        Button {
                            id: joinButton
                            text: qsTr("Join the hub")
                            enabled: !App.hub.busy
                            Accessible.name: qsTr("Join the hub with this invite")
                            onClicked: {
                                App.hub.redeemInvite(hubUrl.text, inviteCode.text, inviteEmail.text, inviteName.text,
                                                     invitePassword.text, inviteRepeat.text)
                                invitePassword.clear()
                                inviteRepeat.clear()
                            }
                        }
                    }
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
