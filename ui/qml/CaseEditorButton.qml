import QtQuick
import QtQuick.Controls

// A button of the case editor that Enter and Return press as well as Space,
// so the form can be worked through with the keyboard alone.
Button {
    id: button
    Accessible.name: text
    Keys.onReturnPressed: if (enabled) button.clicked()
    Keys.onEnterPressed: if (enabled) button.clicked()
}
