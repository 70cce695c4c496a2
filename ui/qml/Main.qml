import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Spoke.Ui

ApplicationWindow {
    id: window

    width: 1280
    height: 740
    minimumWidth: 900
    minimumHeight: 560
    visible: true
    title: qsTr("Spoke")
    color: Theme.window

    property int section: 0
    // Review (Ctrl+5) is there only for a specialist or coordinator of a hub.
    readonly property var sectionNames: App.hub.canReview
        ? [qsTr("Sessions"), qsTr("Cases"), qsTr("Library"), qsTr("Settings"), qsTr("Review")]
        : [qsTr("Sessions"), qsTr("Cases"), qsTr("Library"), qsTr("Settings")]

    function showSection(index) {
        if (index >= sectionNames.length)
            return
        section = index
        stack.replace(null, [sessionsPage, casesPage, libraryPage, settingsPage, reviewPage][index])
    }
    Connections {
        target: App.hub
        function onAccountChanged() { if (window.section >= window.sectionNames.length) window.showSection(0) }
    }
    function openDetail(kind, id, positionMs) {
        App.detail.open(kind, id, positionMs === undefined ? -1 : positionMs)
        if (stack.depth > 1)
            return
        stack.push(detailPage)
    }
    // The case editor; App.editor keeps the case, the page only shows it.
    function openEditor(caseId) {
        App.editor.open(caseId)
        pushEditor()
    }
    function newCase(programme) {
        App.editor.newCase(programme)
        pushEditor()
    }
    function importCase(file) {
        App.editor.importJson(file)
        pushEditor()
    }
    function pushEditor() {
        if (!stack.currentItem || stack.currentItem.objectName !== "caseEditor")
            stack.push(editorPage)
    }
    // The player, at a moment (a search hit) or where it was left off (-1).
    function openPlayer(recordingId, positionMs) {
        App.player.open(recordingId, positionMs === undefined ? -1 : positionMs)
        if (!stack.currentItem || stack.currentItem.objectName !== "playerPage")
            stack.push(playerPage)
    }
    function openHit(hit) {
        if (hit.kind === "session")
            openDetail("session", hit.itemId)
        else if (hit.kind === "case")
            openDetail("case", hit.itemId)
        else if (hit.kind === "recommendation")
            openDetail("case", hit.caseId)
        else if (hit.recordingId >= 0)
            openPlayer(hit.recordingId, hit.positionMs)
        else
            openDetail("session", hit.sessionId)
    }

    Shortcut { sequences: [StandardKey.Find]; onActivated: searchBox.focusField() }
    Shortcut { sequence: "Ctrl+1"; onActivated: window.showSection(0) }
    Shortcut { sequence: "Ctrl+2"; onActivated: window.showSection(1) }
    Shortcut { sequence: "Ctrl+3"; onActivated: window.showSection(2) }
    Shortcut { sequence: "Ctrl+4"; onActivated: window.showSection(3) }
    Shortcut { sequence: "Ctrl+5"; enabled: App.hub.canReview; onActivated: window.showSection(4) }
    // The app lock (LockModel): Ctrl+L locks now, when a PIN is set.
    Shortcut { sequence: "Ctrl+L"; enabled: App.lock.pinSet && !App.lock.locked; onActivated: App.lock.lockNow() }
    Shortcut { sequences: [StandardKey.Back, "Esc"]; enabled: stack.depth > 1 && !App.call.active; onActivated: stack.pop() }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        // Under a live call nothing here takes focus or clicks; under the
        // lock nothing here is drawn, reached by Tab or read out.
        enabled: !App.call.active
        visible: !App.lock.locked

        // Navigation rail
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 210
            color: Theme.rail

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 10
                spacing: 4

                Label {
                    text: qsTr("Spoke")
                    color: "white"
                    font.pixelSize: 24
                    font.bold: true
                    Layout.bottomMargin: 2
                }
                Label {
                    text: qsTr("teleECHO telementoring")
                    color: "#9fb3c8"
                    font.pixelSize: Theme.smallSize
                    Layout.bottomMargin: 18
                }
                Repeater {
                    model: window.sectionNames
                    delegate: NavButton {
                        required property string modelData
                        required property int index
                        text: modelData
                        shortcutText: "Ctrl+" + (index + 1)
                        current: window.section === index
                        onClicked: window.showSection(index)
                    }
                }
                Item { Layout.fillHeight: true }
                NavButton {
                    objectName: "railLockButton"
                    Accessible.role: Accessible.Button
                    visible: App.lock.pinSet
                    text: qsTr("Lock now")
                    shortcutText: "Ctrl+L"
                    onClicked: App.lock.lockNow()
                }
                SyncStatus {
                    onDark: true
                    Layout.fillWidth: true
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            // Top bar: where you are, and the search over everything cached.
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: 60
                color: Theme.surface
                border.color: Theme.border

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing
                    anchors.rightMargin: Theme.spacing
                    spacing: Theme.spacing

                    ToolButton {
                        visible: stack.depth > 1
                        text: qsTr("‹ Back")
                        Accessible.name: qsTr("Back")
                        onClicked: stack.pop()
                    }
                    Label {
                        text: stack.currentItem ? stack.currentItem.title : ""
                        font.pixelSize: 20
                        font.bold: true
                        color: Theme.text
                        // Up to 60 % of the bar, a long title in a smaller font before
                        // it is cut: a recording's ("HIV ECHO — Managing viraemia on
                        // dolutegravir (2-minute replay), audio and slides") reads whole at 1366.
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: 14
                        elide: Text.ElideRight
                        Layout.maximumWidth: Math.max(360, parent.width * 0.6)
                    }
                    SearchBox {
                        id: searchBox
                        Layout.fillWidth: true
                        Layout.preferredHeight: 38
                        onOpenHit: (hit) => window.openHit(hit)
                    }
                }
            }

            // Shown instead of silent failure when the cache file cannot be used.
            Rectangle {
                visible: App.cacheError !== ""
                Layout.fillWidth: true
                Layout.preferredHeight: errorText.implicitHeight + 20
                color: "#fdecea"
                border.color: Theme.danger
                Label {
                    id: errorText
                    anchors.fill: parent
                    anchors.margins: 10
                    text: qsTr("Spoke could not open its offline cache. %1").arg(App.cacheError)
                    color: Theme.danger
                    wrapMode: Text.WordWrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }

            ArrivalNotice {
                Layout.fillWidth: true
                onOpenCase: (id) => window.openEditor(id)
            }

            StackView {
                id: stack
                Layout.fillWidth: true
                Layout.fillHeight: true
                initialItem: sessionsPage
            }
        }
    }

    // A live session covers the whole window (CallPage); the practice
    // session (scripts/run --practice) opens straight into it.
    Loader {
        id: callLayer
        anchors.fill: parent
        z: 10
        active: App.call.active
        // The call goes on under the lock; only its page is hidden.
        visible: !App.lock.locked
        sourceComponent: CallPage {}
        onLoaded: item.forceActiveFocus()
    }
    Component.onCompleted: {
        App.lock.coverWindow(window)
        if (App.call.practice)
            App.call.join(qsTr("Practice session with the hub"))
    }

    // Above the pages, the call and any dialog while locked.
    LockScreen {}

    Component {
        id: sessionsPage
        SessionsPage {
            onOpenSession: (id) => window.openDetail("session", id)
            onOpenHubAccount: window.openHubAccount()
        }
    }
    Component {
        id: reviewPage
        ReviewPage {}
    }
    Component {
        id: casesPage
        CasesPage {
            onOpenCase: (id) => window.openEditor(id)
            onNewCase: (programme) => window.newCase(programme)
            onImportCase: (file) => window.importCase(file)
        }
    }
    Component {
        id: libraryPage
        LibraryPage { onOpenRecording: (id) => window.openPlayer(id) }
    }
    Component {
        id: settingsPage
        SettingsPage {}
    }
    function openHubAccount() {
        showSection(3)
        stack.currentItem.showHubAccount()
    }
    Component {
        id: detailPage
        DetailPage {
            onOpenTarget: (kind, id) => window.openDetail(kind, id)
            onEditCase: (id) => window.openEditor(id)
            onPlayRecording: (id) => window.openPlayer(id)
        }
    }
    Component {
        id: playerPage
        PlayerPage {}
    }
    Component {
        id: editorPage
        CaseEditorPage { objectName: "caseEditor" }
    }
}
